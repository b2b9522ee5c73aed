//! Candidate fit: which role a person leans to, and how complete their match with each
//! role is, from what their profile states. `docs/scoring.md` ("Candidate fit") gives the
//! formulas and why.

use std::cmp::Ordering;

use super::candidate_profile::CandidateProfile;
use super::fit_report::{
    DecidingFact, FitReport, Lean, LeanPolicy, LeanReason, Need, RoleFit, StatedFact, UnknownFact, margin,
};
use super::lookup::RecordLookup;
use crate::error::ProfileError;
use crate::evidence::{Evidence, EvidenceItem, Origin, Proficiency, clamp_strength};
use crate::model::{Importance, Ownership, RecordKind, RecordRef};
use crate::scoring::{LeanTable, Verdict, Weights};
use crate::{Catalog, Id};

/// Assesses [`CandidateProfile`]s against a catalog's roles.
///
/// Two questions, both answered from what the profile states and nothing else (an
/// unstated skill is unknown, never lacking):
///
/// - [`Lean`]: which role the candidate leans to. The two roles with the most stated
///   evidence are compared on the facts that tell them apart (the gap between the weights
///   each role gives a fact), so skills both roles need alike do not dilute the lean, and a
///   short profile that leans clearly gets a verdict; a [`LeanPolicy`] decides it.
/// - [`RoleFit`]: per role, the needs stated strongly enough, stated below what the role
///   requires, and not stated.
///
/// A profile naming an id the catalog does not have (or an id of another kind) is an
/// error listing every such id with the nearest known one: nothing is dropped silently.
///
/// ```
/// use rolefit_core::{CandidateFit, CandidateProfile, Catalog};
/// let catalog = Catalog::new(Default::default())?;
/// let report = CandidateFit::new(&catalog).assess(&CandidateProfile::default())?;
/// assert!(report.roles.is_empty());
/// assert_eq!(report.lean.verdict.as_str(), "undetermined");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct CandidateFit<'c> {
    catalog: &'c Catalog,
    policy: LeanPolicy,
    /// Skills and responsibilities by id.
    ids: RecordLookup<'c>,
    /// Every skill, then every responsibility: the facts a profile can state, by position.
    facts: Vec<Fact<'c>>,
    /// The roles' weights for each fact, row-major: `weights[fact × roles + role]`.
    weights: Vec<f64>,
    roles: usize,
    /// Per role, the facts it needs (weight above 0), most needed first.
    needs: Vec<Vec<Needed>>,
    /// `Σ over every fact |w(f, i) − w(f, j)|` for roles `i`, `j`, row-major: how much a
    /// profile stating everything could tell the two apart.
    gaps: Vec<f64>,
}

/// A fact a profile can state.
#[derive(Debug, Clone, Copy)]
struct Fact<'c> {
    id: &'c Id,
    kind: RecordKind,
    /// Its position among the catalog's records of its kind.
    index: usize,
}

/// A fact a role needs.
#[derive(Debug, Clone, Copy)]
struct Needed {
    fact: usize,
    weight: f64,
    need: Need,
    /// The least the profile must state for the need to be met.
    required: Said,
}

/// What a profile states about a fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Said {
    Skill(Proficiency),
    Work(Ownership),
}

impl Said {
    /// The strength of the statement: level / 5, or the ownership's weight.
    fn strength(self) -> f64 {
        match self {
            Self::Skill(p) => p.strength(),
            Self::Work(o) => o.weight(),
        }
    }

    fn origin(self) -> Origin {
        match self {
            Self::Skill(proficiency) => Origin::Skill { proficiency },
            Self::Work(level) => Origin::Experience { level },
        }
    }

    /// Whether this meets `required` (a statement about the same kind of fact).
    fn meets(self, required: Self) -> bool {
        match (self, required) {
            (Self::Skill(a), Self::Skill(b)) => a >= b,
            (Self::Work(a), Self::Work(b)) => a >= b,
            _ => false,
        }
    }
}

