//! Merging a base catalog and overlays into one validated catalog, with every problem
//! traced back to the document and path it came from.

use std::collections::{HashMap, HashSet};

use crate::Id;
use crate::catalog::{Catalog, FactKind, FactRef, fact_ids};
use crate::catalog_data::CatalogData;
use crate::error::ParseError;
use crate::format::Format;
use crate::model::{Citation, DimensionValue, List, RoleImportance, RoleLean, RoleOwnership};
use crate::validate;

use super::document::{
    Extensions, ImportanceExtension, KpiRoleExtension, LeanExtension, OverlayMode, OverlaySettings, OwnershipExtension,
    ValueExtension,
};
use super::error::{OverlayError, OverlayProblem};

/// Builds a catalog from a base catalog and overlays applied in order.
///
/// Each document carries an origin name (a file name, `canonical`) that every error
/// names. The merged catalog is validated by the same rules as any catalog, and all
/// problems are reported at once. See [`Catalog::builder`].
///
/// ```
/// use rolefit_core::{Catalog, Format};
///
/// let base = Catalog::from_toml_str(r#"
///     [[sources]]
///     id = "handbook"
///     title = "Team handbook"
///     publisher = "Example Ltd"
///     kind = "article"
///
///     [[roles]]
///     id = "product-owner"
///     name = "Product Owner"
///     summary = "Owns the backlog."
///     description = "Orders the backlog."
///     sources = ["handbook"]
///
///     [[responsibilities]]
///     id = "backlog-ordering"
///     name = "Order the backlog"
///     description = "Decide what comes next."
///     category = "backlog"
///     ownership = [{ role = "product-owner", level = "owns" }]
///     sources = ["handbook"]
/// "#)?;
///
/// let overlay = r#"
///     [overlay]
///     mode = "extend"
///
///     [[roles]]
///     id = "scrum-master"
///     name = "Scrum Master"
///     summary = "Serves the team's process."
///     description = "Coaches the team in Scrum."
///     sources = ["handbook"]
///
///     [[extend.ownership]]
///     responsibility = "backlog-ordering"
///     role = "scrum-master"
///     level = "contributes"
///     sources = ["handbook"]
/// "#;
///
/// let catalog = Catalog::builder()
///     .base_named(&base, "base.toml")
///     .overlay_str(overlay, Format::Toml, "team.toml")
///     .build()?;
/// assert!(catalog.role("scrum-master").is_some());
/// assert_eq!(catalog.responsibility("backlog-ordering").map(|r| r.ownership.len()), Some(2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct CatalogBuilder {
    base: Option<(CatalogData, String)>,
    layers: Vec<(Result<CatalogData, ParseError>, String)>,
}

impl Catalog {
    /// Starts building a catalog from a base and overlays; see [`CatalogBuilder`].
    pub fn builder() -> CatalogBuilder {
        CatalogBuilder::default()
    }
}

impl CatalogBuilder {
    /// A builder with no base: the first overlay starts from an empty catalog.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the base catalog, named `base` in errors.
    pub fn base(self, catalog: &Catalog) -> Self {
        self.base_named(catalog, "base")
    }

    /// Sets the base catalog with the name errors give it (`canonical`).
    pub fn base_named(mut self, catalog: &Catalog, origin: impl Into<String>) -> Self {
        self.base = Some((catalog.data().clone(), origin.into()));
        self
    }

    /// Adds an overlay document, applied after the ones added before it. `origin` names
    /// it in errors (usually its file name).
    pub fn overlay(mut self, data: CatalogData, origin: impl Into<String>) -> Self {
        self.layers.push((Ok(data), origin.into()));
        self
    }

    /// Reads an overlay document and adds it; a document that cannot be read makes
    /// [`build`](Self::build) fail with [`OverlayError::Parse`].
    pub fn overlay_str(mut self, text: &str, format: Format, origin: impl Into<String>) -> Self {
        self.layers.push((format.parse(text), origin.into()));
        self
    }

    /// Merges the overlays into the base in order and validates the result.
    pub fn build(self) -> Result<Catalog, OverlayError> {
        let mut merge = Merge::default();
        if let Some((data, origin)) = self.base {
            merge.set_base(data, origin);
        }
        for (layer, origin) in self.layers {
            match layer {
                Ok(data) => merge.apply(data, origin),
                Err(error) => return Err(OverlayError::Parse { origin, error }),
            }
        }
        merge.finish()
    }
}

