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

/// The result of classifying one posting (or one text).
///
/// `verdict` is `product-owner`, `product-manager`, `both` (a hybrid posting) or
/// `undetermined` (too little evidence, or a posting for an adjacent role, named in
/// `adjacent_role`): it reads the title and the body together, the title as the
/// posting's own. `body_verdict` reads the body alone, and `title_matches_body` says
/// whether the title claims the job the body describes. `evidence` lists the phrases
/// behind the scores with their byte spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Classification {
    /// What the posting is for, title and body read together.
    pub verdict: Verdict,
    /// The catalog role with the highest score, if any role scored above 0; null when
    /// `adjacent_role` is set (the posting is for another job, so no catalog role leads).
    pub top_role: Option<Id>,
    /// Every role's score in `[0, 1]`, in catalog order: how much the text reads like
    /// each role, whatever the verdict.
    pub scores: Vec<RoleScore>,
    /// How sure the verdict is, in `[0, 1]`. For a role or `both`: the scorecard's
    /// confidence (coverage times the best score). For an adjacent role's posting: that
    /// role's share of all the role titles found (its own and the catalog roles').
    /// Undetermined for too little evidence: the scorecard's, which is low.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub confidence: f64,
    /// The adjacent role (`scrum-master`, `project-manager`, ...) whose titles outweigh
    /// the catalog roles' titles, when one does; the verdict is then `undetermined`.
    pub adjacent_role: Option<String>,
    /// The role the title names, when it names exactly one: a catalog role id or an
    /// adjacent role id. Null without a title, or when it names none or several.
    pub title_role: Option<String>,
    /// What the body describes, judged without the title (the same as `verdict` when
    /// there is no title).
    pub body_verdict: Verdict,
    /// Whether the body describes the job the title names: null without a `title_role`,
    /// or when the body alone is undetermined for want of evidence.
    pub title_matches_body: Option<bool>,
    /// When `title_matches_body` is false, one sentence saying how: "the title says
    /// Product Owner; the duties read like a Product Manager's: market research, pricing".
    pub mismatch: Option<String>,
    /// The fact phrases found in the body outside boilerplate, in text order, with byte
    /// spans into the body as given (see [`Classifier::classify_posting`]).
    pub evidence: Vec<PhraseMatch>,
    /// The fact phrases found in the title, with byte spans into the title as given.
    pub title_evidence: Vec<PhraseMatch>,
    /// Adjacent-role titles found in the body outside boilerplate, in text order.
    pub adjacent: Vec<AdjacentMention>,
    /// The boilerplate ranges of the body whose phrases were ignored.
    pub boilerplate: Vec<Span>,
    /// How many fact phrases were ignored because they stood in boilerplate.
    #[serde(rename = "ignored_in_boilerplate")]
    pub ignored: usize,
    /// The full scorecard of `verdict`, with every fact's contribution to every role; its
    /// verdict is this classification's (`undetermined` for an adjacent role's posting),
    /// its confidence speaks about the role scores. Origins are spans into the body, or
    /// `title ...` for a fact found only in the title.
    pub scorecard: Scorecard,
}

/// Reusable buffers for `Classifier::classify_with`, to classify many texts on one
/// thread without allocating for each.
#[derive(Debug, Default)]
pub(crate) struct Buffers {
    scratch: Scratch,
    body: Scanned,
    title: Scanned,
    counts: Vec<FactCount>,
}

thread_local! {
    /// The buffers [`Classifier::classify`] and [`Classifier::classify_posting`] reuse on this thread.
    static THREAD_BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::new(Buffers::default());
}

/// Runs `f` with this thread's buffers (fresh ones if they are in use: only a scorer that
/// classifies from inside its own scoring gets there).
fn with_buffers<T>(f: impl FnOnce(&mut Buffers) -> T) -> T {
    THREAD_BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut buffers) => f(&mut buffers),
        Err(_) => f(&mut Buffers::default()),
    })
}

/// One text, scanned.
#[derive(Debug, Default)]
struct Scanned {
    scan: TextScan,
    hits: Vec<FactHit>,
}

#[derive(Debug, Clone, Copy)]
struct FactCount {
    fact: RecordRef,
    /// Index of the first match: the title's matches first, then the body's.
    first: usize,
    weight: f64,
}

/// Maps a byte range of the text classified to the input it was read from.
type MapSpan<'a> = &'a dyn Fn(usize, usize) -> (usize, usize);