/// The proficiency a role requires in a skill it rates `importance`: essential, proficient
/// (practises it unsupervised); important, competent (practises it); helpful, beginner
/// (knows it). A skill the catalog does not rate but a `Weights` file gives weight to:
/// novice, any statement.
pub fn required_proficiency(importance: Importance) -> Proficiency {
    match importance {
        Importance::Essential => Proficiency::Proficient,
        Importance::Important => Proficiency::Competent,
        Importance::Helpful => Proficiency::Beginner,
        Importance::NotRequired => Proficiency::Novice,
    }
}

/// The part in a piece of work a role requires: its own stake (a role that owns the
/// work needs someone who owned it). Work the catalog gives the role no stake in but a
/// `Weights` file gives weight to: any part.
pub fn required_ownership(stake: Ownership) -> Ownership {
    stake.max(Ownership::Contributes)
}

impl<'c> CandidateFit<'c> {
    /// Candidate fit with the catalog's own weights and the default [`LeanPolicy`].
    pub fn new(catalog: &'c Catalog) -> Self {
        Self::from_table(catalog, &LeanTable::new(catalog))
    }

    /// Candidate fit with `weights` overriding the catalog's (every id checked).
    pub fn with_weights(catalog: &'c Catalog, weights: &Weights) -> Result<Self, ProfileError> {
        Ok(Self::from_table(catalog, &LeanTable::with_weights(catalog, weights)?))
    }

    /// The same fit, deciding the lean with `policy`.
    pub fn with_policy(mut self, policy: LeanPolicy) -> Self {
        self.policy = policy;
        self
    }

    fn from_table(catalog: &'c Catalog, table: &LeanTable) -> Self {
        let roles = table.roles().len();
        let skills =
            catalog.skills().iter().enumerate().map(|(index, s)| Fact { id: &s.id, kind: RecordKind::Skill, index });
        let work = catalog.responsibilities().iter().enumerate().map(|(index, r)| Fact {
            id: &r.id,
            kind: RecordKind::Responsibility,
            index,
        });
        let facts: Vec<Fact<'c>> = skills.chain(work).collect();
        let mut weights = vec![0.0; facts.len() * roles];
        for (f, fact) in facts.iter().enumerate() {
            if let Some(row) = table.lean(RecordRef::new(fact.kind, fact.index)) {
                weights[f * roles..f * roles + roles].copy_from_slice(&row[..roles]);
            }
        }
        let needs = table
            .roles()
            .iter()
            .enumerate()
            .map(|(r, role)| {
                let mut needs: Vec<Needed> = facts
                    .iter()
                    .enumerate()
                    .filter(|(f, _)| weights[f * roles + r] > 0.0)
                    .map(|(f, fact)| {
                        let (need, required) = need_of(catalog, *fact, role);
                        Needed { fact: f, weight: weights[f * roles + r], need, required }
                    })
                    .collect();
                // Stable: equal weights stay in catalog order (skills, then responsibilities).
                needs.sort_by(|a, b| b.weight.total_cmp(&a.weight));
                needs
            })
            .collect();
        let mut gaps = vec![0.0; roles * roles];
        for f in 0..facts.len() {
            let row = &weights[f * roles..f * roles + roles];
            for i in 0..roles {
                for j in 0..roles {
                    gaps[i * roles + j] += (row[i] - row[j]).abs();
                }
            }
        }
        let ids = RecordLookup::new(catalog, &[RecordKind::Skill, RecordKind::Responsibility]);
        Self { catalog, policy: LeanPolicy::default(), ids, facts, weights, roles, needs, gaps }
    }