/// A place in one of the documents: which one, and the path there.
#[derive(Debug, Clone)]
struct Place {
    origin: usize,
    path: String,
}

#[derive(Default)]
struct Merge {
    data: CatalogData,
    origins: Vec<String>,
    /// Where each record of the merged document came from, by list name.
    records: HashMap<&'static str, Vec<Place>>,
    /// Where each attached row (and each source it added) came from, by its path in
    /// the merged document (`responsibilities[3].ownership[2]`).
    rows: HashMap<String, Place>,
    data_version: Option<Place>,
    problems: Vec<(usize, OverlayProblem)>,
}

/// The lists of a catalog document, in document order, with their records' ids.
const KINDS: [FactKind; 10] = [
    FactKind::Source,
    FactKind::Role,
    FactKind::Responsibility,
    FactKind::Kpi,
    FactKind::Skill,
    FactKind::Dimension,
    FactKind::Salary,
    FactKind::Signal,
    FactKind::Practice,
    FactKind::Disagreement,
];

impl Merge {
    fn origin(&mut self, name: String) -> usize {
        self.origins.push(name);
        self.origins.len() - 1
    }

    fn report(&mut self, origin: usize, path: impl Into<String>, message: impl Into<String>) {
        let name = self.origins.get(origin).cloned().unwrap_or_default();
        self.problems.push((origin, OverlayProblem { origin: name, path: path.into(), message: message.into() }));
    }

    /// Records every record and lexicon entry of `data` as coming from `origin`, at the same path.
    fn adopt_all(&mut self, data: &CatalogData, origin: usize) {
        for kind in KINDS {
            let n = list_len(data, kind);
            let places = (0..n).map(|i| Place { origin, path: format!("{}[{i}]", kind.list_name()) }).collect();
            self.records.insert(kind.list_name(), places);
        }
        let lexicon = (0..data.lexicon.len()).map(|i| Place { origin, path: format!("lexicon[{i}]") }).collect();
        self.records.insert("lexicon", lexicon);
        self.data_version = data.data_version.as_ref().map(|_| Place { origin, path: "data_version".into() });
    }

    fn set_base(&mut self, mut data: CatalogData, origin: String) {
        let origin = self.origin(origin);
        // A validated catalog holds neither, but the builder owns its copy all the same.
        data.overlay = None;
        data.extend = None;
        self.adopt_all(&data, origin);
        self.data = data;
    }

    fn apply(&mut self, mut data: CatalogData, origin: String) {
        let o = self.origin(origin);
        let settings = data.overlay.take().unwrap_or_default();
        let extensions = data.extend.take();
        if settings.mode == OverlayMode::Replace {
            for (j, id) in settings.overrides.iter().enumerate() {
                self.report(
                    o,
                    format!("overlay.overrides[{j}]"),
                    format!("cannot override {id:?}: a replace overlay keeps nothing of the catalog beneath it"),
                );
            }
            self.adopt_all(&data, o);
            self.data = data;
        } else {
            self.merge_records(data, &settings, o);
        }
        if let Some(ext) = extensions {
            self.attach_all(&ext, o);
        }
    }

    /// Where a record of the merged document came from, as `origin: path`.
    fn describe(&self, merged_path: &str) -> String {
        let (origin, path) = self.locate(merged_path);
        format!("{} {path}", self.origins.get(origin).map_or("", String::as_str))
    }

    /// Maps a path in the merged document to the document and path it came from.
    fn locate(&self, merged_path: &str) -> (usize, String) {
        // The longest prefix, ending at a field boundary, that an attached row claims.
        let mut ends: Vec<usize> = merged_path.match_indices('.').map(|(i, _)| i).collect();
        ends.push(merged_path.len());
        for &end in ends.iter().rev() {
            if let Some(place) = self.rows.get(&merged_path[..end]) {
                return (place.origin, format!("{}{}", place.path, &merged_path[end..]));
            }
        }
        if let Some((list, rest)) = merged_path.split_once('[')
            && let Some((index, tail)) = rest.split_once(']')
            && let Ok(index) = index.parse::<usize>()
            && let Some(place) = self.records.get(list).and_then(|places| places.get(index))
        {
            return (place.origin, format!("{}{tail}", place.path));
        }
        if merged_path.starts_with("data_version")
            && let Some(place) = &self.data_version
        {
            return (place.origin, merged_path.to_owned());
        }
        (self.origins.len().saturating_sub(1), merged_path.to_owned())
    }

