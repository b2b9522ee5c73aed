//! The needs assessment: which role(s) an organisation needs.

use super::bitset::positions;
use super::lookup::RecordLookup;
use super::org_profile::{OrgProfile, TYPED_SIGNALS};
use crate::Catalog;
use crate::error::ProfileError;
use crate::evidence::{Answer, Evidence, Origin};
use crate::model::{AssessmentSignal, RecordKind, RecordRef, Staffing};
use crate::scoring::{
    Contribution, LeanScorer, Scorecard, Scorer, StaffingEvidence, Thresholds, Weights, same_id, zero_scores,
};

/// Catalogs with more signals than this take the general path (evidence, then the scorer):
/// the fast path keeps a profile's answers as sets of signal positions in a `u64`.
const MAX_FAST_SIGNALS: usize = 64;
/// Catalogs with more roles than this take the general path.
const MAX_FAST_ROLES: usize = 8;

/// Answers "which role do we need?" for an [`OrgProfile`]: maps its answers onto the
/// catalog's assessment signals and scores them with the [`LeanScorer`] (or any strategy).
///
/// Every signal of the catalog is a question. A "yes" is evidence of strength 1 for the
/// signal, which leans to roles as the catalog says; a "no" is answered with strength 0;
/// an unknown answer adds nothing and lowers the coverage. Signals with a `staffing`
/// (company stage, budget, complexity) say whether one person can cover both roles or
/// they need separate people; the verdict `both` carries that as
/// [`Scorecard::staffing`].
///
/// Build it once per catalog (it resolves the signal ids once) and assess many profiles;
/// [`assess_into`](Self::assess_into) reuses one card's allocations from profile to profile.
///
/// ```
/// use rolefit_core::{Catalog, NeedsAssessment, OrgProfile, Verdict};
/// let catalog = Catalog::new(Default::default())?;
/// let needs = NeedsAssessment::new(&catalog);
/// // With no questions in the catalog there is nothing to decide on.
/// assert_eq!(needs.assess(&OrgProfile::default()).verdict, Verdict::Undetermined);
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug, Clone)]
pub struct NeedsAssessment<'c> {
    catalog: &'c Catalog,
    /// For each catalog signal, the typed-answer slot it reads, if any.
    typed_slot: Vec<Option<u8>>,
    /// Whether signal `i` reads slot `i` for every slot, and later signals none (as in the
    /// canonical catalog): then the typed answers' sets are the signals' sets as they are.
    typed_in_signal_order: bool,
    scorer: LeanScorer<'c>,
    /// The contribution of a "yes" to each signal, per role it leans to (effect still 0).
    templates: Vec<Contribution>,
    /// The role position of each template.
    template_roles: Vec<usize>,
    /// Per signal, its range in `templates`.
    template_spans: Vec<(usize, usize)>,
    /// Per signal, what a "yes" adds to each role's mass (0 past the catalog's roles, and for
    /// roles it does not lean to).
    leans: Vec<[f64; MAX_FAST_ROLES]>,
    /// The signals (bit i for signal i) whose "yes" says one person can cover the roles.
    one_person: u64,
    /// The signals whose "yes" says the roles need separate people.
    separate_people: u64,
    /// The signals by id, for explicit answers.
    signal_ids: RecordLookup<'c>,
}

/// A profile's answers as sets of signal positions (bit i for signal i).
#[derive(Debug, Clone, Copy)]
struct AnswerSets {
    yes: u64,
    known: u64,
}

impl<'c> NeedsAssessment<'c> {
    /// The assessment with the catalog's own weights.
    pub fn new(catalog: &'c Catalog) -> Self {
        Self::with_scorer_parts(catalog, LeanScorer::new(catalog))
    }

    /// The assessment with `weights` overriding the catalog's leans.
    pub fn with_weights(catalog: &'c Catalog, weights: &Weights) -> Result<Self, ProfileError> {
        Ok(Self::with_scorer_parts(catalog, LeanScorer::with_weights(catalog, weights)?))
    }

