//! Candidate fit: how well a person fits each role, with matching and missing skills.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::candidate_profile::CandidateProfile;
use super::lookup::RecordLookup;
use crate::error::ProfileError;
use crate::evidence::{Evidence, EvidenceItem, Origin, Proficiency, clamp_strength};
use crate::model::{Importance, Ownership, RecordKind, RecordRef};
use crate::scoring::{CoverageScorer, Scorecard, ScorecardBuilder, Scorer, Weights, positions};
use crate::{Catalog, Id};

/// The share of the fit that experience carries when a profile lists any (skills carry the rest).
pub const EXPERIENCE_SHARE: f64 = 0.3;

/// Skills and experience, each against its own total, when a profile lists experience.
const SHARES: [(RecordKind, f64); 2] =
    [(RecordKind::Skill, 1.0 - EXPERIENCE_SHARE), (RecordKind::Responsibility, EXPERIENCE_SHARE)];

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
/// of experience of strength [`Ownership::weight`](crate::model::Ownership::weight). The built-in
/// strategy is [`CoverageScorer`] over skills: the share of the weight each role puts on
/// skills that the candidate covers. When the profile lists experience, the strategy is
/// [`CoverageScorer::by_kind`]: skills and responsibilities each against their own total,
/// experience carrying [`EXPERIENCE_SHARE`] of the score, so a profile without
/// experience is not penalised for leaving it out.
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
    with_experience: CoverageScorer<'c>,
    /// Skills and responsibilities by id.
    ids: RecordLookup<'c>,
    /// Per role, the skills it needs (importance above not-required), most needed first.
    needs: Vec<Vec<(usize, Importance)>>,
}

impl<'c> CandidateFit<'c> {
    /// Candidate fit with the catalog's own weights.
    pub fn new(catalog: &'c Catalog) -> Self {
        let skills = CoverageScorer::new(catalog, &[RecordKind::Skill]);
        let with_experience = CoverageScorer::by_kind(catalog, &SHARES);
        Self::from_parts(catalog, skills, with_experience)
    }

    /// Candidate fit with `weights` overriding the catalog's.
    pub fn with_weights(catalog: &'c Catalog, weights: &Weights) -> Result<Self, ProfileError> {
        let skills = CoverageScorer::with_weights(catalog, &[RecordKind::Skill], weights)?;
        let with_experience = CoverageScorer::by_kind_with_weights(catalog, &SHARES, weights)?;
        Ok(Self::from_parts(catalog, skills, with_experience))
    }

    fn from_parts(catalog: &'c Catalog, skills: CoverageScorer<'c>, with_experience: CoverageScorer<'c>) -> Self {
        let ids = RecordLookup::new(catalog, &[RecordKind::Skill, RecordKind::Responsibility]);
        let needs = catalog
            .roles()
            .iter()
            .map(|role| {
                let mut needs: Vec<(usize, Importance)> = catalog
                    .skills()
                    .iter()
                    .enumerate()
                    .filter_map(|(i, skill)| {
                        let need = skill.importance.iter().find(|n| n.role == role.id)?.level;
                        (need > Importance::NotRequired).then_some((i, need))
                    })
                    .collect();
                // Stable: equal needs stay in catalog order.
                needs.sort_by_key(|(_, need)| std::cmp::Reverse(*need));
                needs
            })
            .collect();
        Self { catalog, skills, with_experience, ids, needs }
    }

