//! The validated catalog and its lookups.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Id;
use crate::catalog_data::CatalogData;
use crate::error::CatalogError;
use crate::format::Format;
use crate::limits::Limits;
use crate::model::{
    AssessmentSignal, Dimension, Disagreement, Kpi, LexiconEntry, Practice, Responsibility, Role, SalaryFigure, Skill,
    Source,
};
use crate::validate;

/// The kind of record an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum FactKind {
    /// A [`Source`].
    Source,
    /// A [`Role`].
    Role,
    /// A [`Responsibility`].
    Responsibility,
    /// A [`Kpi`].
    Kpi,
    /// A [`Skill`].
    Skill,
    /// A [`Dimension`].
    Dimension,
    /// A [`SalaryFigure`].
    Salary,
    /// An [`AssessmentSignal`].
    Signal,
    /// A [`Practice`].
    Practice,
    /// A [`Disagreement`].
    Disagreement,
}

impl FactKind {
    /// What a record of this kind is called in messages: `"salary figure"`, `"kpi"`.
    pub fn noun(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::Role => "role",
            Self::Responsibility => "responsibility",
            Self::Kpi => "kpi",
            Self::Skill => "skill",
            Self::Dimension => "dimension",
            Self::Salary => "salary figure",
            Self::Signal => "signal",
            Self::Practice => "practice",
            Self::Disagreement => "disagreement",
        }
    }

    /// The name of the catalog list that holds records of this kind (`responsibilities`).
    pub fn list_name(self) -> &'static str {
        match self {
            Self::Source => "sources",
            Self::Role => "roles",
            Self::Responsibility => "responsibilities",
            Self::Kpi => "kpis",
            Self::Skill => "skills",
            Self::Dimension => "dimensions",
            Self::Salary => "salaries",
            Self::Signal => "signals",
            Self::Practice => "practices",
            Self::Disagreement => "disagreements",
        }
    }
}

/// Where a record sits in a catalog: its kind and its position in that kind's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
pub struct FactRef {
    /// The kind of record.
    pub kind: FactKind,
    /// Its position in the catalog's list of that kind.
    pub index: usize,
}

