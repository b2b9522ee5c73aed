use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, Text};
use crate::Id;

/// An aspect on which the roles are compared (primary focus, time horizon, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct Dimension {
    /// Stable id, e.g. `time-horizon`.
    pub id: Id,
    /// Display name, e.g. "Time horizon".
    pub name: Text,
    /// What the aspect means.
    pub description: Text,
    /// Each role's value on this aspect.
    #[schemars(length(min = 1))]
    pub values: List<DimensionValue>,
}

/// One role's value on a [`Dimension`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct DimensionValue {
    /// The role.
    pub role: Id,
    /// The value, in rolefit's words.
    pub value: Text,
    /// The typed range, for time-horizon dimensions.
    #[serde(default)]
    pub horizon: Option<TimeHorizon>,
    /// Where this value comes from: its sources, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

/// A planning horizon: from `shortest` to `longest`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TimeHorizon {
    /// The near end of the range.
    pub shortest: TimeSpan,
    /// The far end of the range; none when open-ended.
    #[serde(default)]
    pub longest: Option<TimeSpan>,
}

/// A span of time, such as 2 weeks, or "weeks" when a source gives no count.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TimeSpan {
    /// How many units; none when the source names the unit without a count ("weeks to
    /// months"), rather than a count it does not give.
    #[serde(default)]
    #[schemars(range(max = u32::MAX))]
    pub amount: Option<u32>,
    /// The unit.
    pub unit: TimeUnit,
}

impl TimeSpan {
    /// The span in days (a month counts 30.4375 days, a year 365.25); a span without a
    /// count is read as one unit, the least it can mean.
    pub fn days(self) -> f64 {
        f64::from(self.amount.unwrap_or(1)) * self.unit.days()
    }
}

impl Dimension {
    /// A dimension with every field, in declaration order.
    pub const fn new(id: Id, name: Text, description: Text, values: List<DimensionValue>) -> Self {
        Self { id, name, description, values }
    }
}

bake_by_constructor!(Dimension::new { id, name, description, values });

impl DimensionValue {
    /// A role's value with every field, in declaration order.
    pub const fn new(role: Id, value: Text, horizon: Option<TimeHorizon>, sources: List<Citation>) -> Self {
        Self { role, value, horizon, sources }
    }
}

bake_by_constructor!(DimensionValue::new { role, value, horizon, sources });

impl TimeHorizon {
    /// A horizon from `shortest` to `longest` (none: open-ended).
    pub const fn new(shortest: TimeSpan, longest: Option<TimeSpan>) -> Self {
        Self { shortest, longest }
    }
}

bake_by_constructor!(TimeHorizon::new { shortest, longest });

impl TimeSpan {
    /// `amount` units (none: as many as the source leaves open).
    pub const fn new(amount: Option<u32>, unit: TimeUnit) -> Self {
        Self { amount, unit }
    }
}

bake_by_constructor!(TimeSpan::new { amount, unit });

impl Record for Dimension {
    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.text(Some("name"), &self.name);
        c.text(Some("description"), &self.description);
        c.per_role(
            "values",
            &self.values,
            true,
            |v| &v.role,
            |c, v| {
                c.text(Some("value"), &v.value);
                if let Some(h) = v.horizon
                    && let Some(longest) = h.longest
                    && longest.days() < h.shortest.days()
                {
                    c.report(Some("horizon"), "longest is shorter than shortest");
                }
                c.citations(&v.sources);
            },
        );
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        // A value's words and its horizon are both in `values`; wording-only edits there
        // still count as a value change, since the comparison shows them as the data.
        changed_fields!(self, other, Dimension { id; name: Wording, description: Wording, values: Value })
    }

    fn leans(&self, _: &mut dyn FnMut(&Id, f64)) {}

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        // Each value cites its own sources.
        None
    }
}

/// A unit of [`TimeSpan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
pub enum TimeUnit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Quarters.
    Quarter,
    /// Years.
    Year,
}

impl TimeUnit {
    /// The unit's length in days.
    pub fn days(self) -> f64 {
        match self {
            Self::Day => 1.0,
            Self::Week => 7.0,
            Self::Month => 30.4375,
            Self::Quarter => 91.3125,
            Self::Year => 365.25,
        }
    }
}
