//! Where a piece of evidence came from, so a scorecard can say why.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::proficiency::Proficiency;
use crate::model::{Ownership, Text};

/// How a question was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// The circumstance applies.
    Yes,
    /// The circumstance does not apply.
    No,
    /// Nobody knows; lowers the confidence, is never read as "no".
    Unknown,
}

impl Answer {
    /// `Yes` for `Some(true)`, `No` for `Some(false)`, `Unknown` for `None`.
    pub fn from_option(known: Option<bool>) -> Self {
        match known {
            Some(true) => Self::Yes,
            Some(false) => Self::No,
            None => Self::Unknown,
        }
    }

    /// `Some(true)`, `Some(false)` or `None`.
    pub fn known(self) -> Option<bool> {
        match self {
            Self::Yes => Some(true),
            Self::No => Some(false),
            Self::Unknown => None,
        }
    }
}

/// Where a piece of evidence came from, so a [`Scorecard`](crate::Scorecard) can say why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "from", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Origin {
    /// An answer to an assessment question.
    Answer {
        /// The answer given.
        answer: Answer,
    },
    /// A skill someone holds.
    Skill {
        /// How well they hold it.
        proficiency: Proficiency,
    },
    /// Work someone has done.
    Experience {
        /// How much of the work was theirs.
        level: Ownership,
    },
    /// A phrase found in a text.
    Text {
        /// Byte offset of the match's start.
        start: usize,
        /// Byte offset just past the match's end.
        end: usize,
        /// The phrase that matched.
        phrase: Text,
    },
    /// Anything else, described by whoever produced the evidence.
    Custom {
        /// What the evidence is, for a reader.
        label: Text,
    },
}
