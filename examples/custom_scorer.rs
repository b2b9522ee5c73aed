//! A user-defined scoring strategy, combined with a built-in one.
//!
//! `cargo run --example custom_scorer`
//!
//! `WorkArea` reads experience by the *area* of each responsibility (strategy and
//! market work point to a product manager, backlog and delivery work to a product
//! owner) instead of the catalog's per-fact ownership. It is blended with the built-in
//! `coverage` strategy over skills and responsibilities.

use rolefit::model::ResponsibilityCategory as Area;
use rolefit::scoring::{Ensemble, OwnEvidence, ScorecardBuilder};
use rolefit::{CandidateFit, CandidateProfile, Catalog, CoverageScorer, Format, RecordKind, Scorecard, Scorer};

/// Experience read by area of work, prepared for one catalog.
struct WorkArea<'c>(&'c Catalog);

impl Scorer for WorkArea<'_> {
    fn catalog(&self) -> &Catalog {
        self.0
    }

    fn name(&self) -> &str {
        "work-area"
    }

    fn score_own(&self, evidence: &OwnEvidence<'_, '_>) -> Scorecard {
        let mut card = ScorecardBuilder::new(evidence);
        for item in evidence.items().iter().filter(|i| i.record.kind == RecordKind::Responsibility) {
            let Some(work) = self.0.responsibilities().get(item.record.index) else { continue };
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
    let evidence = CandidateFit::new(catalog).evidence(&candidate)?;

    let builtin = CoverageScorer::new(catalog, &[RecordKind::Skill, RecordKind::Responsibility]);
    let blended = Ensemble::new(catalog).with(WorkArea(catalog), 0.4).with(builtin, 0.6);
    println!("{}", blended.explain(&evidence));
    println!("verdict: {}", blended.score(&evidence).verdict());
    Ok(())
}
