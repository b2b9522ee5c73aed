use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, Text};
use crate::Id;

/// A way the two roles work together well, such as a shared vision or clear
/// boundaries between their duties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
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

impl Practice {
    /// A practice with every field, in declaration order.
    pub const fn new(id: Id, name: Text, description: Text, sources: List<Citation>) -> Self {
        Self { id, name, description, sources }
    }
}

bake_by_constructor!(Practice::new { id, name, description, sources });

impl Record for Practice {
    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.text(Some("name"), &self.name);
        c.text(Some("description"), &self.description);
        c.citations(&self.sources);
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(self, other, Practice { id; name: Wording, description: Wording, sources: Wording })
    }

    fn leans(&self, _: &mut dyn FnMut(&Id, f64)) {}

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        Some(&mut self.sources)
    }
}
