//! The laws every built-in strategy obeys, as property tests, on a tiny hand-made
//! catalog and on the canonical one.

use proptest::prelude::*;
// proptest's, not the scoring strategy of the same name.
use proptest::strategy::Strategy;
use rolefit_core::assessment::*;
use rolefit_core::catalog::*;
use rolefit_core::evidence::*;
use rolefit_core::model::*;
use rolefit_core::scoring::*;

use crate::scoring_support::{leaning_facts, tiny};

fn origin() -> impl Strategy<Value = Origin> {
    prop_oneof![
        prop_oneof![Just(Answer::Yes), Just(Answer::No)].prop_map(|answer| Origin::Answer { answer }),
        (0usize..5).prop_map(|l| Origin::Skill { proficiency: Proficiency::ALL[l] }),
        (0usize..100, 1usize..20).prop_map(|(start, len)| Origin::Text {
            start,
            end: start + len,
            phrase: "a phrase".into()
        }),
    ]
}

/// Strengths including the awkward ones (out of range, NaN, infinite): evidence clamps them.
fn strength() -> impl Strategy<Value = f64> {
    prop_oneof![
        8 => 0.0..=1.0f64,
        1 => -2.0..3.0f64,
        1 => prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY), Just(0.0), Just(1.0)],
    ]
}

/// Items about any fact (including ones that do not lean, like sources) and unknown facts.
fn items(catalog: &Catalog) -> impl Strategy<Value = (Vec<EvidenceItem>, Vec<RecordRef>)> + use<> {
    let facts: Vec<RecordRef> = catalog.ids().map(|(_, f)| f).collect();
    let item = (proptest::sample::select(facts.clone()), strength(), origin())
        .prop_map(|(fact, strength, origin)| EvidenceItem { record: fact, strength, origin });
    (proptest::collection::vec(item, 0..30), proptest::collection::vec(proptest::sample::select(facts), 0..5))
}

fn evidence<'c>(catalog: &'c Catalog, items: &[EvidenceItem], unknown: &[RecordRef]) -> Evidence<'c> {
    let mut e = Evidence::new(catalog);
    e.extend(items.iter().cloned());
    for f in unknown {
        e.mark_unknown(*f);
    }
    e
}

fn check_card(card: &Scorecard, catalog: &Catalog) -> Result<(), TestCaseError> {
    prop_assert_eq!(card.scores().len(), catalog.roles().len());
    for x in [card.margin(), card.coverage(), card.confidence()] {
        prop_assert!(x.is_finite() && (0.0..=1.0).contains(&x), "{x} in {card:#?}");
    }
    for s in card.scores() {
        prop_assert!(s.score.is_finite() && (0.0..=1.0).contains(&s.score), "{s:?}");
        let sum: f64 = card.contributions_to(s.role.as_str()).map(|c| c.effect).sum();
        prop_assert!((sum - s.score).abs() <= 1e-12, "{}: contributions add up to {sum}, score {}", s.role, s.score);
    }
    for c in card.contributions() {
        prop_assert!(c.effect.is_finite() && c.effect > 0.0, "{c:?}");
        prop_assert!((0.0..=1.0).contains(&c.strength) && (0.0..=1.0).contains(&c.weight), "{c:?}");
    }
    Ok(())
}

/// The built-in strategies, for one catalog.
fn strategies(catalog: &Catalog) -> Vec<Box<dyn Scorer + Send + Sync + '_>> {
    vec![
        LeanScorer::new(catalog).boxed(),
        LeanScorer::new(catalog).with_half(0.3).boxed(),
        CoverageScorer::new(catalog, &[RecordKind::Skill]).boxed(),
        CoverageScorer::new(catalog, &[RecordKind::Skill, RecordKind::Responsibility, RecordKind::Kpi]).boxed(),
        CoverageScorer::by_kind(catalog, &[(RecordKind::Skill, 0.7), (RecordKind::Responsibility, 0.3)]).boxed(),
        Ensemble::new(catalog)
            .with(LeanScorer::new(catalog), 0.6)
            .with(CoverageScorer::new(catalog, &[RecordKind::Skill]), 0.4)
            .boxed(),
    ]
}

