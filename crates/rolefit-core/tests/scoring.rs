//! The scoring API on a tiny hand-made catalog: strategies, combinators, policy, weights.

use std::sync::Arc;

use rolefit_core::catalog::*;
use rolefit_core::evidence::*;
use rolefit_core::model::*;
use rolefit_core::read::*;
use rolefit_core::scoring::*;
use rolefit_core::*;

use crate::scoring_support::{item, tiny, yes};

fn ev<'c>(catalog: &'c Catalog, facts: &[(&str, f64)]) -> Evidence<'c> {
    let mut evidence = Evidence::new(catalog);
    evidence.extend(facts.iter().map(|(id, s)| item(catalog, id, *s)));
    evidence
}

#[test]
fn lean_scores_follow_the_formula() {
    let c = tiny();
    let card = LeanScorer::new(&c).score(&ev(&c, &[("scrum", 1.0), ("order-backlog", 0.5)]));
    // product-owner: 0.8 (scrum) + 0.5 × 1.0 (owns the backlog) = 1.3 → 1.3 / 2.3
    let po = card.score("product-owner").unwrap();
    assert!((po - 1.3 / 2.3).abs() < 1e-12, "{po}");
    // product-manager: 0.5 × 0.25 (contributes) = 0.125 → 0.125 / 1.125
    assert!((card.score("product-manager").unwrap() - 0.125 / 1.125).abs() < 1e-12);
    assert_eq!(card.score("delivery-lead"), Some(0.0));
    assert_eq!(*card.verdict(), Verdict::Role(Id::from_static("product-owner")));
    let scrum: Vec<_> = card.contributions().iter().filter(|c| c.fact == "scrum").collect();
    assert_eq!(scrum.len(), 1);
    assert_eq!((scrum[0].kind, scrum[0].weight, scrum[0].strength), (RecordKind::Signal, 0.8, 1.0));
}

#[test]
fn coverage_is_a_share_of_the_role_needs() {
    let c = tiny();
    let skills = CoverageScorer::new(&c, &[RecordKind::Skill]);
    // product-owner needs prioritising (1.0) and market analysis (0.3).
    assert_eq!(skills.needs(), &[1.3, 1.65, 1.0]);
    let card = skills.score(&ev(&c, &[("prioritising", 1.0), ("scrum", 1.0)]));
    assert!((card.score("product-owner").unwrap() - 1.0 / 1.3).abs() < 1e-12);
    assert!((card.score("product-manager").unwrap() - 0.65 / 1.65).abs() < 1e-12);
    // The signal is not a skill, so it is not counted.
    assert!(card.contributions().iter().all(|c| c.kind == RecordKind::Skill));

    // By kind: skills against the skills a role needs, work against its work, 3 : 1.
    let both = CoverageScorer::by_kind(&c, &[(RecordKind::Skill, 3.0), (RecordKind::Responsibility, 1.0)]);
    let card = both.score(&ev(&c, &[("prioritising", 1.0), ("order-backlog", 1.0)]));
    // product-owner: skills 1.0 / 1.3, work 1.0 / (1.0 + 0.6) (owns the backlog, shares the vision).
    let want = 0.75 * (1.0 / 1.3) + 0.25 * (1.0 / 1.6);
    assert!((card.score("product-owner").unwrap() - want).abs() < 1e-12);
    // Everything at full strength covers every role fully.
    let all: Vec<(&str, f64)> =
        ["prioritising", "market-analysis", "release-planning", "order-backlog", "set-vision", "run-releases"]
            .into_iter()
            .map(|id| (id, 1.0))
            .collect();
    let card = both.score(&ev(&c, &all));
    assert!(card.scores().iter().all(|s| (s.score - 1.0).abs() < 1e-12), "{card:#?}");
}

#[test]
fn a_third_role_can_win() {
    let c = tiny();
    let card = LeanScorer::new(&c).score(&ev(&c, &[("run-releases", 1.0), ("release-planning", 1.0)]));
    assert_eq!(*card.verdict(), Verdict::Role(Id::from_static("delivery-lead")));
    assert_eq!(serde_json::to_value(card.verdict()).unwrap(), "delivery-lead");
}

#[test]
fn ties_give_both_without_staffing() {
    let c = tiny();
    // 0.8 for the product owner against 0.9 for the product manager.
    let card = LeanScorer::new(&c).score(&ev(&c, &[("scrum", 1.0), ("strategy-missing", 1.0)]));
    assert_eq!(*card.verdict(), Verdict::Both);
    assert_eq!(card.recommended(), ["product-manager", "product-owner"]);
    assert_eq!(card.staffing(), None);
}

