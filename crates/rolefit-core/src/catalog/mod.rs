//! The validated catalog, and what is done with catalogs: validation, layering
//! overlays, comparing two roles, and the difference between two catalogs.

mod builder;
mod compare;
mod diff;
pub mod jsonld;
mod merge;
mod rows;
mod validate;

pub use builder::CatalogBuilder;
pub use compare::{CareerPathRow, Comparison, DimensionRow, KpiRow, Leaning, ResponsibilityRow, SkillRow};
pub use diff::{Bump, CatalogDiff, Change, ChangeKind, diff};

use std::borrow::Cow;
use std::sync::atomic::{AtomicU64, Ordering as AtomicOrdering};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Id;
use crate::error::CatalogError;
use crate::model::{
    AnyRecord, AssessmentSignal, CatalogData, Dimension, Disagreement, Kpi, LexiconEntry, Practice, RecordRef,
    Registered, Responsibility, Role, SalaryFigure, Skill, Source,
};
use crate::problem::{Problems, Subject};
use crate::read::{Format, Limits};

/// A validated catalog: every id unique and well formed, every reference resolved,
/// every weight finite and in range, every fact cited.
///
/// Build one from a document with [`Catalog::new`], or read one with
/// [`Catalog::from_json_str`] / [`Catalog::from_toml_str`]. The canonical catalog is
/// `rolefit_data::catalog()` (or `rolefit::canonical()`), baked into the binary.
///
/// ```
/// use rolefit_core::Catalog;
///
/// let catalog = Catalog::from_toml_str(r#"
///     [[sources]]
///     id = "team-handbook"
///     title = "Our team handbook"
///     publisher = "Example Ltd"
///     kind = "article"
///
///     [[roles]]
///     id = "product-owner"
///     name = "Product Owner"
///     summary = "Owns the backlog."
///     description = "Orders the backlog and accepts the work."
///     sources = ["team-handbook"]
/// "#)?;
/// assert_eq!(catalog.role("product-owner").map(|r| &*r.name), Some("Product Owner"));
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Catalog {
    data: CatalogData,
    /// Every id in the catalog with its record, sorted by id.
    index: Cow<'static, [(Id, RecordRef)]>,
    id: CatalogId,
}

/// Which catalog something was built against: evidence, a prepared scorer.
///
/// Each catalog built gets its own; a clone keeps it (it holds the same records, at the
/// same positions). A baked catalog's is derived from its records, so it is the same in
/// every build. Two catalogs with the same id hold the same records in the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CatalogId(u64);

impl CatalogId {
    /// A fresh id for a catalog built at run time. Baked ids have the top bit set, so the
    /// two never meet.
    fn fresh() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(1);
        Self(NEXT.fetch_add(1, AtomicOrdering::Relaxed) & !BAKED)
    }
}

/// The bit that marks a baked catalog's id.
const BAKED: u64 = 1 << 63;

/// Two catalogs are equal when they hold the same records; their ids do not take part.
impl PartialEq for Catalog {
    fn eq(&self, other: &Self) -> bool {
        self.data == other.data && self.index == other.index
    }
}

impl Catalog {
    /// Validates a document and builds the catalog, or lists every problem at once.
    pub fn new(data: CatalogData) -> Result<Self, CatalogError> {
        let problems = validate::problems(&data);
        if !problems.is_empty() {
            return Err(CatalogError::Invalid(Problems::new(Subject::Catalog, problems)));
        }
        let mut index: Vec<(Id, RecordRef)> = Vec::new();
        data.each_id(|id, at| index.push((id.clone(), at)));
        index.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok(Self { data, index: Cow::Owned(index), id: CatalogId::fresh() })
    }

    /// Wraps generated data and its generated index without checking either; `content`
    /// is a hash of the records (the generator's [`content_hash`](Self::content_hash)),
    /// which makes the catalog's [`id`](Self::id).
    ///
    /// For `rolefit-data`'s baked catalog only, whose tests check that the result
    /// equals [`Catalog::new`] on the same data.
    #[doc(hidden)]
    pub const fn from_baked(data: CatalogData, index: &'static [(Id, RecordRef)], content: u64) -> Self {
        Self { data, index: Cow::Borrowed(index), id: CatalogId(content | BAKED) }
    }

    /// Which catalog this is, for checking that evidence and a prepared scorer were built
    /// against it.
    pub fn id(&self) -> CatalogId {
        self.id
    }

    /// Reads and validates a catalog document in JSON, within the default [`Limits`].
    #[cfg(feature = "json")]
    pub fn from_json_str(text: &str) -> Result<Self, CatalogError> {
        Self::read(text, Format::Json)
    }

    /// Reads and validates a catalog document in TOML, within the default [`Limits`].
    #[cfg(feature = "toml")]
    pub fn from_toml_str(text: &str) -> Result<Self, CatalogError> {
        Self::read(text, Format::Toml)
    }

    /// Reads and validates a catalog document in the given format, within the default
    /// [`Limits`].
    pub fn read(text: &str, format: Format) -> Result<Self, CatalogError> {
        Self::new(format.parse(text)?)
    }

    /// Reads and validates a catalog document in the given format, refusing it if it
    /// goes over `limits`.
    pub fn from_str_with(text: &str, format: Format, limits: &Limits) -> Result<Self, CatalogError> {
        Self::new(format.parse_with(text, limits)?)
    }

