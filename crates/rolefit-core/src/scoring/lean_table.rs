//! How strongly each fact leans to each role, precomputed once per catalog.

use crate::error::Problem;
use crate::model::Staffing;
use crate::profile::ProfileError;
use crate::scoring::Weights;
use crate::{Catalog, FactKind, FactRef, Id};

/// The kinds of fact that lean to roles, in the order of their rows in a [`LeanTable`].
pub const LEANING_KINDS: [FactKind; 4] = [FactKind::Responsibility, FactKind::Kpi, FactKind::Skill, FactKind::Signal];

/// The position of a kind in [`LEANING_KINDS`].
#[inline]
fn slot(kind: FactKind) -> Option<usize> {
    match kind {
        FactKind::Responsibility => Some(0),
        FactKind::Kpi => Some(1),
        FactKind::Skill => Some(2),
        FactKind::Signal => Some(3),
        _ => None,
    }
}

/// For every fact that leans to a role, its weight for each role, in catalog role order.
///
/// The catalog states the leans in four ways; the table puts them on one scale:
///
/// | fact           | weight for a role                                  |
/// |----------------|----------------------------------------------------|
/// | responsibility | [`Ownership::weight`](crate::Ownership::weight)     |
/// | skill          | [`Importance::weight`](crate::Importance::weight)   |
/// | signal         | the signal's [`leans`](crate::AssessmentSignal::leans) |
/// | KPI            | 1 for each role it measures                         |
///
/// A role a fact does not mention gets 0. [`Weights`] replace any of these per fact and role.
/// Build the table once per catalog: looking up leans by id on every call would cost more
/// than the scoring itself.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use rolefit_core::{Catalog, LeanTable};
/// let catalog = Catalog::from_toml_str(r#"
///     [[sources]]
///     id = "notes"
///     title = "Notes"
///     publisher = "Us"
///     kind = "article"
///     [[roles]]
///     id = "product-owner"
///     name = "PO"
///     summary = "s"
///     description = "d"
///     sources = ["notes"]
///     [[signals]]
///     id = "scrum"
///     name = "Scrum"
///     question = "Do you work in Scrum?"
///     description = "Sprints."
///     category = "methodology"
///     leans = [{ role = "product-owner", weight = 0.8 }]
///     sources = ["notes"]
/// "#)?;
/// let table = LeanTable::new(&catalog);
/// let scrum = catalog.locate("scrum").ok_or("no scrum")?;
/// assert_eq!(table.lean(scrum), Some(&[0.8][..]));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LeanTable {
    roles: Vec<Id>,
    /// First row and row count of each kind in [`LEANING_KINDS`].
    spans: [(usize, usize); LEANING_KINDS.len()],
    /// Row-major: one row of `roles.len()` weights per fact.
    weights: Vec<f64>,
    /// Per signal, what a "yes" says about staffing.
    staffing: Vec<Option<Staffing>>,
}

impl LeanTable {
    /// The catalog's own leans.
    pub fn new(catalog: &Catalog) -> Self {
        let mut table = Self::empty(catalog);
        table.fill(catalog);
        table
    }

    /// The catalog's leans with `weights` applied; every id in `weights` must be a fact
    /// that leans to roles, and every role a role of the catalog.
    pub fn with_weights(catalog: &Catalog, weights: &Weights) -> Result<Self, ProfileError> {
        let mut table = Self::new(catalog);
        let problems = table.apply(catalog, weights);
        if problems.is_empty() { Ok(table) } else { Err(ProfileError::Invalid(problems)) }
    }

    /// The catalog's leans with the parts of `weights` that fit it applied, the rest ignored.
    pub(crate) fn with_weights_lenient(catalog: &Catalog, weights: &Weights) -> Self {
        let mut table = Self::new(catalog);
        let _ignored = table.apply(catalog, weights);
        table
    }

    fn empty(catalog: &Catalog) -> Self {
        let counts =
            [catalog.responsibilities().len(), catalog.kpis().len(), catalog.skills().len(), catalog.signals().len()];
        let mut spans = [(0, 0); LEANING_KINDS.len()];
        let mut start = 0;
        for (span, count) in spans.iter_mut().zip(counts) {
            *span = (start, count);
            start += count;
        }
        let roles: Vec<Id> = catalog.roles().iter().map(|r| r.id.clone()).collect();
        let weights = vec![0.0; start * roles.len()];
        Self { roles, spans, weights, staffing: catalog.signals().iter().map(|s| s.staffing).collect() }
    }