    /// The catalog this fit assesses against.
    pub fn catalog(&self) -> &'c Catalog {
        self.catalog
    }

    /// The profile as evidence (skills of strength level / 5, experience of strength
    /// [`Ownership::weight`]), for scoring it with a strategy of your own. An id the
    /// catalog does not have is an error, as in [`assess`](Self::assess).
    pub fn evidence(&self, profile: &CandidateProfile) -> Result<Evidence<'c>, ProfileError> {
        let stated = self.stated(profile)?;
        let mut evidence = Evidence::with_capacity(self.catalog, profile.skills.len() + profile.experience.len());
        evidence.extend(stated.iter().enumerate().filter_map(|(f, said)| {
            let fact = self.facts[f];
            let said = (*said)?;
            let record = RecordRef::new(fact.kind, fact.index);
            Some(EvidenceItem { record, strength: clamp_strength(said.strength()), origin: said.origin() })
        }));
        Ok(evidence)
    }

    /// Which role the candidate leans to, and per role how complete the match is.
    ///
    /// An id the catalog does not have, or one of another kind (a signal listed as a
    /// skill), is an error naming every such id and the nearest known one.
    pub fn assess(&self, profile: &CandidateProfile) -> Result<FitReport, ProfileError> {
        let stated = self.stated(profile)?;
        let lean = self.lean(&stated);
        let roles = self
            .catalog
            .roles()
            .iter()
            .zip(&self.needs)
            .map(|(role, needs)| self.role_fit(&role.id, needs, &stated))
            .collect();
        Ok(FitReport { name: profile.name.clone(), lean, roles })
    }

    /// What the profile states, by fact position; an error for ids the catalog lacks.
    fn stated(&self, profile: &CandidateProfile) -> Result<Vec<Option<Said>>, ProfileError> {
        let mut stated = vec![None; self.facts.len()];
        let skills = self.catalog.skills().len();
        let mut unresolved = false;
        for (id, proficiency) in &profile.skills {
            match self.ids.get(id.as_str(), RecordKind::Skill) {
                Some(at) => stated[at.index] = Some(Said::Skill(*proficiency)),
                None => unresolved = true,
            }
        }
        for (id, level) in &profile.experience {
            match self.ids.get(id.as_str(), RecordKind::Responsibility) {
                Some(at) => stated[skills + at.index] = Some(Said::Work(*level)),
                None => unresolved = true,
            }
        }
        // Resolving is the check: the full report (every id, with suggestions) only when one failed.
        if unresolved {
            profile.check(self.catalog)?;
        }
        Ok(stated)
    }

    fn weight(&self, fact: usize, role: Option<usize>) -> f64 {
        role.map_or(0.0, |r| self.weights[fact * self.roles + r])
    }

    fn lean(&self, stated: &[Option<Said>]) -> Lean {
        let said = || stated.iter().enumerate().filter_map(|(f, s)| Some((f, (*s)?)));
        let mut support = vec![0.0; self.roles];
        for (f, s) in said() {
            let strength = s.strength();
            for (r, total) in support.iter_mut().enumerate() {
                *total += strength * self.weights[f * self.roles + r];
            }
        }
        let (mut leader, mut runner_up) = top_two(&support);
        let (mut toward_leader, mut toward_runner_up, mut stated_gaps) = (0.0, 0.0, 0.0);
        let mut deciding = Vec::new();
        for (f, s) in said() {
            let gap = self.weight(f, leader) - self.weight(f, runner_up);
            let effect = s.strength() * gap;
            stated_gaps += gap.abs();
            if effect > 0.0 {
                toward_leader += effect;
            } else {
                toward_runner_up -= effect;
            }
            if effect != 0.0 {
                deciding.push(DecidingFact {
                    fact: self.facts[f].id.clone(),
                    kind: self.facts[f].kind,
                    stated: s.origin(),
                    effect,
                });
            }
        }
        // Supports a rounding error apart can rank the pair the other way from their gaps:
        // the gaps decide, so the leader never has less evidence than the runner-up.
        if toward_runner_up > toward_leader && runner_up.is_some() {
            std::mem::swap(&mut leader, &mut runner_up);
            std::mem::swap(&mut toward_leader, &mut toward_runner_up);
            deciding.iter_mut().for_each(|d| d.effect = -d.effect);
        }
        // Largest effect first; the sort is stable, so equal effects stay in catalog order.
        deciding.sort_by(|a, b| b.effect.abs().total_cmp(&a.effect.abs()));
        let possible = match (leader, runner_up) {
            (Some(a), Some(b)) => self.gaps[a * self.roles + b],
            (Some(a), None) => (0..self.facts.len()).map(|f| self.weight(f, Some(a))).sum(),
            _ => 0.0,
        };
        let confidence = if possible > 0.0 { (stated_gaps / possible).clamp(0.0, 1.0) } else { 0.0 };
        let reason = self.policy.decide(toward_leader, toward_runner_up);
        let role_id = |r: Option<usize>| r.map(|r| self.catalog.roles()[r].id.clone());
        let (verdict, recommended) = match (reason, role_id(leader)) {
            (LeanReason::Leans, Some(a)) => (Verdict::Role(a.clone()), vec![a]),
            (LeanReason::BalancedStrong, Some(a)) => {
                (Verdict::Both, [Some(a), role_id(runner_up)].into_iter().flatten().collect())
            }
            _ => (Verdict::Undetermined, Vec::new()),
        };
        Lean {
            verdict,
            recommended,
            reason,
            leader: role_id(leader),
            runner_up: role_id(runner_up),
            toward_leader,
            toward_runner_up,
            evidence: toward_leader + toward_runner_up,
            margin: margin(toward_leader, toward_runner_up),
            confidence,
            deciding,
        }
    }

    fn role_fit(&self, role: &Id, needs: &[Needed], stated: &[Option<Said>]) -> RoleFit {
        let (mut need_total, mut stated_total, mut met_total) = (0.0, 0.0, 0.0);
        let mut strong = Vec::new();
        let mut weak = Vec::new();
        // Room for every need up front: growing the list cost more than filling it.
        let mut unknown = Vec::with_capacity(needs.len());
        for needed in needs {
            need_total += needed.weight;
            let fact = || self.facts[needed.fact].id.clone();
            let Some(said) = stated[needed.fact] else {
                unknown.push(UnknownFact { fact: fact(), need: needed.need });
                continue;
            };
            let credit =
                if said.meets(needed.required) { 1.0 } else { (said.strength() / needed.required.strength()).min(1.0) };
            stated_total += needed.weight;
            met_total += credit * needed.weight;
            let item = StatedFact { fact: fact(), need: needed.need, stated: said.origin(), credit };
            if said.meets(needed.required) { strong.push(item) } else { weak.push(item) }
        }
        let share = |part: f64, whole: f64| if whole > 0.0 { (part / whole).clamp(0.0, 1.0) } else { 0.0 };
        RoleFit {
            role: role.clone(),
            score: share(met_total, need_total),
            stated: share(stated_total, need_total),
            met: share(met_total, stated_total),
            strong,
            weak,
            unknown,
        }
    }
}

