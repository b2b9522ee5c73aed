//! The phrase index: every lexicon phrase, role name and marker in one automaton.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rolefit_core::model::{RecordRef, Text};
use rolefit_core::{Catalog, Id};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::TextError;
use crate::markers::{AdjacentRole, Markers};
use crate::normalize::{self, Normalized};

/// What a phrase of the index points at.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Target {
    /// A catalog fact (a role, responsibility, KPI, skill or signal). `named`: for a
    /// role, whether the phrase holds the role's name or is one of its aliases (a title of
    /// the role itself), rather than a related title such as the people it reports to
    /// ("head of product") or a credential ("CSPO").
    Fact { fact: RecordRef, id: Id, named: bool },
    /// An adjacent role, by its index in the markers.
    Adjacent(usize),
    /// The opening of a boilerplate heading.
    BoilerplateHeading,
    /// The opening of a heading about the job (shadows a boilerplate heading).
    JobHeading,
    /// A phrase that makes its sentence boilerplate.
    BoilerplatePhrase,
}

#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    pub text: Text,
    pub target: Target,
}

/// A phrase the index could not use, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct SkippedPhrase {
    /// The phrase as written.
    pub phrase: String,
    /// Why it is not matched.
    pub reason: String,
}

/// Every phrase by which the catalog's facts, adjacent roles and boilerplate are
/// recognised, compiled into one Aho-Corasick automaton.
///
/// Build it once per catalog and reuse it: building costs milliseconds, searching
/// costs one pass over the normalized text. Phrases come from the catalog's lexicon,
/// plus each role's name and aliases (a role's title is the plainest evidence of it),
/// plus the [`Markers`].
///
/// ```
/// use rolefit_text::PhraseIndex;
///
/// let catalog = rolefit_data::catalog();
/// let index = PhraseIndex::new(catalog)?;
/// assert!(index.phrase_count() > 100);
/// # Ok::<(), rolefit_text::TextError>(())
/// ```
#[derive(Debug, Clone)]
pub struct PhraseIndex {
    automaton: AhoCorasick,
    /// For each automaton pattern, the phrase it is a form of.
    pattern_phrase: Vec<u32>,
    phrases: Vec<Phrase>,
    markers: Markers,
    skipped: Vec<SkippedPhrase>,
    roles: Vec<Id>,
    /// Stems of the colleague cues and determiners.
    cues: Vec<Vec<u8>>,
    determiners: Vec<Vec<u8>>,
}

/// The stems of single words, as the normalized stream writes them.
fn stems(words: &[String]) -> Vec<Vec<u8>> {
    let mut scratch = Normalized::default();
    let mut out = Vec::new();
    for w in words {
        normalize::normalize_into(w, &mut scratch);
        if let [t] = scratch.tokens.as_slice() {
            out.push(normalize::token_stem(&scratch.bytes, *t).to_vec());
        }
    }
    out
}

impl PhraseIndex {
    /// The index of a catalog with the built-in [`Markers`].
    pub fn new(catalog: &Catalog) -> Result<Self, TextError> {
        Self::with_markers(catalog, Markers::default())
    }

    /// The index of a catalog with markers of your own.
    pub fn with_markers(catalog: &Catalog, markers: Markers) -> Result<Self, TextError> {
        let mut phrases: Vec<Phrase> = Vec::new();
        let names_role = |id: &str, phrase: &str| {
            let phrase = phrase.to_lowercase();
            catalog.roles().iter().filter(|r| r.id.as_str() == id).any(|r| {
                phrase.contains(&r.name.to_lowercase()) || r.aliases.iter().any(|a| a.to_lowercase() == phrase)
            })
        };
        for entry in catalog.lexicon() {
            let Some(fact) = catalog.locate(entry.fact.as_str()) else { continue };
            for phrase in entry.phrases.iter() {
                let named = names_role(entry.fact.as_str(), phrase);
                phrases.push(Phrase {
                    text: phrase.clone(),
                    target: Target::Fact { fact, id: entry.fact.clone(), named },
                });
            }
        }
        for role in catalog.roles() {
            let Some(fact) = catalog.locate(role.id.as_str()) else { continue };
            for name in std::iter::once(&role.name).chain(role.aliases.iter()) {
                phrases.push(Phrase {
                    text: name.clone(),
                    target: Target::Fact { fact, id: role.id.clone(), named: true },
                });
            }
        }
        let owned = |s: &String| Text::Owned(s.clone());
        for (i, role) in markers.adjacent_roles.iter().enumerate() {
            for title in &role.titles {
                phrases.push(Phrase { text: owned(title), target: Target::Adjacent(i) });
            }
        }
        for h in &markers.job_headings {
            phrases.push(Phrase { text: owned(h), target: Target::JobHeading });
        }
        for h in &markers.boilerplate_headings {
            phrases.push(Phrase { text: owned(h), target: Target::BoilerplateHeading });
        }
        for p in &markers.boilerplate_phrases {
            phrases.push(Phrase { text: owned(p), target: Target::BoilerplatePhrase });
        }

        // First phrase wins a form: lexicon order, then role names, then markers.
        let mut seen: HashMap<Vec<u8>, u32> = HashMap::new();
        let mut patterns: Vec<Vec<u8>> = Vec::new();
        let mut pattern_phrase = Vec::new();
        let mut skipped = Vec::new();
        for (p, phrase) in phrases.iter().enumerate() {
            let forms = normalize::phrase_patterns(&phrase.text);
            if forms.is_empty() {
                skipped.push(SkippedPhrase {
                    phrase: phrase.text.to_string(),
                    reason: "no word, or sentence punctuation a text would break on".to_owned(),
                });
                continue;
            }
            for form in forms {
                if let std::collections::hash_map::Entry::Vacant(slot) = seen.entry(form) {
                    patterns.push(slot.key().clone());
                    slot.insert(p as u32);
                    pattern_phrase.push(p as u32);
                }
            }
        }
        // A contiguous NFA rather than a DFA: for the canonical lexicon's ~2,000 forms the DFA
        // takes ~4.8 MB, which real postings (many different words) walk out of the cache,
        // while the NFA takes ~0.25 MB and searches them faster (and builds faster).
        // No prefilter: every form starts with the word separator, so the one the crate
        // would pick (memchr for that byte) stops at every word and only slows the search.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .prefilter(false)
            .build(&patterns)
            .map_err(|e| TextError::Automaton(e.to_string()))?;
        let roles = catalog.roles().iter().map(|r| r.id.clone()).collect();
        let cues = stems(&markers.colleague_cues);
        let determiners = stems(&markers.determiners);
        Ok(Self { automaton, pattern_phrase, phrases, markers, skipped, roles, cues, determiners })
    }

