//! The `coverage` strategy: how much of what each role needs the evidence covers.

use std::borrow::Borrow;

use super::card_builder::ScorecardBuilder;
use super::lean_table::LeanTable;
use super::scorecard::Scorecard;
use super::scorer::{OwnEvidence, Scorer, Strategy};
use super::weights::Weights;
use crate::Catalog;
use crate::error::ProfileError;
use crate::evidence::{EvidenceItem, record_id};
use crate::model::RecordKind;

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
/// use rolefit_core::{Catalog, CoverageScorer, Evidence, RecordKind, Scorer};
/// let catalog = Catalog::new(Default::default())?;
/// let skills = CoverageScorer::new(&catalog, &[RecordKind::Skill]);
/// assert_eq!(skills.score(&Evidence::new(&catalog)).verdict().as_str(), "undetermined");
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug, Clone)]
pub struct CoverageScorer<'c> {
    catalog: &'c Catalog,
    table: LeanTable,
    kinds: Vec<RecordKind>,
    /// Per kind, its share of the score; `None` pools the kinds against one total.
    shares: Option<Vec<f64>>,
    /// Per kind (or once, pooled), the total weight per role.
    needs: Vec<Vec<f64>>,
}

/// Shares that are not positive and finite count as 0; the rest are scaled to sum to 1.
fn normalize(shares: &[(RecordKind, f64)]) -> Vec<f64> {
    let usable = |s: f64| if s > 0.0 && s.is_finite() { s } else { 0.0 };
    let total: f64 = shares.iter().map(|(_, s)| usable(*s)).sum();
    shares.iter().map(|(_, s)| if total > 0.0 { usable(*s) / total } else { 0.0 }).collect()
}

fn needs_of(table: &LeanTable, kinds: &[RecordKind], shares: Option<&[f64]>) -> Vec<Vec<f64>> {
    match shares {
        None => vec![table.totals(kinds)],
        Some(_) => kinds.iter().map(|k| table.totals(std::slice::from_ref(k))).collect(),
    }
}

impl<'c> CoverageScorer<'c> {
    /// The strategy over facts of these kinds, pooled against one total per role, with the
    /// catalog's own weights.
    pub fn new(catalog: &'c Catalog, kinds: &[RecordKind]) -> Self {
        Self::build(catalog, LeanTable::new(catalog), kinds.to_vec(), None)
    }

    /// The strategy with `weights` overriding the catalog's; fails, listing every problem,
    /// when an id or a weight does not fit the catalog.
    pub fn with_weights(catalog: &'c Catalog, kinds: &[RecordKind], weights: &Weights) -> Result<Self, ProfileError> {
        let table = LeanTable::with_weights(catalog, weights)?;
        Ok(Self::build(catalog, table, kinds.to_vec(), None))
    }

    /// Coverage per kind of fact, each against its own total and weighted by its share:
    /// `score(role) = Σ_kind share × covered(kind, role) / need(kind, role)`. Shares are
    /// scaled to sum to 1 (ones that are not positive and finite count as 0).
    ///
    /// ```
    /// use rolefit_core::{Catalog, CoverageScorer, RecordKind};
    /// let catalog = Catalog::new(Default::default())?;
    /// let fit = CoverageScorer::by_kind(&catalog, &[(RecordKind::Skill, 0.7), (RecordKind::Responsibility, 0.3)]);
    /// assert_eq!(fit.kinds(), [RecordKind::Skill, RecordKind::Responsibility]);
    /// # Ok::<(), rolefit_core::CatalogError>(())
    /// ```
    pub fn by_kind(catalog: &'c Catalog, shares: &[(RecordKind, f64)]) -> Self {
        let kinds = shares.iter().map(|(k, _)| *k).collect();
        Self::build(catalog, LeanTable::new(catalog), kinds, Some(normalize(shares)))
    }

    /// [`by_kind`](Self::by_kind) with `weights` overriding the catalog's.
    pub fn by_kind_with_weights(
        catalog: &'c Catalog,
        shares: &[(RecordKind, f64)],
        weights: &Weights,
    ) -> Result<Self, ProfileError> {
        let table = LeanTable::with_weights(catalog, weights)?;
        let kinds = shares.iter().map(|(k, _)| *k).collect();
        Ok(Self::build(catalog, table, kinds, Some(normalize(shares))))
    }

