//! What changed between two catalogs, record by record, and the data-version bump
//! that the change calls for.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Id;
use crate::catalog::{Catalog, FactKind};
use crate::model::{
    AssessmentSignal, Dimension, Disagreement, Kpi, Practice, Responsibility, Role, SalaryFigure, Skill, Source, Text,
};

/// A semantic-version bump of the data version.
///
/// Ordered from smallest to largest, so the bump a diff needs is the largest of its
/// changes' bumps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Bump {
    /// Nothing changed.
    None,
    /// Wording or citations changed; every fact says what it said.
    Patch,
    /// Facts were added, or a fact's values changed; every id is still there.
    Minor,
    /// Ids were removed (or renamed, which removes the old one): users who refer to
    /// them must change.
    Major,
}

impl Bump {
    /// The version after this bump, for a `MAJOR.MINOR.PATCH` version (a pre-release
    /// tag is dropped); none when `version` is not of that shape.
    ///
    /// ```
    /// use rolefit_core::Bump;
    /// assert_eq!(Bump::Minor.apply("1.4.2").as_deref(), Some("1.5.0"));
    /// assert_eq!(Bump::Major.apply("1.4.2-rc.1").as_deref(), Some("2.0.0"));
    /// assert_eq!(Bump::None.apply("1.4.2").as_deref(), Some("1.4.2"));
    /// assert_eq!(Bump::Patch.apply("one"), None);
    /// ```
    pub fn apply(self, version: &str) -> Option<String> {
        let core = version.split_once(['-', '+']).map_or(version, |(core, _)| core);
        let mut parts = core.split('.').map(|p| p.parse::<u64>().ok());
        let (Some(Some(major)), Some(Some(minor)), Some(Some(patch)), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return None;
        };
        let (major, minor, patch) = match self {
            Self::None => (major, minor, patch),
            Self::Patch => (major, minor, patch.checked_add(1)?),
            Self::Minor => (major, minor.checked_add(1)?, 0),
            Self::Major => (major.checked_add(1)?, 0, 0),
        };
        Some(format!("{major}.{minor}.{patch}"))
    }

    /// The bump's name: `none`, `patch`, `minor` or `major`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Patch => "patch",
            Self::Minor => "minor",
            Self::Major => "major",
        }
    }
}

/// The kind of record a [`Change`] is about: a fact kind, or the lexicon entries of one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum RecordKind {
    /// A source.
    Source,
    /// A role.
    Role,
    /// A responsibility.
    Responsibility,
    /// A KPI.
    Kpi,
    /// A skill.
    Skill,
    /// A comparison dimension.
    Dimension,
    /// A salary figure.
    Salary,
    /// An assessment signal.
    Signal,
    /// A collaboration practice.
    Practice,
    /// A disagreement between sources.
    Disagreement,
    /// The phrases that recognise one fact in text (the `id` is that fact's).
    Lexicon,
}

impl From<FactKind> for RecordKind {
    fn from(kind: FactKind) -> Self {
        match kind {
            FactKind::Source => Self::Source,
            FactKind::Role => Self::Role,
            FactKind::Responsibility => Self::Responsibility,
            FactKind::Kpi => Self::Kpi,
            FactKind::Skill => Self::Skill,
            FactKind::Dimension => Self::Dimension,
            FactKind::Salary => Self::Salary,
            FactKind::Signal => Self::Signal,
            FactKind::Practice => Self::Practice,
            FactKind::Disagreement => Self::Disagreement,
        }
    }
}

impl RecordKind {
    /// The kind's name, as in JSON: `responsibility`, `lexicon`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Source => "source",
            Self::Role => "role",
            Self::Responsibility => "responsibility",
            Self::Kpi => "kpi",
            Self::Skill => "skill",
            Self::Dimension => "dimension",
            Self::Salary => "salary",
            Self::Signal => "signal",
            Self::Practice => "practice",
            Self::Disagreement => "disagreement",
            Self::Lexicon => "lexicon",
        }
    }
}

/// Whether a record was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeKind {
    /// Only the new catalog has it.
    Added,
    /// Only the old catalog has it.
    Removed,
    /// Both have it, with different fields.
    Changed,
}

/// One record that differs between two catalogs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The kind of record.
    pub kind: RecordKind,
    /// Its id (for lexicon changes, the id of the fact the phrases point at).
    pub id: Id,
    /// Added, removed or changed.
    pub change: ChangeKind,
    /// For a changed record, the fields that differ, in the record's field order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Text>,
    /// The bump this change alone calls for.
    pub bump: Bump,
}

/// What changed between two catalogs: the result of [`diff`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CatalogDiff {
    /// The old catalog's data version, if it states one.
    pub old_version: Option<Text>,
    /// The new catalog's data version, if it states one.
    pub new_version: Option<Text>,
    /// Every record that differs, by kind (in document order of the kinds) and then by id.
    pub changes: Vec<Change>,
    /// The bump the changes call for: the largest of theirs.
    pub bump: Bump,
    /// The old data version with that bump applied, when the old catalog states one.
    pub suggested_version: Option<Text>,
}

