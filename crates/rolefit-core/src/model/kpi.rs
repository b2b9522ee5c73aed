use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, Text};
use crate::Id;

/// A key performance indicator a role answers for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct Kpi {
    /// Stable id.
    pub id: Id,
    /// Short name, e.g. "Sprint velocity".
    pub name: Text,
    /// What is measured and how, in rolefit's words.
    pub definition: Text,
    /// The unit of the measure.
    pub unit: KpiUnit,
    /// Which way is better.
    pub direction: Direction,
    /// How often it is usually reviewed.
    pub cadence: Cadence,
    /// The roles it measures.
    #[schemars(length(min = 1))]
    pub roles: List<Id>,
    /// Where this record comes from: its sources, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

impl Kpi {
    /// A KPI with every field, in declaration order.
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        id: Id,
        name: Text,
        definition: Text,
        unit: KpiUnit,
        direction: Direction,
        cadence: Cadence,
        roles: List<Id>,
        sources: List<Citation>,
    ) -> Self {
        Self { id, name, definition, unit, direction, cadence, roles, sources }
    }
}

bake_by_constructor!(Kpi::new { id, name, definition, unit, direction, cadence, roles, sources });

impl Record for Kpi {
    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.text(Some("name"), &self.name);
        c.text(Some("definition"), &self.definition);
        if self.roles.is_empty() {
            c.report(Some("roles"), "no role listed");
        }
        c.each("roles", &self.roles, |c, role| c.role(None, role));
        c.citations(&self.sources);
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(
            self,
            other,
            Kpi {
                id;
                name: Wording,
                definition: Wording,
                unit: Value,
                direction: Value,
                cadence: Value,
                roles: Value,
                sources: Wording
            }
        )
    }

    fn leans(&self, each: &mut dyn FnMut(&Id, f64)) {
        for role in self.roles.iter() {
            each(role, 1.0);
        }
    }

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        Some(&mut self.sources)
    }
}

/// The unit of a [`Kpi`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum KpiUnit {
    /// A share, 0 to 100.
    Percent,
    /// Money.
    Currency,
    /// A count of things.
    Count,
    /// Work done per iteration (story points or items).
    PointsPerSprint,
    /// Elapsed time.
    Duration,
    /// A survey score (e.g. CSAT, NPS).
    Score,
    /// A judgement on a scale rather than a number.
    Rating,
}

/// Which way a [`Kpi`] should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// Higher is better.
    HigherIsBetter,
    /// Lower is better.
    LowerIsBetter,
    /// Best when close to a target or a plan.
    OnTarget,
}

/// How often a [`Kpi`] is usually reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Cadence {
    /// Every sprint or iteration.
    PerSprint,
    /// Every release.
    PerRelease,
    /// Every month.
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Every year.
    Yearly,
}