    fn build(catalog: &'c Catalog, table: LeanTable, kinds: Vec<RecordKind>, shares: Option<Vec<f64>>) -> Self {
        let needs = needs_of(&table, &kinds, shares.as_deref());
        Self { catalog, table, kinds, shares, needs }
    }

    /// The kinds of fact it scores.
    pub fn kinds(&self) -> &[RecordKind] {
        &self.kinds
    }

    /// Per role, in catalog order, the total weight of the facts it scores (all kinds together).
    pub fn needs(&self) -> Vec<f64> {
        let mut total = vec![0.0; self.table.roles().len()];
        for per_kind in &self.needs {
            for (t, n) in total.iter_mut().zip(per_kind) {
                *t += n;
            }
        }
        total
    }

    /// The strategy on items about its catalog, sorted by record, one per record; `card`
    /// knows the evidence's coverage. For adapters that make the items straight from their
    /// input rather than through an [`Evidence`](crate::Evidence) (the candidate fit).
    pub(crate) fn score_items<I>(&self, mut card: ScorecardBuilder<'_>, items: I) -> Scorecard
    where
        I: IntoIterator,
        I::Item: Borrow<EvidenceItem>,
    {
        let (table, needs) = (&self.table, &self.needs);
        let catalog = card.catalog();
        for item in items {
            let item = item.borrow();
            if !self.kinds.contains(&item.record.kind) {
                continue;
            }
            let (Some(row), Some(id)) = (table.lean(item.record), record_id(catalog, item.record)) else { continue };
            for (role, &weight) in row.iter().enumerate() {
                if weight > 0.0 {
                    card.add_resolved(role, item, id.clone(), weight);
                }
            }
        }
        match &self.shares {
            None => card.finish_over(needs.first().map_or(&[][..], Vec::as_slice)),
            Some(shares) => card.finish_by_kind(|role, kind| {
                let Some(k) = self.kinds.iter().position(|x| *x == kind) else { return f64::INFINITY };
                let need = needs.get(k).and_then(|n| n.get(role)).copied().unwrap_or(0.0);
                if shares[k] > 0.0 { need / shares[k] } else { f64::INFINITY }
            }),
        }
    }
}

impl Scorer for CoverageScorer<'_> {
    fn catalog(&self) -> &Catalog {
        self.catalog
    }

    fn name(&self) -> &str {
        "coverage"
    }

    fn score_own(&self, evidence: &OwnEvidence<'_, '_>) -> Scorecard {
        self.score_items(ScorecardBuilder::new(evidence), evidence.items())
    }
}

/// The `coverage` strategy, before it is prepared for a catalog: the kinds of record it
/// scores, pooled or each with its share, and [`Weights`] over the catalog's. See
/// [`CoverageScorer`] for the formula.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    shares: Vec<(RecordKind, f64)>,
    pooled: bool,
    weights: Option<Weights>,
}

impl Coverage {
    /// Records of these kinds, pooled against one total per role.
    pub fn new(kinds: &[RecordKind]) -> Self {
        Self { shares: kinds.iter().map(|k| (*k, 1.0)).collect(), pooled: true, weights: None }
    }

    /// Each kind against its own total, weighted by its share (see [`CoverageScorer::by_kind`]).
    pub fn by_kind(shares: &[(RecordKind, f64)]) -> Self {
        Self { shares: shares.to_vec(), pooled: false, weights: None }
    }

    /// With `weights` overriding the catalog's.
    #[must_use]
    pub fn with_weights(mut self, weights: Weights) -> Self {
        self.weights = Some(weights);
        self
    }

    /// The strategy prepared for `catalog`; fails, listing every problem, when the weights
    /// do not fit it.
    pub fn for_catalog<'c>(&self, catalog: &'c Catalog) -> Result<CoverageScorer<'c>, ProfileError> {
        let table = match &self.weights {
            Some(weights) => LeanTable::with_weights(catalog, weights)?,
            None => LeanTable::new(catalog),
        };
        let kinds = self.shares.iter().map(|(k, _)| *k).collect();
        let shares = (!self.pooled).then(|| normalize(&self.shares));
        Ok(CoverageScorer::build(catalog, table, kinds, shares))
    }
}

impl Strategy for Coverage {
    fn prepare<'c>(&'c self, catalog: &'c Catalog) -> Result<Box<dyn Scorer + Send + Sync + 'c>, ProfileError> {
        Ok(Box::new(self.for_catalog(catalog)?))
    }

    fn name(&self) -> &str {
        "coverage"
    }
}
