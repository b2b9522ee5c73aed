use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{List, Text};
use crate::Id;

/// The phrases by which a fact is recognised in free text, such as a job posting.
///
/// Matching ignores case, plurals, hyphens and runs of whitespace, so one entry
/// per wording is enough: `"groom the backlog"` also finds "Grooming the back-log".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
pub struct LexiconEntry {
    /// The fact the phrases point at: a role, responsibility, KPI, skill or signal.
    pub fact: Id,
    /// The phrases.
    #[schemars(length(min = 1))]
    pub phrases: List<Text>,
}
