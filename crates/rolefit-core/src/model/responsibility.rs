use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, Text};
use crate::Id;

/// A piece of work, and how much of it each role owns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct Responsibility {
    /// Stable id.
    pub id: Id,
    /// Short name, e.g. "Order the product backlog".
    pub name: Text,
    /// What the work is, in rolefit's words.
    pub description: Text,
    /// The area of work.
    pub category: ResponsibilityCategory,
    /// Each role's stake in the work. A role not listed has no stated stake.
    #[schemars(length(min = 1))]
    pub ownership: List<RoleOwnership>,
    /// Where this record comes from: its sources, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

/// One role's stake in a [`Responsibility`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RoleOwnership {
    /// The role.
    pub role: Id,
    /// How much of the work is the role's.
    pub level: Ownership,
}

impl Responsibility {
    /// A responsibility with every field, in declaration order.
    pub const fn new(
        id: Id,
        name: Text,
        description: Text,
        category: ResponsibilityCategory,
        ownership: List<RoleOwnership>,
        sources: List<Citation>,
    ) -> Self {
        Self { id, name, description, category, ownership, sources }
    }
}

bake_by_constructor!(Responsibility::new { id, name, description, category, ownership, sources });

impl RoleOwnership {
    /// A role's stake.
    pub const fn new(role: Id, level: Ownership) -> Self {
        Self { role, level }
    }
}

bake_by_constructor!(RoleOwnership::new { role, level });

impl Record for Responsibility {
    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.text(Some("name"), &self.name);
        c.text(Some("description"), &self.description);
        c.per_role("ownership", &self.ownership, true, |o| &o.role, |_, _| {});
        c.citations(&self.sources);
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(
            self,
            other,
            Responsibility { id; name: Wording, description: Wording, category: Value, ownership: Value, sources: Wording }
        )
    }

    fn leans(&self, each: &mut dyn FnMut(&Id, f64)) {
        for o in self.ownership.iter() {
            each(&o.role, o.level.weight());
        }
    }

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        Some(&mut self.sources)
    }
}

/// How much of a responsibility is a role's, from most to least.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
pub enum Ownership {
    /// Not the role's work.
    None,
    /// The role takes part; another role is accountable.
    Contributes,
    /// The role shares accountability with another role.
    Shares,
    /// The role is accountable.
    Owns,
}

impl Ownership {
    /// How strongly this level ties the work to the role, in `[0, 1]`.
    pub fn weight(self) -> f64 {
        match self {
            Self::None => 0.0,
            Self::Contributes => 0.25,
            Self::Shares => 0.6,
            Self::Owns => 1.0,
        }
    }
}

/// The area of work a [`Responsibility`] belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum ResponsibilityCategory {
    /// Vision, strategy, positioning, business goals.
    Strategy,
    /// Market research, customer insight, competition.
    Discovery,
    /// Roadmaps and release planning.
    Planning,
    /// The product backlog: items, ordering, refinement.
    Backlog,
    /// Sprints, acceptance, working with the development team.
    Delivery,
    /// Stakeholders, communication, alignment.
    Stakeholders,
    /// KPIs, performance, value.
    Measurement,
    /// Launches, pricing, sales and marketing support.
    GoToMarket,
    /// Leading and coordinating people and teams.
    Leadership,
}
