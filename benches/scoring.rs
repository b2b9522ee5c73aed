//! Scoring: needs assessment and candidate fit per profile, and batches of a million.
//!
//! `cargo bench --bench scoring`. Targets (docs/performance.md, "Scoring"): needs
//! assessment under 200 ns per profile and candidate fit under 2 µs per profile, on one
//! core. The needs assessment is measured three ways: `needs_assessment` (a fresh card per
//! profile, so four vectors allocated and freed each time), `needs_assessment_into` (one
//! card reused, the way to score many profiles) and `needs_assessment_brief` (no
//! explanation). `*_evidence_only` time building the evidence the general path scores.
//! `batch/*` score a million profiles per iteration (one core, then all cores with rayon)
//! and report throughput. Each closure asserts on its result so the work cannot be
//! optimised away or silently go wrong. Profiles cycle through a pool of varied,
//! deterministic ones so branch prediction does not see the same input every time.

#![allow(clippy::expect_used)] // a benchmark fails by panicking

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;
use rolefit::assessment::{CompanyStage, Complexity, MarketPace, Methodology, VisionState};
use rolefit::evidence::{Answer, Proficiency};
use rolefit::model::Ownership;
use rolefit::{CandidateFit, CandidateProfile, Id, NeedsAssessment, OrgProfile};

const POOL: usize = 1024;
const BATCH: usize = 1_000_000;

/// A small deterministic generator (xorshift64), so runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// `None` (unknown) one time in four, else a coin flip.
    fn answer(&mut self) -> Option<bool> {
        match self.next() % 4 {
            0 => None,
            1 => Some(true),
            _ => Some(false),
        }
    }
    fn pick<T: Copy>(&mut self, options: &[T]) -> Option<T> {
        let i = (self.next() % (options.len() as u64 + 1)) as usize;
        options.get(i).copied()
    }
}

fn org_profiles() -> Vec<OrgProfile> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    (0..POOL)
        .map(|i| OrgProfile {
            name: None,
            methodology: rng.pick(&[
                Methodology::Scrum,
                Methodology::Kanban,
                Methodology::Agile,
                Methodology::Waterfall,
            ]),
            products: rng.pick(&[1, 2, 3, 8]),
            market: rng.pick(&[MarketPace::Stable, MarketPace::ChangingFast]),
            departments_to_coordinate: rng.pick(&[1, 2, 4, 7]),
            stage: rng.pick(&[
                CompanyStage::Startup,
                CompanyStage::Growing,
                CompanyStage::Established,
                CompanyStage::Enterprise,
            ]),
            employees: rng.pick(&[8, 120, 5000]),
            vision: rng.pick(&[VisionState::Clear, VisionState::NeedsDefining]),
            roadmap_defined: rng.answer(),
            delivery_is_bottleneck: rng.answer(),
            new_products_or_markets: rng.answer(),
            market_research_needed: rng.answer(),
            long_term_planning_needed: rng.answer(),
            releases_often: rng.answer(),
            live_and_improving: rng.answer(),
            priorities_shift_often: rng.answer(),
            dedicated_dev_team: rng.answer(),
            backlog_has_owner: rng.answer(),
            product_user_insight_needed: rng.answer(),
            one_hire_budget: rng.answer(),
            complexity: rng.pick(&[Complexity::Simple, Complexity::Moderate, Complexity::Complex]),
            // One profile in eight also answers a signal by id.
            // Left unanswered so the profiles stay the ones earlier runs measured.
            dev_teams: None,
            answers: if i % 8 == 0 {
                [(Id::from_static("dedicated-dev-team"), Answer::Yes)].into()
            } else {
                Default::default()
            },
        })
        .collect()
}

fn candidate_profiles() -> Vec<CandidateProfile> {
    let catalog = rolefit::canonical();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let levels = [Ownership::Contributes, Ownership::Shares, Ownership::Owns];
    (0..POOL)
        .map(|_| {
            // About a third of the catalog's skills, at any level; some experience half the time.
            let mut profile = CandidateProfile::default();
            for skill in catalog.skills() {
                if rng.next().is_multiple_of(3) {
                    profile.skills.insert(skill.id.clone(), Proficiency::ALL[(rng.next() % 5) as usize]);
                }
            }
            if rng.next().is_multiple_of(2) {
                for work in catalog.responsibilities() {
                    if rng.next().is_multiple_of(6) {
                        profile.experience.insert(work.id.clone(), levels[(rng.next() % 3) as usize]);
                    }
                }
            }
            profile
        })
        .collect()
}

