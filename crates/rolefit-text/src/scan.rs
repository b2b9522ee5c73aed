//! One text through the index: phrase matches with their spans, and the boilerplate
//! they fall in.

use rolefit_core::Id;
use rolefit_core::model::{RecordKind, RecordRef, Text};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::TextError;
use crate::index::{PhraseIndex, RawMatch, Target};
use crate::normalize::{self, Normalized, Token};

/// Occurrences of one phrase listed per text; later ones are left out. A fact's strength
/// after this many mentions is within 2^-32 of 1, so they would change nothing, and the
/// cap keeps memory small for pathological texts (10 MB of one repeated phrase).
pub const MAX_MATCHES_PER_PHRASE: u32 = 32;

/// The longest text the index scans, in bytes (2 GiB): offsets are kept in 32 bits.
pub const MAX_SCAN_BYTES: usize = 1 << 31;

/// Longest first line, in words, that reads as a job title.
const TITLE_LINE_MAX_WORDS: usize = 8;

/// How far, in bytes, a boilerplate sentence reaches either side of its marker when no
/// sentence end comes first.
const SENTENCE_REACH: usize = 600;

/// A lexicon phrase found in a text: the evidence for one fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct PhraseMatch {
    /// The phrase as the lexicon writes it (the text may differ in case, plural, hyphens).
    pub phrase: Text,
    /// The catalog fact it points at.
    pub fact: Id,
    /// Byte offset of the match's start in the text.
    pub start: usize,
    /// Byte offset just past the match's end in the text.
    pub end: usize,
}

/// A title of an adjacent role (project manager, scrum master, ...) found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AdjacentMention {
    /// The adjacent role's id (`scrum-master`).
    pub role: String,
    /// The title as the markers write it.
    pub phrase: String,
    /// Byte offset of the match's start in the text.
    pub start: usize,
    /// Byte offset just past the match's end in the text.
    pub end: usize,
    /// Whether the title names a colleague ("work with the scrum master") rather than the job.
    pub colleague: bool,
}

/// A byte range of a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset just past the end.
    pub end: usize,
}

/// What a text says, phrase by phrase: the output of [`PhraseIndex::scan`].
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct TextScan {
    /// Fact phrases outside boilerplate, in text order.
    pub matches: Vec<PhraseMatch>,
    /// Adjacent-role titles outside boilerplate, in text order.
    pub adjacent: Vec<AdjacentMention>,
    /// The boilerplate ranges whose matches were ignored, in text order.
    pub boilerplate: Vec<Span>,
    /// How many fact phrases were found inside boilerplate and ignored.
    pub ignored: usize,
    /// The number of words in the text.
    pub words: usize,
}

/// A fact match with what scoring needs that callers do not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct FactHit {
    pub fact: RecordRef,
    /// For a role title: whether it names a colleague rather than the job.
    pub colleague: bool,
    /// For a role title: whether it is a title of the role itself (its name or an alias)
    /// rather than a related title (the people it reports to, a credential).
    pub named: bool,
}

/// Scratch buffers for scanning, reused across texts.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    pub norm: Normalized,
    pub raw: Vec<RawMatch>,
    pub regions: Vec<(u32, u32)>,
    /// Matches listed so far, per phrase of the index.
    pub per_phrase: Vec<u32>,
}

impl PhraseIndex {
    /// Finds every phrase of the index in a text, leaving out matches in boilerplate.
    ///
    /// Matching ignores case, plurals, hyphens and runs of whitespace, respects word
    /// boundaries, and goes over the text once; every span is a byte range of `text`.
    ///
    /// ```
    /// use rolefit_text::PhraseIndex;
    ///
    /// let index = PhraseIndex::new(rolefit_data::catalog())?;
    /// let text = "You will be Grooming the Product-Backlogs.";
    /// let scan = index.scan(text)?;
    /// let m = scan.matches.iter().find(|m| m.fact == "backlog-management").unwrap();
    /// assert_eq!(&text[m.start..m.end], "Product-Backlogs");
    /// # Ok::<(), rolefit_text::TextError>(())
    /// ```
    pub fn scan(&self, text: &str) -> Result<TextScan, TextError> {
        let mut scratch = Scratch::default();
        let mut scan = TextScan::default();
        self.scan_with(text, &mut scratch, &mut scan, &mut Vec::new())?;
        Ok(scan)
    }

