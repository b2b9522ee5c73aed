//! The verdict policy: from scores to a verdict, kept apart from scoring so it can be replaced.

use std::sync::Arc;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::scorecard::{RoleScore, Scorecard, Verdict};
use crate::Id;
use crate::model::Staffing;

/// What a [`VerdictPolicy`] decides.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The verdict.
    pub verdict: Verdict,
    /// The roles recommended, best first.
    pub recommended: Vec<Id>,
    /// For a `Both` verdict, how the roles are staffed, when known.
    pub staffing: Option<Staffing>,
}

impl Decision {
    /// No verdict.
    pub fn undetermined() -> Self {
        Self { verdict: Verdict::Undetermined, recommended: Vec::new(), staffing: None }
    }
}

/// Turns a scorecard's scores, coverage and staffing evidence into a verdict.
///
/// Strategies finish their cards with [`Thresholds::default`]; wrap any strategy with
/// [`Scorer::with_policy`](crate::Scorer::with_policy) to decide with another policy.
///
/// ```
/// use rolefit_core::scoring::{Decision, VerdictPolicy};
/// use rolefit_core::{Scorecard, Verdict};
///
/// /// Never says "both": always the single best role.
/// struct BestOnly;
/// impl VerdictPolicy for BestOnly {
///     fn decide(&self, card: &Scorecard) -> Decision {
///         match card.top() {
///             Some(top) if top.score > 0.0 => Decision {
///                 verdict: Verdict::Role(top.role.clone()),
///                 recommended: vec![top.role.clone()],
///                 staffing: None,
///             },
///             _ => Decision::undetermined(),
///         }
///     }
/// }
/// ```
pub trait VerdictPolicy {
    /// Decides the verdict for a card whose scores, margin, coverage, confidence and
    /// staffing evidence are set.
    fn decide(&self, card: &Scorecard) -> Decision;
}

impl<P: VerdictPolicy + ?Sized> VerdictPolicy for &P {
    fn decide(&self, card: &Scorecard) -> Decision {
        (**self).decide(card)
    }
}

impl<P: VerdictPolicy + ?Sized> VerdictPolicy for Box<P> {
    fn decide(&self, card: &Scorecard) -> Decision {
        (**self).decide(card)
    }
}

impl<P: VerdictPolicy + ?Sized> VerdictPolicy for Arc<P> {
    fn decide(&self, card: &Scorecard) -> Decision {
        (**self).decide(card)
    }
}

/// The built-in verdict policy: three thresholds, loadable from a file.
///
/// 1. If the best score is below `min_score`, or the confidence below `min_confidence`:
///    `undetermined`.
/// 2. Every other role scoring at least `min_score` joins the best one when either the
///    evidence says how the roles are staffed (one person or separate people: stage and
///    size decide that the organisation needs both jobs done), or it is within
///    `tie_margin` of the best score. Then the verdict is `both`, with that staffing.
/// 3. Otherwise the best role.
///
/// ```
/// use rolefit_core::Format;
/// use rolefit_core::scoring::Thresholds;
/// let strict: Thresholds = Format::Toml.parse("min_score = 0.3\ntie_margin = 0.05\n")?;
/// assert_eq!(strict.min_confidence, Thresholds::default().min_confidence);
/// # Ok::<(), rolefit_core::ParseError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Thresholds {
    /// The least score for a role to be recommended (default 0.15).
    pub min_score: f64,
    /// How close to the best score another role must be to count as a tie (default 0.1).
    pub tie_margin: f64,
    /// The least confidence for any verdict (default 0: off). Confidence already reports how
    /// much of the assessment was answered; raise this to refuse verdicts on thin evidence.
    pub min_confidence: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self { min_score: 0.15, tie_margin: 0.1, min_confidence: 0.0 }
    }
}

impl Thresholds {
    /// [`decide`](VerdictPolicy::decide), writing the recommended roles into `recommended`
    /// (cleared first) so that a card's list can be reused; returns the verdict and staffing.
    pub(crate) fn decide_into(&self, card: &Scorecard, recommended: &mut Vec<Id>) -> (Verdict, Option<Staffing>) {
        recommended.clear();
        // The best role, the first in catalog order on a tie (as `Scorecard::top`).
        let best = card.scores.iter().enumerate().fold(None, |best: Option<(usize, &RoleScore)>, (i, s)| match best {
            Some((_, b)) if b.score >= s.score => best,
            _ => Some((i, s)),
        });
        let Some((top_at, top)) = best else { return (Verdict::Undetermined, None) };
        // NaN thresholds compare false and so never block a verdict; that is the caller's choice.
        if top.score < self.min_score || card.confidence < self.min_confidence || top.score <= 0.0 {
            return (Verdict::Undetermined, None);
        }
        let staffing = card.staffing_evidence.lean();
        let joins = |i: usize, s: &RoleScore| {
            i != top_at && s.score >= self.min_score && (staffing.is_some() || top.score - s.score <= self.tie_margin)
        };
        recommended.push(top.role.clone());
        let companions = card.scores.iter().enumerate().filter(|(i, s)| joins(*i, s)).count();
        if companions == 0 {
            return (Verdict::Role(top.role.clone()), None);
        }
        // Best first, equal scores in catalog order: pick the best remaining companion each
        // time (role lists are short, and this needs no scratch space).
        let mut bound = (f64::INFINITY, 0_usize);
        for _ in 0..companions {
            let next = card
                .scores
                .iter()
                .enumerate()
                .filter(|(i, s)| {
                    joins(*i, s) && (s.score, std::cmp::Reverse(*i)) < (bound.0, std::cmp::Reverse(bound.1))
                })
                .max_by(|(i, a), (j, b)| a.score.total_cmp(&b.score).then(j.cmp(i)));
            let Some((i, s)) = next else { break };
            recommended.push(s.role.clone());
            bound = (s.score, i);
        }
        (Verdict::Both, staffing)
    }
}

impl VerdictPolicy for Thresholds {
    fn decide(&self, card: &Scorecard) -> Decision {
        let mut recommended = Vec::new();
        let (verdict, staffing) = self.decide_into(card, &mut recommended);
        Decision { verdict, recommended, staffing }
    }
}

impl Scorecard {
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