fn same_span(start: usize, end: usize) -> (usize, usize) {
    (start, end)
}

/// What the evidence of one reading (body alone, or title and body) says.
struct Found<'c> {
    evidence: Evidence<'c>,
    adjacent_role: Option<String>,
    /// The adjacent role's share of all role-title weight, when it outweighs the catalog roles.
    adjacent_share: f64,
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

    /// Sets the longest text accepted, in bytes (at most [`MAX_SCAN_BYTES`](crate::MAX_SCAN_BYTES)):
    /// a posting's title and its body each.
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

    /// Classifies one text, a posting without a separate title (spans are byte ranges of
    /// `text`).
    ///
    /// The working buffers are kept per thread and reused from call to call, so a loop
    /// over many texts does not allocate them for each.
    pub fn classify(&self, text: &str) -> Result<Classification, TextError> {
        with_buffers(|buffers| self.classify_with(text, buffers))
    }

    /// Classifies one text, reusing `buffers` from earlier calls on this thread.
    pub(crate) fn classify_with(&self, text: &str, buffers: &mut Buffers) -> Result<Classification, TextError> {
        self.judge(None, text, buffers, &same_span, &same_span)
    }

    /// Classifies a posting: its title, when it has one, judged apart from its body as well
    /// as with it (`title_role`, `body_verdict`, `title_matches_body`, `mismatch`).
    ///
    /// Spans point into the input the posting was read from, through its
    /// [`SourceMap`](crate::SourceMap)s: for an HTML page, into the page (title and body
    /// alike); for `JobPosting` fields, into each field's string; for plain text, into the
    /// title and body as given. Each of title and body may be up to
    /// [`max_text_bytes`](Self::max_text_bytes) long.
    ///
    /// ```
    /// use rolefit_text::{Classifier, Posting};
    ///
    /// let classifier = Classifier::new(rolefit_data::catalog())?;
    /// let posting = Posting::new(
    ///     "You run market research, set pricing and own the go-to-market plan, the product strategy and the roadmap.",
    /// )
    /// .with_title("Product Owner");
    /// let c = classifier.classify_posting(&posting)?;
    /// assert_eq!(c.title_role.as_deref(), Some("product-owner"));
    /// assert_eq!(c.body_verdict.as_str(), "product-manager");
    /// assert_eq!(c.title_matches_body, Some(false));
    /// assert!(c.mismatch.unwrap().starts_with("the title says Product Owner; the duties read like a Product Manager's"));
    /// # Ok::<(), rolefit_text::TextError>(())
    /// ```
    #[cfg(feature = "html")]
    pub fn classify_posting(&self, posting: &crate::Posting) -> Result<Classification, TextError> {
        with_buffers(|buffers| self.classify_posting_with(posting, buffers))
    }

    /// [`classify_posting`](Self::classify_posting), reusing `buffers` from earlier calls on this thread.
    #[cfg(feature = "html")]
    pub(crate) fn classify_posting_with(
        &self,
        posting: &crate::Posting,
        buffers: &mut Buffers,
    ) -> Result<Classification, TextError> {
        let (title_map, body_map) = (posting.title_map(), posting.body_map());
        let map_title = |s: usize, e: usize| title_map.source_span(s, e);
        let map_body = |s: usize, e: usize| body_map.source_span(s, e);
        if title_map.is_identity() && body_map.is_identity() {
            return self.judge(posting.title.as_deref(), &posting.body, buffers, &same_span, &same_span);
        }
        self.judge(posting.title.as_deref(), &posting.body, buffers, &map_title, &map_body)
    }

    fn judge(
        &self,
        title: Option<&str>,
        body: &str,
        buffers: &mut Buffers,
        map_title: MapSpan<'_>,
        map_body: MapSpan<'_>,
    ) -> Result<Classification, TextError> {
        for text in title.into_iter().chain([body]) {
            if text.len() > self.max_text_bytes {
                return Err(TextError::TextTooLong { len: text.len(), limit: self.max_text_bytes });
            }
        }
        let title = title.filter(|t| !t.trim().is_empty());
        self.index.scan_with(body, &mut buffers.scratch, &mut buffers.body.scan, &mut buffers.body.hits)?;
        if let Some(title) = title {
            self.index.scan_with(title, &mut buffers.scratch, &mut buffers.title.scan, &mut buffers.title.hits)?;
        }
        let Buffers { body: scanned, title: title_scanned, counts, .. } = buffers;
        let title_scanned = title.map(|_| &*title_scanned);

        let body_found = self.found(body, scanned, None, counts, map_title, map_body);
        let body_card = self.card(&body_found);
        let body_verdict = body_card.verdict().clone();
        // Without a title the body's reading is the posting's: nothing to compare.
        let Some(t) = title_scanned else {
            return Ok(self.classification(
                body_found,
                body_card,
                body_verdict,
                None,
                None,
                None,
                scanned,
                None,
                map_title,
                map_body,
            ));
        };
        let title_role = self.title_role(t);
        let body_adjacent = body_found.adjacent_role.as_deref();
        let title_matches_body = title_role.as_deref().and_then(|role| matches_body(role, &body_card, body_adjacent));
        let mismatch = match (title_matches_body, &title_role) {
            (Some(false), Some(role)) => Some(self.mismatch(role, &body_card, body_adjacent)),
            _ => None,
        };
        let found = self.found(body, scanned, Some(t), counts, map_title, map_body);
        let card = self.card(&found);
        Ok(self.classification(
            found,
            card,
            body_verdict,
            title_role,
            title_matches_body,
            mismatch,
            scanned,
            Some(t),
            map_title,
            map_body,
        ))
    }

    /// The result of a reading, its spans mapped to the input.
    #[allow(clippy::too_many_arguments)]
    fn classification(
        &self,
        found: Found<'_>,
        card: Scorecard,
        body_verdict: Verdict,
        title_role: Option<String>,
        title_matches_body: Option<bool>,
        mismatch: Option<String>,
        scanned: &Scanned,
        title_scanned: Option<&Scanned>,
        map_title: MapSpan<'_>,
        map_body: MapSpan<'_>,
    ) -> Classification {
        let scan = &scanned.scan;
        let mapped = |m: &PhraseMatch, map: MapSpan<'_>| {
            let (start, end) = map(m.start, m.end);
            PhraseMatch { start, end, ..m.clone() }
        };
        let (top_role, confidence) = match &found.adjacent_role {
            // A posting for another job: no catalog role leads it, and the confidence is
            // about that verdict.
            Some(_) => (None, found.adjacent_share),
            None => (card.top().filter(|t| t.score > 0.0).map(|t| t.role.clone()), card.confidence()),
        };
        Classification {
            verdict: card.verdict().clone(),
            top_role,
            scores: card.scores().to_vec(),
            confidence,
            adjacent_role: found.adjacent_role,
            title_role,
            body_verdict,
            title_matches_body,
            mismatch,
            evidence: scan.matches.iter().map(|m| mapped(m, map_body)).collect(),
            title_evidence: title_scanned
                .map(|t| t.scan.matches.iter().map(|m| mapped(m, map_title)).collect())
                .unwrap_or_default(),
            adjacent: scan
                .adjacent
                .iter()
                .map(|a| {
                    let (start, end) = map_body(a.start, a.end);
                    AdjacentMention { start, end, ..a.clone() }
                })
                .collect(),
            boilerplate: scan
                .boilerplate
                .iter()
                .map(|b| {
                    let (start, end) = map_body(b.start, b.end);
                    Span { start, end }
                })
                .collect(),
            ignored: scan.ignored,
            scorecard: card,
        }
    }

    /// The scorecard for one reading; an adjacent role's posting recommends no role.
    fn card(&self, found: &Found<'_>) -> Scorecard {
        let mut scorecard = self.scorer.score(&found.evidence);
        if found.adjacent_role.is_some() {
            scorecard.apply_policy(&NoRole);
        }
        scorecard
    }

    /// The text adapter on its own: the evidence a text gives for the catalog's facts
    /// (one item per fact, its strength growing with the number of mentions, its origin
    /// the first mention's span), and the adjacent role that outweighs the catalog's
    /// roles, if one does. [`scan`](PhraseIndex::scan) lists every match.
    pub fn evidence(&self, text: &str) -> Result<(Evidence<'c>, Option<String>), TextError> {
        if text.len() > self.max_text_bytes {
            return Err(TextError::TextTooLong { len: text.len(), limit: self.max_text_bytes });
        }
        let mut buffers = Buffers::default();
        let Buffers { scratch, body, counts, .. } = &mut buffers;
        self.index.scan_with(text, scratch, &mut body.scan, &mut body.hits)?;
        let found = self.found(text, body, None, counts, &same_span, &same_span);
        Ok((found.evidence, found.adjacent_role))
    }

    /// The role the title names, when it names exactly one (catalog or adjacent role).
    fn title_role(&self, title: &Scanned) -> Option<String> {
        let mut named: Vec<&str> = Vec::new();
        for (m, h) in title.scan.matches.iter().zip(&title.hits) {
            if h.fact.kind == RecordKind::Role && !h.colleague && !named.contains(&m.fact.as_str()) {
                named.push(m.fact.as_str());
            }
        }
        for a in title.scan.adjacent.iter().filter(|a| !a.colleague) {
            if !named.contains(&a.role.as_str()) {
                named.push(a.role.as_str());
            }
        }
        match named.as_slice() {
            [one] => Some((*one).to_owned()),
            _ => None,
        }
    }

    /// The sentence saying how the title and the body disagree.
    fn mismatch(&self, title_role: &str, body: &Scorecard, body_adjacent: Option<&str>) -> String {
        let says = format!("the title says {}", self.role_name(title_role));
        if let Some(adjacent) = body_adjacent {
            return format!("{says}; the text describes a {}'s job", self.role_name(adjacent));
        }
        match body.verdict() {
            Verdict::Role(role) => {
                let duties = distinctive_phrases(body, role.as_str());
                let name = self.role_name(role.as_str());
                if duties.is_empty() {
                    format!("{says}; the text names the {name} as the job")
                } else {
                    format!("{says}; the duties read like a {name}'s: {}", duties.join(", "))
                }
            }
            _ => {
                let names: Vec<String> =
                    body.recommended().iter().map(|r| format!("a {}'s", self.role_name(r.as_str()))).collect();
                format!("{says}; the duties read like both {}", names.join(" and "))
            }
        }
    }

    /// A catalog role's or an adjacent role's display name, else its id.
    fn role_name(&self, id: &str) -> String {
        if let Some(role) = self.catalog.roles().iter().find(|r| r.id.as_str() == id) {
            return role.name.to_string();
        }
        self.index
            .markers()
            .adjacent_roles
            .iter()
            .find(|a| a.id == id)
            .map_or_else(|| id.to_owned(), |a| a.name.clone())
    }

    /// The evidence of one reading of a scanned posting: the body alone (`title` None), or
    /// title and body together, the title naming the posting's own role.
    fn found(
        &self,
        body: &str,
        scanned: &Scanned,
        title: Option<&Scanned>,
        counts: &mut Vec<FactCount>,
        map_title: MapSpan<'_>,
        map_body: MapSpan<'_>,
    ) -> Found<'c> {
        let rules = &self.rules;
        let mention = |colleague: bool| if colleague { rules.colleague_weight } else { 1.0 };
        let (scan, hits) = (&scanned.scan, &scanned.hits);
        let no_title = Scanned::default();
        let titled = title.unwrap_or(&no_title);

        // The posting's own title: the title's roles when it names any; else the first
        // title in the body, of any role, that does not name a colleague, if it stands
        // near the top.
        let (lead_roles, lead_adjacent) = match lead(&titled.scan, &titled.hits, None) {
            (roles, adjacent) if !roles.is_empty() || adjacent.is_some() => (roles, adjacent),
            _ => lead(scan, hits, Some((body, rules.lead_zone))),
        };

        // Once the posting has named its own role, another catalog role's title names a
        // colleague ("Product Managers will rely on you"), cue word or not; and a related
        // title of that role (the people it reports to: "the Chief Product Officer")
        // states the hire's reporting line, which says nothing about the job.
        let weight = |h: &FactHit| {
            if h.fact.kind != RecordKind::Role {
                return 1.0;
            }
            let other = !lead_roles.is_empty() && !lead_roles.contains(&h.fact);
            if other && !h.named {
                return 0.0;
            }
            mention(h.colleague || other)
        };
        counts.clear();
        let n_title = titled.hits.len();
        for (i, h) in titled.hits.iter().chain(hits.iter()).enumerate() {
            counts.push(FactCount { fact: h.fact, first: i, weight: weight(h) });
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
            let origin = if first < n_title {
                let m = &titled.scan.matches[first];
                let (start, end) = map_title(m.start, m.end);
                Origin::Custom { label: format!("title, bytes {start}..{end}: {}", m.phrase).into() }
            } else {
                let m = &scan.matches[first - n_title];
                let (start, end) = map_body(m.start, m.end);
                Origin::Text { start, end, phrase: m.phrase.clone() }
            };
            evidence.push(fact, 1.0 - 0.5_f64.powf(total), origin);
        }

        // An adjacent role whose titles count at least as much as the catalog roles' does
        // not get a Product Owner or Product Manager verdict.
        let mut adjacent_role = None;
        let mut best = 0.0;
        for role in &self.index.markers().adjacent_roles {
            let mut total: f64 = titled
                .scan
                .adjacent
                .iter()
                .chain(&scan.adjacent)
                .filter(|a| a.role == role.id)
                .map(|a| mention(a.colleague))
                .sum();
            if lead_adjacent.as_deref() == Some(role.id.as_str()) {
                total += rules.lead_bonus;
            }
            if total > 0.0 && total >= product_titles && total > best {
                best = total;
                adjacent_role = Some(role.id.clone());
            }
        }
        let adjacent_share = if adjacent_role.is_some() { best / (best + product_titles) } else { 0.0 };
        Found { evidence, adjacent_role, adjacent_share }
    }
}

