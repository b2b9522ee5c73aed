//! Candidate fit: how well a person fits each role, with matching and missing skills.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::ProfileError;
use super::candidate::{CandidateProfile, Proficiency};
use crate::model::Importance;
use crate::scoring::{CoverageScorer, Ensemble, Evidence, Origin, Scorecard, Scorer, Weights};
use crate::{Catalog, FactKind, Id};

/// The share of the fit that experience carries when a profile lists any (skills carry the rest).
pub const EXPERIENCE_SHARE: f64 = 0.3;

/// A skill the candidate has that a role needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillMatch {
    /// The skill.
    pub skill: Id,
    /// How well the candidate holds it.
    pub proficiency: Proficiency,
    /// How much the role needs it.
    pub importance: Importance,
}

/// A skill a role needs (important or essential) that the candidate does not list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MissingSkill {
    /// The skill.
    pub skill: Id,
    /// How much the role needs it.
    pub importance: Importance,
}

/// How well a candidate fits one role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoleFit {
    /// The role.
    pub role: Id,
    /// The fit, in `[0, 1]` (the scorecard's score for the role).
    pub score: f64,
    /// The candidate's skills the role needs, most needed first.
    pub matching: Vec<SkillMatch>,
    /// The skills the role rates important or essential that the candidate lacks, most needed first.
    pub missing: Vec<MissingSkill>,
}

/// The result of [`CandidateFit::assess`]: the scorecard and, per role, the skills behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "rolefit candidate fit report")]
pub struct FitReport {
    /// The candidate's name, if the profile gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Scores per role, verdict (the role the candidate fits best, or `both`) and contributions.
    pub scorecard: Scorecard,
    /// Per role, in catalog order: the fit and the matching and missing skills.
    pub roles: Vec<RoleFit>,
}

/// Scores how well a [`CandidateProfile`] fits each role.
///
/// Each skill is evidence of strength [`Proficiency::strength`] (level / 5), each piece
/// of experience of strength [`Ownership::weight`](crate::Ownership::weight). The built-in
/// strategy is [`CoverageScorer`] over skills: the share of the weight each role puts on
/// skills that the candidate covers. When the profile lists experience, a second
/// `coverage` over responsibilities joins with [`EXPERIENCE_SHARE`] of the weight, so a
/// profile without experience is not penalised for leaving it out.
///
/// ```
/// use rolefit_core::{CandidateFit, CandidateProfile, Catalog};
/// let catalog = Catalog::new(Default::default())?;
/// let report = CandidateFit::new(&catalog).assess(&CandidateProfile::default());
/// assert!(report.roles.is_empty());
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug)]
pub struct CandidateFit<'c> {
    catalog: &'c Catalog,
    skills: CoverageScorer<'c>,
    with_experience: Ensemble<'c>,
}

impl<'c> CandidateFit<'c> {
    /// Candidate fit with the catalog's own weights.
    pub fn new(catalog: &'c Catalog) -> Self {
        let skills = CoverageScorer::new(catalog, &[FactKind::Skill]);
        let experience = CoverageScorer::new(catalog, &[FactKind::Responsibility]);
        Self::from_parts(catalog, skills, experience)
    }

    /// Candidate fit with `weights` overriding the catalog's.
    pub fn with_weights(catalog: &'c Catalog, weights: &Weights) -> Result<Self, ProfileError> {
        let skills = CoverageScorer::with_weights(catalog, &[FactKind::Skill], weights)?;
        let experience = CoverageScorer::with_weights(catalog, &[FactKind::Responsibility], weights)?;
        Ok(Self::from_parts(catalog, skills, experience))
    }

    fn from_parts(catalog: &'c Catalog, skills: CoverageScorer<'c>, experience: CoverageScorer<'c>) -> Self {
        let with_experience =
            Ensemble::new().with(skills.clone(), 1.0 - EXPERIENCE_SHARE).with(experience, EXPERIENCE_SHARE);
        Self { catalog, skills, with_experience }
    }

    /// The profile as evidence; ids the catalog does not have are skipped
    /// ([`CandidateProfile::check`] reports them).
    pub fn evidence(&self, profile: &CandidateProfile) -> Evidence {
        let mut evidence = Evidence::with_capacity(profile.skills.len() + profile.experience.len());
        for (id, proficiency) in &profile.skills {
            if let Some(fact) = self.catalog.locate(id.as_str()).filter(|f| f.kind == FactKind::Skill) {
                evidence.push(fact, proficiency.strength(), Origin::Skill { proficiency: *proficiency });
            }
        }
        for (id, level) in &profile.experience {
            if let Some(fact) = self.catalog.locate(id.as_str()).filter(|f| f.kind == FactKind::Responsibility) {
                evidence.push(fact, level.weight(), Origin::Experience { level: *level });
            }
        }
        evidence
    }

    /// How well the candidate fits each role, with the built-in strategy.
    pub fn assess(&self, profile: &CandidateProfile) -> FitReport {
        let evidence = self.evidence(profile);
        let card = if profile.experience.is_empty() {
            self.skills.score(self.catalog, &evidence)
        } else {
            self.with_experience.score(self.catalog, &evidence)
        };
        self.report(profile, card)
    }

    /// How well the candidate fits each role, with another strategy.
    pub fn assess_with<S: Scorer + ?Sized>(&self, profile: &CandidateProfile, scorer: &S) -> FitReport {
        let card = scorer.score(self.catalog, &self.evidence(profile));
        self.report(profile, card)
    }

    fn report(&self, profile: &CandidateProfile, scorecard: Scorecard) -> FitReport {
        let roles = self
            .catalog
            .roles()
            .iter()
            .map(|role| {
                let mut matching = Vec::new();
                let mut missing = Vec::new();
                for skill in self.catalog.skills() {
                    let need = skill
                        .importance
                        .iter()
                        .find(|i| i.role == role.id)
                        .map_or(Importance::NotRequired, |i| i.level);
                    if need == Importance::NotRequired {
                        continue;
                    }
                    match profile.skills.get(&skill.id) {
                        Some(p) => {
                            matching.push(SkillMatch { skill: skill.id.clone(), proficiency: *p, importance: need })
                        }
                        None if need >= Importance::Important => {
                            missing.push(MissingSkill { skill: skill.id.clone(), importance: need })
                        }
                        None => {}
                    }
                }
                // Stable sorts: equal needs stay in catalog order.
                matching.sort_by_key(|m| std::cmp::Reverse(m.importance));
                missing.sort_by_key(|m| std::cmp::Reverse(m.importance));
                RoleFit {
                    role: role.id.clone(),
                    score: scorecard.score(role.id.as_str()).unwrap_or(0.0),
                    matching,
                    missing,
                }
            })
            .collect();
        FitReport { name: profile.name.clone(), scorecard, roles }
    }
}