    fn merge_records(&mut self, data: CatalogData, settings: &OverlaySettings, o: usize) {
        let current: HashMap<String, FactRef> = {
            let mut map = HashMap::new();
            for (id, at) in fact_ids(&self.data) {
                map.entry(id.as_str().to_owned()).or_insert(at);
            }
            map
        };
        let incoming: HashMap<&str, FactRef> = {
            let mut map = HashMap::new();
            for (id, at) in fact_ids(&data) {
                map.entry(id.as_str()).or_insert(at);
            }
            map
        };

        let mut overrides: HashSet<&str> = HashSet::new();
        for (j, id) in settings.overrides.iter().enumerate() {
            let path = format!("overlay.overrides[{j}]");
            if !overrides.insert(id.as_str()) {
                self.report(o, path, format!("{id:?} is listed twice"));
                continue;
            }
            if !current.contains_key(id.as_str()) {
                self.report(o, path.clone(), format!("cannot override {id:?}: the catalog beneath has no such record"));
            }
            if !incoming.contains_key(id.as_str()) {
                self.report(o, path, format!("{id:?} is listed, but this document has no record with that id"));
            }
        }

        // The first place each id appears in this document, to report duplicates within it.
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut keep: HashMap<FactKind, Vec<bool>> = HashMap::new();
        let mut replace: Vec<(FactRef, FactRef)> = Vec::new();
        for (id, at) in fact_ids(&data) {
            let path = format!("{}[{}]", at.kind.list_name(), at.index);
            let slot = keep.entry(at.kind).or_insert_with(|| vec![false; list_len(&data, at.kind)]);
            if let Some(first) = seen.get(id.as_str()) {
                self.report(o, format!("{path}.id"), format!("duplicate id {id:?}, first used at {first}"));
                continue;
            }
            seen.insert(id.as_str().to_owned(), path.clone());
            match current.get(id.as_str()) {
                Some(base) if overrides.contains(id.as_str()) => {
                    if base.kind == at.kind {
                        replace.push((*base, at));
                    } else {
                        let there = self.describe(&place(*base));
                        self.report(
                            o,
                            format!("{path}.id"),
                            format!(
                                "{id:?} is a {} at {there}; an override must be a {} too",
                                base.kind.noun(),
                                base.kind.noun()
                            ),
                        );
                    }
                }
                Some(base) => {
                    let there = self.describe(&place(*base));
                    self.report(
                        o,
                        format!("{path}.id"),
                        format!(
                            "id {id:?} is already used by the {} at {there}; to replace that record, list {id:?} in \
                             overlay.overrides, or choose another id",
                            base.kind.noun()
                        ),
                    );
                }
                None => {
                    if let Some(flag) = slot.get_mut(at.index) {
                        *flag = true;
                    }
                }
            }
        }

        for (base, at) in replace {
            copy_record(&data, at, &mut self.data, base);
            let list = base.kind.list_name();
            if let Some(p) = self.records.get_mut(list).and_then(|v| v.get_mut(base.index)) {
                *p = Place { origin: o, path: format!("{list}[{}]", at.index) };
            }
            // Rows attached to the replaced record went with it.
            let prefix = format!("{list}[{}].", base.index);
            self.rows.retain(|k, _| !k.starts_with(&prefix));
        }
        for kind in KINDS {
            let flags = keep.get(&kind).cloned().unwrap_or_default();
            for (index, append) in flags.into_iter().enumerate() {
                if append {
                    append_record(&data, FactRef { kind, index }, &mut self.data);
                    let list = kind.list_name();
                    self.records.entry(list).or_default().push(Place { origin: o, path: format!("{list}[{index}]") });
                }
            }
        }
        for (j, entry) in data.lexicon.iter().enumerate() {
            self.data.lexicon.to_mut().push(entry.clone());
            self.records.entry("lexicon").or_default().push(Place { origin: o, path: format!("lexicon[{j}]") });
        }
        if data.data_version.is_some() {
            self.data.data_version = data.data_version;
            self.data_version = Some(Place { origin: o, path: "data_version".into() });
        }
    }

