//! The output of scoring: a score per role, a verdict, and the contributions that explain them.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::evidence::Origin;
use crate::model::{RecordKind, Staffing};
use crate::{Catalog, Id};

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
            "pattern": crate::id::ID_PATTERN,
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
    #[schemars(range(min = 0.0, max = 1.0))]
    pub score: f64,
}

/// One fact's part in one role's score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contribution {
    /// The catalog fact.
    pub fact: Id,
    /// What kind of fact it is.
    pub kind: RecordKind,
    /// The role whose score it adds to.
    pub role: Id,
    /// How strongly the input supports the fact, in `[0, 1]`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub strength: f64,
    /// How strongly the fact leans to the role: the catalog's lean or an override, in
    /// `[0, 1]`, or a scorer's own weight, which may be larger (the job-posting scorer
    /// weighs a role's title at 8 by default).
    #[schemars(range(min = 0.0))]
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
    #[schemars(range(min = 0.0))]
    pub one_person: f64,
    /// Sum of the strengths of evidence for separate people.
    #[schemars(range(min = 0.0))]
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
/// Read-only: a strategy makes one through [`ScorecardBuilder`](super::ScorecardBuilder),
/// which keeps its laws (scores in `[0, 1]`, contributions adding up to them), and a
/// [`VerdictPolicy`](super::VerdictPolicy) may only decide the verdict again
/// ([`apply_policy`](Self::apply_policy)).
///
/// ```
/// use rolefit_core::{Catalog, Evidence, LeanScorer, Scorer, Verdict};
/// let catalog = Catalog::new(Default::default())?;
/// let card = LeanScorer::new(&catalog).score(&Evidence::new(&catalog));
/// assert_eq!(*card.verdict(), Verdict::Undetermined);
/// assert_eq!(card.confidence(), 0.0);
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
    pub(crate) verdict: Verdict,
    /// The roles the verdict recommends, best first: one for a role verdict, several for
    /// `both`, none when undetermined.
    pub(crate) recommended: Vec<Id>,
    /// For `both`: whether one person can cover the roles or they need separate people,
    /// when the evidence says.
    pub(crate) staffing: Option<Staffing>,
    /// Every role's score, in catalog order.
    pub(crate) scores: Vec<RoleScore>,
    /// The best score minus the runner-up's, in `[0, 1]`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub(crate) margin: f64,
    /// The share of the questions asked that have a known answer, in `[0, 1]` (0 with no evidence).
    #[schemars(range(min = 0.0, max = 1.0))]
    pub(crate) coverage: f64,
    /// How much evidence backs the card: coverage times the best score, in `[0, 1]`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub(crate) confidence: f64,
    /// The evidence about staffing.
    pub(crate) staffing_evidence: StaffingEvidence,
    /// The facts asked about whose answer is unknown.
    pub(crate) unanswered: Vec<Id>,
    /// Each fact's part in each role's score.
    pub(crate) contributions: Vec<Contribution>,
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
    /// What the scores conclude.
    pub fn verdict(&self) -> &Verdict {
        &self.verdict
    }

    /// The roles the verdict recommends, best first: one for a role verdict, several for
    /// `both`, none when undetermined.
    pub fn recommended(&self) -> &[Id] {
        &self.recommended
    }

    /// For `both`: whether one person can cover the roles or they need separate people,
    /// when the evidence says.
    pub fn staffing(&self) -> Option<Staffing> {
        self.staffing
    }

    /// Every role's score, in catalog order.
    pub fn scores(&self) -> &[RoleScore] {
        &self.scores
    }

    /// The best score minus the runner-up's, in `[0, 1]`.
    pub fn margin(&self) -> f64 {
        self.margin
    }

    /// The share of the questions asked that have a known answer, in `[0, 1]` (0 with no evidence).
    pub fn coverage(&self) -> f64 {
        self.coverage
    }

    /// How much evidence backs the card: coverage times the best score, in `[0, 1]`.
    pub fn confidence(&self) -> f64 {
        self.confidence
    }

    /// The evidence about staffing.
    pub fn staffing_evidence(&self) -> StaffingEvidence {
        self.staffing_evidence
    }

    /// The records asked about whose answer is unknown.
    pub fn unanswered(&self) -> &[Id] {
        &self.unanswered
    }

    /// Each record's part in each role's score.
    pub fn contributions(&self) -> &[Contribution] {
        &self.contributions
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