    fn with_scorer_parts(catalog: &'c Catalog, scorer: LeanScorer<'c>) -> Self {
        let typed_slot: Vec<Option<u8>> = catalog
            .signals()
            .iter()
            .map(|s| TYPED_SIGNALS.iter().position(|t| *t == s.id.as_str()).and_then(|p| u8::try_from(p).ok()))
            .collect();
        let typed_in_signal_order = typed_slot.len() >= TYPED_SIGNALS.len()
            && typed_slot.iter().enumerate().all(|(i, slot)| match slot {
                Some(s) => usize::from(*s) == i,
                None => i >= TYPED_SIGNALS.len(),
            });
        let (mut templates, mut template_roles, mut template_spans) = (Vec::new(), Vec::new(), Vec::new());
        for (index, signal) in catalog.signals().iter().enumerate() {
            let start = templates.len();
            if let Some(row) = scorer.table().lean(RecordRef::new(RecordKind::Signal, index)) {
                for ((r, &weight), role) in row.iter().enumerate().zip(catalog.roles()) {
                    if weight > 0.0 && weight.is_finite() {
                        let origin = Origin::Answer { answer: Answer::Yes };
                        let (fact, role, kind) = (signal.id.clone(), role.id.clone(), RecordKind::Signal);
                        templates.push(Contribution { fact, kind, role, strength: 1.0, weight, effect: 0.0, origin });
                        template_roles.push(r);
                    }
                }
            }
            template_spans.push((start, templates.len()));
        }
        let (mut leans, mut one_person, mut separate_people) = (Vec::new(), 0_u64, 0_u64);
        for index in 0..catalog.signals().len() {
            let fact = RecordRef::new(RecordKind::Signal, index);
            let mut row = [0.0; MAX_FAST_ROLES];
            for (lean, &weight) in row.iter_mut().zip(scorer.table().lean(fact).unwrap_or_default()) {
                if weight > 0.0 && weight.is_finite() {
                    *lean = weight;
                }
            }
            leans.push(row);
            let bit = 1_u64.checked_shl(u32::try_from(index).unwrap_or(u32::MAX)).unwrap_or(0);
            match scorer.table().staffing(fact) {
                Some(Staffing::OnePerson) => one_person |= bit,
                Some(Staffing::SeparatePeople) => separate_people |= bit,
                None => {}
            }
        }
        let signal_ids = RecordLookup::new(catalog, &[RecordKind::Signal]);
        Self {
            catalog,
            typed_slot,
            typed_in_signal_order,
            scorer,
            templates,
            template_roles,
            template_spans,
            leans,
            one_person,
            separate_people,
            signal_ids,
        }
    }

