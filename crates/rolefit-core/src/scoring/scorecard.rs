//! The output of scoring: a score per role, a verdict, and the contributions that explain them.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::evidence::{Evidence, EvidenceItem, Origin, fact_id};
use super::policy::{Thresholds, VerdictPolicy};
use crate::model::Staffing;
use crate::{Catalog, FactKind, Id};

/// What a scorecard concludes.
///
/// Serialized as a single string: a role id (`"product-owner"`), `"both"` or
/// `"undetermined"`. Which roles `Both` covers is in [`Scorecard::recommended`], and how
/// they are staffed (one person for both, or separate hires) in [`Scorecard::staffing`].
/// A catalog role named `both` or `undetermined` would be ambiguous; don't use those ids.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// One role fits clearly better than the others.
    Role(Id),
    /// Several roles are needed (or fit) together; see [`Scorecard::recommended`].
    Both,
    /// Not enough evidence to say.
    Undetermined,
}

impl Verdict {
    /// The verdict as it is serialized: a role id, `both` or `undetermined`.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Role(id) => id.as_str(),
            Self::Both => "both",
            Self::Undetermined => "undetermined",
        }
    }

    /// Whether this is `Role(role)`.
    pub fn is_role(&self, role: &str) -> bool {
        matches!(self, Self::Role(id) if id.as_str() == role)
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Verdict {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Verdict {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        Ok(match s.as_str() {
            "both" => Self::Both,
            "undetermined" => Self::Undetermined,
            _ => Self::Role(Id::new(s).map_err(serde::de::Error::custom)?),
        })
    }
}

impl JsonSchema for Verdict {
    fn schema_name() -> Cow<'static, str> {
        "Verdict".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A role id (\"product-owner\"), \"both\" (several roles together; see `recommended` and `staffing`) or \"undetermined\".",
            "type": "string",
            "pattern": crate::ID_PATTERN,
            "examples": ["product-owner", "product-manager", "both", "undetermined"],
        })
    }
}

/// One role's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleScore {
    /// The role.
    pub role: Id,
    /// How strongly the evidence points to the role, in `[0, 1]`.
    pub score: f64,
}

/// One fact's part in one role's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// The catalog fact.
    pub fact: Id,
    /// What kind of fact it is.
    pub kind: FactKind,
    /// The role whose score it adds to.
    pub role: Id,
    /// How strongly the input supports the fact, in `[0, 1]`.
    pub strength: f64,
    /// How strongly the fact leans to the role, in `[0, 1]` (the catalog's, or an override).
    pub weight: f64,
    /// What it adds to the role's score; a role's effects add up to its score.
    pub effect: f64,
    /// Where the evidence came from.
    pub origin: Origin,
}

/// How strongly the evidence says the roles should be held by one person or by separate people.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct StaffingEvidence {
    /// Sum of the strengths of evidence for one person covering both roles.
    pub one_person: f64,
    /// Sum of the strengths of evidence for separate people.
    pub separate_people: f64,
}

impl StaffingEvidence {
    /// The side with more evidence, or `None` on a tie (including no evidence at all).
    pub fn lean(&self) -> Option<Staffing> {
        if self.one_person > self.separate_people {
            Some(Staffing::OnePerson)
        } else if self.separate_people > self.one_person {
            Some(Staffing::SeparatePeople)
        } else {
            None
        }
    }

    pub(crate) fn add(&mut self, staffing: Staffing, strength: f64) {
        match staffing {
            Staffing::OnePerson => self.one_person += strength,
            Staffing::SeparatePeople => self.separate_people += strength,
        }
    }
}

