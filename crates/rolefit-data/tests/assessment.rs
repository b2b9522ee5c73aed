//! The articles' own cases, against the canonical catalog: the "consider a Product
//! Owner / Product Manager" checklists, a small startup, a large multi-product enterprise.

use rolefit_core::assessment::*;
use rolefit_core::catalog::*;
use rolefit_core::evidence::*;
use rolefit_core::model::*;
use rolefit_core::read::*;
use rolefit_core::scoring::*;
use rolefit_core::*;

fn catalog() -> &'static Catalog {
    rolefit_data::catalog()
}

fn assess(profile: &OrgProfile) -> Scorecard {
    NeedsAssessment::new(catalog()).assess(profile).expect("a valid profile")
}

/// "Consider a Product Owner if": a clear vision that needs executing, Agile/Scrum,
/// delivering features is the main challenge, a single product, a stable market.
fn po_checklist() -> OrgProfile {
    OrgProfile {
        vision: Some(VisionState::Clear),
        methodology: Some(Methodology::Scrum),
        delivery_is_bottleneck: Some(true),
        products: Some(1),
        market: Some(MarketPace::Stable),
        ..OrgProfile::default()
    }
}

/// "Consider a Product Manager if": strategy and vision to define, much market research,
/// several products, many departments to coordinate, a fast-moving market, new products.
fn pm_checklist() -> OrgProfile {
    OrgProfile {
        vision: Some(VisionState::NeedsDefining),
        market_research_needed: Some(true),
        products: Some(4),
        departments_to_coordinate: Some(4),
        market: Some(MarketPace::ChangingFast),
        new_products_or_markets: Some(true),
        ..OrgProfile::default()
    }
}

/// The checklist's other items answered "no" rather than left unknown.
fn answer_rest_no(mut profile: OrgProfile) -> OrgProfile {
    let no = Some(false);
    profile.delivery_is_bottleneck = profile.delivery_is_bottleneck.or(no);
    profile.market_research_needed = profile.market_research_needed.or(no);
    profile.new_products_or_markets = profile.new_products_or_markets.or(no);
    profile.departments_to_coordinate = profile.departments_to_coordinate.or(Some(1));
    profile.methodology = profile.methodology.or(Some(Methodology::Waterfall));
    profile
}

#[test]
fn product_owner_checklist_gives_product_owner() {
    for profile in [po_checklist(), answer_rest_no(po_checklist())] {
        let card = assess(&profile);
        assert_eq!(*card.verdict(), Verdict::Role(Id::from_static("product-owner")), "{card:#?}");
        assert_eq!(card.recommended(), ["product-owner"]);
        assert!(card.score("product-owner") > card.score("product-manager"));
        assert_eq!(card.staffing(), None);
    }
}

#[test]
fn product_manager_checklist_gives_product_manager() {
    for profile in [pm_checklist(), answer_rest_no(pm_checklist())] {
        let card = assess(&profile);
        assert_eq!(*card.verdict(), Verdict::Role(Id::from_static("product-manager")), "{card:#?}");
        assert_eq!(card.recommended(), ["product-manager"]);
    }
}

#[test]
fn small_startup_gives_both_in_one_person() {
    // Twelve people, one simple product, money for one product hire, still finding its strategy, in Scrum.
    let profile = OrgProfile {
        stage: Some(CompanyStage::Startup),
        employees: Some(12),
        products: Some(1),
        complexity: Some(Complexity::Simple),
        one_hire_budget: Some(true),
        vision: Some(VisionState::NeedsDefining),
        methodology: Some(Methodology::Scrum),
        ..OrgProfile::default()
    };
    let card = assess(&profile);
    assert_eq!(*card.verdict(), Verdict::Both, "{card:#?}");
    assert_eq!(card.staffing(), Some(Staffing::OnePerson));
    assert_eq!(card.recommended().len(), 2);
}

#[test]
fn startup_known_only_by_headcount_gives_both_in_one_person() {
    let card = assess(&OrgProfile { employees: Some(8), ..OrgProfile::default() });
    assert_eq!(*card.verdict(), Verdict::Both, "{card:#?}");
    assert_eq!(card.staffing(), Some(Staffing::OnePerson));
}