    /// The questions, one per signal of the catalog, in catalog order.
    pub fn questions(&self) -> &'c [AssessmentSignal] {
        self.catalog.signals()
    }

    /// The built-in strategy used by [`assess`](Self::assess).
    pub fn scorer(&self) -> &LeanScorer<'c> {
        &self.scorer
    }

    /// The profile's answers as evidence: one item per answered signal, unknown ones marked.
    pub fn evidence(&self, profile: &OrgProfile) -> Evidence {
        let mut evidence = Evidence::with_capacity(self.typed_slot.len());
        self.evidence_into(profile, &mut evidence);
        evidence
    }

    /// Like [`evidence`](Self::evidence), reusing `evidence`'s allocations (it is cleared first).
    pub fn evidence_into(&self, profile: &OrgProfile, evidence: &mut Evidence) {
        evidence.clear();
        self.answers(profile, |index, answer| {
            let fact = RecordRef::new(RecordKind::Signal, index);
            match answer {
                Answer::Yes => evidence.push(fact, 1.0, Origin::Answer { answer }),
                Answer::No => evidence.push(fact, 0.0, Origin::Answer { answer }),
                Answer::Unknown => evidence.mark_unknown(fact),
            }
        });
    }

    /// Calls `each(signal index, answer)` for every signal of the catalog, in order.
    fn answers(&self, profile: &OrgProfile, mut each: impl FnMut(usize, Answer)) {
        let typed = profile.typed_answers();
        // Explicit answers by id, resolved to signal positions and sorted to merge in one pass.
        let mut explicit: Vec<(usize, Answer)> = Vec::new();
        if !profile.answers.is_empty() {
            explicit.extend(profile.answers.iter().filter_map(|(id, answer)| {
                let fact = self.signal_ids.get(id.as_str(), RecordKind::Signal)?;
                Some((fact.index, *answer))
            }));
            explicit.sort_unstable_by_key(|(i, _)| *i);
        }
        let mut explicit = explicit.into_iter().peekable();
        for (index, slot) in self.typed_slot.iter().enumerate() {
            let mut answer = slot.map_or(Answer::Unknown, |s| typed.get(s));
            while let Some((i, a)) = explicit.next_if(|(i, _)| *i <= index) {
                if i == index {
                    answer = a;
                }
            }
            each(index, answer);
        }
    }

    /// The answers as sets, for catalogs of at most [`MAX_FAST_SIGNALS`] signals: the same
    /// answers [`answers`](Self::answers) gives, typed fields first, explicit ones over them.
    fn answer_sets(&self, profile: &OrgProfile) -> AnswerSets {
        let typed = profile.typed_answers();
        let (mut yes, mut known) = if self.typed_in_signal_order {
            (u64::from(typed.yes), u64::from(typed.known))
        } else {
            let (mut yes, mut known) = (0_u64, 0_u64);
            for (index, slot) in self.typed_slot.iter().enumerate() {
                if let Some(slot) = slot {
                    yes |= u64::from(typed.yes >> slot & 1) << index;
                    known |= u64::from(typed.known >> slot & 1) << index;
                }
            }
            (yes, known)
        };
        for (id, answer) in &profile.answers {
            if let Some(fact) = self.signal_ids.get(id.as_str(), RecordKind::Signal) {
                let bit = 1_u64 << fact.index;
                yes = (yes & !bit) | if *answer == Answer::Yes { bit } else { 0 };
                known = (known & !bit) | if *answer == Answer::Unknown { 0 } else { bit };
            }
        }
        AnswerSets { yes, known }
    }

    /// Which role(s) the organisation needs, with the built-in strategy.
    ///
    /// Gives exactly `self.scorer().score(catalog, &self.evidence(profile))`, computed
    /// without building the evidence (the tests check that the two agree).
    pub fn assess(&self, profile: &OrgProfile) -> Scorecard {
        let mut card = Scorecard::default();
        self.assess_into(profile, &mut card);
        card
    }

    /// Like [`assess`](Self::assess), writing into `card` and reusing its allocations: for
    /// scoring many profiles one after another, where a fresh card each time would spend
    /// much of the time allocating and freeing. Whatever `card` held is replaced.
    ///
    /// ```
    /// use rolefit_core::{Catalog, NeedsAssessment, OrgProfile, Scorecard};
    /// let catalog = Catalog::new(Default::default())?;
    /// let needs = NeedsAssessment::new(&catalog);
    /// let mut card = Scorecard::default();
    /// for profile in [OrgProfile::default(), OrgProfile { products: Some(4), ..Default::default() }] {
    ///     needs.assess_into(&profile, &mut card);
    ///     assert_eq!(card, needs.assess(&profile));
    /// }
    /// # Ok::<(), rolefit_core::CatalogError>(())
    /// ```
    pub fn assess_into(&self, profile: &OrgProfile, card: &mut Scorecard) {
        if !self.fast_into(profile, true, card) {
            *card = self.scorer.score(self.catalog, &self.evidence(profile));
        }
    }

    /// [`assess`](Self::assess) without the explanation: the same verdict, staffing,
    /// scores, margin, coverage and confidence, with `contributions` and `unanswered` left
    /// empty. For scoring many profiles when only the outcome is kept.
    pub fn assess_brief(&self, profile: &OrgProfile) -> Scorecard {
        let mut card = Scorecard::default();
        if !self.fast_into(profile, false, &mut card) {
            card = self.assess(profile);
            card.contributions = Vec::new();
            card.unanswered = Vec::new();
        }
        card
    }

    /// The assessment computed straight from the answers into `card`, or `false` (and `card`
    /// untouched) when the catalog is too large for the fast path's fixed-size sets.
    fn fast_into(&self, profile: &OrgProfile, explain: bool, card: &mut Scorecard) -> bool {
        let n = self.typed_slot.len();
        let roles = self.catalog.roles();
        if n > MAX_FAST_SIGNALS || roles.len() > MAX_FAST_ROLES || !self.scorer.built_for(self.catalog) {
            return false;
        }
        let AnswerSets { yes, known } = self.answer_sets(profile);
        let asked = if n == 0 { 0 } else { u64::MAX >> (MAX_FAST_SIGNALS - n) };
        let unknown = asked & !known;

        // The same sums, in the same order, as the general path: a "yes" has strength 1, so
        // its mass is the weight itself, and the weights of every signal answered "yes" are
        // added in catalog order ("no" and unknown add nothing).
        let mut masses = [0.0_f64; MAX_FAST_ROLES];
        let mut parts = 0;
        for index in positions(yes) {
            for (mass, weight) in masses.iter_mut().zip(&self.leans[index]) {
                *mass += weight;
            }
            parts += self.template_spans[index].1 - self.template_spans[index].0;
        }
        let half = self.scorer.half();

        if !(card.scores.len() == roles.len() && card.scores.iter().zip(roles).all(|(s, r)| same_id(&s.role, &r.id))) {
            card.scores = zero_scores(self.catalog);
        }
        for (slot, mass) in card.scores.iter_mut().zip(masses) {
            slot.score = (mass / (mass + half)).clamp(0.0, 1.0);
        }
        let answered = known.count_ones();
        card.coverage = if n == 0 { 0.0 } else { f64::from(answered) / n as f64 };
        // Each "yes" adds strength 1: the sums are counts.
        card.staffing_evidence = StaffingEvidence {
            one_person: f64::from((yes & self.one_person).count_ones()),
            separate_people: f64::from((yes & self.separate_people).count_ones()),
        };

        card.unanswered.clear();
        card.contributions.clear();
        if explain {
            let signals = self.catalog.signals();
            card.unanswered.reserve(unknown.count_ones() as usize);
            for index in positions(unknown) {
                card.unanswered.push(signals[index].id.clone());
            }
            // Cloned from templates made once per catalog, then the effects set in place:
            // cheaper than building each contribution field by field.
            card.contributions.reserve(parts);
            for index in positions(yes) {
                let (start, end) = self.template_spans[index];
                let from = card.contributions.len();
                card.contributions.extend_from_slice(&self.templates[start..end]);
                for (c, r) in card.contributions[from..].iter_mut().zip(&self.template_roles[start..end]) {
                    c.effect = c.weight / (masses[*r] + half);
                }
            }
        }
        card.summarize();
        card.apply_thresholds(&Thresholds::default());
        true
    }

    /// Which role(s) the organisation needs, with another strategy.
    pub fn assess_with<S: Scorer + ?Sized>(&self, profile: &OrgProfile, scorer: &S) -> Scorecard {
        scorer.score(self.catalog, &self.evidence(profile))
    }
}
