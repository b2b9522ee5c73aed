//! Postings in, verdicts out: the text adapter, the classifier and its batch API.

use rolefit_core::model::{RecordKind, RecordRef};
use rolefit_core::scoring::{Decision, RoleScore, VerdictPolicy};
use rolefit_core::{Catalog, Evidence, Id, Origin, Scorecard, Scorer, Verdict};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::TextError;
use crate::index::PhraseIndex;
use crate::scan::{AdjacentMention, FactHit, PhraseMatch, Scratch, Span, TextScan};
use crate::scorer::{PostingRules, PostingScorer};

/// The longest text [`Classifier::classify`] accepts by default, in bytes (16 MiB).
///
/// Job postings are a few kilobytes; the limit bounds the memory one text can take
/// (about three times its size while it is scanned).
pub const DEFAULT_MAX_TEXT_BYTES: usize = 16 << 20;

/// The result of classifying one text.
///
/// `verdict` is `product-owner`, `product-manager`, `both` (a hybrid posting) or
/// `undetermined` (too little evidence, or a posting for an adjacent role, named in
/// `adjacent_role`). `evidence` lists the phrases behind the scores with their byte spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Classification {
    /// What the posting is for.
    pub verdict: Verdict,
    /// The role with the highest score, if any role scored above 0.
    pub top_role: Option<Id>,
    /// Every role's score in `[0, 1]`, in catalog order.
    pub scores: Vec<RoleScore>,
    /// The scorecard's confidence, in `[0, 1]`.
    pub confidence: f64,
    /// The adjacent role whose titles outweigh the catalog roles' titles, when one does.
    pub adjacent_role: Option<String>,
    /// The fact phrases found outside boilerplate, in text order.
    pub evidence: Vec<PhraseMatch>,
    /// Adjacent-role titles found outside boilerplate, in text order.
    pub adjacent: Vec<AdjacentMention>,
    /// The boilerplate ranges whose phrases were ignored.
    pub boilerplate: Vec<Span>,
    /// How many fact phrases were ignored because they stood in boilerplate.
    pub ignored: usize,
    /// The full scorecard, with every fact's contribution to every role; its verdict is
    /// this classification's (`undetermined` for an adjacent role's posting).
    pub scorecard: Scorecard,
}

/// Reusable buffers for `Classifier::classify_with`, to classify many texts on one
/// thread without allocating for each.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    scratch: Scratch,
    scan: TextScan,
    hits: Vec<FactHit>,
    counts: Vec<FactCount>,
}

thread_local! {
    /// The buffers [`Classifier::classify`] reuses on this thread.
    static THREAD_BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Buffers::default());
}

#[derive(Debug, Clone, Copy)]
struct FactCount {
    fact: RecordRef,
    /// Index of the first match in `scan.matches`.
    first: usize,
    weight: f64,
}

/// Classifies job postings against a catalog's roles and says why.
///
/// Build it once (it compiles the catalog's phrases into one automaton) and reuse it;
/// it is `Sync`, so threads can share it. The scoring strategy is any
/// [`Scorer`]: [`PostingScorer`] by default.
///
/// ```
/// use rolefit_text::Classifier;
///
/// let classifier = Classifier::new(rolefit_data::catalog())?;
/// let c = classifier.classify(
///     "We are hiring a Product Owner to own the product backlog, write user stories \
///      with acceptance criteria and run sprint planning with the development team.",
/// )?;
/// assert_eq!(c.verdict.as_str(), "product-owner");
/// assert!(c.evidence.iter().any(|e| e.fact == "user-story-writing"));
/// # Ok::<(), rolefit_text::TextError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Classifier<'c, S = PostingScorer<'c>> {
    catalog: &'c Catalog,
    index: PhraseIndex,
    scorer: S,
    rules: PostingRules,
    max_text_bytes: usize,
}

impl<'c> Classifier<'c> {
    /// A classifier for a catalog, with the built-in markers and [`PostingScorer`].
    pub fn new(catalog: &'c Catalog) -> Result<Self, TextError> {
        Ok(Self::from_index(catalog, PhraseIndex::new(catalog)?))
    }

    /// A classifier from an index built for the same catalog (e.g. with your own markers).
    pub fn from_index(catalog: &'c Catalog, index: PhraseIndex) -> Self {
        let rules = PostingRules::default();
        Self {
            catalog,
            index,
            scorer: PostingScorer::with_rules(catalog, rules),
            rules,
            max_text_bytes: DEFAULT_MAX_TEXT_BYTES,
        }
    }

