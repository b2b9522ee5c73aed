//! The needs assessment: which role(s) an organisation needs.

use super::ProfileError;
use super::fact_lookup::FactLookup;
use super::org::{OrgProfile, TYPED_SIGNALS};
use crate::model::Staffing;
use crate::scoring::{
    Answer, Contribution, Evidence, LeanScorer, Origin, RoleScore, Scorecard, Scorer, StaffingEvidence, Thresholds,
    Verdict, Weights,
};
use crate::{AssessmentSignal, Catalog, FactKind, FactRef};

/// Catalogs with more signals than this take the general path (evidence, then the scorer).
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
/// Build it once per catalog (it resolves the signal ids once) and assess many profiles.
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
    scorer: LeanScorer<'c>,
    /// The contribution of a "yes" to each signal, per role it leans to (effect still 0).
    templates: Vec<Contribution>,
    /// The role position of each template.
    template_roles: Vec<usize>,
    /// Per signal, its range in `templates`.
    template_spans: Vec<(usize, usize)>,
    /// Per signal, what a "yes" adds: its leans in a fixed-size row, and its staffing.
    plans: Vec<SignalPlan>,
    /// The signals by id, for explicit answers.
    signal_ids: FactLookup<'c>,
}

/// What one signal contributes, laid out for the fast path.
#[derive(Debug, Clone)]
struct SignalPlan {
    /// Weight per role (0 past the catalog's roles; only positive, finite weights).
    leans: [f64; MAX_FAST_ROLES],
    /// How many roles it leans to.
    parts: usize,
    staffing: Option<Staffing>,
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
        let typed_slot = catalog
            .signals()
            .iter()
            .map(|s| TYPED_SIGNALS.iter().position(|t| *t == s.id.as_str()).and_then(|p| u8::try_from(p).ok()))
            .collect();
        let (mut templates, mut template_roles, mut template_spans) = (Vec::new(), Vec::new(), Vec::new());
        for (index, signal) in catalog.signals().iter().enumerate() {
            let start = templates.len();
            if let Some(row) = scorer.table().lean(FactRef { kind: FactKind::Signal, index }) {
                for ((r, &weight), role) in row.iter().enumerate().zip(catalog.roles()) {
                    if weight > 0.0 && weight.is_finite() {
                        let origin = Origin::Answer { answer: Answer::Yes };
                        let (fact, role, kind) = (signal.id.clone(), role.id.clone(), FactKind::Signal);
                        templates.push(Contribution { fact, kind, role, strength: 1.0, weight, effect: 0.0, origin });
                        template_roles.push(r);
                    }
                }
            }
            template_spans.push((start, templates.len()));
        }
        let plans = (0..catalog.signals().len())
            .map(|index| {
                let fact = FactRef { kind: FactKind::Signal, index };
                let mut leans = [0.0; MAX_FAST_ROLES];
                for (lean, &weight) in leans.iter_mut().zip(scorer.table().lean(fact).unwrap_or_default()) {
                    if weight > 0.0 && weight.is_finite() {
                        *lean = weight;
                    }
                }
                let parts = leans.iter().filter(|w| **w > 0.0).count();
                SignalPlan { leans, parts, staffing: scorer.table().staffing(fact) }
            })
            .collect();
        let signal_ids = FactLookup::new(catalog, &[FactKind::Signal]);
        Self { catalog, typed_slot, scorer, templates, template_roles, template_spans, plans, signal_ids }
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
            let fact = FactRef { kind: FactKind::Signal, index };
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
                let fact = self.signal_ids.get(id.as_str(), FactKind::Signal)?;
                Some((fact.index, *answer))
            }));
            explicit.sort_unstable_by_key(|(i, _)| *i);
        }
        let mut explicit = explicit.into_iter().peekable();
        for (index, slot) in self.typed_slot.iter().enumerate() {
            let mut answer = slot.map_or(Answer::Unknown, |s| typed[usize::from(s)]);
            while let Some((i, a)) = explicit.next_if(|(i, _)| *i <= index) {
                if i == index {
                    answer = a;
                }
            }
            each(index, answer);
        }
    }

    /// Which role(s) the organisation needs, with the built-in strategy.
    ///
    /// Gives exactly `self.scorer().score(catalog, &self.evidence(profile))`, computed
    /// without building the evidence (the tests check that the two agree).
    pub fn assess(&self, profile: &OrgProfile) -> Scorecard {
        self.fast(profile, true).unwrap_or_else(|| self.scorer.score(self.catalog, &self.evidence(profile)))
    }

    /// [`assess`](Self::assess) without the explanation: the same verdict, staffing,
    /// scores, margin, coverage and confidence, with `contributions` and `unanswered` left
    /// empty. For scoring many profiles when only the outcome is kept.
    pub fn assess_brief(&self, profile: &OrgProfile) -> Scorecard {
        self.fast(profile, false).unwrap_or_else(|| {
            let mut card = self.assess(profile);
            card.contributions = Vec::new();
            card.unanswered = Vec::new();
            card
        })
    }

    /// The assessment computed straight from the answers, or `None` when the catalog is too
    /// large for the fixed-size scratch arrays (then the general path runs).
    fn fast(&self, profile: &OrgProfile, explain: bool) -> Option<Scorecard> {
        let n = self.typed_slot.len();
        let roles = self.catalog.roles().len();
        if n > MAX_FAST_SIGNALS || roles > MAX_FAST_ROLES || !self.scorer.built_for(self.catalog) {
            return None;
        }
        let mut answers = [Answer::Unknown; MAX_FAST_SIGNALS];
        self.answers(profile, |index, answer| answers[index] = answer);
        let answers = &answers[..n];

        // Pass 1: masses, staffing, counts; the same sums, in the same order, as the general
        // path (adding a 0 weight leaves a sum as it is, so every role's weight is added).
        let mut masses = [0.0_f64; MAX_FAST_ROLES];
        let mut staffing_evidence = StaffingEvidence::default();
        let (mut answered, mut unknown, mut parts, mut yeses) = (0_usize, 0_usize, 0_usize, 0_usize);
        // The signals answered yes and the unknown ones, in order, for pass 2.
        let (mut yes_at, mut unknown_at) = ([0_u8; MAX_FAST_SIGNALS], [0_u8; MAX_FAST_SIGNALS]);
        // Without branches on the answer: answers are data, and mispredicted branches cost more
        // than the arithmetic. A "no" or an unknown adds 0, which leaves every sum as it is.
        for (index, (answer, plan)) in answers.iter().zip(&self.plans).enumerate() {
            let yes = usize::from(*answer == Answer::Yes);
            let known = usize::from(*answer != Answer::Unknown);
            let strength = yes as f64;
            // Always write, advance only on a match: collecting positions without a branch.
            // `index` < MAX_FAST_SIGNALS = 64, checked on entry, so it fits a byte.
            yes_at[yeses] = index as u8;
            yeses += yes;
            unknown_at[unknown] = index as u8;
            answered += known;
            unknown += 1 - known;
            parts += yes * plan.parts;
            match plan.staffing {
                Some(Staffing::OnePerson) => staffing_evidence.one_person += strength,
                Some(Staffing::SeparatePeople) => staffing_evidence.separate_people += strength,
                None => {}
            }
            for (mass, weight) in masses.iter_mut().zip(&plan.leans) {
                *mass += strength * weight;
            }
        }

        // Pass 2: the contributions, now that the denominators are known. They are cloned from
        // templates made once per catalog: cheaper than building each one field by field.
        let half = self.scorer.half_mass();
        let role_ids = self.catalog.roles();
        let signals = self.catalog.signals();
        let mut contributions: Vec<Contribution> = Vec::with_capacity(if explain { parts } else { 0 });
        let mut unanswered = Vec::with_capacity(if explain { unknown } else { 0 });
        if explain {
            for &index in &unknown_at[..unknown] {
                unanswered.push(signals[usize::from(index)].id.clone());
            }
            for &index in &yes_at[..yeses] {
                let index = usize::from(index);
                let Some(&(start, end)) = self.template_spans.get(index) else { continue };
                // Copy the templates, then set the effects in place: changing a copy on the
                // stack before pushing it stalls the copy (a partial store read back whole).
                let from = contributions.len();
                contributions.extend_from_slice(&self.templates[start..end]);
                for (c, r) in contributions[from..].iter_mut().zip(&self.template_roles[start..end]) {
                    c.effect = c.weight / (masses[*r] + half);
                }
            }
        }
        let asked = answered + unknown;
        let mut card = Scorecard {
            verdict: Verdict::Undetermined,
            recommended: Vec::new(),
            staffing: None,
            scores: role_ids
                .iter()
                .zip(masses)
                .map(|(role, mass)| RoleScore { role: role.id.clone(), score: (mass / (mass + half)).clamp(0.0, 1.0) })
                .collect(),
            margin: 0.0,
            coverage: if asked == 0 { 0.0 } else { answered as f64 / asked as f64 },
            confidence: 0.0,
            staffing_evidence,
            unanswered,
            contributions,
        };
        card.summarize();
        card.apply_policy(&Thresholds::default());
        Some(card)
    }

    /// Which role(s) the organisation needs, with another strategy.
    pub fn assess_with<S: Scorer + ?Sized>(&self, profile: &OrgProfile, scorer: &S) -> Scorecard {
        scorer.score(self.catalog, &self.evidence(profile))
    }
}