    /// [`scan`](Self::scan) into caller-owned buffers; `hits` gets one entry per match.
    pub(crate) fn scan_with(
        &self,
        text: &str,
        scratch: &mut Scratch,
        scan: &mut TextScan,
        hits: &mut Vec<FactHit>,
    ) -> Result<(), TextError> {
        if text.len() > MAX_SCAN_BYTES {
            return Err(TextError::TextTooLong { len: text.len(), limit: MAX_SCAN_BYTES });
        }
        scan.matches.clear();
        scan.adjacent.clear();
        scan.boilerplate.clear();
        scan.ignored = 0;
        hits.clear();
        scratch.raw.clear();
        normalize::normalize_into(text, &mut scratch.norm);
        self.find(&scratch.norm, &mut scratch.raw)?;
        let norm = &scratch.norm;
        let tokens = &norm.tokens;
        scan.words = tokens.len();
        self.boilerplate_regions(text, norm, &scratch.raw, &mut scratch.regions);
        for &(first, end) in &scratch.regions {
            if let (Some(a), Some(b)) =
                (tokens.get(first as usize), (end as usize).checked_sub(1).and_then(|l| tokens.get(l)))
            {
                scan.boilerplate.push(Span { start: a.start as usize, end: b.end as usize });
            }
        }
        let regions = &scratch.regions;
        let in_boilerplate = |first: u32| {
            let i = regions.partition_point(|r| r.0 <= first);
            i > 0 && first < regions[i - 1].1
        };
        let title_end = self.title_line(text, tokens, &scratch.raw);
        scratch.per_phrase.clear();
        scratch.per_phrase.resize(self.phrase_count(), 0);
        for r in &scratch.raw {
            let phrase = self.phrase(r.phrase);
            if matches!(phrase.target, Target::Fact { .. } | Target::Adjacent(_)) && !in_boilerplate(r.first) {
                let Some(seen) = scratch.per_phrase.get_mut(r.phrase as usize) else { continue };
                if *seen >= MAX_MATCHES_PER_PHRASE {
                    continue;
                }
                *seen += 1;
            }
            let last = (r.end as usize).checked_sub(1);
            let (Some(a), Some(b)) = (tokens.get(r.first as usize), last.and_then(|l| tokens.get(l))) else { continue };
            let (start, end) = (a.start as usize, b.end as usize);
            match &phrase.target {
                Target::Fact { fact, id, named } => {
                    if in_boilerplate(r.first) {
                        scan.ignored += 1;
                        continue;
                    }
                    scan.matches.push(PhraseMatch { phrase: phrase.text.clone(), fact: id.clone(), start, end });
                    let colleague = fact.kind == RecordKind::Role && self.names_colleague(norm, r.first as usize);
                    hits.push(FactHit { fact: *fact, colleague, named: *named });
                }
                Target::Adjacent(i) => {
                    if in_boilerplate(r.first) {
                        continue;
                    }
                    if let Some(role) = self.adjacent_role(*i) {
                        if role.title_line_only && title_end.is_none_or(|e| start >= e) {
                            continue;
                        }
                        scan.adjacent.push(AdjacentMention {
                            role: role.id.clone(),
                            phrase: phrase.text.to_string(),
                            start,
                            end,
                            colleague: self.names_colleague(norm, r.first as usize),
                        });
                    }
                }
                Target::BoilerplateHeading | Target::JobHeading | Target::BoilerplatePhrase => {}
            }
        }
        Ok(())
    }

