use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, RecordKind, Text};
use crate::Id;

/// A move from one role to another, and what it takes, such as a product owner becoming
/// a product manager.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct CareerPath {
    /// Stable id, e.g. `product-owner-to-product-manager`.
    pub id: Id,
    /// The role the move starts from.
    pub from: Id,
    /// The role the move leads to (not `from`).
    pub to: Id,
    /// Display name, e.g. "From product owner to product manager".
    pub name: Text,
    /// The move in one sentence.
    pub summary: Text,
    /// What the sources say about the move, in rolefit's words.
    pub description: Text,
    /// What the move takes: experience, knowledge or work the person needs.
    #[schemars(length(min = 1))]
    pub requires: List<PathRequirement>,
    /// Where this record comes from: its sources, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

/// One thing a [`CareerPath`] takes, with the skills and responsibilities it is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct PathRequirement {
    /// What the person needs, in rolefit's words.
    pub need: Text,
    /// Ids of the skills it is about, where the catalog has them.
    #[serde(default)]
    pub skills: List<Id>,
    /// Ids of the responsibilities (pieces of work) it is about, where the catalog has them.
    #[serde(default)]
    pub responsibilities: List<Id>,
    /// Where the requirement comes from.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

impl CareerPath {
    /// A career path with every field, in declaration order.
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        id: Id,
        from: Id,
        to: Id,
        name: Text,
        summary: Text,
        description: Text,
        requires: List<PathRequirement>,
        sources: List<Citation>,
    ) -> Self {
        Self { id, from, to, name, summary, description, requires, sources }
    }
}

bake_by_constructor!(CareerPath::new { id, from, to, name, summary, description, requires, sources });

impl PathRequirement {
    /// A requirement with every field, in declaration order.
    pub const fn new(need: Text, skills: List<Id>, responsibilities: List<Id>, sources: List<Citation>) -> Self {
        Self { need, skills, responsibilities, sources }
    }
}

bake_by_constructor!(PathRequirement::new { need, skills, responsibilities, sources });

impl Record for CareerPath {
    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.role(Some("from"), &self.from);
        c.role(Some("to"), &self.to);
        if self.from == self.to {
            c.report(Some("to"), format!("a path from {:?} to itself", self.to.as_str()));
        }
        c.text(Some("name"), &self.name);
        c.text(Some("summary"), &self.summary);
        c.text(Some("description"), &self.description);
        if self.requires.is_empty() {
            c.report(Some("requires"), "no requirement; say what the move takes");
        }
        c.each("requires", &self.requires, |c, need| {
            c.text(Some("need"), &need.need);
            c.each("skills", &need.skills, |c, id| c.reference(None, id, RecordKind::Skill));
            c.each("responsibilities", &need.responsibilities, |c, id| {
                c.reference(None, id, RecordKind::Responsibility);
            });
            c.citations(&need.sources);
        });
        c.citations(&self.sources);
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(
            self,
            other,
            CareerPath {
                id;
                from: Value,
                to: Value,
                name: Wording,
                summary: Wording,
                description: Wording,
                requires: Value,
                sources: Wording
            }
        )
    }

    fn leans(&self, _: &mut dyn FnMut(&Id, f64)) {}

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        Some(&mut self.sources)
    }
}
