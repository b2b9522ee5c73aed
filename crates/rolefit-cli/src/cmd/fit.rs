//! `rolefit fit FILE`: how well a candidate fits each role, with matching and missing skills.

use std::path::PathBuf;
use std::process::ExitCode;

use rolefit::assessment::FitReport;
use rolefit::{CandidateFit, CandidateProfile, Catalog};

use crate::context::Context;
use crate::document::{Document, Grid};
use crate::error::CliError;
use crate::labels::{headline, importance, role_name, skill_name};
use crate::output::OutputFormat;
use crate::profile::Scored;

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
    let report = fit.assess(&input.profile);
    ctx.emit(args.format, &report, |doc| render(doc, catalog, &input.title, &report))?;
    Ok(ExitCode::SUCCESS)
}

fn render(doc: &mut Document, catalog: &Catalog, title: &str, report: &FitReport) {
    let card = &report.scorecard;
    doc.line(title);
    doc.line(&format!("best fit: {}", headline(catalog, card)));
    doc.blank();
    let mut scores = Grid::new(&["role", "fit", "matching skills", "missing (important or essential)"]);
    for role in &report.roles {
        scores.row(vec![
            role_name(catalog, &role.role),
            format!("{:.2}", role.score),
            role.matching.len().to_string(),
            role.missing.len().to_string(),
        ]);
    }
    doc.table(&scores);
    for role in &report.roles {
        let name = role_name(catalog, &role.role);
        let mut grid = Grid::new(&[&format!("{name}: skill"), "needed", "candidate"]);
        for m in &role.matching {
            grid.row(vec![
                skill_name(catalog, &m.skill),
                importance(m.importance).to_owned(),
                m.proficiency.to_string(),
            ]);
        }
        for m in &role.missing {
            grid.row(vec![skill_name(catalog, &m.skill), importance(m.importance).to_owned(), "missing".to_owned()]);
        }
        doc.blank();
        doc.table(&grid);
    }
}
