//! What candidate fit reports: the role a person leans to, and per role how complete the
//! match is. `docs/scoring.md` ("Candidate fit") gives the formulas.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Id;
use crate::evidence::Origin;
use crate::model::{Importance, Ownership, RecordKind};
use crate::scoring::Verdict;

/// The result of [`CandidateFit::assess`](super::CandidateFit::assess).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "rolefit candidate fit report")]
pub struct FitReport {
    /// The candidate's name, if the profile gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Which role the candidate leans to, from what the profile states.
    pub lean: Lean,
    /// Per role, in catalog order: how complete the match is.
    pub roles: Vec<RoleFit>,
}

impl FitReport {
    /// The fit for `role`, if the catalog has that role.
    pub fn role(&self, role: &str) -> Option<&RoleFit> {
        self.roles.iter().find(|r| r.role.as_str() == role)
    }
}

/// Which role a candidate leans to: the two roles with the most stated evidence compared
/// on the facts that tell them apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lean {
    /// A role id, `both` (see `recommended`) or `undetermined`.
    pub verdict: Verdict,
    /// The roles the verdict names, leader first: one for a role, two for `both`, none
    /// when undetermined.
    pub recommended: Vec<Id>,
    /// Why this verdict.
    pub reason: LeanReason,
    /// The role with the most stated evidence (none for a catalog without roles).
    pub leader: Option<Id>,
    /// The role it is compared with: the one with the next most (none with fewer than two roles).
    pub runner_up: Option<Id>,
    /// Stated evidence for the leader over the runner-up: Σ strength × weight gap, over
    /// the facts the leader weighs more.
    pub toward_leader: f64,
    /// Stated evidence for the runner-up over the leader.
    pub toward_runner_up: f64,
    /// `toward_leader + toward_runner_up`: all the stated evidence that tells the two apart.
    pub evidence: f64,
    /// `(toward_leader − toward_runner_up) / evidence`, in `[0, 1]`; 0 without evidence.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub margin: f64,
    /// How much of what tells the two roles apart the profile states, in `[0, 1]`: the
    /// stated facts' weight gaps over every fact's.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub confidence: f64,
    /// The stated facts that tell the two roles apart, largest effect first; their
    /// effects add up to `toward_leader − toward_runner_up`.
    pub deciding: Vec<DecidingFact>,
}

/// Why a [`Lean`] has its verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LeanReason {
    /// The margin reaches the policy's `min_margin`: the verdict is the leader.
    Leans,
    /// Less stated evidence tells the roles apart than the policy's `min_evidence`:
    /// undetermined, however the profile leans.
    Thin,
    /// Balanced, and each side has at least `min_evidence` of its own: `both`.
    BalancedStrong,
    /// Balanced, and at least one side has less than `min_evidence`: undetermined.
    Balanced,
}

impl LeanReason {
    /// The reason in words, for reports.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Leans => "the stated evidence leans clearly to one role",
            Self::Thin => "too little stated evidence tells the roles apart",
            Self::BalancedStrong => "the stated evidence is balanced and strong for each role",
            Self::Balanced => "the stated evidence is balanced, and thin on at least one side",
        }
    }
}

/// A stated fact that tells the two compared roles apart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecidingFact {
    /// The skill or responsibility.
    pub fact: Id,
    /// `skill` or `responsibility`.
    pub kind: RecordKind,
    /// What the profile states about it.
    pub stated: Origin,
    /// strength × (leader's weight − runner-up's weight): positive points to the leader,
    /// negative to the runner-up.
    pub effect: f64,
}

/// How much a role needs a fact, as the catalog says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Need {
    /// A skill, at this importance.
    Importance(Importance),
    /// A responsibility, which the role has this stake in.
    Ownership(Ownership),
}

/// A fact a role needs that the profile states.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatedFact {
    /// The skill or responsibility.
    pub fact: Id,
    /// How much the role needs it.
    pub need: Need,
    /// What the profile states.
    pub stated: Origin,
    /// `min(1, strength / required strength)`: 1 when strong enough, a share when below.
    pub credit: f64,
}

/// A fact a role needs that the profile does not state: unknown, not lacking.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnknownFact {
    /// The skill or responsibility.
    pub fact: Id,
    /// How much the role needs it.
    pub need: Need,
}

/// How complete a candidate's match with one role is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleFit {
    /// The role.
    pub role: Id,
    /// `stated × met`, in `[0, 1]`: the share of the role's needs (by weight) the profile
    /// shows to be met. A lower bound: the whole match is at most `score + 1 − stated`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub score: f64,
    /// The share of the role's needs (by weight) the profile states, strong or not.
    pub stated: f64,
    /// Of what the profile states, the share (by weight, with credit) that is strong enough.
    pub met: f64,
    /// Needs stated at or above what the role requires, most needed first.
    pub strong: Vec<StatedFact>,
    /// Needs stated below what the role requires: what is missing. Most needed first.
    pub weak: Vec<StatedFact>,
    /// Needs the profile does not state, most needed first.
    pub unknown: Vec<UnknownFact>,
}

/// How a [`Lean`]'s verdict is decided from the stated evidence.
///
/// Both thresholds are in units of stated evidence: 1 is one fact that belongs wholly to
/// one role (weight 1 for it, 0 for the other), stated at full strength.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct LeanPolicy {
    /// Below this much evidence telling the roles apart, the lean is undetermined
    /// (`thin`); `both` needs this much on each side.
    pub min_evidence: f64,
    /// The margin from which the leader is the verdict. 1/3: the evidence for the leader
    /// is at least twice that for the runner-up.
    pub min_margin: f64,
}

impl Default for LeanPolicy {
    fn default() -> Self {
        Self { min_evidence: 1.0, min_margin: 1.0 / 3.0 }
    }
}

impl LeanPolicy {
    /// The reason for the verdict, from the evidence for each side.
    pub fn decide(&self, toward_leader: f64, toward_runner_up: f64) -> LeanReason {
        let evidence = toward_leader + toward_runner_up;
        // A NaN threshold or evidence counts as thin.
        if evidence.partial_cmp(&self.min_evidence).is_none_or(|o| o.is_lt()) {
            LeanReason::Thin
        } else if margin(toward_leader, toward_runner_up) >= self.min_margin {
            LeanReason::Leans
        } else if toward_runner_up >= self.min_evidence && toward_leader >= self.min_evidence {
            LeanReason::BalancedStrong
        } else {
            LeanReason::Balanced
        }
    }
}

/// `(a − b) / (a + b)`, 0 when both are 0.
pub(crate) fn margin(a: f64, b: f64) -> f64 {
    let evidence = a + b;
    if evidence > 0.0 { ((a - b) / evidence).clamp(0.0, 1.0) } else { 0.0 }
}
