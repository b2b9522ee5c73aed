//! `rolefit fit FILE`: how well a candidate fits each role, with matching and missing skills.

use std::path::PathBuf;
use std::process::ExitCode;

use rolefit::{CandidateFit, CandidateProfile, Catalog, FitReport, Importance};

use super::assess::{headline, profile_error, read_checked, read_weights, role_name};
use crate::error::CliError;
use crate::output::{self, Grid, OutputFormat};

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

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let catalog = super::catalog();
    let profile: CandidateProfile = read_checked(&args.file, |p: &CandidateProfile| p.check(catalog))?;
    let fit = match &args.weights {
        Some(path) => {
            CandidateFit::with_weights(catalog, &read_weights(path)?).map_err(|e| profile_error(path, "weights", e))?
        }
        None => CandidateFit::new(catalog),
    };
    let report = fit.assess(&profile);
    let title = profile.name.clone().unwrap_or_else(|| args.file.display().to_string());
    let text = match args.format {
        OutputFormat::Json => output::json(&report)?,
        OutputFormat::Table => render(catalog, &title, &report, |grid| grid.to_terminal() + "\n"),
        OutputFormat::Markdown => render(catalog, &title, &report, |grid| grid.to_markdown()),
    };
    output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn importance(i: Importance) -> &'static str {
    match i {
        Importance::Essential => "essential",
        Importance::Important => "important",
        Importance::Helpful => "helpful",
        Importance::NotRequired => "-",
    }
}

fn render(catalog: &Catalog, title: &str, report: &FitReport, show: impl Fn(&Grid) -> String) -> String {
    let card = &report.scorecard;
    let mut out = format!("{title}\nbest fit: {}\n\n", headline(catalog, card));
    let mut scores = Grid::new(&["role", "fit", "matching skills", "missing (important or essential)"]);
    for role in &report.roles {
        scores.row(vec![
            role_name(catalog, &role.role),
            format!("{:.2}", role.score),
            role.matching.len().to_string(),
            role.missing.len().to_string(),
        ]);
    }
    out.push_str(&show(&scores));
    let skill_name =
        |id: &rolefit::Id| catalog.skill(id.as_str()).map_or_else(|| id.to_string(), |s| s.name.to_string());
    for role in &report.roles {
        let name = role_name(catalog, &role.role);
        let mut grid = Grid::new(&[&format!("{name}: skill"), "needed", "candidate"]);
        for m in &role.matching {
            grid.row(vec![skill_name(&m.skill), importance(m.importance).to_owned(), m.proficiency.to_string()]);
        }
        for m in &role.missing {
            grid.row(vec![skill_name(&m.skill), importance(m.importance).to_owned(), "missing".to_owned()]);
        }
        out.push('\n');
        out.push_str(&show(&grid));
    }
    out
}
