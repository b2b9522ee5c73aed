//! A user-defined scoring strategy, combined with a built-in one.
//!
//! `cargo run --example custom_scorer`
//!
//! `WorkArea` reads experience by the *area* of each responsibility (strategy and
//! market work point to a product manager, backlog and delivery work to a product
//! owner) instead of the catalog's per-fact ownership. It is blended with the built-in
//! `coverage` strategy over skills and responsibilities.

use rolefit::model::ResponsibilityCategory as Area;
use rolefit::scoring::{Ensemble, ScorecardBuilder};
use rolefit::{
    CandidateFit, CandidateProfile, Catalog, CoverageScorer, Evidence, Format, RecordKind, Scorecard, Scorer,
};

/// Experience read by area of work.
struct WorkArea;

impl Scorer for WorkArea {
    fn name(&self) -> &str {
        "work-area"
    }

    fn score(&self, catalog: &Catalog, evidence: &Evidence) -> Scorecard {
        let mut card = ScorecardBuilder::new(catalog, evidence);
        for item in evidence.items().iter().filter(|i| i.record.kind == RecordKind::Responsibility) {
            let Some(work) = catalog.responsibilities().get(item.record.index) else { continue };
            let role = match work.category {
                Area::Strategy | Area::Discovery | Area::GoToMarket => "product-manager",
                Area::Backlog | Area::Delivery => "product-owner",
                _ => continue,
            };
            card.add_to(role, item, 1.0);
        }
        // Three pieces of fully owned work in one area score 0.75.
        card.finish_saturating(1.0)
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let catalog = rolefit::canonical();
    let text = include_str!("data/candidate-po.toml");
    let candidate = CandidateProfile::read(text, Format::Toml, catalog)?;
    let evidence = CandidateFit::new(catalog).evidence(&candidate);

    let builtin = CoverageScorer::new(catalog, &[RecordKind::Skill, RecordKind::Responsibility]);
    let blended = Ensemble::new().with(WorkArea, 0.4).with(builtin, 0.6);
    println!("{}", blended.explain(catalog, &evidence));

    // Or plug it into the candidate-fit report, with its matching and missing skills.
    let report = CandidateFit::new(catalog).assess_with(&candidate, &blended);
    println!("verdict: {}", report.scorecard.verdict);
    Ok(())
}