impl CatalogDiff {
    /// Whether the two catalogs hold the same records (their data versions may differ).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// The changes of one kind: added, removed or changed.
    pub fn of(&self, change: ChangeKind) -> impl Iterator<Item = &Change> {
        self.changes.iter().filter(move |c| c.change == change)
    }
}

/// Compares two catalogs record by record.
///
/// Records are matched by id: an id only in `new` is an addition (minor), an id only
/// in `old` a removal (major; a renamed id shows as a removal and an addition). A
/// record in both with different fields is a change: patch when only wording or
/// citations differ, minor when a value differs (an ownership level, a weight, a
/// role list). Lexicon entries are compared as the set of phrases per fact; any
/// change to them is minor, since it changes what text analysis finds.
///
/// ```
/// use rolefit_core::{diff, Bump, Catalog, ChangeKind};
///
/// let old = Catalog::from_toml_str(r#"
///     data_version = "1.0.0"
///     [[sources]]
///     id = "handbook"
///     title = "Team handbook"
///     publisher = "Example Ltd"
///     kind = "article"
/// "#)?;
/// let mut data = old.data().clone();
/// data.sources.to_mut()[0].title = "The team handbook".into();
/// let new = Catalog::new(data)?;
///
/// let d = diff(&old, &new);
/// assert_eq!(d.changes.len(), 1);
/// assert_eq!(d.changes[0].change, ChangeKind::Changed);
/// assert_eq!(d.changes[0].fields, ["title"]);
/// assert_eq!(d.bump, Bump::Patch);
/// assert_eq!(d.suggested_version.as_deref(), Some("1.0.1"));
/// assert!(diff(&old, &old).is_empty());
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
pub fn diff(old: &Catalog, new: &Catalog) -> CatalogDiff {
    let mut changes = Vec::new();
    records(&mut changes, FactKind::Source, old.sources(), new.sources(), |r| &r.id, source_fields);
    records(&mut changes, FactKind::Role, old.roles(), new.roles(), |r| &r.id, role_fields);
    records(
        &mut changes,
        FactKind::Responsibility,
        old.responsibilities(),
        new.responsibilities(),
        |r| &r.id,
        responsibility_fields,
    );
    records(&mut changes, FactKind::Kpi, old.kpis(), new.kpis(), |r| &r.id, kpi_fields);
    records(&mut changes, FactKind::Skill, old.skills(), new.skills(), |r| &r.id, skill_fields);
    records(&mut changes, FactKind::Dimension, old.dimensions(), new.dimensions(), |r| &r.id, dimension_fields);
    records(&mut changes, FactKind::Salary, old.salaries(), new.salaries(), |r| &r.id, salary_fields);
    records(&mut changes, FactKind::Signal, old.signals(), new.signals(), |r| &r.id, signal_fields);
    records(&mut changes, FactKind::Practice, old.practices(), new.practices(), |r| &r.id, practice_fields);
    records(
        &mut changes,
        FactKind::Disagreement,
        old.disagreements(),
        new.disagreements(),
        |r| &r.id,
        disagreement_fields,
    );
    lexicon(&mut changes, old, new);

    let bump = changes.iter().map(|c| c.bump).max().unwrap_or(Bump::None);
    CatalogDiff {
        old_version: old.data_version().map(|v| Text::Owned(v.to_owned())),
        new_version: new.data_version().map(|v| Text::Owned(v.to_owned())),
        suggested_version: old.data_version().and_then(|v| bump.apply(v)).map(Text::Owned),
        changes,
        bump,
    }
}

/// How a field's change weighs on the version.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Field {
    /// Words and citations: a patch.
    Wording,
    /// A value the data means: a minor bump.
    Value,
}

