//! The `lean` strategy: evidence piles up toward the roles its facts lean to.

use super::card_builder::ScorecardBuilder;
use super::lean_table::LeanTable;
use super::scorecard::Scorecard;
use super::scorer::Scorer;
use super::weights::Weights;
use crate::Catalog;
use crate::error::ProfileError;
use crate::evidence::{Evidence, record_id};

/// The default half-saturation mass of [`LeanScorer`]: one fully supported fact that
/// leans fully to a role gives that role 0.5.
pub const DEFAULT_HALF: f64 = 1.0;

/// The `lean` strategy: for each role, the mass of the evidence leaning to it,
/// saturated into `[0, 1]`.
///
/// ```text
/// mass(role)  = Σ over evidence items  strength × weight(fact, role)
/// score(role) = mass(role) / (mass(role) + half)
/// effect      = strength × weight(fact, role) / (mass(role) + half)
/// ```
///
/// `weight(fact, role)` comes from the [`LeanTable`] (the catalog's leans, or
/// [`Weights`] overrides). The score grows with every piece of evidence for a role and
/// never reaches 1; evidence for one role does not lower another's. It suits inputs that
/// pile up evidence without a fixed list of questions, such as answers to any subset of
/// the assessment and phrases found in a text.
///
/// The table is built once, for the catalog given to [`new`](Self::new); scoring against
/// another catalog still works but rebuilds a table on every call.
///
/// ```
/// use rolefit_core::{Catalog, Evidence, LeanScorer, Scorer};
/// let catalog = Catalog::new(Default::default())?;
/// let lean = LeanScorer::new(&catalog);
/// assert_eq!(lean.score(&catalog, &Evidence::new()), rolefit_core::Scorecard::neutral(&catalog));
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug, Clone)]
pub struct LeanScorer<'c> {
    catalog: &'c Catalog,
    table: LeanTable,
    weights: Option<Weights>,
    half: f64,
}

impl<'c> LeanScorer<'c> {
    /// The strategy with the catalog's own leans.
    pub fn new(catalog: &'c Catalog) -> Self {
        Self { catalog, table: LeanTable::new(catalog), weights: None, half: DEFAULT_HALF }
    }

    /// The strategy with `weights` overriding the catalog's leans; fails, listing every
    /// problem, when an id or a weight does not fit the catalog.
    pub fn with_weights(catalog: &'c Catalog, weights: &Weights) -> Result<Self, ProfileError> {
        let table = LeanTable::with_weights(catalog, weights)?;
        Ok(Self { catalog, table, weights: Some(weights.clone()), half: DEFAULT_HALF })
    }

    /// Sets the mass at which a role scores 0.5 (default [`DEFAULT_HALF`]); smaller
    /// values reach high scores with less evidence. Not positive and finite: ignored.
    pub fn with_half(mut self, half: f64) -> Self {
        if half > 0.0 && half.is_finite() {
            self.half = half;
        }
        self
    }

    /// The lean table in use.
    pub fn table(&self) -> &LeanTable {
        &self.table
    }

    /// The mass at which a role scores 0.5.
    pub fn half(&self) -> f64 {
        self.half
    }

    /// Whether this strategy's table was built for `catalog` (the same value, not an equal one).
    pub(crate) fn built_for(&self, catalog: &Catalog) -> bool {
        std::ptr::eq(catalog, self.catalog)
    }

    pub(crate) fn score_with(&self, table: &LeanTable, catalog: &Catalog, evidence: &Evidence) -> Scorecard {
        let mut card = ScorecardBuilder::new(catalog, evidence);
        for item in evidence.items() {
            let (Some(row), Some(id)) = (table.lean(item.record), record_id(catalog, item.record)) else {
                continue;
            };
            for (role, &weight) in row.iter().enumerate() {
                if weight > 0.0 {
                    card.add_resolved(role, item, id.clone(), weight);
                }
            }
        }
        card.finish_saturating(self.half)
    }
}

impl Scorer for LeanScorer<'_> {
    fn name(&self) -> &str {
        "lean"
    }

    fn score(&self, catalog: &Catalog, evidence: &Evidence) -> Scorecard {
        if self.built_for(catalog) {
            self.score_with(&self.table, catalog, evidence)
        } else {
            let table = match &self.weights {
                Some(w) => LeanTable::with_weights_lenient(catalog, w),
                None => LeanTable::new(catalog),
            };
            self.score_with(&table, catalog, evidence)
        }
    }
}
