//! Building a scorecard from masses, so that its laws hold by construction.

use super::policy::Thresholds;
use super::scorecard::{Contribution, Scorecard, StaffingEvidence, same_id, zero_scores};
use crate::evidence::{Evidence, EvidenceItem, record_id};
use crate::model::RecordKind;
use crate::{Catalog, Id};

impl Scorecard {
    /// A card with every role at 0 and an `undetermined` verdict: what empty evidence gives.
    pub fn neutral(catalog: &Catalog) -> Self {
        ScorecardBuilder::new(&Evidence::new(catalog)).finish_saturating(1.0)
    }
}

/// Builds a [`Scorecard`] from masses, so that a strategy only says which facts add how
/// much to which role and the card's laws hold by construction.
///
/// A strategy adds, per role, the *mass* `strength × weight` of each piece of evidence
/// ([`add`](Self::add)), then normalizes the masses into scores in `[0, 1]`:
/// [`finish_saturating`](Self::finish_saturating) (`score = mass / (mass + half)`) or
/// [`finish_over`](Self::finish_over) (`score = mass / total`). Each contribution's effect
/// is its mass over the same denominator, so a role's contributions add up to its score.
/// Non-positive and non-finite masses are ignored: evidence only ever adds.
///
/// The builder also fills in the card's coverage, unanswered questions and staffing
/// evidence from the evidence, and decides the verdict with the default [`Thresholds`].
///
/// ```
/// use rolefit_core::scoring::ScorecardBuilder;
/// use rolefit_core::{Catalog, Evidence};
/// let catalog = Catalog::new(Default::default())?;
/// let evidence = Evidence::new(&catalog);
/// let card = ScorecardBuilder::new(&evidence).finish_saturating(1.0);
/// assert!(card.scores().is_empty());
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug, Clone)]
pub struct ScorecardBuilder<'a> {
    catalog: &'a Catalog,
    /// The card being built; until `finish`, each role's `score` holds its mass.
    card: Scorecard,
}

/// Sets a card's coverage, staffing evidence and unanswered questions from evidence about
/// the card's catalog, reusing the card's lists; returns how many items support a record
/// (strength above 0). Leaves scores and contributions alone.
pub(crate) fn read_evidence(evidence: &Evidence<'_>, card: &mut Scorecard) -> usize {
    let catalog = evidence.catalog();
    let mut staffing_evidence = StaffingEvidence::default();
    let mut answered = 0_usize;
    let mut supported = 0_usize;
    for item in evidence.items() {
        if record_id(catalog, item.record).is_none() {
            continue;
        }
        answered += 1;
        supported += usize::from(item.strength > 0.0);
        if item.record.kind == RecordKind::Signal
            && let Some(staffing) = catalog.signals().get(item.record.index).and_then(|s| s.staffing)
        {
            staffing_evidence.add(staffing, item.strength);
        }
    }
    card.unanswered.clear();
    if !evidence.unknown().is_empty() {
        card.unanswered.extend(evidence.unanswered().filter_map(|f| record_id(catalog, f).cloned()));
    }
    let asked = answered + card.unanswered.len();
    card.coverage = if asked == 0 { 0.0 } else { answered as f64 / asked as f64 };
    card.staffing_evidence = staffing_evidence;
    supported
}

impl<'a> ScorecardBuilder<'a> {
    /// Starts a card for the roles of the evidence's catalog, with coverage and staffing
    /// read from the evidence.
    pub fn new(evidence: &Evidence<'a>) -> Self {
        let catalog = evidence.catalog();
        let mut card = Scorecard::default();
        let supported = read_evidence(evidence, &mut card);
        card.scores = zero_scores(catalog);
        // Most records lean to one or two roles.
        card.contributions = Vec::with_capacity(supported * catalog.roles().len().min(2));
        Self { catalog, card }
    }

