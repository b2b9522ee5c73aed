//! How strongly each fact leans to each role, precomputed once per catalog.

use super::weights::Weights;
use crate::error::ProfileError;
use crate::model::{KindVisitor, RecordKind, RecordRef, Registered, Staffing, for_each_kind, suggestion};
use crate::problem::{Problem, Problems, Subject, ValuePath};
use crate::{Catalog, Id};

/// How many kinds there are: the size of a table indexed by kind.
const KINDS: usize = RecordKind::ALL.len();

/// For every record that leans to a role, its weight for each role, in catalog role order.
///
/// Which kinds lean is [`RecordKind::leans`]; each kind says how through
/// [`Record::leans`](crate::Record::leans). The canonical kinds state the leans in four ways, which the table
/// puts on one scale:
///
/// | fact           | weight for a role                                  |
/// |----------------|----------------------------------------------------|
/// | responsibility | [`Ownership::weight`](crate::model::Ownership::weight)     |
/// | skill          | [`Importance::weight`](crate::model::Importance::weight)   |
/// | signal         | the signal's [`leans`](crate::model::AssessmentSignal::leans) |
/// | KPI            | 1 for each role it measures                         |
///
/// A role a fact does not mention gets 0. [`Weights`] replace any of these per fact and role.
/// Build the table once per catalog: looking up leans by id on every call would cost more
/// than the scoring itself.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use rolefit_core::Catalog;
/// use rolefit_core::scoring::LeanTable;
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
    /// First row and row count of each kind that leans, by kind.
    spans: [Option<(usize, usize)>; KINDS],
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
        if problems.is_empty() {
            Ok(table)
        } else {
            Err(ProfileError::Invalid(Problems::new(Subject::Weights, problems)))
        }
    }

    fn empty(catalog: &Catalog) -> Self {
        let mut spans = [None; KINDS];
        let mut start = 0;
        for &kind in RecordKind::ALL.iter().filter(|k| k.leans()) {
            let count = catalog.data().len_of(kind);
            spans[kind as usize] = Some((start, count));
            start += count;
        }
        let roles: Vec<Id> = catalog.roles().iter().map(|r| r.id.clone()).collect();
        let weights = vec![0.0; start * roles.len()];
        Self { roles, spans, weights, staffing: catalog.signals().iter().map(|s| s.staffing).collect() }
    }

    fn role_index(&self, role: &str) -> Option<usize> {
        self.roles.iter().position(|r| r.as_str() == role)
    }

    fn set(&mut self, fact: RecordRef, role: &str, weight: f64) {
        if let (Some(row), Some(r)) = (self.row_of(fact), self.role_index(role)) {
            let n = self.roles.len();
            self.weights[row * n + r] = weight;
        }
    }

    fn fill(&mut self, catalog: &Catalog) {
        struct Fill<'t, 'c> {
            table: &'t mut LeanTable,
            catalog: &'c Catalog,
        }
        impl KindVisitor for Fill<'_, '_> {
            fn visit<R: Registered>(&mut self) {
                if !R::KIND.leans() {
                    return;
                }
                for (index, record) in self.catalog.all::<R>().iter().enumerate() {
                    let at = RecordRef::new(R::KIND, index);
                    record.leans(&mut |role, weight| self.table.set(at, role.as_str(), weight));
                }
            }
        }
        for_each_kind(&mut Fill { table: self, catalog });
    }

    fn apply(&mut self, catalog: &Catalog, weights: &Weights) -> Vec<Problem> {
        let mut problems = Vec::new();
        for (fact_id, per_role) in &weights.facts {
            let path = ValuePath::from("facts").key(fact_id.as_str());
            let Some(fact) = catalog.locate(fact_id.as_str()) else {
                let suggestion = suggestion(catalog, fact_id.as_str(), RecordKind::leans);
                problems.push(Problem::new(path, format!("unknown fact {:?}{suggestion}", fact_id.as_str())));
                continue;
            };
            if !fact.kind.leans() {
                let message =
                    format!("{:?} is a {}, which does not lean to a role", fact_id.as_str(), fact.kind.noun());
                problems.push(Problem::new(path, message));
                continue;
            }
            for (role, weight) in per_role {
                let path = path.key(role.as_str());
                if self.role_index(role.as_str()).is_none() {
                    let suggestion = suggestion(catalog, role.as_str(), |kind| kind == RecordKind::Role);
                    problems.push(Problem::new(path, format!("unknown role {:?}{suggestion}", role.as_str())));
                } else if !weight.is_finite() || !(0.0..=1.0).contains(weight) {
                    problems.push(Problem::new(path, format!("weight {weight} is outside [0, 1]")));
                } else {
                    self.set(fact, role.as_str(), *weight);
                }
            }
        }
        problems
    }

    /// The record of each row, in row order.
    pub(crate) fn rows(&self) -> impl Iterator<Item = RecordRef> + '_ {
        RecordKind::ALL
            .iter()
            .filter_map(|&kind| Some((kind, self.spans[kind as usize]?)))
            .flat_map(|(kind, (_, count))| (0..count).map(move |index| RecordRef::new(kind, index)))
    }

    /// The weights of a row, in role order.
    pub(crate) fn row(&self, row: usize) -> Option<&[f64]> {
        let n = self.roles.len();
        self.weights.get(row * n..row * n + n)
    }

    /// The row of a record, or `None` for kinds that do not lean and references out of range.
    #[inline]
    pub(crate) fn row_of(&self, fact: RecordRef) -> Option<usize> {
        let (start, count) = self.spans[fact.kind as usize]?;
        (fact.index < count).then_some(start + fact.index)
    }

    /// The role ids, in catalog order: the columns of every row.
    pub fn roles(&self) -> &[Id] {
        &self.roles
    }

    /// How strongly a record leans to each role, in [`roles`](Self::roles) order; `None`
    /// for records that do not lean (sources, dimensions, ...) and references out of range.
    #[inline]
    pub fn lean(&self, fact: RecordRef) -> Option<&[f64]> {
        let n = self.roles.len();
        let row = self.row_of(fact)?;
        self.weights.get(row * n..row * n + n)
    }

    /// What a "yes" to this fact says about staffing (signals only).
    #[inline]
    pub fn staffing(&self, fact: RecordRef) -> Option<Staffing> {
        if fact.kind == RecordKind::Signal { self.staffing.get(fact.index).copied().flatten() } else { None }
    }

    /// Per role, the sum of the weights of every fact of these kinds: the most that evidence
    /// about those facts can add up to.
    pub fn totals(&self, kinds: &[RecordKind]) -> Vec<f64> {
        let n = self.roles.len();
        let mut totals = vec![0.0; n];
        for kind in kinds {
            let Some((start, count)) = self.spans[*kind as usize] else { continue };
            for row in self.weights[start * n..(start + count) * n].chunks_exact(n.max(1)) {
                for (t, w) in totals.iter_mut().zip(row) {
                    *t += w;
                }
            }
        }
        totals
    }
}

impl Weights {
    /// Checks every id and weight against a catalog, listing every problem at once.
    pub fn check(&self, catalog: &Catalog) -> Result<(), ProfileError> {
        LeanTable::with_weights(catalog, self).map(|_| ())
    }
}