    fn attach_all(&mut self, ext: &Extensions, o: usize) {
        let index: HashMap<String, FactRef> = {
            let mut map = HashMap::new();
            for (id, at) in fact_ids(&self.data) {
                map.entry(id.as_str().to_owned()).or_insert(at);
            }
            map
        };
        self.attach(&ext.ownership, &index, o);
        self.attach(&ext.importance, &index, o);
        self.attach(&ext.leans, &index, o);
        self.attach(&ext.values, &index, o);
        self.attach(&ext.kpi_roles, &index, o);
    }

    fn attach<R: Row>(&mut self, rows: &[R], index: &HashMap<String, FactRef>, o: usize) {
        for (j, row) in rows.iter().enumerate() {
            let p = format!("extend.{}[{j}]", R::SECTION);
            let target = row.target();
            let at = match index.get(target.as_str()) {
                Some(at) if at.kind == R::TARGET => *at,
                Some(at) => {
                    self.report(
                        o,
                        format!("{p}.{}", R::TARGET_FIELD),
                        format!("{target:?} is a {}, not a {}", at.kind.noun(), R::TARGET.noun()),
                    );
                    continue;
                }
                None => {
                    self.report(
                        o,
                        format!("{p}.{}", R::TARGET_FIELD),
                        format!("unknown {} {target:?}", R::TARGET.noun()),
                    );
                    continue;
                }
            };
            let record = format!("{}[{}]", R::TARGET.list_name(), at.index);
            if row.sources().is_empty() && R::RECORD_SOURCES {
                self.report(o, format!("{p}.sources"), "no source cited; every attached row needs at least one");
            }
            if let Some(k) = R::roles(&self.data, at.index).iter().position(|r| r == row.role()) {
                let there = self.describe(&format!("{record}.{}[{k}]", R::LIST_FIELD));
                self.report(
                    o,
                    format!("{p}.role"),
                    format!(
                        "{} {target:?} already lists role {:?} at {there}; to change it, list {target:?} in \
                         overlay.overrides and give the whole record",
                        R::TARGET.noun(),
                        row.role().as_str()
                    ),
                );
                continue;
            }
            let n = row.push(&mut self.data, at.index);
            self.rows.insert(
                format!("{record}.{}[{n}]", R::LIST_FIELD),
                Place { origin: o, path: format!("{p}{}", R::ROW_SUFFIX) },
            );
            if R::RECORD_SOURCES
                && let Some(sources) = record_sources(&mut self.data, at)
            {
                for (k, s) in row.sources().iter().enumerate() {
                    if !sources.contains(s) {
                        sources.to_mut().push(s.clone());
                        let merged = format!("{record}.sources[{}]", sources.len() - 1);
                        self.rows.insert(merged, Place { origin: o, path: format!("{p}.sources[{k}]") });
                    }
                }
            }
        }
    }

    fn finish(self) -> Result<Catalog, OverlayError> {
        let mut found = self.problems.clone();
        for problem in validate::problems(&self.data) {
            let (origin, path) = self.locate(&problem.path);
            let name = self.origins.get(origin).cloned().unwrap_or_default();
            found.push((origin, OverlayProblem { origin: name, path, message: problem.message }));
        }
        // One document's problems together, in the order the documents were applied.
        found.sort_by_key(|(origin, _)| *origin);
        let problems: Vec<OverlayProblem> = found.into_iter().map(|(_, p)| p).collect();
        if !problems.is_empty() {
            return Err(OverlayError::Invalid(problems));
        }
        Catalog::new(self.data).map_err(|e| {
            // Unreachable in practice: the same rules were just checked.
            OverlayError::Invalid(
                e.problems()
                    .iter()
                    .map(|p| OverlayProblem { origin: String::new(), path: p.path.clone(), message: p.message.clone() })
                    .collect(),
            )
        })
    }
}

fn place(r: FactRef) -> String {
    format!("{}[{}]", r.kind.list_name(), r.index)
}

fn list_len(d: &CatalogData, kind: FactKind) -> usize {
    match kind {
        FactKind::Source => d.sources.len(),
        FactKind::Role => d.roles.len(),
        FactKind::Responsibility => d.responsibilities.len(),
        FactKind::Kpi => d.kpis.len(),
        FactKind::Skill => d.skills.len(),
        FactKind::Dimension => d.dimensions.len(),
        FactKind::Salary => d.salaries.len(),
        FactKind::Signal => d.signals.len(),
        FactKind::Practice => d.practices.len(),
        FactKind::Disagreement => d.disagreements.len(),
    }
}