#[test]
fn stage_evidence_decides_staffing() {
    let c = tiny();
    let lean = LeanScorer::new(&c);
    let small = lean.score(&ev(&c, &[("small-company", 1.0), ("scrum", 1.0)]));
    assert_eq!((small.verdict().clone(), small.staffing()), (Verdict::Both, Some(Staffing::OnePerson)), "{small:#?}");
    let big = lean.score(&ev(&c, &[("big-company", 1.0), ("scrum", 1.0), ("strategy-missing", 0.2)]));
    assert_eq!((big.verdict().clone(), big.staffing()), (Verdict::Both, Some(Staffing::SeparatePeople)));
    // Both at once: the stronger side wins; a tie says nothing.
    let even = lean.score(&ev(&c, &[("big-company", 1.0), ("small-company", 1.0)]));
    assert_eq!(even.staffing_evidence().lean(), None);
}

#[test]
fn too_little_evidence_is_undetermined() {
    let c = tiny();
    let card = LeanScorer::new(&c).score(&ev(&c, &[("scrum", 0.1)]));
    assert!(card.score("product-owner").unwrap() < Thresholds::default().min_score);
    assert_eq!(*card.verdict(), Verdict::Undetermined);
    assert!(card.recommended().is_empty());
}

#[test]
fn a_policy_can_be_replaced() {
    struct BestOnly;
    impl VerdictPolicy for BestOnly {
        fn decide(&self, card: &Scorecard) -> Decision {
            match card.top() {
                Some(top) if top.score > 0.0 => Decision {
                    verdict: Verdict::Role(top.role.clone()),
                    recommended: vec![top.role.clone()],
                    staffing: None,
                },
                _ => Decision::undetermined(),
            }
        }
    }
    let c = tiny();
    let evidence = ev(&c, &[("scrum", 1.0), ("strategy-missing", 1.0)]);
    let card = LeanScorer::new(&c).with_policy(BestOnly).score(&evidence);
    assert_eq!(*card.verdict(), Verdict::Role(Id::from_static("product-manager")));
    // Thresholds from a file: a tighter tie margin splits the tie too.
    let strict: Thresholds = Format::Toml.parse("tie_margin = 0.01").unwrap();
    let card = LeanScorer::new(&c).with_policy(strict).score(&evidence);
    assert_eq!(*card.verdict(), Verdict::Role(Id::from_static("product-manager")));
    assert!(Format::Toml.parse::<Thresholds>("tie_margn = 0.01").is_err());
}

