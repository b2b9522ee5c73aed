//! Candidate fit on the canonical catalog: the lean of short profiles, stated-and-strong,
//! stated-but-weak and unknown kept apart, unknown ids refused, and the laws of
//! `docs/scoring.md` ("Candidate fit") as property tests.

use std::collections::BTreeMap;

use proptest::prelude::*;
use rolefit_core::assessment::*;
use rolefit_core::evidence::*;
use rolefit_core::model::*;
use rolefit_core::*;

fn catalog() -> &'static Catalog {
    rolefit_data::catalog()
}

fn id(s: &'static str) -> Id {
    Id::from_static(s)
}

fn profile(skills: &[(&'static str, Proficiency)], experience: &[(&'static str, Ownership)]) -> CandidateProfile {
    CandidateProfile {
        name: None,
        skills: skills.iter().map(|(s, p)| (id(s), *p)).collect(),
        experience: experience.iter().map(|(r, o)| (id(r), *o)).collect(),
    }
}

fn assess(p: &CandidateProfile) -> FitReport {
    CandidateFit::new(catalog()).assess(p).unwrap()
}

use Ownership::{Contributes, Owns, Shares};
use Proficiency::{Beginner, Competent, Expert, Novice, Proficient};

#[test]
fn the_issues_delivery_minded_candidate_leans_to_product_owner() {
    let report = assess(&profile(
        &[
            ("prioritisation-skill", Expert),
            ("agile-methods-knowledge", Proficient),
            ("communication-skills", Competent),
            ("technical-knowledge", Proficient),
        ],
        &[("backlog-management", Owns), ("user-story-writing", Owns)],
    ));
    let lean = &report.lean;
    assert_eq!(lean.verdict, Verdict::Role(id("product-owner")), "{lean:#?}");
    assert_eq!(lean.reason, LeanReason::Leans);
    assert_eq!(lean.toward_runner_up, 0.0);
    assert!((lean.margin - 1.0).abs() < 1e-12);
    // Communication is essential to both: it decides nothing.
    assert!(lean.deciding.iter().all(|d| d.fact != "communication-skills"));
    assert_eq!(lean.deciding.len(), 5);
    // Owning the backlog (1 − 0.25) outweighs agile methods at level 4 (0.8 × (1 − 0.3)).
    assert_eq!(lean.deciding[0].fact, "backlog-management");
    // Few of the facts that tell the roles apart were stated: a low confidence says so.
    assert!(lean.confidence > 0.0 && lean.confidence < 0.15, "{}", lean.confidence);
}

#[test]
fn short_profiles_that_lean_one_way_get_that_verdict() {
    // Written for this test: a market-facing planner with three skills and two pieces of work.
    let pm = assess(&profile(
        &[("market-research-skill", Proficient), ("strategic-thinking", Expert), ("financial-acumen", Competent)],
        &[("go-to-market-strategy", Owns), ("pricing-strategy", Shares)],
    ));
    assert_eq!(pm.lean.verdict, Verdict::Role(id("product-manager")), "{:#?}", pm.lean);
    assert_eq!(pm.lean.recommended, vec![id("product-manager")]);
    // A delivery lead with three skills and two pieces of work.
    let po = assess(&profile(
        &[
            ("engineering-coordination", Proficient),
            ("quick-decision-making", Competent),
            ("detail-orientation", Expert),
        ],
        &[("sprint-planning", Owns), ("acceptance-criteria", Shares)],
    ));
    assert_eq!(po.lean.verdict, Verdict::Role(id("product-owner")), "{:#?}", po.lean);
    // Skills only, four of them.
    let po_skills = assess(&profile(
        &[
            ("agile-methods-knowledge", Expert),
            ("engineering-coordination", Expert),
            ("organisation-skill", Proficient),
            ("problem-solving", Competent),
        ],
        &[],
    ));
    assert_eq!(po_skills.lean.verdict, Verdict::Role(id("product-owner")), "{:#?}", po_skills.lean);
}

