//! Merging a base catalog and overlays into one document, keeping where each record,
//! row and citation came from, so that every problem names its document and path.

use std::collections::{HashMap, HashSet};

use super::Catalog;
use super::validate::{self, place};
use crate::Id;
use crate::error::CatalogError;
use crate::model::overlay::{Extensions, OverlayMode, OverlaySettings};
use crate::model::{CatalogData, KindVisitor, RecordKind, RecordRef, Registered, for_each_kind};
use crate::problem::{Problem, Problems, Segment, Subject, ValuePath};
use crate::suggestion::did_you_mean;

/// A place in one of the documents: which one, and the path there.
#[derive(Debug, Clone)]
pub(super) struct Place {
    pub(super) origin: usize,
    pub(super) path: ValuePath,
}

/// The merged document and where each of its parts came from.
#[derive(Default)]
pub(super) struct Merge {
    pub(super) data: CatalogData,
    origins: Vec<String>,
    /// Where each record of the merged document came from, by kind.
    records: HashMap<RecordKind, Vec<Place>>,
    /// Where each attached row (and each citation it added) came from, by its path in
    /// the merged document (`responsibilities[3].ownership[2]`).
    pub(super) rows: HashMap<ValuePath, Place>,
    data_version: Option<Place>,
    problems: Vec<(usize, Problem)>,
}

impl Merge {
    fn origin(&mut self, name: String) -> usize {
        self.origins.push(name);
        self.origins.len() - 1
    }

    pub(super) fn report(&mut self, origin: usize, path: ValuePath, message: impl Into<String>) {
        let mut problem = Problem::new(path, message);
        problem.origin = Some(self.origins.get(origin).cloned().unwrap_or_default());
        self.problems.push((origin, problem));
    }

    /// Records every record of `data` as coming from `origin`, at the same path.
    fn adopt_all(&mut self, data: &CatalogData, origin: usize) {
        for &kind in RecordKind::ALL {
            let places =
                (0..data.len_of(kind)).map(|i| Place { origin, path: place(RecordRef::new(kind, i)) }).collect();
            self.records.insert(kind, places);
        }
        self.data_version = data.data_version.as_ref().map(|_| Place { origin, path: "data_version".into() });
    }

    pub(super) fn set_base(&mut self, mut data: CatalogData, origin: String) {
        let origin = self.origin(origin);
        // A validated catalog holds neither, but the builder owns its copy all the same.
        data.overlay = None;
        data.extend = None;
        self.adopt_all(&data, origin);
        self.data = data;
    }

    /// Applies an overlay's records; returns the document's index and its `[extend]`
    /// rows, which attach once its records are in.
    pub(super) fn apply(&mut self, mut data: CatalogData, origin: String) -> (usize, Option<Extensions>) {
        let o = self.origin(origin);
        let settings = data.overlay.take().unwrap_or_default();
        let extensions = data.extend.take();
        if settings.mode == OverlayMode::Replace {
            for (j, id) in settings.overrides.iter().enumerate() {
                self.report(
                    o,
                    overrides_path(j),
                    format!("cannot override {id:?}: a replace overlay keeps nothing of the catalog beneath it"),
                );
            }
            self.adopt_all(&data, o);
            self.data = data;
        } else {
            self.merge_records(data, &settings, o);
        }
        (o, extensions)
    }

    /// Where a part of the merged document came from, as `origin path`.
    pub(super) fn describe(&self, merged: &ValuePath) -> String {
        let (origin, path) = self.locate(merged);
        format!("{} {path}", self.origins.get(origin).map_or("", String::as_str))
    }

    /// Maps a path in the merged document to the document and path it came from.
    fn locate(&self, merged: &ValuePath) -> (usize, ValuePath) {
        let steps = merged.segments();
        // The longest prefix, ending at a field boundary, that an attached row claims.
        for end in (1..=steps.len()).rev() {
            if end < steps.len() && !matches!(steps[end], Segment::Field(_)) {
                continue;
            }
            let prefix = ValuePath::from_segments(steps[..end].to_vec());
            if let Some(place) = self.rows.get(&prefix) {
                return (place.origin, merged.rebase(end, &place.path));
            }
        }
        if let [Segment::Field(list), Segment::Index(index), ..] = steps
            && let Some(kind) = RecordKind::ALL.iter().find(|k| k.list_name() == list)
            && let Some(place) = self.records.get(kind).and_then(|places| places.get(*index))
        {
            return (place.origin, merged.rebase(2, &place.path));
        }
        if let [Segment::Field(field), ..] = steps
            && field == "data_version"
            && let Some(place) = &self.data_version
        {
            return (place.origin, merged.clone());
        }
        (self.origins.len().saturating_sub(1), merged.clone())
    }

    /// The first place of each id in a document.
    fn ids(data: &CatalogData) -> HashMap<&Id, RecordRef> {
        let mut map = HashMap::new();
        data.each_id(|id, at| {
            map.entry(id).or_insert(at);
        });
        map
    }

