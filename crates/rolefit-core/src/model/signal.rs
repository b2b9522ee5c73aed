use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, Text};
use crate::Id;

/// An organisational circumstance that points toward a role, such as working in
/// Scrum or coordinating many departments. A needs assessment answers one question
/// per signal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
// The schema's form of "leans to a role or says something about staffing": each branch a
// whole constraint (an array of at least one, a staffing value), so that code generators
// turn it into a type (TypeScript: a non-empty tuple or a `Staffing`) instead of dropping it
// or guessing an object.
#[schemars(extend("anyOf" = [
    { "required": ["leans"], "properties": { "leans": { "type": "array", "minItems": 1 } } },
    { "required": ["staffing"], "properties": { "staffing": { "$ref": "#/$defs/Staffing" } } },
]))]
#[non_exhaustive]
pub struct AssessmentSignal {
    /// Stable id.
    pub id: Id,
    /// Short name, e.g. "Agile or Scrum environment".
    pub name: Text,
    /// The yes/no question that asks for it, e.g. "Does the team work in Scrum?".
    pub question: Text,
    /// What the circumstance means and why it matters, in rolefit's words.
    pub description: Text,
    /// What kind of circumstance it is.
    pub category: SignalCategory,
    /// The roles a "yes" points toward, each with a weight in `[0, 1]`.
    #[serde(default)]
    pub leans: List<RoleLean>,
    /// What a "yes" says about staffing: one person for both roles, or separate people.
    #[serde(default)]
    pub staffing: Option<Staffing>,
    /// Where this record comes from: its sources, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

impl AssessmentSignal {
    /// A signal with every field, in declaration order.
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        id: Id,
        name: Text,
        question: Text,
        description: Text,
        category: SignalCategory,
        leans: List<RoleLean>,
        staffing: Option<Staffing>,
        sources: List<Citation>,
    ) -> Self {
        Self { id, name, question, description, category, leans, staffing, sources }
    }
}

bake_by_constructor!(AssessmentSignal::new { id, name, question, description, category, leans, staffing, sources });

impl RoleLean {
    /// A lean of `weight` to `role`.
    pub const fn new(role: Id, weight: f64) -> Self {
        Self { role, weight }
    }
}

bake_by_constructor!(RoleLean::new { role, weight });

impl Record for AssessmentSignal {
    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.text(Some("name"), &self.name);
        c.text(Some("question"), &self.question);
        c.text(Some("description"), &self.description);
        c.per_role("leans", &self.leans, false, |l| &l.role, |c, l| c.weight("weight", l.weight));
        if self.leans.is_empty() && self.staffing.is_none() {
            c.report(Some("leans"), "the signal neither leans to a role nor says anything about staffing");
        }
        c.citations(&self.sources);
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(
            self,
            other,
            AssessmentSignal {
                id;
                name: Wording,
                question: Wording,
                description: Wording,
                category: Value,
                leans: Value,
                staffing: Value,
                sources: Wording
            }
        )
    }

    fn leans(&self, each: &mut dyn FnMut(&Id, f64)) {
        for lean in self.leans.iter() {
            each(&lean.role, lean.weight);
        }
    }

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        Some(&mut self.sources)
    }
}

/// How strongly an [`AssessmentSignal`] points toward one role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RoleLean {
    /// The role.
    pub role: Id,
    /// The strength, in `[0, 1]`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub weight: f64,
}

/// What kind of circumstance an [`AssessmentSignal`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SignalCategory {
    /// How the team works (Scrum, iterations).
    Methodology,
    /// How many products and how complex.
    Portfolio,
    /// The market the product is in.
    Market,
    /// Departments, structure, coordination.
    Organisation,
    /// Company stage and size.
    Stage,
    /// What the organisation already has or lacks (vision, backlog ownership).
    Capability,
}

/// What a circumstance says about how the roles are staffed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
pub enum Staffing {
    /// One person can cover both roles.
    OnePerson,
    /// The roles need separate people.
    SeparatePeople,
}