#[test]
fn forwarding_impls_and_closures_score_alike() {
    let c = tiny();
    let lean = LeanScorer::new(&c);
    let evidence = ev(&c, &[("scrum", 1.0), ("velocity", 0.5)]);
    let expected = lean.score(&evidence);
    let by_ref: &dyn Scorer = &lean;
    let boxed: Box<dyn Scorer + Send + Sync + '_> = lean.clone().boxed();
    let arc: Arc<dyn Scorer + Send + Sync + '_> = Arc::new(lean.clone());
    let closure = scorer_fn("via-closure", |_: &Catalog, evidence: &Evidence<'_>| lean.score(evidence));
    let closure = closure.for_catalog(&c);
    assert_eq!(by_ref.score(&evidence), expected);
    assert_eq!(Scorer::score(&&lean, &evidence), expected);
    assert_eq!(boxed.score(&evidence), expected);
    assert_eq!(arc.score(&evidence), expected);
    assert_eq!(closure.score(&evidence), expected);
    assert_eq!((closure.name(), boxed.name(), arc.name()), ("via-closure", "lean", "lean"));
    assert_eq!(lean.clone().named("mine").name(), "mine");
}

#[test]
fn ensembles_take_the_weighted_mean() {
    let c = tiny();
    let evidence = ev(&c, &[("scrum", 1.0), ("prioritising", 0.8)]);
    let lean = LeanScorer::new(&c);
    let cover = CoverageScorer::new(&c, &[RecordKind::Skill]);
    let (a, b) = (lean.score(&evidence), cover.score(&evidence));
    let mix = Ensemble::new(&c).with(lean.clone(), 3.0).with(cover.clone(), 1.0);
    let card = mix.score(&evidence);
    for role in c.roles() {
        let r = role.id.as_str();
        let want = 0.75 * a.score(r).unwrap() + 0.25 * b.score(r).unwrap();
        assert!((card.score(r).unwrap() - want).abs() < 1e-12);
    }
    // Weights that are not usable count as 0; all zero gives the neutral card.
    let odd = Ensemble::new(&c).with(&lean, f64::NAN).with(&cover, -1.0);
    assert_eq!(odd.score(&evidence), Scorecard::neutral(&c));
    assert_eq!(Ensemble::new(&c).with(&lean, 0.0).with(&cover, 2.0).score(&evidence), b);
    // The explanation nests each member's.
    let text = mix.explain(&evidence).to_string();
    assert!(text.contains("× 0.75  lean:") && text.contains("× 0.25  coverage:"), "{text}");
}

#[test]
fn evidence_keeps_the_strongest_item_per_fact() {
    let c = tiny();
    let scrum = c.locate("scrum").unwrap();
    let mut e = Evidence::new(&c);
    e.push(scrum, 0.4, yes());
    e.push(scrum, f64::NAN, yes());
    e.push(scrum, 0.9, Origin::Custom { label: "from a survey".into() });
    e.push(scrum, 0.2, yes());
    assert_eq!(e.len(), 1);
    assert_eq!(e.get(scrum).unwrap().strength, 0.9);
    e.push(c.locate("velocity").unwrap(), 7.0, yes());
    assert_eq!(e.get(c.locate("velocity").unwrap()).unwrap().strength, 1.0);
    // A fact with an item is not unanswered, even if also marked unknown.
    e.mark_unknown(scrum);
    e.mark_unknown(c.locate("big-company").unwrap());
    assert_eq!(e.unanswered().count(), 1);
    let card = LeanScorer::new(&c).score(&e);
    assert_eq!(card.unanswered(), ["big-company"]);
    assert!((card.coverage() - 2.0 / 3.0).abs() < 1e-12);
}

#[test]
fn evidence_from_another_catalog_is_skipped_not_a_panic() {
    let c = tiny();
    let mut e = Evidence::new(&c);
    e.push(RecordRef::new(RecordKind::Skill, 999), 1.0, yes());
    e.push(RecordRef::new(RecordKind::Source, 0), 1.0, yes());
    for s in [LeanScorer::new(&c).boxed(), CoverageScorer::new(&c, &[RecordKind::Skill]).boxed()] {
        let card = s.score(&e);
        assert!(card.contributions().is_empty());
        assert_eq!(*card.verdict(), Verdict::Undetermined);
    }
}

#[test]
fn a_scorer_used_with_another_catalog_rebuilds_its_table() {
    let c = tiny();
    let copy = tiny();
    let evidence = ev(&c, &[("scrum", 1.0), ("order-backlog", 1.0)]);
    let weights = Weights::read("[facts.scrum]\nproduct-owner = 0.1\n", Format::Toml).unwrap();
    let built_for_c = LeanScorer::with_weights(&c, &weights).unwrap();
    let built_for_copy = LeanScorer::with_weights(&copy, &weights).unwrap();
    assert_eq!(built_for_c.score(&evidence), built_for_copy.score(&evidence));
}

#[test]
fn weights_override_and_report_every_problem() {
    let c = tiny();
    let weights = Weights::read(
        r#"
        [facts.scrum]
        product-owner = 0.0
        [facts.notes]
        product-owner = 1.0
        [facts.no-such-fact]
        product-owner = 1.0
        [facts.velocity]
        scrum-master = 0.5
        product-owner = 1.5
        "#,
        Format::Toml,
    )
    .unwrap();
    let err = LeanScorer::with_weights(&c, &weights).unwrap_err();
    insta::assert_snapshot!(err, @r#"
    4 problems in the weights:
      facts.no-such-fact: unknown fact "no-such-fact"
      facts.notes: "notes" is a source, which does not lean to a role
      facts.velocity.product-owner: weight 1.5 is outside [0, 1]
      facts.velocity.scrum-master: unknown role "scrum-master"
    "#);
    let mut ok = Weights::default();
    ok.set(Id::from_static("scrum"), Id::from_static("product-owner"), 0.0);
    let lean = LeanScorer::with_weights(&c, &ok).unwrap();
    let card = lean.score(&ev(&c, &[("scrum", 1.0)]));
    assert_eq!(card.score("product-owner"), Some(0.0));
    assert!(card.contributions().is_empty());
}

#[test]
fn scorecards_round_trip_through_json() {
    let c = tiny();
    let mut evidence = ev(&c, &[("small-company", 1.0), ("scrum", 1.0)]);
    evidence.push(
        c.locate("prioritising").unwrap(),
        0.5,
        Origin::Text { start: 3, end: 15, phrase: "prioritising".into() },
    );
    evidence.mark_unknown(c.locate("big-company").unwrap());
    let card = LeanScorer::new(&c).score(&evidence);
    let json = serde_json::to_string(&card).unwrap();
    let back: Scorecard = serde_json::from_str(&json).unwrap();
    assert_eq!(back, card);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["verdict"], "both");
    assert_eq!(value["staffing"], "one-person");
    let origins: Vec<&serde_json::Value> =
        value["contributions"].as_array().unwrap().iter().map(|c| &c["origin"]).collect();
    assert!(origins.contains(&&serde_json::json!({"from": "answer", "answer": "yes"})));
    assert!(origins.contains(&&serde_json::json!({"from": "text", "start": 3, "end": 15, "phrase": "prioritising"})));
    assert!(serde_json::from_str::<Verdict>("\"Both Roles\"").is_err());
}

#[test]
fn explanations_read_as_an_outline() {
    let c = tiny();
    let text = LeanScorer::new(&c).explain(&ev(&c, &[("scrum", 1.0)])).to_string();
    insta::assert_snapshot!(text, @r"
    0.444  lean: verdict product-owner; confidence (margin 0.44, coverage 1.00)
      0.444  Product Owner [product-owner]
        0.444  Scrum [scrum] (answer yes): strength 1.00 × weight 0.80
      0.000  Product Manager [product-manager]
      0.000  Delivery Lead [delivery-lead]
    ");
}