#[test]
fn balanced_profiles_are_both_or_undetermined_with_the_reason() {
    // Strong on each side: owns delivery work and strategy work.
    let both = assess(&profile(
        &[("agile-methods-knowledge", Expert), ("market-research-skill", Expert)],
        &[("sprint-planning", Owns), ("market-research", Owns)],
    ));
    assert_eq!(both.lean.verdict, Verdict::Both, "{:#?}", both.lean);
    assert_eq!(both.lean.reason, LeanReason::BalancedStrong);
    assert_eq!(both.lean.recommended.len(), 2);
    // Skills both roles weigh alike tell nothing apart: undetermined, thin.
    let thin = assess(&profile(
        &[("communication-skills", Expert), ("problem-solving", Expert), ("time-management", Proficient)],
        &[("stakeholder-management", Shares)],
    ));
    assert_eq!(thin.lean.verdict, Verdict::Undetermined);
    assert_eq!(thin.lean.reason, LeanReason::Thin);
    assert_eq!(thin.lean.evidence, 0.0);
    // One weak fact each way: balanced and thin on each side.
    let balanced = assess(&profile(
        &[("agile-methods-knowledge", Competent), ("strategic-thinking", Competent)],
        &[("sprint-planning", Contributes), ("market-research", Contributes)],
    ));
    assert_eq!(balanced.lean.verdict, Verdict::Undetermined, "{:#?}", balanced.lean);
    assert_eq!(balanced.lean.reason, LeanReason::Balanced);
}

#[test]
fn unstated_is_unknown_and_missing_means_stated_below_the_need() {
    let report = assess(&profile(
        &[("agile-methods-knowledge", Beginner), ("prioritisation-skill", Expert)],
        &[("backlog-management", Shares)],
    ));
    let po = report.role("product-owner").unwrap();
    let facts = |list: &[StatedFact]| list.iter().map(|f| f.fact.as_str().to_owned()).collect::<Vec<_>>();
    // Essential to the PO: proficient needed, beginner stated. The PO owns the backlog; shared is below.
    assert_eq!(facts(&po.weak), ["agile-methods-knowledge", "backlog-management"]);
    assert_eq!(facts(&po.strong), ["prioritisation-skill"]);
    assert!((po.weak[0].credit - 2.0 / 4.0).abs() < 1e-12);
    assert!((po.weak[1].credit - 0.6).abs() < 1e-12);
    // Everything else the PO needs is unknown, not missing.
    assert!(po.unknown.iter().any(|u| u.fact == "user-story-writing"));
    assert!(po.unknown.iter().all(|u| u.fact != "agile-methods-knowledge" && u.fact != "prioritisation-skill"));
    let needed = catalog()
        .skills()
        .iter()
        .filter(|s| s.importance.iter().any(|i| i.role == "product-owner" && i.level > Importance::NotRequired))
        .count()
        + catalog()
            .responsibilities()
            .iter()
            .filter(|r| r.ownership.iter().any(|o| o.role == "product-owner" && o.level > Ownership::None))
            .count();
    assert_eq!(po.strong.len() + po.weak.len() + po.unknown.len(), needed);
    // For the PM, agile methods are only helpful: a beginner is enough.
    let pm = report.role("product-manager").unwrap();
    assert!(pm.strong.iter().any(|f| f.fact == "agile-methods-knowledge"));
    // score = stated × met, within [0, 1], a lower bound.
    for role in &report.roles {
        assert!((role.score - role.stated * role.met).abs() < 1e-12);
        assert!(role.score <= role.stated && role.stated <= 1.0);
    }
}

#[test]
fn candidate_fit_lists_strong_weak_and_unknown_most_needed_first() {
    let catalog = catalog();
    // The skills the catalog rates essential for a product owner, at expert level.
    let po_skills: BTreeMap<Id, Proficiency> = catalog
        .skills()
        .iter()
        .filter(|s| s.importance.iter().any(|i| i.role == "product-owner" && i.level == Importance::Essential))
        .map(|s| (s.id.clone(), Proficiency::Expert))
        .collect();
    assert!(!po_skills.is_empty());
    let profile = CandidateProfile { name: Some("PO-ish".into()), skills: po_skills.clone(), ..Default::default() };
    let report = CandidateFit::new(catalog).assess(&profile).unwrap();
    let po = report.role("product-owner").unwrap();
    let pm = report.role("product-manager").unwrap();
    assert!(po.score > pm.score, "{report:#?}");
    assert_eq!(report.lean.verdict, Verdict::Role(Id::from_static("product-owner")));
    assert_eq!(po.strong.len(), po_skills.len());
    assert!(po.weak.is_empty());
    assert!(po.unknown.iter().all(|m| m.need != Need::Importance(Importance::Essential)));
    assert!(!pm.unknown.is_empty());
    let rank = |need: &Need| match need {
        Need::Importance(i) => i.weight(),
        Need::Ownership(o) => o.weight(),
    };
    assert!(po.strong.windows(2).all(|w| rank(&w[0].need) >= rank(&w[1].need)));
    assert!(pm.unknown.windows(2).all(|w| rank(&w[0].need) >= rank(&w[1].need)));
}

