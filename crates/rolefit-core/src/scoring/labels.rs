//! Words for values in explanations: an origin, an answer, a staffing.

use crate::evidence::{Answer, Origin};
use crate::model::{Ownership, Staffing};

pub(crate) fn staffing_label(staffing: Staffing) -> &'static str {
    match staffing {
        Staffing::OnePerson => "one person",
        Staffing::SeparatePeople => "separate people",
    }
}

pub(crate) fn origin_label(origin: &Origin) -> String {
    match origin {
        Origin::Answer { answer } => format!("(answer {})", answer_word(*answer)),
        Origin::Skill { proficiency } => format!("(skill, {})", proficiency.as_str()),
        Origin::Experience { level } => format!("(experience, {})", ownership_word(*level)),
        Origin::Text { start, end, phrase } => format!("(text {start}..{end} {phrase:?})"),
        Origin::Custom { label } => format!("({label})"),
    }
}

pub(crate) fn answer_word(answer: Answer) -> &'static str {
    match answer {
        Answer::Yes => "yes",
        Answer::No => "no",
        Answer::Unknown => "unknown",
    }
}

pub(crate) fn ownership_word(level: Ownership) -> &'static str {
    match level {
        Ownership::None => "none",
        Ownership::Contributes => "contributed",
        Ownership::Shares => "shared",
        Ownership::Owns => "owned",
    }
}
