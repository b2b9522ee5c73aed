//! The `coverage` strategy: how much of what each role needs the evidence covers.

use super::evidence::{Evidence, fact_id};
use super::lean_table::LeanTable;
use super::scorecard::{Scorecard, ScorecardBuilder};
use super::scorer::Scorer;
use super::weights::Weights;
use crate::profile::ProfileError;
use crate::{Catalog, FactKind};

/// The `coverage` strategy: for each role, the share of its needs among some kinds of
/// fact (skills, responsibilities) that the evidence covers.
///
/// ```text
/// need(role)  = Σ over every fact of the chosen kinds  weight(fact, role)
/// score(role) = Σ over evidence items of those kinds  strength × weight(fact, role) / need(role)
/// ```
///
/// A candidate who is an expert in every skill a role needs scores 1 for it; one who has
/// half of what the role weighs, at full strength, scores 0.5. Unlike [`LeanScorer`](crate::LeanScorer)
/// the denominator is fixed by the catalog, so scores compare across candidates. Evidence
/// about facts of other kinds is ignored.
///
/// ```
/// use rolefit_core::{Catalog, CoverageScorer, Evidence, FactKind, Scorer};
/// let catalog = Catalog::new(Default::default())?;
/// let skills = CoverageScorer::new(&catalog, &[FactKind::Skill]);
/// assert_eq!(skills.score(&catalog, &Evidence::new()).verdict.as_str(), "undetermined");
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug, Clone)]
pub struct CoverageScorer<'c> {
    catalog: &'c Catalog,
    table: LeanTable,
    weights: Option<Weights>,
    kinds: Vec<FactKind>,
    needs: Vec<f64>,
}

impl<'c> CoverageScorer<'c> {
    /// The strategy over facts of these kinds, with the catalog's own weights.
    pub fn new(catalog: &'c Catalog, kinds: &[FactKind]) -> Self {
        let table = LeanTable::new(catalog);
        let needs = table.totals(kinds);
        Self { catalog, table, weights: None, kinds: kinds.to_vec(), needs }
    }

    /// The strategy with `weights` overriding the catalog's; fails, listing every problem,
    /// when an id or a weight does not fit the catalog.
    pub fn with_weights(catalog: &'c Catalog, kinds: &[FactKind], weights: &Weights) -> Result<Self, ProfileError> {
        let table = LeanTable::with_weights(catalog, weights)?;
        let needs = table.totals(kinds);
        Ok(Self { catalog, table, weights: Some(weights.clone()), kinds: kinds.to_vec(), needs })
    }

    /// The kinds of fact it scores.
    pub fn kinds(&self) -> &[FactKind] {
        &self.kinds
    }

    /// Per role, in catalog order, the total weight of the facts it scores.
    pub fn needs(&self) -> &[f64] {
        &self.needs
    }

    fn score_with(&self, table: &LeanTable, needs: &[f64], catalog: &Catalog, evidence: &Evidence) -> Scorecard {
        let mut card = ScorecardBuilder::new(catalog, evidence);
        for item in evidence.items().iter().filter(|i| self.kinds.contains(&i.fact.kind)) {
            let (Some(row), Some(id)) = (table.lean(item.fact), fact_id(catalog, item.fact)) else { continue };
            for (role, &weight) in row.iter().enumerate() {
                if weight > 0.0 {
                    card.add_resolved(role, item, id.clone(), weight);
                }
            }
        }
        card.finish_over(needs)
    }
}

impl Scorer for CoverageScorer<'_> {
    fn name(&self) -> &str {
        "coverage"
    }

    fn score(&self, catalog: &Catalog, evidence: &Evidence) -> Scorecard {
        if std::ptr::eq(catalog, self.catalog) {
            self.score_with(&self.table, &self.needs, catalog, evidence)
        } else {
            let table = match &self.weights {
                Some(w) => LeanTable::with_weights_lenient(catalog, w),
                None => LeanTable::new(catalog),
            };
            let needs = table.totals(&self.kinds);
            self.score_with(&table, &needs, catalog, evidence)
        }
    }
}