/// Runs `$body` with `$list` bound to the source and target lists of `$kind`.
macro_rules! with_lists {
    ($kind:expr, $from:expr, $to:expr, |$a:ident, $b:ident| $body:expr) => {
        match $kind {
            FactKind::Source => {
                let ($a, $b) = (&$from.sources, &mut $to.sources);
                $body
            }
            FactKind::Role => {
                let ($a, $b) = (&$from.roles, &mut $to.roles);
                $body
            }
            FactKind::Responsibility => {
                let ($a, $b) = (&$from.responsibilities, &mut $to.responsibilities);
                $body
            }
            FactKind::Kpi => {
                let ($a, $b) = (&$from.kpis, &mut $to.kpis);
                $body
            }
            FactKind::Skill => {
                let ($a, $b) = (&$from.skills, &mut $to.skills);
                $body
            }
            FactKind::Dimension => {
                let ($a, $b) = (&$from.dimensions, &mut $to.dimensions);
                $body
            }
            FactKind::Salary => {
                let ($a, $b) = (&$from.salaries, &mut $to.salaries);
                $body
            }
            FactKind::Signal => {
                let ($a, $b) = (&$from.signals, &mut $to.signals);
                $body
            }
            FactKind::Practice => {
                let ($a, $b) = (&$from.practices, &mut $to.practices);
                $body
            }
            FactKind::Disagreement => {
                let ($a, $b) = (&$from.disagreements, &mut $to.disagreements);
                $body
            }
        }
    };
}

/// Overwrites the record at `to` with the record at `from` (both of one kind).
fn copy_record(from: &CatalogData, at: FactRef, to: &mut CatalogData, base: FactRef) {
    with_lists!(at.kind, from, to, |a, b| if let (Some(record), Some(slot)) =
        (a.get(at.index), b.to_mut().get_mut(base.index))
    {
        *slot = record.clone();
    })
}

fn append_record(from: &CatalogData, at: FactRef, to: &mut CatalogData) {
    with_lists!(at.kind, from, to, |a, b| if let Some(record) = a.get(at.index) {
        b.to_mut().push(record.clone());
    })
}

fn record_sources(d: &mut CatalogData, at: FactRef) -> Option<&mut List<Citation>> {
    match at.kind {
        FactKind::Responsibility => d.responsibilities.to_mut().get_mut(at.index).map(|r| &mut r.sources),
        FactKind::Skill => d.skills.to_mut().get_mut(at.index).map(|r| &mut r.sources),
        FactKind::Signal => d.signals.to_mut().get_mut(at.index).map(|r| &mut r.sources),
        FactKind::Kpi => d.kpis.to_mut().get_mut(at.index).map(|r| &mut r.sources),
        _ => None,
    }
}

/// A row of the `[extend]` section: which record it attaches to and how.
trait Row {
    /// Its list under `extend` (`ownership`).
    const SECTION: &'static str;
    /// The kind of record it attaches to.
    const TARGET: FactKind;
    /// The row's field naming that record (`responsibility`).
    const TARGET_FIELD: &'static str;
    /// The record's list the row joins (`ownership`).
    const LIST_FIELD: &'static str;
    /// What a path inside the joined entry maps to, after the row's own path.
    const ROW_SUFFIX: &'static str = "";
    /// Whether the row's sources join the record's own sources (else the entry keeps them).
    const RECORD_SOURCES: bool = true;

    fn target(&self) -> &Id;
    fn role(&self) -> &Id;
    fn sources(&self) -> &[Citation];
    /// The roles the record lists already.
    fn roles(d: &CatalogData, index: usize) -> Vec<Id>;
    /// Adds the row to the record; the position it took.
    fn push(&self, d: &mut CatalogData, index: usize) -> usize;
}

fn push_to<T>(list: Option<&mut List<T>>, item: T) -> usize
where
    T: Clone,
{
    match list {
        Some(list) => {
            list.to_mut().push(item);
            list.len() - 1
        }
        None => 0,
    }
}

impl Row for OwnershipExtension {
    const SECTION: &'static str = "ownership";
    const TARGET: FactKind = FactKind::Responsibility;
    const TARGET_FIELD: &'static str = "responsibility";
    const LIST_FIELD: &'static str = "ownership";