#[test]
fn candidate_with_everything_fits_both() {
    let catalog = catalog();
    let profile = CandidateProfile {
        name: None,
        skills: catalog.skills().iter().map(|s| (s.id.clone(), Proficiency::Expert)).collect(),
        experience: catalog.responsibilities().iter().map(|r| (r.id.clone(), Ownership::Owns)).collect(),
    };
    let report = CandidateFit::new(catalog).assess(&profile).unwrap();
    for role in &report.roles {
        assert!((role.score - 1.0).abs() < 1e-9, "{role:?}");
        assert!(role.weak.is_empty() && role.unknown.is_empty());
    }
    assert_eq!(report.lean.verdict, Verdict::Both);
    assert!((report.lean.confidence - 1.0).abs() < 1e-12);
}

#[test]
fn experience_counts_and_its_absence_is_unknown_not_lacking() {
    let catalog = catalog();
    let skill = catalog.skills()[0].id.clone();
    let skills_only =
        CandidateProfile { skills: [(skill.clone(), Proficiency::Competent)].into(), ..Default::default() };
    let fit = CandidateFit::new(catalog);
    let base = fit.assess(&skills_only).unwrap();
    let owned: BTreeMap<Id, Ownership> =
        catalog.responsibilities().iter().map(|r| (r.id.clone(), Ownership::Owns)).collect();
    let with_all_experience = fit.assess(&CandidateProfile { experience: owned, ..skills_only.clone() }).unwrap();
    for (a, b) in base.roles.iter().zip(&with_all_experience.roles) {
        assert!(b.score > a.score, "{} {} -> {}", a.role, a.score, b.score);
        // Not stating experience lists it as unknown, never as weak.
        assert!(a.weak.iter().all(|w| w.fact == skill));
    }
}