/// The roles a text names as its own job, and the adjacent role it names as its own
/// when that comes first. `zone`: for a body, the text and the top share in which its
/// first title counts as the posting's own; None for a title, which is all title.
fn lead(scan: &TextScan, hits: &[FactHit], zone: Option<(&str, f64)>) -> (Vec<RecordRef>, Option<String>) {
    let limit = zone.map_or(f64::INFINITY, |(text, share)| share * text.len() as f64);
    let first_role = hits.iter().position(|h| h.fact.kind == RecordKind::Role && !h.colleague);
    let role_start = first_role.map(|i| scan.matches[i].start);
    let lead_adjacent = scan
        .adjacent
        .iter()
        .find(|a| !a.colleague)
        .filter(|a| role_start.is_none_or(|s| a.start < s) && (a.start as f64) < limit);
    let mut lead_roles: Vec<RecordRef> = Vec::new();
    if let (Some(i), None) = (first_role, lead_adjacent)
        && (scan.matches[i].start as f64) < limit
    {
        // A title line can name several roles ("Product Manager / Product Owner"): each
        // role titled in the lead title's sentence is the posting's own (a title: all of it).
        let from = scan.matches[i].start;
        let end = zone.map_or(usize::MAX, |(text, _)| sentence_end(text, scan.matches[i].end));
        for (m, h) in scan.matches.iter().zip(hits.iter()).skip(i) {
            if m.start >= end {
                break;
            }
            if h.fact.kind == RecordKind::Role && !h.colleague && m.start >= from && !lead_roles.contains(&h.fact) {
                lead_roles.push(h.fact);
            }
        }
    }
    (lead_roles, lead_adjacent.map(|a| a.role.clone()))
}