    /// Where the text's first line ends, if it reads as a job title (at most 8 words, no
    /// sentence punctuation at its end) and names no catalog role and no adjacent role
    /// that counts anywhere: the line where title-line-only roles count.
    fn title_line(&self, text: &str, tokens: &[Token], raw: &[RawMatch]) -> Option<usize> {
        let from = text.len() - text.trim_start().len();
        let end = text[from..].find('\n').map_or(text.len(), |i| from + i);
        let last = text[from..end].trim_end().chars().last()?;
        let words = tokens.partition_point(|t| (t.start as usize) < end);
        if words > TITLE_LINE_MAX_WORDS || matches!(last, '.' | '!' | '?' | ',' | ';') {
            return None;
        }
        let names_a_role =
            raw.iter().take_while(|r| r.first < words as u32).any(|r| match &self.phrase(r.phrase).target {
                Target::Fact { fact, .. } => fact.kind == RecordKind::Role,
                Target::Adjacent(i) => self.adjacent_role(*i).is_some_and(|a| !a.title_line_only),
                _ => false,
            });
        (!names_a_role).then_some(end)
    }

    /// The token ranges that are boilerplate, sorted and merged.
    fn boilerplate_regions(&self, text: &str, norm: &Normalized, raw: &[RawMatch], regions: &mut Vec<(u32, u32)>) {
        regions.clear();
        let tokens = &norm.tokens;
        let headings = &norm.headings;
        let n = tokens.len() as u32;
        for r in raw {
            if regions.last().is_some_and(|last| r.first < last.1) {
                continue;
            }
            match self.phrase(r.phrase).target {
                Target::BoilerplateHeading => {
                    let Ok(h) = headings.binary_search_by_key(&r.first, |h| h.first_token) else { continue };
                    let heading = headings[h];
                    // A heading that names a role ("About the Product Owner role") is about the job.
                    let from = raw.partition_point(|o| o.first < heading.first_token);
                    let names_role =
                        raw[from..].iter().take_while(|o| o.first < heading.end_token).any(|o| {
                            match &self.phrase(o.phrase).target {
                                Target::Fact { fact, .. } => fact.kind == RecordKind::Role,
                                Target::Adjacent(_) => true,
                                _ => false,
                            }
                        });
                    if names_role {
                        continue;
                    }
                    let end = headings.get(h + 1).map_or(n, |next| next.first_token);
                    regions.push((r.first, end));
                }
                Target::BoilerplatePhrase => {
                    let last = (r.end as usize).checked_sub(1);
                    let (Some(&a), Some(&b)) = (tokens.get(r.first as usize), last.and_then(|l| tokens.get(l))) else {
                        continue;
                    };
                    let (from, to) = sentence_around(text, a.start as usize, b.end as usize);
                    let first = tokens.partition_point(|t: &Token| (t.start as usize) < from) as u32;
                    let end = tokens.partition_point(|t: &Token| (t.start as usize) < to) as u32;
                    regions.push((first.min(r.first), end.max(r.end)));
                }
                _ => {}
            }
        }
        regions.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(regions.len());
        for &(a, b) in regions.iter() {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        *regions = merged;
    }
}

/// The sentence around `start..end`: back to the last sentence end before it and on to
/// the next one after it, each at most [`SENTENCE_REACH`] bytes away.
fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let b = text.as_bytes();
    let ends_sentence = |i: usize| match b[i] {
        b'\n' => true,
        b'.' | b'!' | b'?' => b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()),
        _ => false,
    };
    let lo = start.saturating_sub(SENTENCE_REACH);
    let from = (lo..start).rev().find(|&i| ends_sentence(i)).map_or(lo, |i| i + 1);
    let hi = (end + SENTENCE_REACH).min(b.len());
    let to = (end..hi).find(|&i| ends_sentence(i)).map_or(hi, |i| i + 1);
    (from, to)
}