    /// The whole document.
    pub fn data(&self) -> &CatalogData {
        &self.data
    }

    /// Gives the document back, e.g. to edit it and validate it again.
    pub fn into_data(self) -> CatalogData {
        self.data
    }

    /// The data version, if the document states one.
    pub fn data_version(&self) -> Option<&str> {
        self.data.data_version.as_deref()
    }

    /// Finds where the record with this id is.
    pub fn locate(&self, id: &str) -> Option<RecordRef> {
        let i = self.index.binary_search_by(|(k, _)| k.as_str().cmp(id)).ok()?;
        Some(self.index[i].1)
    }

    /// The record with this id, of whatever kind.
    pub fn record(&self, id: &str) -> Option<AnyRecord<'_>> {
        self.locate(id).and_then(|r| self.get(r))
    }

    /// The record a [`RecordRef`] points at, or none when this catalog has nothing there.
    pub fn get(&self, at: RecordRef) -> Option<AnyRecord<'_>> {
        AnyRecord::at(&self.data, at)
    }

    /// The record of type `R` with this id.
    pub fn find<R: Registered>(&self, id: &str) -> Option<&R> {
        self.locate(id).filter(|r| r.kind == R::KIND).and_then(|r| R::list(&self.data).get(r.index))
    }

    /// Every record of type `R`, in document order.
    pub fn all<R: Registered>(&self) -> &[R] {
        R::list(&self.data)
    }

    /// The role with this id.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.find(id)
    }

    /// The responsibility with this id.
    pub fn responsibility(&self, id: &str) -> Option<&Responsibility> {
        self.find(id)
    }

    /// The KPI with this id.
    pub fn kpi(&self, id: &str) -> Option<&Kpi> {
        self.find(id)
    }

    /// The skill with this id.
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.find(id)
    }

    /// The dimension with this id.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.find(id)
    }

    /// The salary figure with this id.
    pub fn salary(&self, id: &str) -> Option<&SalaryFigure> {
        self.find(id)
    }

    /// The assessment signal with this id.
    pub fn signal(&self, id: &str) -> Option<&AssessmentSignal> {
        self.find(id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.find(id)
    }

    /// The practice with this id.
    pub fn practice(&self, id: &str) -> Option<&Practice> {
        self.find(id)
    }

    /// The disagreement with this id.
    pub fn disagreement(&self, id: &str) -> Option<&Disagreement> {
        self.find(id)
    }

    /// All sources, in document order.
    pub fn sources(&self) -> &[Source] {
        &self.data.sources
    }

    /// All roles, in document order.
    pub fn roles(&self) -> &[Role] {
        &self.data.roles
    }

    /// All responsibilities, in document order.
    pub fn responsibilities(&self) -> &[Responsibility] {
        &self.data.responsibilities
    }

    /// All KPIs, in document order.
    pub fn kpis(&self) -> &[Kpi] {
        &self.data.kpis
    }

    /// All skills, in document order.
    pub fn skills(&self) -> &[Skill] {
        &self.data.skills
    }

    /// All comparison dimensions, in document order.
    pub fn dimensions(&self) -> &[Dimension] {
        &self.data.dimensions
    }

    /// All salary figures, in document order.
    pub fn salaries(&self) -> &[SalaryFigure] {
        &self.data.salaries
    }

    /// All assessment signals, in document order.
    pub fn signals(&self) -> &[AssessmentSignal] {
        &self.data.signals
    }

    /// All collaboration practices, in document order.
    pub fn practices(&self) -> &[Practice] {
        &self.data.practices
    }

    /// All disagreements between sources, in document order.
    pub fn disagreements(&self) -> &[Disagreement] {
        &self.data.disagreements
    }

    /// All lexicon entries, in document order.
    pub fn lexicon(&self) -> &[LexiconEntry] {
        &self.data.lexicon
    }

    /// The disagreements that bear on the record with this id.
    pub fn disagreements_about<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Disagreement> + 'a {
        self.data.disagreements.iter().filter(move |d| d.affects.iter().any(|a| a == id))
    }

    /// Every id in the catalog with its record, sorted by id: what
    /// [`from_baked`](Self::from_baked) takes, for the generator that bakes a catalog.
    #[cfg(feature = "bake")]
    pub fn baked_index(&self) -> &[(Id, RecordRef)] {
        &self.index
    }

    /// A hash of the records (FNV-1a over `json`, the catalog as JSON), for the
    /// generator to bake as the catalog's id.
    #[cfg(feature = "bake")]
    pub fn content_hash(json: &str) -> u64 {
        json.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    }

    /// The ids of the records of the kinds with ids, each with where it is, in document
    /// order: what an adapter resolving many ids builds its own table from.
    pub fn ids(&self) -> impl Iterator<Item = (&Id, RecordRef)> + '_ {
        self.index.iter().map(|(id, at)| (id, *at))
    }
}

impl Serialize for Catalog {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.data.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Catalog {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let data = CatalogData::deserialize(deserializer)?;
        Catalog::new(data).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Catalog {
    fn schema_name() -> Cow<'static, str> {
        CatalogData::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        CatalogData::json_schema(generator)
    }
}
