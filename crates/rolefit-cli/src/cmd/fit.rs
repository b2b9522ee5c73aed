//! `rolefit fit FILE`: which role a candidate leans to, and how complete the match with each role is.

use std::path::PathBuf;
use std::process::ExitCode;

use rolefit::assessment::{FitReport, Need};
use rolefit::{CandidateFit, CandidateProfile, Catalog, Origin, Verdict};

use crate::context::Context;
use crate::document::{Document, Grid};
use crate::error::CliError;
use crate::labels::{importance, list_words, ownership, record_name, role_name};
use crate::output::OutputFormat;
use crate::profile::{Scored, profile_error};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The candidate profile, `*.toml` or `*.json` (schema: `rolefit schema candidate-profile`).
    file: PathBuf,
    /// Weight overrides, `*.toml` or `*.json`: fact id -> role id -> weight in [0, 1].
    #[arg(long, value_name = "FILE")]
    weights: Option<PathBuf>,
    /// Output format (JSON: the fit report, `rolefit schema fit-report`).
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let catalog = ctx.catalog_with_roles()?;
    let input = Scored::<CandidateProfile>::read(ctx, &args.file, args.weights.as_deref())?;
    let fit = input.assessor(|weights| CandidateFit::with_weights(catalog, weights), || CandidateFit::new(catalog))?;
    let report = fit.assess(&input.profile).map_err(|e| profile_error(&args.file, "profile", e))?;
    ctx.emit(args.format, &report, |doc| render(doc, catalog, &input.title, &report))?;
    Ok(ExitCode::SUCCESS)
}

fn render(doc: &mut Document, catalog: &Catalog, title: &str, report: &FitReport) {
    let lean = &report.lean;
    let role = |id: &Option<rolefit::Id>| id.as_ref().map_or_else(|| "-".to_owned(), |id| role_name(catalog, id));
    doc.line(title);
    let names: Vec<String> = lean.recommended.iter().map(|id| role_name(catalog, id)).collect();
    let verdict = match lean.verdict {
        Verdict::Undetermined => "undetermined".to_owned(),
        Verdict::Both => format!("both: {}", list_words(&names.iter().map(String::as_str).collect::<Vec<_>>())),
        Verdict::Role(_) => names.join(", "),
    };
    doc.line(&format!("leans to: {verdict} ({})", lean.reason.describe()));
    doc.line(&format!(
        "evidence: {:.2} for {} over {}, {:.2} the other way; margin {:.2}, confidence {:.2} (share of what tells them apart that the profile states)",
        lean.toward_leader,
        role(&lean.leader),
        role(&lean.runner_up),
        lean.toward_runner_up,
        lean.margin,
        lean.confidence
    ));
    if !lean.deciding.is_empty() {
        doc.blank();
        let mut deciding = Grid::new(&["deciding fact", "stated", "points to", "effect"]);
        for d in &lean.deciding {
            let toward = if d.effect > 0.0 { &lean.leader } else { &lean.runner_up };
            deciding.row(vec![
                record_name(catalog, &d.fact),
                stated(&d.stated),
                role(toward),
                format!("{:.2}", d.effect.abs()),
            ]);
        }
        doc.table(&deciding);
    }
    doc.blank();
    let mut scores =
        Grid::new(&["role", "shown met", "stated", "met of stated", "strong", "weak (missing)", "unknown"]);
    for role in &report.roles {
        scores.row(vec![
            role_name(catalog, &role.role),
            format!("{:.2}", role.score),
            format!("{:.2}", role.stated),
            format!("{:.2}", role.met),
            role.strong.len().to_string(),
            role.weak.len().to_string(),
            role.unknown.len().to_string(),
        ]);
    }
    doc.table(&scores);
    for role in &report.roles {
        let name = role_name(catalog, &role.role);
        let mut grid = Grid::new(&[&format!("{name}: stated need"), "needed", "candidate", "standing"]);
        let rows = role.strong.iter().map(|f| (f, "strong")).chain(role.weak.iter().map(|f| (f, "weak (missing)")));
        for (fact, standing) in rows {
            grid.row(vec![
                record_name(catalog, &fact.fact),
                need(fact.need),
                stated(&fact.stated),
                standing.to_owned(),
            ]);
        }
        doc.blank();
        if role.strong.is_empty() && role.weak.is_empty() {
            doc.line(&format!("{name}: the profile states none of what the role needs"));
        } else {
            doc.table(&grid);
        }
        doc.line(&format!("{name}: {} more needs not stated (unknown, not missing)", role.unknown.len()));
    }
}

/// A need in a word: the importance of a skill, the role's stake in a piece of work.
fn need(need: Need) -> String {
    match need {
        Need::Importance(i) => importance(i).to_owned(),
        Need::Ownership(o) => ownership(o).to_owned(),
    }
}

/// What the profile states about a fact, in a word.
fn stated(origin: &Origin) -> String {
    match origin {
        Origin::Skill { proficiency } => proficiency.to_string(),
        Origin::Experience { level } => ownership(*level).to_owned(),
        other => format!("{other:?}"),
    }
}