type Fields = Vec<(&'static str, Field)>;

fn records<T>(
    out: &mut Vec<Change>,
    kind: FactKind,
    old: &[T],
    new: &[T],
    id: fn(&T) -> &Id,
    fields: fn(&T, &T) -> Fields,
) {
    let old: BTreeMap<&Id, &T> = old.iter().map(|r| (id(r), r)).collect();
    let new: BTreeMap<&Id, &T> = new.iter().map(|r| (id(r), r)).collect();
    let ids: BTreeSet<&Id> = old.keys().chain(new.keys()).copied().collect();
    for key in ids {
        let change = match (old.get(key), new.get(key)) {
            (Some(_), None) => Change::new(kind.into(), key, ChangeKind::Removed, Vec::new(), Bump::Major),
            (None, Some(_)) => Change::new(kind.into(), key, ChangeKind::Added, Vec::new(), Bump::Minor),
            (Some(a), Some(b)) => {
                let differ = fields(a, b);
                if differ.is_empty() {
                    continue;
                }
                let bump = if differ.iter().any(|(_, f)| *f == Field::Value) { Bump::Minor } else { Bump::Patch };
                let names = differ.into_iter().map(|(name, _)| Text::Borrowed(name)).collect();
                Change::new(kind.into(), key, ChangeKind::Changed, names, bump)
            }
            (None, None) => continue,
        };
        out.push(change);
    }
}

impl Change {
    fn new(kind: RecordKind, id: &Id, change: ChangeKind, fields: Vec<Text>, bump: Bump) -> Self {
        Self { kind, id: id.clone(), change, fields, bump }
    }
}

fn lexicon(out: &mut Vec<Change>, old: &Catalog, new: &Catalog) {
    fn phrases(catalog: &Catalog) -> BTreeMap<&Id, BTreeSet<&str>> {
        let mut map: BTreeMap<&Id, BTreeSet<&str>> = BTreeMap::new();
        for entry in catalog.lexicon() {
            map.entry(&entry.fact).or_default().extend(entry.phrases.iter().map(|p| &**p));
        }
        map
    }
    let (old, new) = (phrases(old), phrases(new));
    let ids: BTreeSet<&Id> = old.keys().chain(new.keys()).copied().collect();
    for key in ids {
        let change = match (old.get(key), new.get(key)) {
            (Some(_), None) => ChangeKind::Removed,
            (None, Some(_)) => ChangeKind::Added,
            (Some(a), Some(b)) if a != b => ChangeKind::Changed,
            _ => continue,
        };
        let fields = if change == ChangeKind::Changed { vec![Text::Borrowed("phrases")] } else { Vec::new() };
        out.push(Change::new(RecordKind::Lexicon, key, change, fields, Bump::Minor));
    }
}

/// The fields of `$ty` that differ between `$a` and `$b`, each with its weight. The
/// pattern lists every field, so adding one to the model fails to compile until it is
/// classified here.
macro_rules! fields {
    ($a:expr, $b:expr, $ty:ident { id, $($field:ident: $class:ident),* $(,)? }) => {{
        let $ty { id: _, $($field: _),* } = $a;
        let mut out: Fields = Vec::new();
        $(
            if $a.$field != $b.$field {
                out.push((stringify!($field), Field::$class));
            }
        )*
        out
    }};
}

fn source_fields(a: &Source, b: &Source) -> Fields {
    fields!(
        a,
        b,
        Source {
            id,
            title: Wording,
            publisher: Wording,
            kind: Value,
            url: Wording,
            edition: Wording,
            note: Wording,
            cites: Wording
        }
    )
}

fn role_fields(a: &Role, b: &Role) -> Fields {
    fields!(
        a,
        b,
        Role {
            id,
            name: Wording,
            summary: Wording,
            description: Wording,
            aliases: Value,
            crosswalk: Value,
            sources: Wording
        }
    )
}

fn responsibility_fields(a: &Responsibility, b: &Responsibility) -> Fields {
    fields!(
        a,
        b,
        Responsibility { id, name: Wording, description: Wording, category: Value, ownership: Value, sources: Wording }
    )
}

fn kpi_fields(a: &Kpi, b: &Kpi) -> Fields {
    fields!(
        a,
        b,
        Kpi {
            id,
            name: Wording,
            definition: Wording,
            unit: Value,
            direction: Value,
            cadence: Value,
            roles: Value,
            sources: Wording
        }
    )
}

fn skill_fields(a: &Skill, b: &Skill) -> Fields {
    fields!(
        a,
        b,
        Skill {
            id,
            name: Wording,
            description: Wording,
            kind: Value,
            domain: Value,
            importance: Value,
            sources: Wording
        }
    )
}

fn dimension_fields(a: &Dimension, b: &Dimension) -> Fields {
    // A value's words and its horizon are both in `values`; wording-only edits there
    // still count as a value change, since the comparison shows them as the data.
    fields!(a, b, Dimension { id, name: Wording, description: Wording, values: Value })
}

fn salary_fields(a: &SalaryFigure, b: &SalaryFigure) -> Fields {
    fields!(
        a,
        b,
        SalaryFigure {
            id,
            role: Value,
            currency: Value,
            amount: Value,
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

fn signal_fields(a: &AssessmentSignal, b: &AssessmentSignal) -> Fields {
    fields!(
        a,
        b,
        AssessmentSignal {
            id,
            name: Wording,
            question: Wording,
            description: Wording,
            category: Value,
            leans: Value,
            staffing: Value,
            sources: Wording
        }
    )
}

fn practice_fields(a: &Practice, b: &Practice) -> Fields {
    fields!(a, b, Practice { id, name: Wording, description: Wording, sources: Wording })
}

fn disagreement_fields(a: &Disagreement, b: &Disagreement) -> Fields {
    fields!(a, b, Disagreement { id, topic: Wording, description: Wording, affects: Value, positions: Wording })
}
