//! The needs assessment: which role(s) an organisation needs.

use super::lookup::RecordLookup;
use super::org_profile::{OrgProfile, TYPED_SIGNALS};
use crate::Catalog;
use crate::error::ProfileError;
use crate::evidence::{Answer, Evidence, Origin};
use crate::model::{AssessmentSignal, RecordKind, RecordRef};
use crate::scoring::{LeanScorer, Scorecard, Scorer, SignalAnswers, Weights};

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
/// A profile that [`OrgProfile::check`] would refuse (an `answers` id the catalog does not
/// have or that is not a signal, a count of 0) is refused here too, with every problem and
/// the nearest known id: nothing is dropped silently, however the profile was made.
///
/// ```
/// use rolefit_core::{Catalog, NeedsAssessment, OrgProfile, Verdict};
/// let catalog = Catalog::new(Default::default())?;
/// let needs = NeedsAssessment::new(&catalog);
/// // With no questions in the catalog there is nothing to decide on.
/// assert_eq!(*needs.assess(&OrgProfile::default())?.verdict(), Verdict::Undetermined);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct NeedsAssessment<'c> {
    catalog: &'c Catalog,
    /// For each catalog signal, the row of the typed fields' table that answers it, if any.
    typed_slot: Vec<Option<u8>>,
    /// Whether signal `i` is row `i` of the table for every row, and later signals are in
    /// none (as in the canonical catalog): then the typed answers' sets are the signals'.
    typed_in_signal_order: bool,
    /// The built-in strategy, prepared for the catalog: it holds the answer sets' form
    /// of the formula.
    scorer: LeanScorer<'c>,
    /// The signals by id, for explicit answers.
    signal_ids: RecordLookup<'c>,
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
        let signal_ids = RecordLookup::new(catalog, &[RecordKind::Signal]);
        Self { catalog, typed_slot, typed_in_signal_order, scorer, signal_ids }
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
    ///
    /// A profile naming an id the catalog does not have is refused, as in
    /// [`assess`](Self::assess).
    pub fn evidence(&self, profile: &OrgProfile) -> Result<Evidence<'c>, ProfileError> {
        let mut evidence = Evidence::with_capacity(self.catalog, self.typed_slot.len());
        self.evidence_into(profile, &mut evidence)?;
        Ok(evidence)
    }

    /// Like [`evidence`](Self::evidence), reusing `evidence`'s allocations (it is cleared
    /// first); `evidence` must be about this assessment's catalog. On an error `evidence`
    /// is left as it was.
    pub fn evidence_into(&self, profile: &OrgProfile, evidence: &mut Evidence<'_>) -> Result<(), ProfileError> {
        let explicit = self.explicit_answers(profile)?;
        evidence.clear();
        self.answers(profile, explicit, |index, answer| {
            let fact = RecordRef::new(RecordKind::Signal, index);
            match answer {
                Answer::Yes => evidence.push(fact, 1.0, Origin::Answer { answer }),
                Answer::No => evidence.push(fact, 0.0, Origin::Answer { answer }),
                Answer::Unknown => evidence.mark_unknown(fact),
            }
        });
        Ok(())
    }

    /// The explicit answers by signal position, sorted, to merge with the typed ones in
    /// one pass; refused when an id does not resolve or a count is 0.
    fn explicit_answers(&self, profile: &OrgProfile) -> Result<Vec<(usize, Answer)>, ProfileError> {
        let mut explicit = Vec::with_capacity(profile.answers.len());
        let mut unresolved = profile.has_zero_count();
        for (id, answer) in &profile.answers {
            match self.signal_ids.get(id.as_str(), RecordKind::Signal) {
                Some(fact) => explicit.push((fact.index, *answer)),
                None => unresolved = true,
            }
        }
        if unresolved {
            profile.check(self.catalog)?;
        }
        explicit.sort_unstable_by_key(|(i, _)| *i);
        Ok(explicit)
    }

    /// Calls `each(signal index, answer)` for every signal of the catalog, in order, the
    /// `explicit` answers (from [`explicit_answers`](Self::explicit_answers)) over the typed ones.
    fn answers(&self, profile: &OrgProfile, explicit: Vec<(usize, Answer)>, mut each: impl FnMut(usize, Answer)) {
        let typed = profile.typed_answers();
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

    /// The answers as sets, for catalogs of at most [`LeanScorer::MAX_SIGNALS`] signals:
    /// the same answers [`answers`](Self::answers) gives, typed fields first, explicit
    /// ones over them; refused as [`explicit_answers`](Self::explicit_answers) refuses.
    ///
    /// The ids are resolved here anyway, so a valid profile pays for the check only three
    /// comparisons (the counts); the full report is built only when something failed.
    fn answer_sets(&self, profile: &OrgProfile) -> Result<SignalAnswers, ProfileError> {
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
        let mut unresolved = profile.has_zero_count();
        for (id, answer) in &profile.answers {
            let Some(fact) = self.signal_ids.get(id.as_str(), RecordKind::Signal) else {
                unresolved = true;
                continue;
            };
            let bit = 1_u64 << fact.index;
            yes = (yes & !bit) | if *answer == Answer::Yes { bit } else { 0 };
            known = (known & !bit) | if *answer == Answer::Unknown { 0 } else { bit };
        }
        if unresolved {
            profile.check(self.catalog)?;
        }
        Ok(SignalAnswers { yes, known })
    }

    /// Which role(s) the organisation needs, with the built-in strategy.
    ///
    /// Gives exactly `self.scorer().score(&self.evidence(profile)?)`: for catalogs of at
    /// most 64 signals the scorer reads the answers as sets, without evidence (the tests
    /// check that the two agree).
    ///
    /// A profile naming an `answers` id the catalog lacks (or one that is not a signal), or
    /// with a count of 0, is an error listing every problem, with the nearest known id
    /// (`answers.agile-scrm: unknown signal "agile-scrm"; did you mean ...?`): the same
    /// error [`OrgProfile::check`] gives.
    pub fn assess(&self, profile: &OrgProfile) -> Result<Scorecard, ProfileError> {
        let mut card = Scorecard::default();
        self.assess_into(profile, &mut card)?;
        Ok(card)
    }

    /// Like [`assess`](Self::assess), writing into `card` and reusing its allocations: for
    /// scoring many profiles one after another, where a fresh card each time would spend
    /// much of the time allocating and freeing. Whatever `card` held is replaced; on an
    /// error `card` is left as it was.
    ///
    /// ```
    /// use rolefit_core::{Catalog, NeedsAssessment, OrgProfile, Scorecard};
    /// let catalog = Catalog::new(Default::default())?;
    /// let needs = NeedsAssessment::new(&catalog);
    /// let mut card = Scorecard::default();
    /// for profile in [OrgProfile::default(), OrgProfile { products: Some(4), ..Default::default() }] {
    ///     needs.assess_into(&profile, &mut card)?;
    ///     assert_eq!(card, needs.assess(&profile)?);
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn assess_into(&self, profile: &OrgProfile, card: &mut Scorecard) -> Result<(), ProfileError> {
        if self.typed_slot.len() <= LeanScorer::MAX_SIGNALS {
            self.scorer.score_signals_into(self.answer_sets(profile)?, card);
        } else {
            self.scorer.score_into(&self.evidence(profile)?, card);
        }
        Ok(())
    }

    /// Which role(s) the organisation needs, with another scorer (prepared for this
    /// assessment's catalog, or for another, whose records are then found by id). Refuses
    /// what [`assess`](Self::assess) refuses.
    pub fn assess_with<S: Scorer + ?Sized>(&self, profile: &OrgProfile, scorer: &S) -> Result<Scorecard, ProfileError> {
        Ok(scorer.score(&self.evidence(profile)?))
    }
}
