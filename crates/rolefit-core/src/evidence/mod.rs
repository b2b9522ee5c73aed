//! Evidence: records of a catalog, each with a strength and where it came from: the
//! input side of every [`Scorer`](crate::Scorer).

mod origin;
mod proficiency;

pub use origin::{Answer, Origin};
pub use proficiency::Proficiency;

use std::cmp::Ordering;

use crate::Catalog;
use crate::model::RecordRef;

/// One record and how strongly the input supports it.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceItem {
    /// The catalog record (a signal, skill, responsibility or KPI).
    pub record: RecordRef,
    /// How strongly the input supports the record, in `[0, 1]`; 0 is an answered "no".
    pub strength: f64,
    /// Where it came from.
    pub origin: Origin,
}

/// What an input says about the catalog's records: the input side of every [`Scorer`](super::Scorer).
///
/// Adapters build it from an [`OrgProfile`](crate::OrgProfile), a
/// [`CandidateProfile`](crate::CandidateProfile) or a text; strategies read it. It holds at
/// most one item per record, sorted by record, so the order in which evidence was added
/// cannot change a score: pushing a record again keeps the stronger item (on a tie, the
/// smaller [`Origin`]). Strengths are clamped to `[0, 1]`; a NaN strength counts as 0.
///
/// Evidence is built against one catalog and keeps it: its records are [`RecordRef`]s of
/// that catalog, resolved once so that scoring does no id lookups. A scorer prepared for
/// another catalog does not read those positions as its own: [`Scorer::score`](crate::Scorer::score)
/// first finds the same records there by id ([`for_catalog`](Self::for_catalog)).
///
/// ```
/// use rolefit_core::evidence::{Answer, Evidence, Origin};
/// use rolefit_core::Catalog;
///
/// let catalog = Catalog::from_toml_str(r#"
///     [[sources]]
///     id = "notes"
///     title = "Notes"
///     publisher = "Us"
///     kind = "article"
///     [[signals]]
///     id = "scrum"
///     name = "Scrum"
///     question = "Do you work in Scrum?"
///     description = "Sprints."
///     category = "methodology"
///     staffing = "one-person"
///     sources = ["notes"]
/// "#)?;
/// let mut evidence = Evidence::new(&catalog);
/// let yes = Origin::Answer { answer: Answer::Yes };
/// assert!(evidence.push_id("scrum", 1.0, yes.clone()).is_some());
/// assert!(evidence.push_id("no-such-record", 1.0, yes).is_none());
/// assert_eq!(evidence.len(), 1);
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Evidence<'c> {
    catalog: &'c Catalog,
    items: Vec<EvidenceItem>,
    unknown: Vec<RecordRef>,
}

/// Evidence is equal when it is about the same catalog and says the same.
impl PartialEq for Evidence<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.catalog.id() == other.catalog.id() && self.items == other.items && self.unknown == other.unknown
    }
}

/// The order of records as one integer pair: kind, then position (what `RecordRef`'s derived
/// order says, without comparing the enum through its derived `PartialOrd`).
#[inline]
fn key(record: RecordRef) -> (u8, usize) {
    (record.kind as u8, record.index)
}

/// A strength as evidence keeps it: clamped to `[0, 1]`, NaN as 0.
pub(crate) fn clamp_strength(strength: f64) -> f64 {
    if strength.is_nan() { 0.0 } else { strength.clamp(0.0, 1.0) }
}

/// Whether `new` should replace `old` as the item for their record.
fn stronger(new: &EvidenceItem, old: &EvidenceItem) -> bool {
    match new.strength.total_cmp(&old.strength) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => new.origin < old.origin,
    }
}

impl<'c> Evidence<'c> {
    /// No evidence yet, about `catalog`'s records.
    pub fn new(catalog: &'c Catalog) -> Self {
        Self { catalog, items: Vec::new(), unknown: Vec::new() }
    }

    /// No evidence yet, with room for `items` items.
    pub fn with_capacity(catalog: &'c Catalog, items: usize) -> Self {
        Self { catalog, items: Vec::with_capacity(items), unknown: Vec::new() }
    }