#[test]
fn large_multi_product_enterprise_gives_both_as_separate_hires() {
    let profile = OrgProfile {
        stage: Some(CompanyStage::Enterprise),
        employees: Some(20_000),
        products: Some(12),
        complexity: Some(Complexity::Complex),
        departments_to_coordinate: Some(6),
        methodology: Some(Methodology::Scrum),
        dedicated_dev_team: Some(true),
        ..OrgProfile::default()
    };
    let card = assess(&profile);
    assert_eq!(*card.verdict(), Verdict::Both, "{card:#?}");
    assert_eq!(card.staffing(), Some(Staffing::SeparatePeople));
    let mut recommended: Vec<&str> = card.recommended().iter().map(Id::as_str).collect();
    recommended.sort_unstable();
    assert_eq!(recommended, ["product-manager", "product-owner"]);
}

#[test]
fn unknown_answers_lower_confidence_and_are_not_read_as_no() {
    let unknown_rest = assess(&po_checklist());
    let no_rest = assess(&answer_rest_no(po_checklist()));
    // Same evidence for the roles...
    assert_eq!(unknown_rest.scores(), no_rest.scores());
    // ...but fewer known answers, so less confidence.
    assert!(unknown_rest.coverage() < no_rest.coverage());
    assert!(unknown_rest.confidence() < no_rest.confidence());
    assert!(!unknown_rest.unanswered().is_empty());
    assert!(unknown_rest.unanswered().iter().any(|id| id == "many-departments"));
}

#[test]
fn nothing_known_is_undetermined() {
    let card = assess(&OrgProfile::default());
    assert_eq!(*card.verdict(), Verdict::Undetermined);
    assert_eq!(card.coverage(), 0.0);
    assert_eq!(card.unanswered().len(), catalog().signals().len());
}

#[test]
fn every_canonical_signal_has_a_typed_question() {
    // A profile that answers every typed field leaves no canonical signal unknown.
    let profile = OrgProfile {
        methodology: Some(Methodology::Kanban),
        products: Some(2),
        market: Some(MarketPace::Stable),
        departments_to_coordinate: Some(2),
        stage: Some(CompanyStage::Growing),
        employees: Some(300),
        vision: Some(VisionState::Clear),
        roadmap_defined: Some(true),
        delivery_is_bottleneck: Some(false),
        new_products_or_markets: Some(false),
        market_research_needed: Some(false),
        long_term_planning_needed: Some(false),
        releases_often: Some(true),
        live_and_improving: Some(true),
        priorities_shift_often: Some(false),
        dedicated_dev_team: Some(true),
        backlog_has_owner: Some(true),
        product_user_insight_needed: Some(false),
        one_hire_budget: Some(false),
        complexity: Some(Complexity::Moderate),
        dev_teams: Some(1),
        ..OrgProfile::default()
    };
    let card = assess(&profile);
    assert_eq!(card.unanswered(), Vec::<Id>::new());
    assert_eq!(card.coverage(), 1.0);
}

#[test]
fn explicit_answers_override_typed_fields() {
    let mut profile = po_checklist();
    profile.answers.insert(Id::from_static("agile-scrum-environment"), Answer::No);
    let needs = NeedsAssessment::new(catalog());
    let evidence = needs.evidence(&profile).unwrap();
    let scrum = catalog().locate("agile-scrum-environment").unwrap();
    let item = evidence.get(scrum).unwrap();
    assert_eq!(item.strength, 0.0);
    assert_eq!(item.origin, Origin::Answer { answer: Answer::No });
}

#[test]
fn contributions_explain_the_verdict() {
    let card = assess(&po_checklist());
    let facts: Vec<&str> = card.contributions_to("product-owner").map(|c| c.fact.as_str()).collect();
    for expected in
        ["agile-scrum-environment", "delivery-bottleneck", "vision-already-clear", "single-product", "stable-market"]
    {
        assert!(facts.contains(&expected), "{expected} missing from {facts:?}");
    }
    let explanation = NeedsAssessment::new(catalog())
        .scorer()
        .explain(&NeedsAssessment::new(catalog()).evidence(&po_checklist()).unwrap());
    let text = explanation.to_string();
    assert!(text.contains("Agile or Scrum environment [agile-scrum-environment] (answer yes)"), "{text}");
}

#[test]
fn weights_from_a_file_change_the_outcome_without_forking() {
    // An organisation that reads a startup as a Product Manager's job only.
    let weights = Weights::read(
        "[facts.startup-stage]\nproduct-owner = 0.0\nproduct-manager = 1.0\n\n[facts.tight-budget]\nproduct-manager = 1.0\n",
        Format::Toml,
    )
    .unwrap();
    let needs = NeedsAssessment::with_weights(catalog(), &weights).unwrap();
    let card = needs
        .assess(&OrgProfile {
            stage: Some(CompanyStage::Startup),
            one_hire_budget: Some(true),
            ..OrgProfile::default()
        })
        .unwrap();
    assert!(card.score("product-owner").unwrap() < 1e-12, "{card:#?}");
    assert_eq!(*card.verdict(), Verdict::Role(Id::from_static("product-manager")));
}