    /// The profile as evidence; ids the catalog does not have are skipped
    /// ([`CandidateProfile::check`] reports them).
    pub fn evidence(&self, profile: &CandidateProfile) -> Evidence<'c> {
        let mut evidence = Evidence::with_capacity(self.catalog, profile.skills.len() + profile.experience.len());
        self.evidence_into(profile, &mut evidence);
        evidence
    }

    /// Like [`evidence`](Self::evidence), reusing `evidence`'s allocations (it is cleared
    /// first); `evidence` must be about this fit's catalog.
    pub fn evidence_into(&self, profile: &CandidateProfile, evidence: &mut Evidence<'_>) {
        evidence.clear();
        let skills = profile.skills.iter().filter_map(|(id, proficiency)| {
            Some(skill_item(self.ids.get(id.as_str(), RecordKind::Skill)?.index, *proficiency))
        });
        let experience = profile.experience.iter().filter_map(|(id, level)| {
            Some(work_item(self.ids.get(id.as_str(), RecordKind::Responsibility)?.index, *level))
        });
        // Ids come in alphabetical order, facts are kept in catalog order: one sort at the end.
        evidence.extend(skills.chain(experience));
    }

    /// How well the candidate fits each role, with the built-in strategy.
    ///
    /// Gives exactly what [`assess_with`](Self::assess_with) gives with the built-in
    /// strategy; for catalogs of up to 64 skills and 64 responsibilities it is computed
    /// without building the evidence (the tests check that the two agree).
    pub fn assess(&self, profile: &CandidateProfile) -> FitReport {
        let scorer = if profile.experience.is_empty() { &self.skills } else { &self.with_experience };
        let Some(held) = self.held(profile) else { return self.assess_with(profile, scorer) };
        let answered = (held.skills.count_ones() + held.work.count_ones()) as usize;
        // In evidence order: by kind (responsibilities before skills), then catalog position.
        let work = positions(held.work).map(|index| work_item(index, held.level[index]));
        let skills = positions(held.skills).map(|index| skill_item(index, held.proficiency[index]));
        let card = scorer.score_items(ScorecardBuilder::for_answered(self.catalog, answered), work.chain(skills));
        self.report(profile, |index| held.proficiency(index), card)
    }

    /// How well the candidate fits each role, with another scorer (prepared for this
    /// fit's catalog, or for another, whose records are then found by id).
    pub fn assess_with<S: Scorer + ?Sized>(&self, profile: &CandidateProfile, scorer: &S) -> FitReport {
        let evidence = self.evidence(profile);
        self.report_from_evidence(profile, &evidence, scorer.score(&evidence))
    }

    /// The profile's skills and experience by catalog position, or `None` when the catalog
    /// has more skills or responsibilities than a [`Held`] has room for.
    fn held(&self, profile: &CandidateProfile) -> Option<Held> {
        let fits = self.catalog.skills().len() <= Held::MAX && self.catalog.responsibilities().len() <= Held::MAX;
        if !fits {
            return None;
        }
        let mut held = Held::default();
        for (id, proficiency) in &profile.skills {
            if let Some(fact) = self.ids.get(id.as_str(), RecordKind::Skill) {
                held.skills |= 1 << fact.index;
                held.proficiency[fact.index] = *proficiency;
            }
        }
        for (id, level) in &profile.experience {
            if let Some(fact) = self.ids.get(id.as_str(), RecordKind::Responsibility) {
                held.work |= 1 << fact.index;
                held.level[fact.index] = *level;
            }
        }
        Some(held)
    }

    fn report_from_evidence(
        &self,
        profile: &CandidateProfile,
        evidence: &Evidence<'_>,
        scorecard: Scorecard,
    ) -> FitReport {
        // Each skill's proficiency by position: one pass over the evidence instead of a search per need.
        let mut held: Vec<Option<Proficiency>> = vec![None; self.catalog.skills().len()];
        for item in evidence.items() {
            if let (RecordKind::Skill, Origin::Skill { proficiency }) = (item.record.kind, &item.origin)
                && let Some(slot) = held.get_mut(item.record.index)
            {
                *slot = Some(*proficiency);
            }
        }
        self.report(profile, |index| held.get(index).copied().flatten(), scorecard)
    }

    /// The report, with `held(skill position)` the proficiency the candidate has in a skill.
    fn report(
        &self,
        profile: &CandidateProfile,
        held: impl Fn(usize) -> Option<Proficiency>,
        scorecard: Scorecard,
    ) -> FitReport {
        let skills = self.catalog.skills();
        let roles = self
            .catalog
            .roles()
            .iter()
            .zip(&self.needs)
            .map(|(role, needs)| {
                // Room for every need up front: growing these vectors cost more than the lookups.
                let mut matching = Vec::with_capacity(needs.len());
                let mut missing = Vec::with_capacity(needs.len());
                for &(index, importance) in needs {
                    let skill = || skills[index].id.clone();
                    match held(index) {
                        Some(proficiency) => matching.push(SkillMatch { skill: skill(), proficiency, importance }),
                        None if importance >= Importance::Important => {
                            missing.push(MissingSkill { skill: skill(), importance })
                        }
                        None => {}
                    }
                }
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

/// The evidence of holding the skill at this catalog position, as `Evidence` would keep it.
fn skill_item(index: usize, proficiency: Proficiency) -> EvidenceItem {
    let record = RecordRef::new(RecordKind::Skill, index);
    EvidenceItem { record, strength: clamp_strength(proficiency.strength()), origin: Origin::Skill { proficiency } }
}

/// The evidence of experience in the responsibility at this catalog position.
fn work_item(index: usize, level: Ownership) -> EvidenceItem {
    let record = RecordRef::new(RecordKind::Responsibility, index);
    EvidenceItem { record, strength: clamp_strength(level.weight()), origin: Origin::Experience { level } }
}

/// A profile's skills and experience by catalog position (bit `i` of a set for position `i`).
struct Held {
    /// The skills the profile lists.
    skills: u64,
    proficiency: [Proficiency; Held::MAX],
    /// The responsibilities the profile lists experience in.
    work: u64,
    level: [Ownership; Held::MAX],
}

impl Held {
    /// The most skills, and the most responsibilities, a catalog may have for the sets.
    const MAX: usize = u64::BITS as usize;

    fn proficiency(&self, skill: usize) -> Option<Proficiency> {
        (skill < Self::MAX && self.skills >> skill & 1 == 1).then(|| self.proficiency[skill])
    }
}

impl Default for Held {
    fn default() -> Self {
        Self {
            skills: 0,
            proficiency: [Proficiency::Novice; Held::MAX],
            work: 0,
            level: [Ownership::Contributes; Held::MAX],
        }
    }
}