    /// The catalog the card is for.
    pub(crate) fn catalog(&self) -> &'a Catalog {
        self.catalog
    }

    /// Adds `item.strength × weight` to the role at position `role` in the catalog's roles.
    ///
    /// Does nothing for a role out of range, a fact not in the catalog, or a mass that is
    /// not positive and finite.
    pub fn add(&mut self, role: usize, item: &EvidenceItem, weight: f64) {
        if let Some(fact) = record_id(self.catalog, item.record) {
            let fact = fact.clone();
            self.add_resolved(role, item, fact, weight);
        }
    }

    /// Like [`add`](Self::add), naming the role by id; returns whether the catalog has the role.
    pub fn add_to(&mut self, role: &str, item: &EvidenceItem, weight: f64) -> bool {
        match self.catalog.roles().iter().position(|r| r.id.as_str() == role) {
            Some(i) => {
                self.add(i, item, weight);
                true
            }
            None => false,
        }
    }

    /// `add` for a caller that has the fact's id already (the built-in strategies' hot path).
    #[inline]
    pub(crate) fn add_resolved(&mut self, role: usize, item: &EvidenceItem, fact: Id, weight: f64) {
        let mass = item.strength * weight;
        if !(mass > 0.0 && mass.is_finite()) {
            return;
        }
        let Some(slot) = self.card.scores.get_mut(role) else { return };
        slot.score += mass;
        let role = slot.role.clone();
        self.card.contributions.push(Contribution {
            fact,
            kind: item.record.kind,
            role,
            strength: item.strength,
            weight,
            // Holds the mass until `finish` knows the denominator.
            effect: mass,
            origin: item.origin.clone(),
        });
    }

    /// The mass added so far to the role at this position (0 for a role out of range).
    pub fn mass(&self, role: usize) -> f64 {
        self.card.scores.get(role).map_or(0.0, |s| s.score)
    }

    /// A copy of the mass added so far to each role, in catalog role order (e.g. for a
    /// verdict rule that reads masses rather than scores).
    pub fn masses(&self) -> Vec<f64> {
        self.card.scores.iter().map(|s| s.score).collect()
    }

    /// Finishes with `score = mass / (mass + half)`: 0 with no evidence, 0.5 when the mass
    /// equals `half`, approaching 1 as evidence piles up. A `half` that is not positive and
    /// finite is taken as 1.
    pub fn finish_saturating(self, half: f64) -> Scorecard {
        let half = if half > 0.0 && half.is_finite() { half } else { 1.0 };
        self.finish_with(|_, mass| mass + half)
    }

    /// Finishes with `score = mass / total` per role, `totals` in catalog role order: the
    /// share of the most the evidence could have added. A role whose mass exceeds its total
    /// is divided by its mass instead (score 1); a missing or non-positive total gives 0.
    pub fn finish_over(self, totals: &[f64]) -> Scorecard {
        self.finish_with(|role, mass| match totals.get(role) {
            Some(t) if *t > 0.0 && t.is_finite() => t.max(mass),
            _ => f64::INFINITY,
        })
    }

    /// Finishes with a denominator per role *and kind of fact*: each contribution's effect is
    /// its mass over `denominator(role index, kind)`, and a role's score is the sum of its
    /// effects. For strategies that weigh kinds of evidence against different totals (the
    /// candidate fit: skills against the skills a role needs, experience against its work).
    /// A denominator that is not positive and finite makes those contributions 0; a role
    /// whose effects would sum past 1 has them scaled down to sum to 1.
    pub fn finish_by_kind(mut self, denominator: impl Fn(usize, RecordKind) -> f64) -> Scorecard {
        for s in &mut self.card.scores {
            s.score = 0.0;
        }
        let scores = &mut self.card.scores;
        for c in &mut self.card.contributions {
            if let Some(r) = scores.iter().position(|s| same_id(&s.role, &c.role)) {
                let d = denominator(r, c.kind);
                c.effect = if d > 0.0 && d.is_finite() { c.effect / d } else { 0.0 };
                scores[r].score += c.effect;
            }
        }
        for s in scores.iter_mut().filter(|s| s.score > 1.0) {
            let scale = 1.0 / s.score;
            for c in self.card.contributions.iter_mut().filter(|c| same_id(&c.role, &s.role)) {
                c.effect *= scale;
            }
            s.score = 1.0;
        }
        self.card.contributions.retain(|c| c.effect > 0.0);
        self.card.summarize();
        self.card.apply_thresholds(&Thresholds::default());
        self.card
    }

    /// `denominator(role index, mass)` divides both the role's mass and each of its contributions.
    fn finish_with(mut self, denominator: impl Fn(usize, f64) -> f64) -> Scorecard {
        let scores = &self.card.scores;
        for c in &mut self.card.contributions {
            if let Some(r) = scores.iter().position(|s| same_id(&s.role, &c.role)) {
                c.effect /= denominator(r, scores[r].score);
            }
        }
        for (r, s) in self.card.scores.iter_mut().enumerate() {
            s.score = (s.score / denominator(r, s.score)).clamp(0.0, 1.0);
        }
        self.card.summarize();
        self.card.apply_thresholds(&Thresholds::default());
        self.card
    }
}
