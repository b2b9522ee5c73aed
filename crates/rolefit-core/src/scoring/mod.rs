//! Explainable, pluggable scoring: evidence in, scorecard out.
//!
//! # Overview
//!
//! ```text
//! OrgProfile / CandidateProfile / text ──adapter──▶ Evidence ──Scorer::score──▶ Scorecard
//! ```
//!
//! - [`Evidence`]: catalog facts, each with a strength in `[0, 1]` and an [`Origin`].
//! - [`Scorer`]: the strategy trait; one required method. Built in: [`LeanScorer`]
//!   (`lean`, saturating) and [`CoverageScorer`] (`coverage`, share of a role's needs);
//!   combine them with [`Ensemble`], plug closures in with [`scorer_fn`].
//! - [`LeanTable`]: how strongly each fact leans to each role, built once per catalog;
//!   [`Weights`] override it from a user file.
//! - [`Scorecard`]: per role a score, a [`Verdict`], margin, coverage, confidence and the
//!   [`Contribution`]s that add up to each score.
//! - [`VerdictPolicy`]: from scores to verdict; [`Thresholds`] is the built-in one.
//!
//! `docs/scoring.md` gives the formulas and how to write a strategy.

mod coverage;
mod ensemble;
mod evidence;
mod explanation;
mod lean;
mod lean_table;
mod policy;
mod scorecard;
mod scorer;
mod weights;

pub use coverage::CoverageScorer;
pub use ensemble::Ensemble;
pub(crate) use evidence::clamp_strength;
pub use evidence::{Answer, Evidence, EvidenceItem, Origin};
pub use explanation::Explanation;
pub use lean::{DEFAULT_HALF, LeanScorer};
pub use lean_table::{LEANING_KINDS, LeanTable};
pub use policy::{Decision, Thresholds, VerdictPolicy};
pub use scorecard::{Contribution, RoleScore, Scorecard, ScorecardBuilder, StaffingEvidence, Verdict};
pub(crate) use scorecard::{same_id, zero_scores};
pub use scorer::{Named, Scorer, ScorerFn, WithPolicy, scorer_fn};
pub use weights::Weights;

use crate::model::Staffing;

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

pub(crate) fn ownership_word(level: crate::Ownership) -> &'static str {
    match level {
        crate::Ownership::None => "none",
        crate::Ownership::Contributes => "contributed",
        crate::Ownership::Shares => "shared",
        crate::Ownership::Owns => "owned",
    }
}