    fn target(&self) -> &Id {
        &self.responsibility
    }
    fn role(&self) -> &Id {
        &self.role
    }
    fn sources(&self) -> &[Citation] {
        &self.sources
    }
    fn roles(d: &CatalogData, index: usize) -> Vec<Id> {
        d.responsibilities.get(index).map(|r| r.ownership.iter().map(|o| o.role.clone()).collect()).unwrap_or_default()
    }
    fn push(&self, d: &mut CatalogData, index: usize) -> usize {
        let entry = RoleOwnership { role: self.role.clone(), level: self.level };
        push_to(d.responsibilities.to_mut().get_mut(index).map(|r| &mut r.ownership), entry)
    }
}

impl Row for ImportanceExtension {
    const SECTION: &'static str = "importance";
    const TARGET: FactKind = FactKind::Skill;
    const TARGET_FIELD: &'static str = "skill";
    const LIST_FIELD: &'static str = "importance";

    fn target(&self) -> &Id {
        &self.skill
    }
    fn role(&self) -> &Id {
        &self.role
    }
    fn sources(&self) -> &[Citation] {
        &self.sources
    }
    fn roles(d: &CatalogData, index: usize) -> Vec<Id> {
        d.skills.get(index).map(|r| r.importance.iter().map(|o| o.role.clone()).collect()).unwrap_or_default()
    }
    fn push(&self, d: &mut CatalogData, index: usize) -> usize {
        let entry = RoleImportance { role: self.role.clone(), level: self.level };
        push_to(d.skills.to_mut().get_mut(index).map(|r| &mut r.importance), entry)
    }
}

impl Row for LeanExtension {
    const SECTION: &'static str = "leans";
    const TARGET: FactKind = FactKind::Signal;
    const TARGET_FIELD: &'static str = "signal";
    const LIST_FIELD: &'static str = "leans";

    fn target(&self) -> &Id {
        &self.signal
    }
    fn role(&self) -> &Id {
        &self.role
    }
    fn sources(&self) -> &[Citation] {
        &self.sources
    }
    fn roles(d: &CatalogData, index: usize) -> Vec<Id> {
        d.signals.get(index).map(|r| r.leans.iter().map(|o| o.role.clone()).collect()).unwrap_or_default()
    }
    fn push(&self, d: &mut CatalogData, index: usize) -> usize {
        let entry = RoleLean { role: self.role.clone(), weight: self.weight };
        push_to(d.signals.to_mut().get_mut(index).map(|r| &mut r.leans), entry)
    }
}

impl Row for ValueExtension {
    const SECTION: &'static str = "values";
    const TARGET: FactKind = FactKind::Dimension;
    const TARGET_FIELD: &'static str = "dimension";
    const LIST_FIELD: &'static str = "values";
    // A dimension value cites its own sources; the validator checks them in place.
    const RECORD_SOURCES: bool = false;

    fn target(&self) -> &Id {
        &self.dimension
    }
    fn role(&self) -> &Id {
        &self.role
    }
    fn sources(&self) -> &[Citation] {
        &self.sources
    }
    fn roles(d: &CatalogData, index: usize) -> Vec<Id> {
        d.dimensions.get(index).map(|r| r.values.iter().map(|o| o.role.clone()).collect()).unwrap_or_default()
    }
    fn push(&self, d: &mut CatalogData, index: usize) -> usize {
        let entry = DimensionValue {
            role: self.role.clone(),
            value: self.value.clone(),
            horizon: self.horizon,
            sources: self.sources.clone(),
        };
        push_to(d.dimensions.to_mut().get_mut(index).map(|r| &mut r.values), entry)
    }
}

impl Row for KpiRoleExtension {
    const SECTION: &'static str = "kpi_roles";
    const TARGET: FactKind = FactKind::Kpi;
    const TARGET_FIELD: &'static str = "kpi";
    const LIST_FIELD: &'static str = "roles";
    const ROW_SUFFIX: &'static str = ".role";

    fn target(&self) -> &Id {
        &self.kpi
    }
    fn role(&self) -> &Id {
        &self.role
    }
    fn sources(&self) -> &[Citation] {
        &self.sources
    }
    fn roles(d: &CatalogData, index: usize) -> Vec<Id> {
        d.kpis.get(index).map(|r| r.roles.to_vec()).unwrap_or_default()
    }
    fn push(&self, d: &mut CatalogData, index: usize) -> usize {
        push_to(d.kpis.to_mut().get_mut(index).map(|r| &mut r.roles), self.role.clone())
    }
}
