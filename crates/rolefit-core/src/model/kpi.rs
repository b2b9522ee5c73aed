use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, List, Text};
use crate::Id;

/// A key performance indicator a role answers for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
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

/// The unit of a [`Kpi`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
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
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
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
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
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