    fn role_index(&self, role: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.as_str() == role)
    }

    fn set(&mut self, fact: FactRef, role: &str, weight: f64) {
        if let (Some(row), Some(r)) = (self.row_of(fact), self.role_index(role)) {
            let n = self.roles.len();
            self.weights[row * n + r] = weight;
        }
    }

    fn fill(&mut self, catalog: &Catalog) {
        let at = |kind, index| FactRef { kind, index };
        for (i, r) in catalog.responsibilities().iter().enumerate() {
            for o in r.ownership.iter() {
                self.set(at(FactKind::Responsibility, i), o.role.as_str(), o.level.weight());
            }
        }
        for (i, k) in catalog.kpis().iter().enumerate() {
            for role in k.roles.iter() {
                self.set(at(FactKind::Kpi, i), role.as_str(), 1.0);
            }
        }
        for (i, s) in catalog.skills().iter().enumerate() {
            for imp in s.importance.iter() {
                self.set(at(FactKind::Skill, i), imp.role.as_str(), imp.level.weight());
            }
        }
        for (i, s) in catalog.signals().iter().enumerate() {
            for lean in s.leans.iter() {
                self.set(at(FactKind::Signal, i), lean.role.as_str(), lean.weight);
            }
        }
    }

    fn apply(&mut self, catalog: &Catalog, weights: &Weights) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (fact_id, per_role) in &weights.facts {
            let path = format!("facts.{fact_id}");
            let Some(fact) = catalog.locate(fact_id.as_str()) else {
                problems.push(Problem { path, message: format!("unknown fact {:?}", fact_id.as_str()) });
                continue;
            };
            if slot(fact.kind).is_none() {
                let message =
                    format!("{:?} is a {}, which does not lean to a role", fact_id.as_str(), fact.kind.noun());
                problems.push(Problem { path, message });
                continue;
            }
            for (role, weight) in per_role {
                let path = format!("{path}.{role}");
                if self.role_index(role.as_str()).is_none() {
                    problems.push(Problem { path, message: format!("unknown role {:?}", role.as_str()) });
                } else if !weight.is_finite() || !(0.0..=1.0).contains(weight) {
                    problems.push(Problem { path, message: format!("weight {weight} is outside [0, 1]") });
                } else {
                    self.set(fact, role.as_str(), *weight);
                }
            }
        }
        problems
    }

    /// The row of a fact, or `None` for kinds that do not lean and references out of range.
    fn row_of(&self, fact: FactRef) -> Option<usize> {
        let (start, count) = self.spans[slot(fact.kind)?];
        (fact.index < count).then_some(start + fact.index)
    }

    /// The role ids, in catalog order: the columns of every row.
    pub fn roles(&self) -> &[Id] {
        &self.roles
    }

    /// How strongly a fact leans to each role, in [`roles`](Self::roles) order; `None`
    /// for facts that do not lean (sources, dimensions, ...) and references out of range.
    #[inline]
    pub fn lean(&self, fact: FactRef) -> Option<&[f64]> {
        let n = self.roles.len();
        let row = self.row_of(fact)?;
        self.weights.get(row * n..row * n + n)
    }

    /// What a "yes" to this fact says about staffing (signals only).
    #[inline]
    pub fn staffing(&self, fact: FactRef) -> Option<Staffing> {
        if fact.kind == FactKind::Signal { self.staffing.get(fact.index).copied().flatten() } else { None }
    }

    /// Per role, the sum of the weights of every fact of these kinds: the most that evidence
    /// about those facts can add up to.
    pub fn totals(&self, kinds: &[FactKind]) -> Vec<f64> {
        let n = self.roles.len();
        let mut totals = vec![0.0; n];
        for kind in kinds {
            let Some(s) = slot(*kind) else { continue };
            let (start, count) = self.spans[s];
            for row in self.weights[start * n..(start + count) * n].chunks_exact(n.max(1)) {
                for (t, w) in totals.iter_mut().zip(row) {
                    *t += w;
                }
            }
        }
        totals
    }
}