mod fast_path {
    use proptest::prelude::*;
    // proptest's, not the scoring strategy of the same name.
    use proptest::strategy::Strategy;
    use rolefit_core::assessment::*;
    use rolefit_core::catalog::*;
    use rolefit_core::evidence::*;
    use rolefit_core::read::*;
    use rolefit_core::scoring::*;
    use rolefit_core::*;

    fn answer() -> impl Strategy<Value = Option<bool>> {
        proptest::option::of(any::<bool>())
    }

    prop_compose! {
        fn profile()(
            methodology in proptest::option::of(proptest::sample::select(vec![Methodology::Scrum, Methodology::Kanban, Methodology::Agile, Methodology::Waterfall])),
            products in proptest::option::of(0u32..10),
            market in proptest::option::of(proptest::sample::select(vec![MarketPace::Stable, MarketPace::ChangingFast])),
            departments in proptest::option::of(0u32..8),
            stage in proptest::option::of(proptest::sample::select(vec![CompanyStage::Startup, CompanyStage::Growing, CompanyStage::Established, CompanyStage::Enterprise])),
            employees in proptest::option::of(0u32..5000),
            dev_teams in proptest::option::of(0u32..6),
            vision in proptest::option::of(proptest::sample::select(vec![VisionState::Clear, VisionState::NeedsDefining])),
            complexity in proptest::option::of(proptest::sample::select(vec![Complexity::Simple, Complexity::Moderate, Complexity::Complex])),
            bools in proptest::collection::vec(answer(), 13),
            explicit in proptest::collection::btree_map(
                proptest::sample::select(rolefit_data::catalog().signals().iter().map(|s| s.id.clone()).collect::<Vec<_>>()),
                proptest::sample::select(vec![Answer::Yes, Answer::No, Answer::Unknown]),
                0..4,
            ),
        ) -> OrgProfile {
            OrgProfile {
                name: None,
                methodology, products, market, departments_to_coordinate: departments, stage, employees, vision, complexity, dev_teams,
                roadmap_defined: bools[0],
                delivery_is_bottleneck: bools[1],
                new_products_or_markets: bools[2],
                market_research_needed: bools[3],
                long_term_planning_needed: bools[4],
                releases_often: bools[5],
                live_and_improving: bools[6],
                priorities_shift_often: bools[7],
                dedicated_dev_team: bools[8],
                backlog_has_owner: bools[9],
                product_user_insight_needed: bools[10],
                one_hire_budget: bools[11],
                answers: if bools[12] == Some(true) { explicit } else { Default::default() },
            }
        }
    }

    /// The canonical catalog with its signals in reverse order.
    fn reordered_catalog() -> &'static Catalog {
        static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        CATALOG.get_or_init(|| {
            let mut data = rolefit_data::catalog().data().clone();
            data.signals.to_mut().reverse();
            Catalog::new(data).unwrap()
        })
    }

    #[test]
    fn evidence_from_another_catalog_is_read_by_id_not_by_position() {
        let canonical = rolefit_data::catalog();
        let profile = super::po_checklist();
        let needs = NeedsAssessment::new(canonical);
        // The same signals at other positions: read by position, every answer would land
        // on the wrong signal.
        let elsewhere = NeedsAssessment::new(reordered_catalog()).evidence(&profile).unwrap();
        assert_ne!(elsewhere.catalog().id(), canonical.id());
        assert_eq!(needs.scorer().score(&elsewhere), needs.assess(&profile).unwrap());
        let mut card = Scorecard::default();
        needs.scorer().score_into(&elsewhere, &mut card);
        assert_eq!(card, needs.assess(&profile).unwrap());
    }

    proptest! {
        /// `assess` skips building the evidence; it must give exactly what the general path gives.
        #[test]
        fn assess_equals_the_general_path(profile in profile()) {
            let catalog = rolefit_data::catalog();
            let needs = NeedsAssessment::new(catalog);
            let full = needs.assess(&profile);
            prop_assert_eq!(&full, &needs.assess_with(&profile, needs.scorer()));
            // A reused card holds nothing of the profile it held before.
            // Its fields are read-only: the card is edited as JSON, as a stored card would be.
            let mut other_roles = serde_json::to_value(super::assess(&super::po_checklist())).unwrap();
            other_roles["scores"] = serde_json::to_value(vec![RoleScore { role: Id::from_static("scrum-master"), score: 0.5 }]).unwrap();
            let other_roles: Scorecard = serde_json::from_value(other_roles).unwrap();
            let before = [super::assess(&super::pm_checklist()), super::assess(&OrgProfile::default()), other_roles];
            for mut card in before {
                let kept = card.clone();
                match needs.assess_into(&profile, &mut card) {
                    Ok(()) => prop_assert_eq!(Ok(&card), full.as_ref()),
                    // A refused profile (a count of 0) leaves the card as it was.
                    Err(e) => {
                        prop_assert_eq!(Err(&e), full.as_ref());
                        prop_assert_eq!(&card, &kept);
                    }
                }
            }
            let weights = Weights::read(
                "[facts.startup-stage]\nproduct-owner = 0.0\n[facts.single-product]\nproduct-manager = 0.35\n",
                Format::Toml,
            ).unwrap();
            let tuned = NeedsAssessment::with_weights(catalog, &weights).unwrap();
            prop_assert_eq!(tuned.assess(&profile), tuned.assess_with(&profile, tuned.scorer()));
            // Signals in another order than the typed fields' slots.
            let reordered = reordered_catalog();
            let needs = NeedsAssessment::new(reordered);
            prop_assert_eq!(needs.assess(&profile), needs.assess_with(&profile, needs.scorer()));
        }
    }
}