#[test]
fn a_profile_built_in_code_with_an_unknown_id_is_refused() {
    let mut p = profile(&[("prioritisation-skill", Expert)], &[("backlog-management", Owns)]);
    p.skills.insert(id("prioritization-skill"), Expert);
    let fit = CandidateFit::new(catalog());
    let err = fit.assess(&p).unwrap_err();
    insta::assert_snapshot!(err, @r#"
    1 problem in the profile:
      skills.prioritization-skill: unknown skill "prioritization-skill"; did you mean "prioritisation-skill"?
    "#);
    // An id of the wrong kind too, and the evidence for other strategies the same way.
    let mut q = profile(&[], &[]);
    q.experience.insert(id("prioritisation-skill"), Owns);
    assert!(fit.assess(&q).unwrap_err().to_string().contains("is a skill, not a responsibility"));
    assert!(fit.evidence(&p).is_err());
    assert_eq!(fit.evidence(&profile(&[("prioritisation-skill", Novice)], &[])).unwrap().len(), 1);
}

// --- The laws --------------------------------------------------------------------------

fn skill_ids() -> Vec<Id> {
    catalog().skills().iter().map(|s| s.id.clone()).collect()
}

fn work_ids() -> Vec<Id> {
    catalog().responsibilities().iter().map(|r| r.id.clone()).collect()
}

prop_compose! {
    fn candidate()(
        skills in proptest::collection::btree_map(proptest::sample::select(skill_ids()), proptest::sample::select(Proficiency::ALL.to_vec()), 0..8),
        experience in proptest::collection::btree_map(proptest::sample::select(work_ids()), proptest::sample::select(vec![Contributes, Shares, Owns]), 0..4),
    ) -> CandidateProfile {
        CandidateProfile { name: None, skills, experience }
    }
}

/// The weight gap (PO − PM) of a fact.
fn gap(fact: &str) -> f64 {
    let catalog = catalog();
    let (po, pm) = if let Some(s) = catalog.skills().iter().find(|s| s.id == fact) {
        let w = |role: &str| s.importance.iter().find(|i| i.role == role).map_or(0.0, |i| i.level.weight());
        (w("product-owner"), w("product-manager"))
    } else {
        let r = catalog.responsibilities().iter().find(|r| r.id == fact).unwrap();
        let w = |role: &str| r.ownership.iter().find(|o| o.role == role).map_or(0.0, |o| o.level.weight());
        (w("product-owner"), w("product-manager"))
    };
    po - pm
}

/// Evidence for PO over PM, from a report (whichever role leads).
fn po_over_pm(lean: &Lean) -> f64 {
    let d = lean.toward_leader - lean.toward_runner_up;
    if lean.leader.as_ref().is_some_and(|l| l == "product-owner") { d } else { -d }
}

proptest! {
    /// Every number in range; the effects add up to the leader's evidence over the runner-up's.
    #[test]
    fn contributions_add_up(p in candidate()) {
        let report = assess(&p);
        let lean = &report.lean;
        for x in [lean.margin, lean.confidence] {
            prop_assert!((0.0..=1.0).contains(&x));
        }
        let sum: f64 = lean.deciding.iter().map(|d| d.effect).sum();
        prop_assert!((sum - (lean.toward_leader - lean.toward_runner_up)).abs() < 1e-12);
        prop_assert!(lean.toward_leader >= lean.toward_runner_up);
        prop_assert!((lean.evidence - (lean.toward_leader + lean.toward_runner_up)).abs() < 1e-12);
        for role in &report.roles {
            for x in [role.score, role.stated, role.met] {
                prop_assert!((0.0..=1.0).contains(&x));
            }
            prop_assert!(role.strong.iter().all(|f| f.credit == 1.0) && role.weak.iter().all(|f| f.credit < 1.0));
        }
    }

    /// The same report whatever order the profile is written in.
    #[test]
    fn order_independent(p in candidate()) {
        let mut reversed = CandidateProfile::default();
        for (k, v) in p.skills.iter().rev() { reversed.skills.insert(k.clone(), *v); }
        for (k, v) in p.experience.iter().rev() { reversed.experience.insert(k.clone(), *v); }
        prop_assert_eq!(assess(&p), assess(&reversed));
        let toml = toml::to_string(&p).unwrap();
        prop_assert_eq!(assess(&p), assess(&CandidateProfile::read(&toml, rolefit_core::read::Format::Toml, catalog()).unwrap()));
    }

    /// Adding or strengthening a fact that leans to a role never lowers that role's
    /// evidence over the other, and confidence never falls when a fact is added.
    #[test]
    fn monotone_in_evidence(p in candidate(), extra in proptest::sample::select(skill_ids()), level in proptest::sample::select(Proficiency::ALL.to_vec())) {
        let before = assess(&p);
        let mut more = p.clone();
        let old = more.skills.get(&extra).copied();
        if old.is_some_and(|o| o > level) { return Ok(()); }
        more.skills.insert(extra.clone(), level);
        let after = assess(&more);
        let g = gap(extra.as_str());
        if g > 0.0 { prop_assert!(po_over_pm(&after.lean) >= po_over_pm(&before.lean) - 1e-12); }
        if g < 0.0 { prop_assert!(po_over_pm(&after.lean) <= po_over_pm(&before.lean) + 1e-12); }
        if old.is_none() {
            prop_assert!(after.lean.confidence >= before.lean.confidence - 1e-12);
        }
        for (a, b) in before.roles.iter().zip(&after.roles) {
            prop_assert!(b.stated >= a.stated - 1e-12);
            prop_assert!(b.score >= a.score - 1e-12);
        }
    }

    /// Skills both roles weigh equally change neither the verdict, nor the margin, nor the evidence.
    #[test]
    fn equally_weighed_skills_change_no_verdict(p in candidate(), level in proptest::sample::select(Proficiency::ALL.to_vec())) {
        let equal: Vec<Id> = skill_ids().into_iter().filter(|s| gap(s.as_str()) == 0.0).collect();
        prop_assume!(!equal.is_empty());
        let before = assess(&p);
        let mut more = p.clone();
        for s in &equal { more.skills.insert(s.clone(), level); }
        let after = assess(&more);
        prop_assert_eq!(&after.lean.verdict, &before.lean.verdict);
        prop_assert_eq!(after.lean.reason, before.lean.reason);
        prop_assert!((after.lean.margin - before.lean.margin).abs() < 1e-12);
        prop_assert!((after.lean.evidence - before.lean.evidence).abs() < 1e-12);
    }
}
