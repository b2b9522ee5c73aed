//! The kinds of record, and what the rest of rolefit must know about each.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The kind of a record: one per list of a catalog document.
// Each property below is an exhaustive `match`, so a new kind does not compile until it
// says what it is; the registry (`model/registry.rs`) then asks for its list and type.
// See docs/architecture.md, "How to add a record kind".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RecordKind {
    /// A [`Source`](super::Source): where facts come from.
    Source,
    /// A [`Role`](super::Role).
    Role,
    /// A [`Responsibility`](super::Responsibility).
    Responsibility,
    /// A [`Kpi`](super::Kpi).
    Kpi,
    /// A [`Skill`](super::Skill).
    Skill,
    /// A [`Dimension`](super::Dimension).
    Dimension,
    /// A [`SalaryFigure`](super::SalaryFigure).
    Salary,
    /// An [`AssessmentSignal`](super::AssessmentSignal).
    Signal,
    /// A [`Practice`](super::Practice).
    Practice,
    /// A [`CareerPath`](super::CareerPath): a move from one role to another.
    CareerPath,
    /// A [`Disagreement`](super::Disagreement).
    Disagreement,
    /// A [`LexiconEntry`](super::LexiconEntry): the phrases that recognise one record in
    /// text (its key is that record's id).
    Lexicon,
    /// The kind `model/example_kind.rs` adds (rolefit-core's unit tests only).
    #[cfg(test)]
    Certification,
}

impl RecordKind {
    /// Every kind, in the order of the document's lists.
    pub const ALL: &'static [RecordKind] = &[
        Self::Source,
        Self::Role,
        Self::Responsibility,
        Self::Kpi,
        Self::Skill,
        Self::Dimension,
        Self::Salary,
        Self::Signal,
        Self::Practice,
        Self::CareerPath,
        Self::Disagreement,
        Self::Lexicon,
        #[cfg(test)]
        Self::Certification,
    ];

    /// What a record of this kind is called in messages: `"salary figure"`, `"kpi"`.
    pub fn noun(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::Role => "role",
            Self::Responsibility => "responsibility",
            Self::Kpi => "kpi",
            Self::Skill => "skill",
            Self::Dimension => "dimension",
            Self::Salary => "salary figure",
            Self::Signal => "signal",
            Self::Practice => "practice",
            Self::CareerPath => "career path",
            Self::Disagreement => "disagreement",
            Self::Lexicon => "lexicon entry",
            #[cfg(test)]
            Self::Certification => "certification",
        }
    }

    /// The kind's name, as in JSON: `responsibility`, `salary`, `lexicon`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::Role => "role",
            Self::Responsibility => "responsibility",
            Self::Kpi => "kpi",
            Self::Skill => "skill",
            Self::Dimension => "dimension",
            Self::Salary => "salary",
            Self::Signal => "signal",
            Self::Practice => "practice",
            Self::CareerPath => "career-path",
            Self::Disagreement => "disagreement",
            Self::Lexicon => "lexicon",
            #[cfg(test)]
            Self::Certification => "certification",
        }
    }

    /// Whether records of this kind have ids of their own, unique across the catalog (a
    /// lexicon entry is keyed by the record it is about).
    pub fn has_own_id(self) -> bool {
        match self {
            Self::Source
            | Self::Role
            | Self::Responsibility
            | Self::Kpi
            | Self::Skill
            | Self::Dimension
            | Self::Salary
            | Self::Signal
            | Self::Practice
            | Self::CareerPath
            | Self::Disagreement => true,
            #[cfg(test)]
            Self::Certification => true,
            Self::Lexicon => false,
        }
    }

    /// Whether the lexicon may give phrases that recognise records of this kind in text.
    pub fn recognised_in_text(self) -> bool {
        match self {
            Self::Role | Self::Responsibility | Self::Kpi | Self::Skill | Self::Signal => true,
            Self::Source
            | Self::Dimension
            | Self::Salary
            | Self::Practice
            | Self::CareerPath
            | Self::Disagreement
            | Self::Lexicon => false,
            #[cfg(test)]
            Self::Certification => false,
        }
    }

    /// Whether records of this kind lean to roles ([`Record::leans`](super::Record::leans)),
    /// which is what scoring reads.
    pub fn leans(self) -> bool {
        match self {
            Self::Responsibility | Self::Kpi | Self::Skill | Self::Signal => true,
            Self::Source
            | Self::Role
            | Self::Dimension
            | Self::Salary
            | Self::Practice
            | Self::CareerPath
            | Self::Disagreement
            | Self::Lexicon => false,
            #[cfg(test)]
            Self::Certification => false,
        }
    }
}

/// Where a record sits in a catalog: its kind and its position in that kind's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub struct RecordRef {
    /// The kind of record.
    pub kind: RecordKind,
    /// Its position in the catalog's list of that kind.
    pub index: usize,
}

impl RecordRef {
    /// The record at `index` in the list of `kind`.
    pub const fn new(kind: RecordKind, index: usize) -> Self {
        Self { kind, index }
    }
}

super::bake::bake_by_constructor!(RecordRef::new { kind, index });