    /// The catalog the evidence is about.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// The same evidence about `catalog`'s records: each record found there by its id
    /// (and left out when `catalog` has no record with that id, or one of another kind).
    pub fn for_catalog<'d>(&self, catalog: &'d Catalog) -> Evidence<'d> {
        let find = |at: RecordRef| {
            let id = self.catalog.get(at)?.key();
            catalog.locate(id.as_str()).filter(|r| r.kind == at.kind)
        };
        let mut moved = Evidence::with_capacity(catalog, self.items.len());
        moved.extend(self.items.iter().filter_map(|i| Some(EvidenceItem { record: find(i.record)?, ..i.clone() })));
        for at in self.unknown.iter().filter_map(|at| find(*at)) {
            moved.mark_unknown(at);
        }
        moved
    }

    /// Adds an item for a record; keeps the stronger item if the record is already there.
    #[inline]
    pub fn push(&mut self, record: RecordRef, strength: f64, origin: Origin) {
        let item = EvidenceItem { record, strength: clamp_strength(strength), origin };
        // Adapters push in catalog order, so appending is the common case.
        match self.items.last() {
            Some(last) if key(last.record) < key(record) => self.items.push(item),
            None => self.items.push(item),
            Some(_) => match self.items.binary_search_by_key(&key(record), |probe| key(probe.record)) {
                Ok(i) => {
                    if stronger(&item, &self.items[i]) {
                        self.items[i] = item;
                    }
                }
                Err(i) => self.items.insert(i, item),
            },
        }
    }

    /// Adds an item for the record with this id; returns where the record is, or `None`
    /// (adding nothing) when the catalog has no such id.
    #[must_use = "None means the id is not in the catalog and nothing was added"]
    pub fn push_id(&mut self, id: &str, strength: f64, origin: Origin) -> Option<RecordRef> {
        let record = self.catalog.locate(id)?;
        self.push(record, strength, origin);
        Some(record)
    }

    /// Records that a record was asked about but nobody knows the answer.
    ///
    /// Unknown records add nothing to any score; they lower the coverage, and so the
    /// confidence, of the scorecard. A record that also has an item counts as known.
    pub fn mark_unknown(&mut self, record: RecordRef) {
        match self.unknown.last() {
            Some(last) if key(*last) < key(record) => self.unknown.push(record),
            None => self.unknown.push(record),
            Some(_) => {
                if let Err(i) = self.unknown.binary_search_by_key(&key(record), |f| key(*f)) {
                    self.unknown.insert(i, record);
                }
            }
        }
    }

    /// The items, sorted by record, one per record.
    pub fn items(&self) -> &[EvidenceItem] {
        &self.items
    }

    /// The records asked about with no known answer, sorted (may include records that also have an item).
    pub fn unknown(&self) -> &[RecordRef] {
        &self.unknown
    }

    /// The item for a record, if there is one.
    pub fn get(&self, record: RecordRef) -> Option<&EvidenceItem> {
        self.items.binary_search_by_key(&key(record), |probe| key(probe.record)).ok().map(|i| &self.items[i])
    }

    /// The number of items (records with a known strength).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are no items and no unknown records.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.unknown.is_empty()
    }

    /// The records that are unknown and have no item, in order.
    pub fn unanswered(&self) -> impl Iterator<Item = RecordRef> + '_ {
        // Both lists are sorted: walk them together.
        let mut items = self.items.iter().map(|i| i.record).peekable();
        self.unknown.iter().copied().filter(move |f| {
            while items.next_if(|i| key(*i) < key(*f)).is_some() {}
            items.peek() != Some(f)
        })
    }

    /// Removes everything, keeping the allocations (for scoring many inputs in a loop).
    pub fn clear(&mut self) {
        self.items.clear();
        self.unknown.clear();
    }
}

/// Gives the same evidence as [`push`](Evidence::push)ing each item in turn, with one sort
/// at the end instead of an insertion per item that arrives out of order (a profile's
/// ids come in alphabetical order, not the catalog's).
impl Extend<EvidenceItem> for Evidence<'_> {
    fn extend<I: IntoIterator<Item = EvidenceItem>>(&mut self, iter: I) {
        let from = self.items.len().saturating_sub(1);
        self.items
            .extend(iter.into_iter().map(|item| EvidenceItem { strength: clamp_strength(item.strength), ..item }));
        if self.items[from..].windows(2).all(|w| key(w[0].record) < key(w[1].record)) {
            return;
        }
        // Each record's winner first (stronger, then the smaller origin), then drop the rest.
        self.items.sort_unstable_by(|a, b| {
            key(a.record)
                .cmp(&key(b.record))
                .then_with(|| b.strength.total_cmp(&a.strength))
                .then_with(|| a.origin.cmp(&b.origin))
        });
        self.items.dedup_by(|later, first| later.record == first.record);
    }
}

/// The id of the record at `at`, or none when the catalog has nothing there (evidence
/// may come from another catalog).
pub(crate) fn record_id(catalog: &Catalog, at: RecordRef) -> Option<&crate::Id> {
    catalog.get(at).map(|r| r.key())
}