fn laws(
    catalog: &Catalog,
    items: &[EvidenceItem],
    unknown: &[RecordRef],
    extra: &EvidenceItem,
    seed: u64,
) -> Result<(), TestCaseError> {
    let table = LeanTable::new(catalog);
    let base = evidence(catalog, items, unknown);
    // The same items in another order.
    let mut shuffled = items.to_vec();
    let n = shuffled.len();
    let mut state = seed | 1;
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        shuffled.swap(i, (state % (i as u64 + 1)) as usize);
    }
    let mut unknown_rev = unknown.to_vec();
    unknown_rev.reverse();
    let reordered = evidence(catalog, &shuffled, &unknown_rev);
    let mut more = base.clone();
    more.push(extra.record, extra.strength, extra.origin.clone());

    for s in strategies(catalog) {
        let card = s.score(&base);
        check_card(&card, catalog)?;
        prop_assert_eq!(&card, &s.score(&base), "{} is not deterministic", s.name());
        prop_assert_eq!(&card, &s.score(&reordered), "{} depends on evidence order", s.name());

        let after = s.score(&more);
        check_card(&after, catalog)?;
        if let Some(row) = table.lean(extra.record) {
            for (role, weight) in catalog.roles().iter().zip(row) {
                if *weight > 0.0 {
                    let (b, a) = (card.score(role.id.as_str()).unwrap(), after.score(role.id.as_str()).unwrap());
                    prop_assert!(a >= b, "{}: adding {:?} lowered {} from {b} to {a}", s.name(), extra, role.id);
                }
            }
        }
        let alone = Ensemble::new(catalog).with(&s, 1.0).score(&base);
        prop_assert_eq!(&alone, &card, "an ensemble of {} alone at weight 1 differs from it", s.name());
    }
    Ok(())
}

fn extra_item(catalog: &Catalog) -> impl Strategy<Value = EvidenceItem> + use<> {
    (proptest::sample::select(leaning_facts(catalog)), 0.0..=1.0f64, origin())
        .prop_map(|(fact, strength, origin)| EvidenceItem { record: fact, strength, origin })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn laws_hold_on_a_tiny_catalog(
        (items, unknown, extra, seed) in {
            let c = tiny();
            (items(&c), extra_item(&c), any::<u64>()).prop_map(|((i, u), e, s)| (i, u, e, s))
        }
    ) {
        laws(&tiny(), &items, &unknown, &extra, seed)?;
    }

    #[test]
    fn laws_hold_on_the_canonical_catalog(
        (items, unknown, extra, seed) in {
            let c = rolefit_data::catalog();
            (items(c), extra_item(c), any::<u64>()).prop_map(|((i, u), e, s)| (i, u, e, s))
        }
    ) {
        laws(rolefit_data::catalog(), &items, &unknown, &extra, seed)?;
    }

    /// Extending sorts once at the end; it must keep exactly what pushing one by one keeps.
    #[test]
    fn extending_evidence_equals_pushing_each_item(
        (items, more) in {
            let c = rolefit_data::catalog();
            (items(c), items(c)).prop_map(|((i, _), (m, _))| (i, m))
        }
    ) {
        let catalog = rolefit_data::catalog();
        let mut pushed = Evidence::new(catalog);
        for item in items.iter().chain(&more) {
            pushed.push(item.record, item.strength, item.origin.clone());
        }
        let mut extended = Evidence::new(catalog);
        extended.extend(items.iter().cloned());
        extended.extend(more.iter().cloned());
        prop_assert_eq!(extended, pushed);
    }

    #[test]
    fn needs_assessment_cards_obey_the_laws(
        answers in proptest::collection::vec(prop_oneof![Just(Answer::Yes), Just(Answer::No), Just(Answer::Unknown)], 25),
        products in proptest::option::of(0u32..20),
        employees in proptest::option::of(0u32..100_000),
    ) {
        let catalog = rolefit_data::catalog();
        let mut profile = OrgProfile { products, employees, ..OrgProfile::default() };
        for (signal, answer) in catalog.signals().iter().zip(&answers) {
            profile.answers.insert(signal.id.clone(), *answer);
        }
        // A count of 0 is refused, not scored as unknown.
        let Ok(card) = NeedsAssessment::new(catalog).assess(&profile) else {
            prop_assert!(products == Some(0) || employees == Some(0));
            return Ok(());
        };
        check_card(&card, catalog)?;
        let asked = catalog.signals().len() as f64;
        let known = answers.iter().take(catalog.signals().len()).filter(|a| **a != Answer::Unknown).count() as f64;
        prop_assert!((card.coverage() - known / asked).abs() < 1e-12);
    }
}

#[test]
fn empty_evidence_gives_the_neutral_undetermined_card() {
    for catalog in [&tiny(), rolefit_data::catalog()] {
        for s in strategies(catalog) {
            let card = s.score(&Evidence::new(catalog));
            assert_eq!(card, Scorecard::neutral(catalog), "{}", s.name());
            assert_eq!(*card.verdict(), Verdict::Undetermined);
            assert!(card.scores().iter().all(|r| r.score == 0.0));
            assert_eq!((card.margin(), card.coverage(), card.confidence()), (0.0, 0.0, 0.0));
            assert!(card.contributions().is_empty());
        }
    }
}