    /// Uses other rules for evidence and the built-in scorer.
    pub fn with_rules(mut self, rules: PostingRules) -> Self {
        self.rules = rules;
        self.scorer = PostingScorer::with_rules(self.catalog, rules);
        self
    }
}

impl<'c, S: Scorer> Classifier<'c, S> {
    /// Scores with another strategy; the evidence stays the same.
    pub fn with_scorer<T: Scorer>(self, scorer: T) -> Classifier<'c, T> {
        Classifier {
            catalog: self.catalog,
            index: self.index,
            scorer,
            rules: self.rules,
            max_text_bytes: self.max_text_bytes,
        }
    }

    /// Sets the longest text accepted, in bytes (at most [`MAX_SCAN_BYTES`](crate::MAX_SCAN_BYTES)).
    pub fn with_max_text_bytes(mut self, limit: usize) -> Self {
        self.max_text_bytes = limit.min(crate::scan::MAX_SCAN_BYTES);
        self
    }

    /// The longest text accepted, in bytes.
    pub fn max_text_bytes(&self) -> usize {
        self.max_text_bytes
    }

    /// The catalog.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// The phrase index.
    pub fn index(&self) -> &PhraseIndex {
        &self.index
    }

    /// The scoring strategy.
    pub fn scorer(&self) -> &S {
        &self.scorer
    }

    /// Classifies one text.
    ///
    /// The working buffers are kept per thread and reused from call to call, so a loop
    /// over many texts does not allocate them for each.
    pub fn classify(&self, text: &str) -> Result<Classification, TextError> {
        THREAD_BUFFERS.with(|cell| match cell.try_borrow_mut() {
            Ok(mut buffers) => self.classify_with(text, &mut buffers),
            // Only a scorer that classifies from inside its own scoring gets here.
            Err(_) => self.classify_with(text, &mut Buffers::default()),
        })
    }

    /// Classifies one text, reusing `buffers` from earlier calls on this thread.
    pub(crate) fn classify_with(&self, text: &str, buffers: &mut Buffers) -> Result<Classification, TextError> {
        let (evidence, adjacent_role) = self.evidence_with(text, buffers)?;
        let mut scorecard = self.scorer.score(&evidence);
        if adjacent_role.is_some() {
            // A posting for another role: the scores stand, no role is recommended.
            scorecard.apply_policy(&NoRole);
        }
        let scan = &buffers.scan;
        let top_role = scorecard.top().filter(|t| t.score > 0.0).map(|t| t.role.clone());
        Ok(Classification {
            verdict: scorecard.verdict().clone(),
            top_role,
            scores: scorecard.scores().to_vec(),
            confidence: scorecard.confidence(),
            adjacent_role,
            evidence: scan.matches.clone(),
            adjacent: scan.adjacent.clone(),
            boilerplate: scan.boilerplate.clone(),
            ignored: scan.ignored,
            scorecard,
        })
    }

    /// The text adapter on its own: the evidence a text gives for the catalog's facts
    /// (one item per fact, its strength growing with the number of mentions, its origin
    /// the first mention's span), and the adjacent role that outweighs the catalog's
    /// roles, if one does. [`scan`](PhraseIndex::scan) lists every match.
    pub fn evidence(&self, text: &str) -> Result<(Evidence<'c>, Option<String>), TextError> {
        self.evidence_with(text, &mut Buffers::default())
    }

    fn evidence_with(&self, text: &str, buffers: &mut Buffers) -> Result<(Evidence<'c>, Option<String>), TextError> {
        if text.len() > self.max_text_bytes {
            return Err(TextError::TextTooLong { len: text.len(), limit: self.max_text_bytes });
        }
        let Buffers { scratch, scan, hits, counts } = buffers;
        self.index.scan_with(text, scratch, scan, hits)?;
        let rules = &self.rules;
        let mention = |colleague: bool| if colleague { rules.colleague_weight } else { 1.0 };

        // The posting's own title: the first title, of any role, that does not name a
        // colleague, if it stands near the top.
        let zone = rules.lead_zone * text.len() as f64;
        let first_role = hits.iter().position(|h| h.fact.kind == RecordKind::Role && !h.colleague);
        let role_start = first_role.map(|i| scan.matches[i].start);
        let lead_adjacent = scan
            .adjacent
            .iter()
            .find(|a| !a.colleague)
            .filter(|a| role_start.is_none_or(|s| a.start < s) && (a.start as f64) < zone);
        // A title line can name several roles ("Product Manager / Product Owner"): each
        // role titled in the lead title's sentence is the posting's own.
        let mut lead_roles: Vec<RecordRef> = Vec::new();
        if let (Some(i), None) = (first_role, lead_adjacent)
            && (scan.matches[i].start as f64) < zone
        {
            let from = scan.matches[i].start;
            let end = sentence_end(text, scan.matches[i].end);
            for (m, h) in scan.matches.iter().zip(hits.iter()).skip(i) {
                if m.start >= end {
                    break;
                }
                if h.fact.kind == RecordKind::Role && !h.colleague && m.start >= from && !lead_roles.contains(&h.fact) {
                    lead_roles.push(h.fact);
                }
            }
        }

        counts.clear();
        for (i, h) in hits.iter().enumerate() {
            let weight = if h.fact.kind == RecordKind::Role { mention(h.colleague) } else { 1.0 };
            counts.push(FactCount { fact: h.fact, first: i, weight });
        }
        counts.sort_by(|a, b| a.fact.cmp(&b.fact).then(a.first.cmp(&b.first)));
        let mut evidence = Evidence::with_capacity(self.catalog, counts.len());
        let mut product_titles = 0.0;
        let mut i = 0;
        while i < counts.len() {
            let fact = counts[i].fact;
            let mut total = 0.0;
            let first = counts[i].first;
            while i < counts.len() && counts[i].fact == fact {
                total += counts[i].weight;
                i += 1;
            }
            if lead_roles.contains(&fact) {
                total += rules.lead_bonus;
            }
            if fact.kind == RecordKind::Role {
                product_titles += total;
            }
            let m = &scan.matches[first];
            let origin = Origin::Text { start: m.start, end: m.end, phrase: m.phrase.clone() };
            evidence.push(fact, 1.0 - 0.5_f64.powf(total), origin);
        }

        // An adjacent role whose titles count at least as much as the catalog roles' does
        // not get a Product Owner or Product Manager verdict.
        let mut adjacent_role = None;
        let mut best = 0.0;
        for role in &self.index.markers().adjacent_roles {
            let mut total: f64 = scan.adjacent.iter().filter(|a| a.role == role.id).map(|a| mention(a.colleague)).sum();
            if lead_adjacent.is_some_and(|a| a.role == role.id) {
                total += rules.lead_bonus;
            }
            if total > 0.0 && total >= product_titles && total > best {
                best = total;
                adjacent_role = Some(role.id.clone());
            }
        }
        Ok((evidence, adjacent_role))
    }
}