    /// The number of phrases (lexicon phrases, role names and aliases, markers).
    pub fn phrase_count(&self) -> usize {
        self.phrases.len()
    }

    /// The number of forms in the automaton (phrases with their hyphen and space variants).
    pub fn pattern_count(&self) -> usize {
        self.pattern_phrase.len()
    }

    /// Phrases that cannot be matched, such as one holding a full stop.
    pub fn skipped(&self) -> &[SkippedPhrase] {
        &self.skipped
    }

    /// The markers the index was built with.
    pub fn markers(&self) -> &Markers {
        &self.markers
    }

    /// The ids of the catalog's roles, in catalog order.
    pub fn roles(&self) -> &[Id] {
        &self.roles
    }

    pub(crate) fn phrase(&self, i: u32) -> &Phrase {
        &self.phrases[i as usize]
    }

    /// Whether the title starting at token `first` names a colleague: a cue word just
    /// before it, or a cue and a determiner, with no break in between.
    pub(crate) fn names_colleague(&self, norm: &Normalized, first: usize) -> bool {
        let prev = |k: usize| -> Option<&[u8]> {
            let (before, after) = (norm.tokens.get(k.checked_sub(1)?)?, norm.tokens.get(k)?);
            let stem = normalize::token_stem(&norm.bytes, *before);
            // `" stem "` directly followed by the next word's space: no break between.
            let end_of_before = before.norm as usize + stem.len() + 2;
            (end_of_before == after.norm as usize).then_some(stem)
        };
        let is = |set: &[Vec<u8>], w: &[u8]| set.iter().any(|c| c.as_slice() == w);
        match prev(first) {
            Some(w) if is(&self.cues, w) => true,
            Some(w) if is(&self.determiners, w) => {
                matches!(first.checked_sub(1).and_then(prev), Some(c) if is(&self.cues, c))
            }
            _ => false,
        }
    }

    pub(crate) fn adjacent_role(&self, i: usize) -> Option<&AdjacentRole> {
        self.markers.adjacent_roles.get(i)
    }

    /// Finds every phrase in a normalized text: `(phrase, first token, end token)`, in
    /// text order, leftmost-longest and non-overlapping.
    pub(crate) fn find(&self, norm: &Normalized, out: &mut Vec<RawMatch>) -> Result<(), TextError> {
        let tokens = &norm.tokens;
        let mut cursor = 0usize;
        for m in self.automaton.try_find_iter(norm.bytes.as_slice()).map_err(|e| TextError::Search(e.to_string()))? {
            let (start, end) = (m.start() as u32, m.end() as u32);
            // Matches come in order and span a few words: walking beats a binary search.
            while tokens.get(cursor).is_some_and(|t| t.norm < start) {
                cursor += 1;
            }
            let mut last = cursor;
            while tokens.get(last).is_some_and(|t| t.norm < end) {
                last += 1;
            }
            let phrase = self.pattern_phrase.get(m.pattern().as_usize()).copied().unwrap_or(0);
            out.push(RawMatch { phrase, first: cursor as u32, end: last as u32 });
        }
        Ok(())
    }
}

/// A phrase found in a normalized text, by token positions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawMatch {
    pub phrase: u32,
    pub first: u32,
    pub end: u32,
}
