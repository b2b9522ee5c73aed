use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, List, Text};
use crate::Id;

/// A way the two roles work together well, such as a shared vision or clear
/// boundaries between their duties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
pub struct Practice {
    /// Stable id.
    pub id: Id,
    /// Short name.
    pub name: Text,
    /// The practice, in rolefit's words.
    pub description: Text,
    /// Where this record comes from: its sources, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}