/// Where the sentence or line that `from` is in ends (at most 200 bytes on).
fn sentence_end(text: &str, from: usize) -> usize {
    let b = text.as_bytes();
    let hi = (from + 200).min(b.len());
    (from..hi)
        .find(|&i| {
            b[i] == b'\n' || (matches!(b[i], b'.' | b'!' | b'?') && b.get(i + 1).is_none_or(u8::is_ascii_whitespace))
        })
        .unwrap_or(hi)
}

impl<S: Scorer + Sync> Classifier<'_, S> {
    /// Classifies many texts, on all cores with the `parallel` feature (on by default);
    /// results are in input order and do not depend on the number of threads.
    ///
    /// ```
    /// use rolefit_text::Classifier;
    ///
    /// let classifier = Classifier::new(rolefit_data::catalog())?;
    /// let texts = ["Product Owner: refine the backlog.", "", "Product Manager: own the product strategy."];
    /// let results = classifier.classify_batch(&texts);
    /// assert_eq!(results.len(), 3);
    /// assert_eq!(results[1].as_ref().unwrap().verdict.as_str(), "undetermined");
    /// # Ok::<(), rolefit_text::TextError>(())
    /// ```
    pub fn classify_batch<T: AsRef<str> + Sync>(&self, texts: &[T]) -> Vec<Result<Classification, TextError>> {
        #[cfg(feature = "parallel")]
        {
            use rayon::prelude::*;
            texts.par_iter().map_init(Buffers::default, |buffers, t| self.classify_with(t.as_ref(), buffers)).collect()
        }
        #[cfg(not(feature = "parallel"))]
        {
            let mut buffers = Buffers::default();
            texts.iter().map(|t| self.classify_with(t.as_ref(), &mut buffers)).collect()
        }
    }
}

/// The verdict for a posting for an adjacent role: no role of the catalog.
struct NoRole;

impl VerdictPolicy for NoRole {
    fn decide(&self, _: &Scorecard) -> Decision {
        Decision::undetermined()
    }
}