/// Whether a body's verdict is the job a title names; None when the body alone says too
/// little to tell.
fn matches_body(title_role: &str, body: &Scorecard, body_adjacent: Option<&str>) -> Option<bool> {
    if let Some(adjacent) = body_adjacent {
        return Some(adjacent == title_role);
    }
    match body.verdict() {
        Verdict::Role(role) => Some(role.as_str() == title_role),
        Verdict::Both => Some(body.recommended().iter().any(|r| r.as_str() == title_role)),
        Verdict::Undetermined => None,
    }
}

/// The phrases of up to three duties that set `role` apart most in a scorecard (role
/// titles left out), strongest first.
fn distinctive_phrases(card: &Scorecard, role: &str) -> Vec<String> {
    let mut by_fact: Vec<(&str, f64, &Origin)> = Vec::new();
    for c in card.contributions().iter().filter(|c| c.kind != RecordKind::Role) {
        let sign = if c.role.as_str() == role { 1.0 } else { -1.0 };
        match by_fact.iter_mut().find(|(f, _, _)| *f == c.fact.as_str()) {
            Some((_, lean, _)) => *lean += sign * c.effect,
            None => by_fact.push((c.fact.as_str(), sign * c.effect, &c.origin)),
        }
    }
    by_fact.retain(|(_, lean, _)| *lean > 0.0);
    by_fact.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut phrases: Vec<String> = Vec::new();
    for (_, _, origin) in by_fact {
        let phrase = match origin {
            Origin::Text { phrase, .. } => phrase.to_string(),
            _ => continue,
        };
        if !phrases.contains(&phrase) {
            phrases.push(phrase);
        }
        if phrases.len() == 3 {
            break;
        }
    }
    phrases
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