    fn merge_records(&mut self, data: CatalogData, settings: &OverlaySettings, o: usize) {
        let current: HashMap<Id, RecordRef> = Self::ids(&self.data).into_iter().map(|(k, v)| (k.clone(), v)).collect();
        let incoming = Self::ids(&data);

        let mut overrides: HashSet<&str> = HashSet::new();
        for (j, id) in settings.overrides.iter().enumerate() {
            let path = overrides_path(j);
            if !overrides.insert(id.as_str()) {
                self.report(o, path, format!("{id:?} is listed twice"));
                continue;
            }
            if !current.contains_key(id) {
                let suggestion = did_you_mean(id.as_str(), current.keys().map(Id::as_str));
                let message = format!("cannot override {id:?}: the catalog beneath has no such record{suggestion}");
                self.report(o, path.clone(), message);
            }
            if !incoming.contains_key(id) {
                self.report(o, path, format!("{id:?} is listed, but this document has no record with that id"));
            }
        }

        // The first place each id appears in this document, to report duplicates within it.
        let mut seen: HashMap<&Id, ValuePath> = HashMap::new();
        let mut append: HashSet<RecordRef> = HashSet::new();
        let mut replace: Vec<(RecordRef, RecordRef)> = Vec::new();
        let mut found: Vec<(&Id, RecordRef)> = Vec::new();
        data.each_id(|id, at| found.push((id, at)));
        for (id, at) in found {
            let path = place(at);
            if let Some(first) = seen.get(id) {
                self.report(o, path.field("id"), format!("duplicate id {id:?}, first used at {first}"));
                continue;
            }
            seen.insert(id, path.clone());
            match current.get(id) {
                Some(base) if overrides.contains(id.as_str()) => {
                    if base.kind == at.kind {
                        replace.push((*base, at));
                    } else {
                        let there = self.describe(&place(*base));
                        let noun = base.kind.noun();
                        self.report(
                            o,
                            path.field("id"),
                            format!("{id:?} is a {noun} at {there}; an override must be a {noun} too"),
                        );
                    }
                }
                Some(base) => {
                    let there = self.describe(&place(*base));
                    self.report(
                        o,
                        path.field("id"),
                        format!(
                            "id {id:?} is already used by the {} at {there}; to replace that record, list {id:?} in \
                             overlay.overrides, or choose another id",
                            base.kind.noun()
                        ),
                    );
                }
                None => {
                    append.insert(at);
                }
            }
        }

        for (base, at) in replace {
            at.kind.visit(&mut Copy { from: &data, at, to: &mut self.data, into: base.index });
            if let Some(p) = self.records.get_mut(&base.kind).and_then(|v| v.get_mut(base.index)) {
                *p = Place { origin: o, path: place(at) };
            }
            // Rows attached to the replaced record went with it.
            let replaced = place(base);
            self.rows.retain(|k, _| !k.starts_with(&replaced));
        }
        // Records with ids join in document order; those without (lexicon entries) join
        // unless the catalog holds an equal one.
        let mut joining = Append { from: &data, keep: &append, to: &mut self.data, joined: Vec::new() };
        for_each_kind(&mut joining);
        for at in joining.joined {
            self.records.entry(at.kind).or_default().push(Place { origin: o, path: place(at) });
        }
        if data.data_version.is_some() {
            self.data.data_version = data.data_version;
            self.data_version = Some(Place { origin: o, path: "data_version".into() });
        }
    }

    pub(super) fn finish(self) -> Result<Catalog, CatalogError> {
        let mut found = self.problems.clone();
        for problem in validate::problems(&self.data) {
            let (origin, path) = self.locate(&problem.path);
            let mut traced = Problem::new(path, problem.message);
            traced.origin = Some(self.origins.get(origin).cloned().unwrap_or_default());
            found.push((origin, traced));
        }
        // One document's problems together, in the order the documents were applied.
        found.sort_by_key(|(origin, _)| *origin);
        let problems: Vec<Problem> = found.into_iter().map(|(_, p)| p).collect();
        if !problems.is_empty() {
            return Err(CatalogError::Invalid(Problems::new(Subject::LayeredCatalog, problems)));
        }
        Catalog::new(self.data).map_err(|e| match e {
            // Unreachable in practice: the same rules were just checked.
            CatalogError::Invalid(problems) => {
                CatalogError::Invalid(Problems::new(Subject::LayeredCatalog, problems.as_slice().to_vec()))
            }
            other => other,
        })
    }
}

fn overrides_path(j: usize) -> ValuePath {
    ValuePath::from("overlay").field("overrides").index(j)
}

/// Overwrites the record at `into` with the record at `at` of `from` (both of one kind).
struct Copy<'a> {
    from: &'a CatalogData,
    at: RecordRef,
    to: &'a mut CatalogData,
    into: usize,
}

impl KindVisitor for Copy<'_> {
    fn visit<R: Registered>(&mut self) {
        if let (Some(record), Some(slot)) =
            (R::list(self.from).get(self.at.index), R::list_mut(self.to).to_mut().get_mut(self.into))
        {
            *slot = record.clone();
        }
    }
}

/// Appends the records of `from` that join: those in `keep`, and every record of the
/// kinds without ids of their own (lexicon entries) that the catalog does not hold
/// already, so that an overlay applied twice adds its entries once. Records where each
/// one joined.
struct Append<'a> {
    from: &'a CatalogData,
    keep: &'a HashSet<RecordRef>,
    to: &'a mut CatalogData,
    joined: Vec<RecordRef>,
}

impl KindVisitor for Append<'_> {
    fn visit<R: Registered>(&mut self) {
        for (index, record) in R::list(self.from).iter().enumerate() {
            let at = RecordRef::new(R::KIND, index);
            let joins = if R::KIND.has_own_id() { self.keep.contains(&at) } else { !R::list(self.to).contains(record) };
            if joins {
                R::list_mut(self.to).to_mut().push(record.clone());
                self.joined.push(at);
            }
        }
    }
}
