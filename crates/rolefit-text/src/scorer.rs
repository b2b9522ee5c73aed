//! The built-in strategy for postings: role titles first, then what the catalog says
//! each found fact leans to.

use rolefit_core::model::RecordKind;
use rolefit_core::scoring::{Decision, LeanTable, OwnEvidence, ScorecardBuilder, VerdictPolicy};
use rolefit_core::{Catalog, Scorecard, Scorer, Verdict};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The weights and thresholds of posting classification.
///
/// The defaults are general rules about job ads, not fitted to any set of postings:
/// a posting names the job it is for, so a role's title outweighs any single duty; a
/// duty both roles share says little about which one it is; and a posting whose
/// runner-up role is nearly as strong as the best one describes both.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[non_exhaustive]
pub struct PostingRules {
    /// Mass a role's title adds at full strength (default 8: one mention outweighs a
    /// handful of duties).
    pub title_weight: f64,
    /// How much a title naming a colleague counts, as a share of a mention (default 0.25).
    pub colleague_weight: f64,
    /// The top share of a text (by words) where the first title is read as the
    /// posting's own (default 0.2).
    pub lead_zone: f64,
    /// Extra mentions the posting's own title counts for (default 1).
    pub lead_bonus: f64,
    /// Share of what a fact leans to every role alike that still counts (default 0.25);
    /// the rest of its weight is only the part that sets one role apart.
    pub shared_weight: f64,
    /// Least mass of the best role for any verdict (default 2).
    pub min_mass: f64,
    /// Runner-up mass, as a share of the best, from which a posting is `both` (default 0.8).
    pub both_ratio: f64,
    /// Mass at which a role's score is 0.5 (default 8).
    pub half: f64,
}

impl Default for PostingRules {
    fn default() -> Self {
        Self {
            title_weight: 8.0,
            colleague_weight: 0.25,
            lead_zone: 0.2,
            lead_bonus: 1.0,
            shared_weight: 0.25,
            min_mass: 2.0,
            both_ratio: 0.8,
            half: 8.0,
        }
    }
}

impl PostingRules {
    /// The verdict for per-role masses, in catalog role order.
    fn decide(&self, card: &Scorecard, masses: &[f64]) -> Decision {
        let mut order: Vec<usize> = (0..masses.len()).collect();
        // Best first; equal masses in catalog order.
        order.sort_by(|&a, &b| masses[b].total_cmp(&masses[a]).then(a.cmp(&b)));
        let Some(&top) = order.first() else { return Decision::undetermined() };
        let best = masses[top];
        if best.is_nan() || best < self.min_mass {
            return Decision::undetermined();
        }
        let mut recommended = vec![card.scores()[top].role.clone()];
        recommended.extend(
            order[1..].iter().filter(|&&r| masses[r] >= self.both_ratio * best).map(|&r| card.scores()[r].role.clone()),
        );
        if recommended.len() > 1 {
            Decision { verdict: Verdict::Both, recommended, staffing: card.staffing_evidence().lean() }
        } else {
            Decision { verdict: Verdict::Role(recommended[0].clone()), recommended, staffing: None }
        }
    }
}

/// The built-in [`Scorer`] for job postings.
///
/// Per role, the mass is `title_weight` × the strength of the role's title evidence,
/// plus, for every other fact found, its strength × its lean to the role from the
/// catalog's [`LeanTable`], counting a lean every role shares at `shared_weight`.
/// Scores are `mass / (mass + half)`. The verdict: `undetermined` below `min_mass`,
/// `both` when the runner-up reaches `both_ratio` of the best, else the best role.
///
/// ```
/// use rolefit_core::{Evidence, Origin, Scorer};
/// use rolefit_text::PostingScorer;
///
/// let catalog = rolefit_data::catalog();
/// let scorer = PostingScorer::new(catalog);
/// let mut evidence = Evidence::new(catalog);
/// let origin = Origin::Custom { label: "title".into() };
/// let _ = evidence.push_id("product-owner", 0.75, origin);
/// let card = scorer.score(&evidence);
/// assert_eq!(card.verdict().as_str(), "product-owner");
/// ```
#[derive(Debug, Clone)]
pub struct PostingScorer<'c> {
    catalog: &'c Catalog,
    table: LeanTable,
    rules: PostingRules,
}

impl<'c> PostingScorer<'c> {
    /// The strategy for a catalog, with the default rules.
    pub fn new(catalog: &'c Catalog) -> Self {
        Self::with_rules(catalog, PostingRules::default())
    }

    /// The strategy with rules of your own.
    pub fn with_rules(catalog: &'c Catalog, rules: PostingRules) -> Self {
        Self { catalog, table: LeanTable::new(catalog), rules }
    }

    /// The rules in use.
    pub fn rules(&self) -> &PostingRules {
        &self.rules
    }
}

/// The rules' verdict, decided on the masses the card was made from.
struct OnMasses<'a> {
    rules: &'a PostingRules,
    masses: &'a [f64],
}

impl VerdictPolicy for OnMasses<'_> {
    fn decide(&self, card: &Scorecard) -> Decision {
        self.rules.decide(card, self.masses)
    }
}

impl Scorer for PostingScorer<'_> {
    fn catalog(&self) -> &Catalog {
        self.catalog
    }

    fn name(&self) -> &str {
        "posting"
    }

    fn score_own(&self, evidence: &OwnEvidence<'_, '_>) -> Scorecard {
        let (rules, table) = (&self.rules, &self.table);
        let mut card = ScorecardBuilder::new(evidence);
        let n_roles = self.catalog.roles().len();
        for item in evidence.items() {
            if item.record.kind == RecordKind::Role {
                if item.record.index < n_roles {
                    card.add(item.record.index, item, rules.title_weight);
                }
                continue;
            }
            let Some(row) = table.lean(item.record) else { continue };
            let shared = if row.len() > 1 { row.iter().copied().fold(f64::INFINITY, f64::min) } else { 0.0 };
            for (role, &lean) in row.iter().enumerate() {
                card.add(role, item, lean - shared + rules.shared_weight * shared);
            }
        }
        let masses = card.masses();
        let mut card = card.finish_saturating(rules.half);
        card.apply_policy(&OnMasses { rules, masses: &masses });
        card
    }
}

/// The verdict rule of [`PostingScorer`] as a [`VerdictPolicy`], for use with other
/// strategies (it reads the masses back from the saturating scores).
impl VerdictPolicy for PostingRules {
    fn decide(&self, card: &Scorecard) -> Decision {
        let masses: Vec<f64> = card
            .scores()
            .iter()
            .map(|s| if s.score < 1.0 { self.half * s.score / (1.0 - s.score) } else { f64::INFINITY })
            .collect();
        PostingRules::decide(self, card, &masses)
    }
}
