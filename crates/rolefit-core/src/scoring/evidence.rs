//! Evidence: facts from the catalog, each with a strength and where it came from.

use std::cmp::Ordering;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{Ownership, Text};
use crate::profile::Proficiency;
use crate::{Catalog, FactKind, FactRef, Id};

/// How a question was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Answer {
    /// The circumstance applies.
    Yes,
    /// The circumstance does not apply.
    No,
    /// Nobody knows; lowers the confidence, is never read as "no".
    Unknown,
}

impl Answer {
    /// `Yes` for `Some(true)`, `No` for `Some(false)`, `Unknown` for `None`.
    pub fn from_option(known: Option<bool>) -> Self {
        match known {
            Some(true) => Self::Yes,
            Some(false) => Self::No,
            None => Self::Unknown,
        }
    }

    /// `Some(true)`, `Some(false)` or `None`.
    pub fn known(self) -> Option<bool> {
        match self {
            Self::Yes => Some(true),
            Self::No => Some(false),
            Self::Unknown => None,
        }
    }
}

/// Where a piece of evidence came from, so a [`Scorecard`](super::Scorecard) can say why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "from", rename_all = "kebab-case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Origin {
    /// An answer to an assessment question.
    Answer {
        /// The answer given.
        answer: Answer,
    },
    /// A skill someone holds.
    Skill {
        /// How well they hold it.
        proficiency: Proficiency,
    },
    /// Work someone has done.
    Experience {
        /// How much of the work was theirs.
        level: Ownership,
    },
    /// A phrase found in a text.
    Text {
        /// Byte offset of the match's start.
        start: usize,
        /// Byte offset just past the match's end.
        end: usize,
        /// The phrase that matched.
        phrase: Text,
    },
    /// Anything else, described by whoever produced the evidence.
    Custom {
        /// What the evidence is, for a reader.
        label: Text,
    },
}

/// One fact and how strongly the input supports it.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceItem {
    /// The catalog fact (a signal, skill, responsibility or KPI).
    pub fact: FactRef,
    /// How strongly the input supports the fact, in `[0, 1]`; 0 is an answered "no".
    pub strength: f64,
    /// Where it came from.
    pub origin: Origin,
}

/// What an input says about the catalog's facts: the input side of every [`Scorer`](super::Scorer).
///
/// Adapters build it from an [`OrgProfile`](crate::OrgProfile), a
/// [`CandidateProfile`](crate::CandidateProfile) or a text; strategies read it. It holds at
/// most one item per fact, sorted by fact, so the order in which evidence was added
/// cannot change a score: pushing a fact again keeps the stronger item (on a tie, the
/// smaller [`Origin`]). Strengths are clamped to `[0, 1]`; a NaN strength counts as 0.
///
/// Facts are [`FactRef`]s of the catalog the evidence is meant for, resolved once so
/// that scoring does no id lookups. Evidence built for one catalog means nothing for
/// another; strategies skip references a catalog does not have.
///
/// ```
/// use rolefit_core::{Answer, Catalog, Evidence, Origin};
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
/// let mut evidence = Evidence::new();
/// let yes = Origin::Answer { answer: Answer::Yes };
/// assert!(evidence.push_id(&catalog, "scrum", 1.0, yes.clone()).is_some());
/// assert!(evidence.push_id(&catalog, "no-such-fact", 1.0, yes).is_none());
/// assert_eq!(evidence.len(), 1);
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Evidence {
    items: Vec<EvidenceItem>,
    unknown: Vec<FactRef>,
}

/// The order of facts as one integer pair: kind, then position (what `FactRef`'s derived
/// order says, without comparing the enum through its derived `PartialOrd`).
#[inline]
fn key(fact: FactRef) -> (u8, usize) {
    (fact.kind as u8, fact.index)
}

/// A strength as evidence keeps it: clamped to `[0, 1]`, NaN as 0.
pub(crate) fn clamp_strength(strength: f64) -> f64 {
    if strength.is_nan() { 0.0 } else { strength.clamp(0.0, 1.0) }
}

/// Whether `new` should replace `old` as the item for their fact.
fn stronger(new: &EvidenceItem, old: &EvidenceItem) -> bool {
    match new.strength.total_cmp(&old.strength) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => new.origin < old.origin,
    }
}

impl Evidence {
    /// No evidence.
    pub fn new() -> Self {
        Self::default()
    }

    /// No evidence, with room for `items` items.
    pub fn with_capacity(items: usize) -> Self {
        Self { items: Vec::with_capacity(items), unknown: Vec::new() }
    }

