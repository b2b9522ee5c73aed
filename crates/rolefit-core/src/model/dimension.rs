use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, List, Text};
use crate::Id;

/// An aspect on which the roles are compared (primary focus, time horizon, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
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
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
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
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
pub struct TimeHorizon {
    /// The near end of the range.
    pub shortest: TimeSpan,
    /// The far end of the range; none when open-ended.
    #[serde(default)]
    pub longest: Option<TimeSpan>,
}

/// A span of time, such as 2 weeks.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
pub struct TimeSpan {
    /// How many units.
    #[schemars(range(max = u32::MAX))]
    pub amount: u32,
    /// The unit.
    pub unit: TimeUnit,
}

impl TimeSpan {
    /// The span in days (a month counts 30.4375 days, a year 365.25).
    pub fn days(self) -> f64 {
        f64::from(self.amount) * self.unit.days()
    }
}

/// A unit of [`TimeSpan`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
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
