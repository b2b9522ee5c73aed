use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, List, Text};
use crate::Id;

/// A point on which the sources disagree, recorded instead of silently picking a side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
pub struct Disagreement {
    /// Stable id.
    pub id: Id,
    /// What is disputed, e.g. "Who sets the product vision".
    pub topic: Text,
    /// The dispute in rolefit's words, and how the catalog handles it.
    pub description: Text,
    /// The records the dispute bears on.
    #[serde(default)]
    pub affects: List<Id>,
    /// The positions taken, each with the sources that take it.
    #[schemars(length(min = 2))]
    pub positions: List<Position>,
}

/// One side of a [`Disagreement`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
pub struct Position {
    /// The position, in rolefit's words.
    pub claim: Text,
    /// The sources that take it, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}
