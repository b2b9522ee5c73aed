//! `rolefit assess FILE`: which role(s) an organisation needs, and why.

use std::path::PathBuf;
use std::process::ExitCode;

use rolefit::scoring::Contribution;
use rolefit::{Catalog, NeedsAssessment, OrgProfile, Scorecard};

use crate::context::Context;
use crate::document::{Document, Grid};
use crate::error::CliError;
use crate::labels::{fact_name, headline, role_name};
use crate::output::OutputFormat;
use crate::profile::Scored;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The organisation profile, `*.toml` or `*.json` (schema: `rolefit schema org-profile`).
    file: PathBuf,
    /// Weight overrides, `*.toml` or `*.json`: fact id -> role id -> weight in [0, 1]
    /// (schema: `rolefit schema weights`).
    #[arg(long, value_name = "FILE")]
    weights: Option<PathBuf>,
    /// Output format (JSON: the scorecard, `rolefit schema scorecard`).
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let catalog = ctx.catalog_with_roles()?;
    let input = Scored::<OrgProfile>::read(ctx, &args.file, args.weights.as_deref())?;
    let needs =
        input.assessor(|weights| NeedsAssessment::with_weights(catalog, weights), || NeedsAssessment::new(catalog))?;
    let card = needs.assess(&input.profile);
    ctx.emit(args.format, &card, |doc| render(doc, catalog, &input.title, &card))?;
    Ok(ExitCode::SUCCESS)
}

/// The scores, then every contribution (largest first), then the unanswered questions.
fn render(doc: &mut Document, catalog: &Catalog, title: &str, card: &Scorecard) {
    doc.line(title);
    doc.line(&format!("verdict: {}", headline(catalog, card)));
    doc.line(&format!(
        "confidence {:.2} (margin {:.2}, {:.0}% of the questions answered)",
        card.confidence(),
        card.margin(),
        card.coverage() * 100.0
    ));
    doc.blank();
    let mut scores = Grid::new(&["role", "score"]);
    for s in card.scores() {
        scores.row(vec![role_name(catalog, &s.role), format!("{:.2}", s.score)]);
    }
    doc.table(&scores);
    let mut reasons: Vec<&Contribution> = card.contributions().iter().collect();
    reasons.sort_by(|a, b| b.effect.total_cmp(&a.effect));
    if !reasons.is_empty() {
        let mut grid = Grid::new(&["why (answered yes)", "adds to", "effect", "weight"]);
        for c in reasons {
            grid.row(vec![
                fact_name(catalog, c),
                role_name(catalog, &c.role),
                format!("+{:.3}", c.effect),
                format!("{:.2}", c.weight),
            ]);
        }
        doc.blank();
        doc.table(&grid);
    }
    if !card.unanswered().is_empty() {
        let mut grid = Grid::new(&["unanswered (lowers the confidence)"]);
        for id in card.unanswered() {
            let question = catalog.signal(id.as_str()).map_or_else(|| id.to_string(), |s| s.question.to_string());
            grid.row(vec![question]);
        }
        doc.blank();
        doc.table(&grid);
    }
}
