use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, Text};
use crate::Id;

/// A point on which the sources disagree, recorded instead of silently picking a side.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
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
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct Position {
    /// The position, in rolefit's words.
    pub claim: Text,
    /// The sources that take it, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

impl Disagreement {
    /// A disagreement with every field, in declaration order.
    pub const fn new(id: Id, topic: Text, description: Text, affects: List<Id>, positions: List<Position>) -> Self {
        Self { id, topic, description, affects, positions }
    }
}

bake_by_constructor!(Disagreement::new { id, topic, description, affects, positions });

impl Position {
    /// A position and the sources that take it.
    pub const fn new(claim: Text, sources: List<Citation>) -> Self {
        Self { claim, sources }
    }
}

bake_by_constructor!(Position::new { claim, sources });

impl Record for Disagreement {
    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        &self.topic
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.text(Some("topic"), &self.topic);
        c.text(Some("description"), &self.description);
        c.each("affects", &self.affects, |c, id| {
            if c.kind_of(id.as_str()).is_none() {
                let suggestion = c.suggestion(id.as_str(), |_| true);
                c.report(None, format!("unknown record {id:?}{suggestion}"));
            }
        });
        if self.positions.len() < 2 {
            c.report(Some("positions"), "a disagreement needs at least two positions");
        }
        c.each("positions", &self.positions, |c, position| {
            c.text(Some("claim"), &position.claim);
            c.citations(&position.sources);
        });
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(self, other, Disagreement { id; topic: Wording, description: Wording, affects: Value, positions: Wording })
    }

    fn leans(&self, _: &mut dyn FnMut(&Id, f64)) {}

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        // Each position cites its own sources.
        None
    }
}
