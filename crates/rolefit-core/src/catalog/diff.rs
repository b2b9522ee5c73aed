//! What changed between two catalogs, record by record, and the data-version bump
//! that the change calls for.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Catalog;
use crate::Id;
use crate::model::{KindVisitor, RecordKind, Registered, Significance, Text, for_each_kind};

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
    /// use rolefit_core::catalog::Bump;
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
    /// Its id (for lexicon changes, the id of the record the phrases point at).
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
    #[schemars(pattern(super::validate::SEMVER_PATTERN))]
    pub old_version: Option<Text>,
    /// The new catalog's data version, if it states one.
    #[schemars(pattern(super::validate::SEMVER_PATTERN))]
    pub new_version: Option<Text>,
    /// Every record that differs, by kind (in document order of the kinds) and then by id.
    pub changes: Vec<Change>,
    /// The bump the changes call for: the largest of theirs.
    pub bump: Bump,
    /// The old data version with that bump applied, when the old catalog states one.
    #[schemars(pattern(super::validate::SEMVER_PATTERN))]
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
/// use rolefit_core::Catalog;
/// use rolefit_core::catalog::{diff, Bump, ChangeKind};
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
    let mut records = Records { old, new, changes: Vec::new() };
    for_each_kind(&mut records);
    let changes = records.changes;

    let bump = changes.iter().map(|c| c.bump).max().unwrap_or(Bump::None);
    CatalogDiff {
        old_version: old.data_version().map(|v| Text::Owned(v.to_owned())),
        new_version: new.data_version().map(|v| Text::Owned(v.to_owned())),
        suggested_version: old.data_version().and_then(|v| bump.apply(v)).map(Text::Owned),
        changes,
        bump,
    }
}

/// Compares the records of each kind, by key.
struct Records<'c> {
    old: &'c Catalog,
    new: &'c Catalog,
    changes: Vec<Change>,
}

impl KindVisitor for Records<'_> {
    fn visit<R: Registered>(&mut self) {
        fn by_key<R: Registered>(records: &[R]) -> BTreeMap<&Id, Vec<&R>> {
            let mut map: BTreeMap<&Id, Vec<&R>> = BTreeMap::new();
            for r in records {
                map.entry(r.key()).or_default().push(r);
            }
            map
        }
        let (old, new) = (by_key(self.old.all::<R>()), by_key(self.new.all::<R>()));
        let keys: BTreeSet<&Id> = old.keys().chain(new.keys()).copied().collect();
        // Removing an id breaks whoever refers to it; removing phrases only changes what
        // text analysis finds.
        let removal = if R::KIND.has_own_id() { Bump::Major } else { Bump::Minor };
        for key in keys {
            let change = match (old.get(key), new.get(key)) {
                (Some(_), None) => Change::new(R::KIND, key, ChangeKind::Removed, Vec::new(), removal),
                (None, Some(_)) => Change::new(R::KIND, key, ChangeKind::Added, Vec::new(), Bump::Minor),
                (Some(a), Some(b)) => {
                    let differ = R::group_changes(a, b);
                    if differ.is_empty() {
                        continue;
                    }
                    let bump =
                        if differ.iter().any(|(_, f)| *f == Significance::Value) { Bump::Minor } else { Bump::Patch };
                    let names = differ.into_iter().map(|(name, _)| Text::Borrowed(name)).collect();
                    Change::new(R::KIND, key, ChangeKind::Changed, names, bump)
                }
                (None, None) => continue,
            };
            self.changes.push(change);
        }
    }
}

impl Change {
    fn new(kind: RecordKind, id: &Id, change: ChangeKind, fields: Vec<Text>, bump: Bump) -> Self {
        Self { kind, id: id.clone(), change, fields, bump }
    }
}