/// The catalog's word for how much `role` needs `fact`, and the least a profile must state.
fn need_of(catalog: &Catalog, fact: Fact<'_>, role: &Id) -> (Need, Said) {
    match fact.kind {
        RecordKind::Skill => {
            let importance = catalog.skills()[fact.index]
                .importance
                .iter()
                .find(|n| n.role == *role)
                .map_or(Importance::NotRequired, |n| n.level);
            (Need::Importance(importance), Said::Skill(required_proficiency(importance)))
        }
        _ => {
            let stake = catalog.responsibilities()[fact.index]
                .ownership
                .iter()
                .find(|o| o.role == *role)
                .map_or(Ownership::None, |o| o.level);
            (Need::Ownership(stake), Said::Work(required_ownership(stake)))
        }
    }
}

/// The positions of the largest and the second largest value; on a tie, the first.
fn top_two(values: &[f64]) -> (Option<usize>, Option<usize>) {
    let better = |a: usize, b: usize| values[a].total_cmp(&values[b]) == Ordering::Greater;
    let mut first: Option<usize> = None;
    let mut second: Option<usize> = None;
    for i in 0..values.len() {
        if first.is_none_or(|f| better(i, f)) {
            second = first;
            first = Some(i);
        } else if second.is_none_or(|s| better(i, s)) {
            second = Some(i);
        }
    }
    (first, second)
}