/// A record of any kind, borrowed from a catalog.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub enum Fact<'a> {
    /// A source.
    Source(&'a Source),
    /// A role.
    Role(&'a Role),
    /// A responsibility.
    Responsibility(&'a Responsibility),
    /// A KPI.
    Kpi(&'a Kpi),
    /// A skill.
    Skill(&'a Skill),
    /// A comparison dimension.
    Dimension(&'a Dimension),
    /// A salary figure.
    Salary(&'a SalaryFigure),
    /// An assessment signal.
    Signal(&'a AssessmentSignal),
    /// A collaboration practice.
    Practice(&'a Practice),
    /// A disagreement between sources.
    Disagreement(&'a Disagreement),
}

impl Fact<'_> {
    /// The record's display name (a disagreement's topic, a salary figure's id).
    pub fn name(&self) -> &str {
        match self {
            Self::Source(r) => &r.title,
            Self::Role(r) => &r.name,
            Self::Responsibility(r) => &r.name,
            Self::Kpi(r) => &r.name,
            Self::Skill(r) => &r.name,
            Self::Dimension(r) => &r.name,
            Self::Salary(r) => r.id.as_str(),
            Self::Signal(r) => &r.name,
            Self::Practice(r) => &r.name,
            Self::Disagreement(r) => &r.topic,
        }
    }
}

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
#[derive(Debug, Clone, PartialEq)]
pub struct Catalog {
    data: CatalogData,
    /// Every id in the catalog with its record, sorted by id.
    index: Cow<'static, [(Id, FactRef)]>,
}

impl Catalog {
    /// Validates a document and builds the catalog, or lists every problem at once.
    pub fn new(data: CatalogData) -> Result<Self, CatalogError> {
        let problems = validate::problems(&data);
        if !problems.is_empty() {
            return Err(CatalogError::Invalid(problems));
        }
        let mut index: Vec<(Id, FactRef)> = fact_ids(&data).map(|(id, r)| (id.clone(), r)).collect();
        index.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Ok(Self { data, index: Cow::Owned(index) })
    }

    /// Wraps generated data and its generated index without checking either.
    ///
    /// For `rolefit-data`'s baked catalog only, whose tests check that the result
    /// equals [`Catalog::new`] on the same data.
    #[doc(hidden)]
    pub const fn from_baked(data: CatalogData, index: &'static [(Id, FactRef)]) -> Self {
        Self { data, index: Cow::Borrowed(index) }
    }

    /// Reads and validates a catalog document in JSON.
    #[cfg(feature = "json")]
    pub fn from_json_str(text: &str) -> Result<Self, CatalogError> {
        Self::from_str_in(text, Format::Json)
    }

    /// Reads and validates a catalog document in TOML.
    #[cfg(feature = "toml")]
    pub fn from_toml_str(text: &str) -> Result<Self, CatalogError> {
        Self::from_str_in(text, Format::Toml)
    }

    /// Reads and validates a catalog document in the given format, within the default
    /// [`Limits`].
    pub fn from_str_in(text: &str, format: Format) -> Result<Self, CatalogError> {
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
    pub fn locate(&self, id: &str) -> Option<FactRef> {
        let i = self.index.binary_search_by(|(k, _)| k.as_str().cmp(id)).ok()?;
        Some(self.index[i].1)
    }

    /// The record with this id, of whatever kind.
    pub fn fact(&self, id: &str) -> Option<Fact<'_>> {
        self.locate(id).map(|r| self.get(r))
    }

    /// The record a [`FactRef`] from this catalog points at.
    ///
    /// # Panics
    ///
    /// If the reference did not come from this catalog and is out of range.
    pub fn get(&self, r: FactRef) -> Fact<'_> {
        let d = &self.data;
        match r.kind {
            FactKind::Source => Fact::Source(&d.sources[r.index]),
            FactKind::Role => Fact::Role(&d.roles[r.index]),
            FactKind::Responsibility => Fact::Responsibility(&d.responsibilities[r.index]),
            FactKind::Kpi => Fact::Kpi(&d.kpis[r.index]),
            FactKind::Skill => Fact::Skill(&d.skills[r.index]),
            FactKind::Dimension => Fact::Dimension(&d.dimensions[r.index]),
            FactKind::Salary => Fact::Salary(&d.salaries[r.index]),
            FactKind::Signal => Fact::Signal(&d.signals[r.index]),
            FactKind::Practice => Fact::Practice(&d.practices[r.index]),
            FactKind::Disagreement => Fact::Disagreement(&d.disagreements[r.index]),
        }
    }

    fn find<'a, T>(&self, id: &str, kind: FactKind, list: &'a [T]) -> Option<&'a T> {
        self.locate(id).filter(|r| r.kind == kind).map(|r| &list[r.index])
    }

    /// The role with this id.
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.find(id, FactKind::Role, &self.data.roles)
    }

    /// The responsibility with this id.
    pub fn responsibility(&self, id: &str) -> Option<&Responsibility> {
        self.find(id, FactKind::Responsibility, &self.data.responsibilities)
    }

    /// The KPI with this id.
    pub fn kpi(&self, id: &str) -> Option<&Kpi> {
        self.find(id, FactKind::Kpi, &self.data.kpis)
    }

    /// The skill with this id.
    pub fn skill(&self, id: &str) -> Option<&Skill> {
        self.find(id, FactKind::Skill, &self.data.skills)
    }

    /// The dimension with this id.
    pub fn dimension(&self, id: &str) -> Option<&Dimension> {
        self.find(id, FactKind::Dimension, &self.data.dimensions)
    }

    /// The salary figure with this id.
    pub fn salary(&self, id: &str) -> Option<&SalaryFigure> {
        self.find(id, FactKind::Salary, &self.data.salaries)
    }

    /// The assessment signal with this id.
    pub fn signal(&self, id: &str) -> Option<&AssessmentSignal> {
        self.find(id, FactKind::Signal, &self.data.signals)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.find(id, FactKind::Source, &self.data.sources)
    }

    /// The practice with this id.
    pub fn practice(&self, id: &str) -> Option<&Practice> {
        self.find(id, FactKind::Practice, &self.data.practices)
    }

    /// The disagreement with this id.
    pub fn disagreement(&self, id: &str) -> Option<&Disagreement> {
        self.find(id, FactKind::Disagreement, &self.data.disagreements)
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

    /// Every id in the catalog with its record, sorted by id.
    ///
    /// `rolefit-datagen` bakes this as the canonical catalog's index.
    pub fn index(&self) -> &[(Id, FactRef)] {
        &self.index
    }
}

/// Every id in a document with where it is, in document order (duplicates included).
pub(crate) fn fact_ids(data: &CatalogData) -> impl Iterator<Item = (&Id, FactRef)> {
    fn ids<'a, T>(list: &'a [T], kind: FactKind, id: fn(&T) -> &Id) -> impl Iterator<Item = (&'a Id, FactRef)> + 'a {
        list.iter().enumerate().map(move |(index, r)| (id(r), FactRef { kind, index }))
    }
    ids(&data.sources, FactKind::Source, |r| &r.id)
        .chain(ids(&data.roles, FactKind::Role, |r| &r.id))
        .chain(ids(&data.responsibilities, FactKind::Responsibility, |r| &r.id))
        .chain(ids(&data.kpis, FactKind::Kpi, |r| &r.id))
        .chain(ids(&data.skills, FactKind::Skill, |r| &r.id))
        .chain(ids(&data.dimensions, FactKind::Dimension, |r| &r.id))
        .chain(ids(&data.salaries, FactKind::Salary, |r| &r.id))
        .chain(ids(&data.signals, FactKind::Signal, |r| &r.id))
        .chain(ids(&data.practices, FactKind::Practice, |r| &r.id))
        .chain(ids(&data.disagreements, FactKind::Disagreement, |r| &r.id))
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
