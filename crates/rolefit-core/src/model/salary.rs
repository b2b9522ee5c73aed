use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Citation, List, Text};
use crate::Id;

/// A pay figure for a role, as a source reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
pub struct SalaryFigure {
    /// Stable id.
    pub id: Id,
    /// The role paid.
    pub role: Id,
    /// ISO 4217 currency code, e.g. `USD`.
    #[schemars(pattern(r"^[A-Z]{3}$"))]
    pub currency: Text,
    /// The amount, a single figure or a range.
    pub amount: Amount,
    /// Which statistic the figure is (average, median, ...).
    pub statistic: Statistic,
    /// What the figure covers.
    pub covers: PayComponent,
    /// The period the amount is paid over.
    pub period: PayPeriod,
    /// The labour market, e.g. "United States", when stated.
    #[serde(default)]
    pub region: Option<Text>,
    /// When the figure was true, as precisely as known (e.g. "2023").
    #[serde(default)]
    pub as_of: Option<Text>,
    /// Caveats on the figure, in rolefit's words.
    #[serde(default)]
    pub note: Option<Text>,
    /// Where this figure comes from: its sources, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

/// A single amount or a range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub enum Amount {
    /// One figure.
    Exact(#[schemars(extend("exclusiveMinimum" = 0))] f64),
    /// A range from `low` to `high`.
    Range {
        /// The low end.
        #[schemars(extend("exclusiveMinimum" = 0))]
        low: f64,
        /// The high end.
        #[schemars(extend("exclusiveMinimum" = 0))]
        high: f64,
    },
}

/// Which statistic a [`SalaryFigure`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Statistic {
    /// The mean.
    Average,
    /// The median.
    Median,
    /// The span from lowest to highest reported.
    Spread,
    /// An upper bound reported ("up to").
    UpTo,
}

/// What a [`SalaryFigure`] covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(rename_all = "kebab-case")]
pub enum PayComponent {
    /// Base salary only.
    Base,
    /// Base plus bonus and other cash pay.
    Total,
}

/// The period a [`SalaryFigure`] is paid over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(rename_all = "kebab-case")]
pub enum PayPeriod {
    /// Per hour.
    Hour,
    /// Per month.
    Month,
    /// Per year.
    Year,
}
