//! The needs assessment: which role(s) an organisation needs.

use super::ProfileError;
use super::org::{OrgProfile, TYPED_SIGNALS};
use crate::scoring::{Answer, Evidence, LeanScorer, Origin, Scorecard, Scorer, Weights};
use crate::{AssessmentSignal, Catalog, FactKind, FactRef};

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
        Self { catalog, typed_slot, scorer }
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
        let typed = profile.typed_answers();
        // Explicit answers by id, resolved to signal positions and sorted to merge in one pass.
        let mut explicit: Vec<(usize, Answer)> = Vec::new();
        if !profile.answers.is_empty() {
            explicit.extend(profile.answers.iter().filter_map(|(id, answer)| {
                let fact = self.catalog.locate(id.as_str()).filter(|f| f.kind == FactKind::Signal)?;
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
            let fact = FactRef { kind: FactKind::Signal, index };
            match answer {
                Answer::Yes => evidence.push(fact, 1.0, Origin::Answer { answer }),
                Answer::No => evidence.push(fact, 0.0, Origin::Answer { answer }),
                Answer::Unknown => evidence.mark_unknown(fact),
            }
        }
    }

    /// Which role(s) the organisation needs, with the built-in strategy.
    pub fn assess(&self, profile: &OrgProfile) -> Scorecard {
        self.scorer.score(self.catalog, &self.evidence(profile))
    }

    /// Which role(s) the organisation needs, with another strategy.
    pub fn assess_with<S: Scorer + ?Sized>(&self, profile: &OrgProfile, scorer: &S) -> Scorecard {
        scorer.score(self.catalog, &self.evidence(profile))
    }
}