fn per_profile(c: &mut Criterion) {
    let catalog = rolefit::canonical();
    let roles = catalog.roles().len();
    let mut group = c.benchmark_group("scoring");

    let needs = NeedsAssessment::new(catalog);
    let orgs = org_profiles();
    let mut i = 0;
    group.bench_function("needs_assessment", |b| {
        b.iter(|| {
            i = (i + 1) % POOL;
            let card = needs.assess(black_box(&orgs[i])).expect("the profiles are valid");
            assert_eq!(card.scores().len(), roles);
            card
        })
    });

    // The same card, reusing one card's allocations from profile to profile.
    let mut card = rolefit::Scorecard::default();
    group.bench_function("needs_assessment_into", |b| {
        b.iter(|| {
            i = (i + 1) % POOL;
            needs.assess_into(black_box(&orgs[i]), &mut card).expect("the profiles are valid");
            assert_eq!(card.scores().len(), roles);
        })
    });

    // The same, with the canonical data read from JSON at run time: its ids are owned strings, so
    // every id cloned into the card is an allocation (the baked catalog's ids are static strings).
    let loaded = rolefit::Catalog::from_json_str(include_str!("../docs/data/catalog.json")).expect("the export loads");
    let loaded_needs = NeedsAssessment::new(&loaded);
    let mut loaded_card = rolefit::Scorecard::default();
    group.bench_function("needs_assessment_into_loaded_catalog", |b| {
        b.iter(|| {
            i = (i + 1) % POOL;
            loaded_needs.assess_into(black_box(&orgs[i]), &mut loaded_card).expect("the profiles are valid");
            assert_eq!(loaded_card.scores().len(), roles);
        })
    });

    let mut evidence = rolefit::Evidence::new(catalog);
    group.bench_function("needs_evidence_only", |b| {
        b.iter(|| {
            i = (i + 1) % POOL;
            needs.evidence_into(black_box(&orgs[i]), &mut evidence).expect("the profiles are valid");
            assert_eq!(evidence.len() + evidence.unanswered().count(), catalog.signals().len());
        })
    });

    let fit = CandidateFit::new(catalog);
    let people = candidate_profiles();
    group.bench_function("candidate_fit", |b| {
        b.iter(|| {
            i = (i + 1) % POOL;
            let report = fit.assess(black_box(&people[i])).expect("the profiles are valid");
            assert_eq!(report.roles.len(), roles);
            report
        })
    });

    group.bench_function("fit_evidence_only", |b| {
        b.iter(|| {
            i = (i + 1) % POOL;
            let evidence = fit.evidence(black_box(&people[i])).expect("the profiles are valid");
            assert!(evidence.len() <= people[i].skills.len() + people[i].experience.len());
            evidence
        })
    });
    group.finish();
}

fn batch(c: &mut Criterion) {
    let catalog = rolefit::canonical();
    let mut group = c.benchmark_group("batch");
    group.sample_size(10);
    group.throughput(Throughput::Elements(BATCH as u64));

    let needs = NeedsAssessment::new(catalog);
    let orgs = org_profiles();
    group.bench_function("needs_1m_one_core", |b| {
        b.iter(|| {
            let decided = (0..BATCH)
                .filter(|i| needs.assess(&orgs[i % POOL]).is_ok_and(|card| !card.recommended().is_empty()))
                .count();
            assert!(decided > 0 && decided <= BATCH);
        })
    });
    group.bench_function("needs_into_1m_one_core", |b| {
        let mut card = rolefit::Scorecard::default();
        b.iter(|| {
            let decided = (0..BATCH)
                .filter(|i| needs.assess_into(&orgs[i % POOL], &mut card).is_ok() && !card.recommended().is_empty())
                .count();
            assert!(decided > 0 && decided <= BATCH);
        })
    });
    group.bench_function("needs_into_1m_rayon", |b| {
        b.iter(|| {
            let decided = (0..BATCH)
                .into_par_iter()
                .map_init(rolefit::Scorecard::default, |card, i| {
                    usize::from(needs.assess_into(&orgs[i % POOL], card).is_ok() && !card.recommended().is_empty())
                })
                .sum::<usize>();
            assert!(decided > 0 && decided <= BATCH);
        })
    });

    // Catalog ids read at run time, cloned into cards on both cores at once.
    let loaded = rolefit::Catalog::from_json_str(include_str!("../docs/data/catalog.json")).expect("the export loads");
    let loaded_needs = NeedsAssessment::new(&loaded);
    group.bench_function("needs_into_1m_rayon_loaded_catalog", |b| {
        b.iter(|| {
            let decided = (0..BATCH)
                .into_par_iter()
                .map_init(rolefit::Scorecard::default, |card, i| {
                    usize::from(
                        loaded_needs.assess_into(&orgs[i % POOL], card).is_ok() && !card.recommended().is_empty(),
                    )
                })
                .sum::<usize>();
            assert!(decided > 0 && decided <= BATCH);
        })
    });

    let fit = CandidateFit::new(catalog);
    let people = candidate_profiles();
    group.bench_function("fit_1m_one_core", |b| {
        b.iter(|| {
            let fitting =
                (0..BATCH).filter(|i| fit.assess(&people[i % POOL]).is_ok_and(|r| r.lean.confidence > 0.0)).count();
            assert!(fitting > 0 && fitting <= BATCH);
        })
    });
    group.bench_function("fit_1m_rayon", |b| {
        b.iter(|| {
            let fitting = (0..BATCH)
                .into_par_iter()
                .filter(|i| fit.assess(&people[i % POOL]).is_ok_and(|r| r.lean.confidence > 0.0))
                .count();
            assert!(fitting > 0 && fitting <= BATCH);
        })
    });
    group.finish();
}

criterion_group!(benches, per_profile, batch);
criterion_main!(benches);
