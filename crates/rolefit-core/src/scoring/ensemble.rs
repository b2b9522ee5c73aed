//! A weighted ensemble of scorers.

use std::fmt;

use super::explanation::Explanation;
use super::policy::Thresholds;
use super::scorecard::{Scorecard, same_id, zero_scores};
use super::scorer::{OwnEvidence, Scorer};
use crate::Catalog;
use crate::evidence::Evidence;

/// Strategies combined by weight: each role's score is the weighted mean of the members'
/// scores for it.
///
/// Weights are normalized to sum to 1; a weight that is negative or not finite counts as
/// 0, and an ensemble whose weights are all 0 gives the neutral card. Each member's
/// contributions are kept, their effects scaled by the member's share, so they still add
/// up to the ensemble's scores; coverage and staffing evidence are weighted the same way.
/// The verdict is decided again, on the combined scores, with the default
/// [`Thresholds`] (use [`Scorer::with_policy`] for another policy). An ensemble of one
/// strategy at weight 1 gives that strategy's card.
///
/// ```
/// use rolefit_core::scoring::Ensemble;
/// use rolefit_core::{Catalog, CoverageScorer, Evidence, LeanScorer, RecordKind, Scorer};
/// let catalog = Catalog::new(Default::default())?;
/// let ensemble = Ensemble::new(&catalog)
///     .with(LeanScorer::new(&catalog), 2.0)
///     .with(CoverageScorer::new(&catalog, &[RecordKind::Skill]), 1.0);
/// assert_eq!(ensemble.len(), 2);
/// let card = ensemble.score(&Evidence::new(&catalog));
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
pub struct Ensemble<'s> {
    catalog: &'s Catalog,
    members: Vec<(Box<dyn Scorer + Send + Sync + 's>, f64)>,
}

impl fmt::Debug for Ensemble<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.members.iter().map(|(s, w)| (s.name(), w))).finish()
    }
}

fn usable(weight: f64) -> f64 {
    if weight.is_finite() && weight > 0.0 { weight } else { 0.0 }
}

impl<'s> Ensemble<'s> {
    /// No members yet, for `catalog` (the members are prepared scorers; one prepared for
    /// another catalog reads the evidence in its own).
    pub fn new(catalog: &'s Catalog) -> Self {
        Self { catalog, members: Vec::new() }
    }

    /// Adds a member with a weight.
    pub fn with(mut self, scorer: impl Scorer + Send + Sync + 's, weight: f64) -> Self {
        self.push(scorer, weight);
        self
    }

    /// Adds a member with a weight.
    pub fn push(&mut self, scorer: impl Scorer + Send + Sync + 's, weight: f64) {
        self.members.push((Box::new(scorer), weight));
    }

    /// The number of members.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// Whether there are no members.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Each member's name and its share of the total weight.
    pub fn shares(&self) -> impl Iterator<Item = (&str, f64)> {
        let total: f64 = self.members.iter().map(|(_, w)| usable(*w)).sum();
        self.members.iter().map(move |(s, w)| (s.name(), if total > 0.0 { usable(*w) / total } else { 0.0 }))
    }
}

impl Scorer for Ensemble<'_> {
    fn catalog(&self) -> &Catalog {
        self.catalog
    }

    fn name(&self) -> &str {
        "ensemble"
    }

    fn score_own(&self, evidence: &OwnEvidence<'_, '_>) -> Scorecard {
        let catalog = self.catalog;
        let total: f64 = self.members.iter().map(|(_, w)| usable(*w)).sum();
        if total <= 0.0 {
            return Scorecard::neutral(catalog);
        }
        let mut card = Scorecard { scores: zero_scores(catalog), ..Scorecard::default() };
        for (member, weight) in &self.members {
            let share = usable(*weight) / total;
            if share == 0.0 {
                continue;
            }
            let part = member.score(evidence);
            for (i, s) in card.scores.iter_mut().enumerate() {
                // Members built on the builder list the roles in catalog order; others are looked up.
                let score = match part.scores.get(i) {
                    Some(p) if same_id(&p.role, &s.role) => Some(p.score),
                    _ => part.score(s.role.as_str()),
                };
                // A custom member could return anything; only finite scores count.
                s.score += share * score.filter(|x| x.is_finite()).unwrap_or(0.0);
            }
            card.coverage += share * part.coverage;
            card.staffing_evidence.one_person += share * part.staffing_evidence.one_person;
            card.staffing_evidence.separate_people += share * part.staffing_evidence.separate_people;
            for id in part.unanswered {
                if !card.unanswered.contains(&id) {
                    card.unanswered.push(id);
                }
            }
            let start = card.contributions.len();
            if start == 0 {
                // Keep the first member's vector, with room for the others' (about as many each).
                card.contributions = part.contributions;
                card.contributions.reserve(start.max(card.contributions.len()) * (self.members.len() - 1));
            } else {
                card.contributions.extend(part.contributions);
            }
            for c in &mut card.contributions[start..] {
                c.effect *= share;
            }
        }
        for s in &mut card.scores {
            s.score = s.score.clamp(0.0, 1.0);
        }
        card.coverage = card.coverage.clamp(0.0, 1.0);
        card.summarize();
        card.apply_thresholds(&Thresholds::default());
        card
    }

    fn explain(&self, evidence: &Evidence<'_>) -> Explanation {
        let mut root = Explanation::of_scorecard(self.name(), self.catalog, &self.score(evidence));
        // Replace the flat per-role lists with each member's own explanation.
        root.details.clear();
        for ((member, _), (_, share)) in self.members.iter().zip(self.shares()) {
            let mut node = member.explain(evidence);
            node.label = format!("× {share:.2}  {}", node.label);
            root.push(node);
        }
        root
    }
}