/// Team size is a hiring signal: two or more development teams on one product answer
/// `several-dev-teams` yes (separate people), one answers no, and none is refused.
#[test]
fn development_teams_answer_the_team_size_signal() {
    let with = |teams| OrgProfile { dev_teams: Some(teams), ..OrgProfile::default() };
    let unknown = |card: &Scorecard| card.unanswered().iter().any(|id| id.as_str() == "several-dev-teams");
    assert!(unknown(&assess(&OrgProfile::default())));
    for teams in [1, 2, 5] {
        assert!(!unknown(&assess(&with(teams))), "{teams} teams answer the signal");
    }
    let two = OrgProfile::read("dev_teams = 2\n", Format::Toml, catalog()).unwrap();
    assert_eq!(two.dev_teams, Some(2));
    let err = OrgProfile::read("dev_teams = 0\n", Format::Toml, catalog()).unwrap_err();
    assert!(err.to_string().contains("dev_teams: 0 development teams; expected at least 1"), "{err}");
}

/// A profile built in code is refused as a read one is: an `answers` id the catalog lacks is
/// never scored silently, by any way of assessing, and the error names every problem with
/// the nearest known id.
#[test]
fn a_profile_built_in_code_with_an_unknown_answer_is_refused() {
    let mut profile = po_checklist();
    profile.answers.insert(Id::from_static("agile-scrum-enviroment"), Answer::Yes);
    profile.answers.insert(Id::from_static("product-owner"), Answer::No);
    profile.answers.insert(Id::from_static("tight-budget"), Answer::Yes);
    profile.dev_teams = Some(0);
    let needs = NeedsAssessment::new(catalog());
    let err = needs.assess(&profile).unwrap_err();
    insta::assert_snapshot!(err, @r#"
    3 problems in the profile:
      dev_teams: 0 development teams; expected at least 1
      answers.agile-scrum-enviroment: unknown signal "agile-scrum-enviroment"; did you mean "agile-scrum-environment"?
      answers.product-owner: "product-owner" is a role, not a signal
    "#);
    assert_eq!(profile.check(catalog()).unwrap_err(), err);
    let mut card = assess(&pm_checklist());
    let before = card.clone();
    assert_eq!(needs.assess_into(&profile, &mut card).unwrap_err(), err);
    assert_eq!(card, before, "a refused profile leaves the card as it was");
    assert_eq!(needs.assess_with(&profile, needs.scorer()).unwrap_err(), err);
    assert_eq!(needs.evidence(&profile).unwrap_err(), err);
    // The general path (catalogs of more than 64 signals) refuses it too.
    let mut data = catalog().data().clone();
    let extra = data.signals[0].clone();
    for n in 0..64 {
        let mut signal = extra.clone();
        signal.id = Id::new(format!("extra-signal-{n}")).unwrap();
        data.signals.to_mut().push(signal);
    }
    let large = Catalog::new(data).unwrap();
    assert!(large.signals().len() > 64);
    let err = NeedsAssessment::new(&large).assess(&profile).unwrap_err();
    assert!(err.to_string().contains("answers.agile-scrum-enviroment: unknown signal"), "{err}");
    // Without the bad entries the same profile is scored.
    profile.answers.retain(|id, _| id.as_str() == "tight-budget");
    profile.dev_teams = Some(1);
    assert!(needs.assess(&profile).is_ok());
}