/// The result of scoring: per role a score in `[0, 1]`, a verdict, and why.
///
/// ```
/// use rolefit_core::{Catalog, Evidence, LeanScorer, Scorer, Verdict};
/// let catalog = Catalog::new(Default::default())?;
/// let card = LeanScorer::new(&catalog).score(&catalog, &Evidence::new());
/// assert_eq!(card.verdict, Verdict::Undetermined);
/// assert_eq!(card.confidence, 0.0);
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "rolefit scorecard",
    description = "The result of scoring: per role a score in [0, 1], a verdict (a role id, \"both\" or \"undetermined\"), the recommended roles and their staffing, margin, coverage and confidence, and the contributions: each fact's part in each role's score, which add up to it."
)]
pub struct Scorecard {
    /// What the scores conclude.
    pub verdict: Verdict,
    /// The roles the verdict recommends, best first: one for a role verdict, several for
    /// `both`, none when undetermined.
    pub recommended: Vec<Id>,
    /// For `both`: whether one person can cover the roles or they need separate people,
    /// when the evidence says.
    pub staffing: Option<Staffing>,
    /// Every role's score, in catalog order.
    pub scores: Vec<RoleScore>,
    /// The best score minus the runner-up's, in `[0, 1]`.
    pub margin: f64,
    /// The share of the questions asked that have a known answer, in `[0, 1]` (0 with no evidence).
    pub coverage: f64,
    /// How much evidence backs the card: coverage times the best score, in `[0, 1]`.
    pub confidence: f64,
    /// The evidence about staffing.
    pub staffing_evidence: StaffingEvidence,
    /// The facts asked about whose answer is unknown.
    pub unanswered: Vec<Id>,
    /// Each fact's part in each role's score.
    pub contributions: Vec<Contribution>,
}

/// An empty card: no roles, no evidence, `undetermined`. A buffer to score into (see
/// [`NeedsAssessment::assess_into`](crate::NeedsAssessment::assess_into)); for a card with
/// the catalog's roles at 0, use [`Scorecard::neutral`].
impl Default for Scorecard {
    fn default() -> Self {
        Self {
            verdict: Verdict::Undetermined,
            recommended: Vec::new(),
            staffing: None,
            scores: Vec::new(),
            margin: 0.0,
            coverage: 0.0,
            confidence: 0.0,
            staffing_evidence: StaffingEvidence::default(),
            unanswered: Vec::new(),
            contributions: Vec::new(),
        }
    }
}

impl Scorecard {
    /// A card with every role at 0 and an `undetermined` verdict: what empty evidence gives.
    pub fn neutral(catalog: &Catalog) -> Self {
        ScorecardBuilder::new(catalog, &Evidence::new()).finish_saturating(1.0)
    }

    /// The score of a role, if the card has it.
    pub fn score(&self, role: &str) -> Option<f64> {
        self.scores.iter().find(|s| s.role.as_str() == role).map(|s| s.score)
    }

    /// The contributions to one role's score.
    pub fn contributions_to<'a>(&'a self, role: &'a str) -> impl Iterator<Item = &'a Contribution> + 'a {
        self.contributions.iter().filter(move |c| c.role.as_str() == role)
    }

    /// The best role and its score (the first in catalog order on a tie).
    pub fn top(&self) -> Option<&RoleScore> {
        self.scores.iter().fold(None, |best: Option<&RoleScore>, s| match best {
            Some(b) if b.score >= s.score => Some(b),
            _ => Some(s),
        })
    }

    /// Sets `margin` and `confidence` from the scores and coverage.
    pub(crate) fn summarize(&mut self) {
        let (mut top, mut second) = (0.0_f64, 0.0_f64);
        for s in &self.scores {
            if s.score > top {
                second = top;
                top = s.score;
            } else if s.score > second {
                second = s.score;
            }
        }
        self.margin = (top - second).clamp(0.0, 1.0);
        self.confidence = (self.coverage * top).clamp(0.0, 1.0);
    }

    /// [`apply_policy`](Self::apply_policy) with the built-in thresholds, reusing the
    /// `recommended` list's allocation.
    pub(crate) fn apply_thresholds(&mut self, thresholds: &Thresholds) {
        let mut recommended = std::mem::take(&mut self.recommended);
        let (verdict, staffing) = thresholds.decide_into(self, &mut recommended);
        self.verdict = verdict;
        self.recommended = recommended;
        self.staffing = staffing;
    }

    /// Decides the verdict, recommended roles and staffing with a policy.
    pub fn apply_policy<P: VerdictPolicy + ?Sized>(&mut self, policy: &P) {
        let decision = policy.decide(self);
        self.verdict = decision.verdict;
        self.recommended = decision.recommended;
        self.staffing = decision.staffing;
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
/// use rolefit_core::{Catalog, Evidence, ScorecardBuilder};
/// let catalog = Catalog::new(Default::default())?;
/// let evidence = Evidence::new();
/// let card = ScorecardBuilder::new(&catalog, &evidence).finish_saturating(1.0);
/// assert!(card.scores.is_empty());
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug, Clone)]
pub struct ScorecardBuilder<'a> {
    catalog: &'a Catalog,
    /// The card being built; until `finish`, each role's `score` holds its mass.
    card: Scorecard,
}

