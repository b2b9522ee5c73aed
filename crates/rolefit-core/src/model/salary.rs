use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, Text};
use crate::Id;

/// A pay figure for a role, as a source reports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
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
    /// Whether the source gives the amount as approximate ("around", "roughly").
    #[serde(default)]
    pub approximate: bool,
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

impl SalaryFigure {
    /// A salary figure with every field, in declaration order.
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        id: Id,
        role: Id,
        currency: Text,
        amount: Amount,
        approximate: bool,
        statistic: Statistic,
        covers: PayComponent,
        period: PayPeriod,
        region: Option<Text>,
        as_of: Option<Text>,
        note: Option<Text>,
        sources: List<Citation>,
    ) -> Self {
        Self { id, role, currency, amount, approximate, statistic, covers, period, region, as_of, note, sources }
    }
}

bake_by_constructor!(SalaryFigure::new {
    id,
    role,
    currency,
    amount,
    approximate,
    statistic,
    covers,
    period,
    region,
    as_of,
    note,
    sources
});

impl Record for SalaryFigure {
    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        self.id.as_str()
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.role(Some("role"), &self.role);
        if !(self.currency.len() == 3 && self.currency.bytes().all(|b| b.is_ascii_uppercase())) {
            c.report(Some("currency"), format!("{:?} is not an ISO 4217 code such as \"USD\"", self.currency));
        }
        c.field("amount", |c| match self.amount {
            Amount::Exact(x) => c.amount(Some("exact"), x),
            Amount::Range { low, high } => c.field("range", |c| {
                c.amount(Some("low"), low);
                c.amount(Some("high"), high);
                if low > high {
                    c.report(None, format!("low {low} is above high {high}"));
                }
            }),
        });
        c.optional_text("region", &self.region);
        c.optional_text("as_of", &self.as_of);
        c.optional_text("note", &self.note);
        c.citations(&self.sources);
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(
            self,
            other,
            SalaryFigure {
                id;
                role: Value,
                currency: Value,
                amount: Value,
                approximate: Value,
                statistic: Value,
                covers: Value,
                period: Value,
                region: Value,
                as_of: Value,
                note: Wording,
                sources: Wording
            }
        )
    }

    fn leans(&self, _: &mut dyn FnMut(&Id, f64)) {}

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        Some(&mut self.sources)
    }
}

/// A single amount or a range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
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
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
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
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
pub enum PayComponent {
    /// Base salary only.
    Base,
    /// Base plus bonus and other cash pay.
    Total,
}

/// The period a [`SalaryFigure`] is paid over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
pub enum PayPeriod {
    /// Per hour.
    Hour,
    /// Per month.
    Month,
    /// Per year.
    Year,
}