    /// Adds an item for a fact; keeps the stronger item if the fact is already there.
    #[inline]
    pub fn push(&mut self, fact: FactRef, strength: f64, origin: Origin) {
        let item = EvidenceItem { fact, strength: clamp_strength(strength), origin };
        // Adapters push in catalog order, so appending is the common case.
        match self.items.last() {
            Some(last) if key(last.fact) < key(fact) => self.items.push(item),
            None => self.items.push(item),
            Some(_) => match self.items.binary_search_by_key(&key(fact), |probe| key(probe.fact)) {
                Ok(i) => {
                    if stronger(&item, &self.items[i]) {
                        self.items[i] = item;
                    }
                }
                Err(i) => self.items.insert(i, item),
            },
        }
    }

    /// Adds an item for the fact with this id in `catalog`; returns where the fact is,
    /// or `None` (adding nothing) when the catalog has no such id.
    #[must_use = "None means the id is not in the catalog and nothing was added"]
    pub fn push_id(&mut self, catalog: &Catalog, id: &str, strength: f64, origin: Origin) -> Option<FactRef> {
        let fact = catalog.locate(id)?;
        self.push(fact, strength, origin);
        Some(fact)
    }

    /// Records that a fact was asked about but nobody knows the answer.
    ///
    /// Unknown facts add nothing to any score; they lower the coverage, and so the
    /// confidence, of the scorecard. A fact that also has an item counts as known.
    pub fn mark_unknown(&mut self, fact: FactRef) {
        match self.unknown.last() {
            Some(last) if key(*last) < key(fact) => self.unknown.push(fact),
            None => self.unknown.push(fact),
            Some(_) => {
                if let Err(i) = self.unknown.binary_search_by_key(&key(fact), |f| key(*f)) {
                    self.unknown.insert(i, fact);
                }
            }
        }
    }

    /// The items, sorted by fact, one per fact.
    pub fn items(&self) -> &[EvidenceItem] {
        &self.items
    }

    /// The facts asked about with no known answer, sorted (may include facts that also have an item).
    pub fn unknown(&self) -> &[FactRef] {
        &self.unknown
    }

    /// The item for a fact, if there is one.
    pub fn get(&self, fact: FactRef) -> Option<&EvidenceItem> {
        self.items.binary_search_by_key(&key(fact), |probe| key(probe.fact)).ok().map(|i| &self.items[i])
    }

    /// The number of items (facts with a known strength).
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are no items and no unknown facts.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.unknown.is_empty()
    }

    /// The facts that are unknown and have no item, in order.
    pub fn unanswered(&self) -> impl Iterator<Item = FactRef> + '_ {
        // Both lists are sorted: walk them together.
        let mut items = self.items.iter().map(|i| i.fact).peekable();
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
impl Extend<EvidenceItem> for Evidence {
    fn extend<I: IntoIterator<Item = EvidenceItem>>(&mut self, iter: I) {
        let from = self.items.len().saturating_sub(1);
        self.items
            .extend(iter.into_iter().map(|item| EvidenceItem { strength: clamp_strength(item.strength), ..item }));
        if self.items[from..].windows(2).all(|w| key(w[0].fact) < key(w[1].fact)) {
            return;
        }
        // Each fact's winner first (stronger, then the smaller origin), then drop the rest.
        self.items.sort_unstable_by(|a, b| {
            key(a.fact)
                .cmp(&key(b.fact))
                .then_with(|| b.strength.total_cmp(&a.strength))
                .then_with(|| a.origin.cmp(&b.origin))
        });
        self.items.dedup_by(|later, first| later.fact == first.fact);
    }
}

impl FromIterator<EvidenceItem> for Evidence {
    fn from_iter<I: IntoIterator<Item = EvidenceItem>>(iter: I) -> Self {
        let mut evidence = Self::new();
        evidence.extend(iter);
        evidence
    }
}

/// The id and kind of a fact, or `None` when the reference is not in this catalog.
///
/// Unlike [`Catalog::get`], never panics: evidence may come from another catalog.
pub(crate) fn fact_id(catalog: &Catalog, fact: FactRef) -> Option<&Id> {
    let i = fact.index;
    Some(match fact.kind {
        FactKind::Source => &catalog.sources().get(i)?.id,
        FactKind::Role => &catalog.roles().get(i)?.id,
        FactKind::Responsibility => &catalog.responsibilities().get(i)?.id,
        FactKind::Kpi => &catalog.kpis().get(i)?.id,
        FactKind::Skill => &catalog.skills().get(i)?.id,
        FactKind::Dimension => &catalog.dimensions().get(i)?.id,
        FactKind::Salary => &catalog.salaries().get(i)?.id,
        FactKind::Signal => &catalog.signals().get(i)?.id,
        FactKind::Practice => &catalog.practices().get(i)?.id,
        FactKind::Disagreement => &catalog.disagreements().get(i)?.id,
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}
