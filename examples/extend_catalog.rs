//! A team adds the Scrum Master to the canonical catalog and uses it like any role:
//! compares it, classifies a job posting, assesses an organisation and a candidate,
//! and sees how far its catalog has moved from the canonical one.
//!
//! ```text
//! cargo run --example extend_catalog
//! cargo run --example extend_catalog -- path/to/overlay.toml   # another overlay
//! ```
//!
//! The overlay is `examples/data/scrum-master.toml`; `docs/extending.md` explains it.

use std::error::Error;

use rolefit::catalog::Leaning;
use rolefit::{CandidateFit, CandidateProfile, Format, NeedsAssessment, OrgProfile, Verdict};
use rolefit_text::Classifier;

const OVERLAY: &str = include_str!("data/scrum-master.toml");

const POSTING: &str = "Scrum Master (f/m/d)\n\
    You facilitate the daily scrum and retrospectives, coach the team in Scrum and help it \
    resolve impediments. You work closely with our Product Owner. Certified Scrum Master (CSM or PSM) a plus.";

const CANDIDATE: &str = r#"
name = "Team coach"
[skills]
facilitation-skill = "expert"
agile-methods-knowledge = "expert"
conflict-resolution = "proficient"
communication-skills = "proficient"
"#;

const ORG: &str = r#"
name = "Scrum team with a product owner already"
methodology = "scrum"
delivery_is_bottleneck = true
backlog_has_owner = true
"#;

fn main() -> Result<(), Box<dyn Error>> {
    let (text, origin) = match std::env::args().nth(1) {
        Some(path) => (std::fs::read_to_string(&path)?, path),
        None => (OVERLAY.to_owned(), "examples/data/scrum-master.toml".to_owned()),
    };
    let format = Format::from_path(origin.as_ref()).unwrap_or(Format::Toml);
    // Every problem, with its file and path, if the overlay does not fit the canonical catalog.
    let catalog = rolefit::canonical_builder().overlay_str(&text, format, origin.as_str()).build()?;
    let names: Vec<&str> = catalog.roles().iter().map(|r| &*r.name).collect();
    println!("roles: {}\n", names.join(", "));

    let cmp = catalog.compare("scrum-master", "product-owner")?;
    println!("Scrum Master and Product Owner, where the overlay says something about both:");
    for d in cmp.dimensions.iter().filter(|d| d.first.is_some() && d.second.is_some()) {
        println!(
            "  {}:\n    SM: {}\n    PO: {}",
            d.name,
            d.first.as_deref().unwrap_or(""),
            d.second.as_deref().unwrap_or("")
        );
    }
    let own: Vec<&str> = cmp.responsibilities_leaning(Leaning::First).map(|r| &*r.name).collect();
    println!("  only the Scrum Master's: {}\n", own.join("; "));

    let classification = Classifier::new(&catalog)?.classify(POSTING)?;
    let mut found: Vec<&str> = Vec::new();
    for m in &classification.evidence {
        if !found.contains(&m.fact.as_str()) {
            found.push(m.fact.as_str());
        }
    }
    println!("the posting is for: {} (found: {})", classification.verdict, found.join(", "));

    let org = OrgProfile::read(ORG, Format::Toml, &catalog)?;
    let card = NeedsAssessment::new(&catalog).assess(&org)?;
    let scores: Vec<String> = card.scores().iter().map(|s| format!("{} {:.2}", s.role, s.score)).collect();
    let verdict = match &card.verdict() {
        Verdict::Both => {
            format!("both: {}", card.recommended().iter().map(|r| r.as_str()).collect::<Vec<_>>().join(" + "))
        }
        v => v.to_string(),
    };
    println!("{}: {verdict} ({})", org.name.as_deref().unwrap_or("organisation"), scores.join(", "));

    let candidate = CandidateProfile::read(CANDIDATE, Format::Toml, &catalog)?;
    let fit = CandidateFit::new(&catalog).assess(&candidate)?;
    let best = fit.roles.iter().max_by(|a, b| a.score.total_cmp(&b.score));
    if let Some(best) = best {
        println!("{} fits {} best ({:.2})", fit.name.as_deref().unwrap_or("the candidate"), best.role, best.score);
    }

    let diff = rolefit::catalog::diff(rolefit::canonical(), &catalog);
    println!(
        "\nagainst the canonical catalog: {} changes, a {} bump ({} -> {})",
        diff.changes.len(),
        diff.bump.as_str(),
        diff.old_version.as_deref().unwrap_or("?"),
        diff.suggested_version.as_deref().unwrap_or("?"),
    );
    Ok(())
}