/// Every role of the catalog at score 0, in catalog order.
pub(crate) fn zero_scores(catalog: &Catalog) -> Vec<RoleScore> {
    catalog.roles().iter().map(|r| RoleScore { role: r.id.clone(), score: 0.0 }).collect()
}

/// Whether two ids are the same, comparing addresses first: a contribution's role is a
/// clone of the card's role id, so for borrowed ids the cheap check settles it.
#[inline]
pub(crate) fn same_id(a: &Id, b: &Id) -> bool {
    let (a, b) = (a.as_str(), b.as_str());
    (a.as_ptr() == b.as_ptr() && a.len() == b.len()) || a == b
}

impl<'a> ScorecardBuilder<'a> {
    /// Starts a card for the catalog's roles, with coverage and staffing read from the evidence.
    pub fn new(catalog: &'a Catalog, evidence: &Evidence) -> Self {
        let mut staffing_evidence = StaffingEvidence::default();
        let mut answered = 0_usize;
        let mut supported = 0_usize;
        for item in evidence.items() {
            if fact_id(catalog, item.fact).is_none() {
                continue;
            }
            answered += 1;
            supported += usize::from(item.strength > 0.0);
            if item.fact.kind == FactKind::Signal
                && let Some(staffing) = catalog.signals().get(item.fact.index).and_then(|s| s.staffing)
            {
                staffing_evidence.add(staffing, item.strength);
            }
        }
        let unanswered: Vec<Id> = if evidence.unknown().is_empty() {
            Vec::new()
        } else {
            evidence.unanswered().filter_map(|f| fact_id(catalog, f).cloned()).collect()
        };
        let asked = answered + unanswered.len();
        let coverage = if asked == 0 { 0.0 } else { answered as f64 / asked as f64 };
        Self::start(catalog, coverage, staffing_evidence, unanswered, supported)
    }

    /// Starts a card for evidence of `answered` items, none unknown and none about a signal:
    /// what [`new`](Self::new) gives for such evidence, without the evidence.
    pub(crate) fn for_answered(catalog: &'a Catalog, answered: usize) -> Self {
        let coverage = if answered == 0 { 0.0 } else { 1.0 };
        Self::start(catalog, coverage, StaffingEvidence::default(), Vec::new(), answered)
    }

    /// A card with every role at 0 and room for the contributions of `supported` facts.
    fn start(
        catalog: &'a Catalog,
        coverage: f64,
        staffing_evidence: StaffingEvidence,
        unanswered: Vec<Id>,
        supported: usize,
    ) -> Self {
        let card = Scorecard {
            scores: zero_scores(catalog),
            coverage,
            staffing_evidence,
            unanswered,
            // Most facts lean to one or two roles.
            contributions: Vec::with_capacity(supported * catalog.roles().len().min(2)),
            ..Scorecard::default()
        };
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
        if let Some(fact) = fact_id(self.catalog, item.fact) {
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
            kind: item.fact.kind,
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
    pub fn finish_by_kind(mut self, denominator: impl Fn(usize, FactKind) -> f64) -> Scorecard {
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
