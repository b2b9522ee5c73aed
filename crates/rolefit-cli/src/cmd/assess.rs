//! `rolefit assess FILE`: which role(s) an organisation needs, and why.

use std::path::PathBuf;
use std::process::ExitCode;

use rolefit::render::Render;
use rolefit::{NeedsAssessment, OrgProfile};

use crate::context::Context;
use crate::error::CliError;
use crate::output::OutputFormat;
use crate::profile::{Scored, profile_error};

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
    let card = needs.assess(&input.profile).map_err(|e| profile_error(&args.file, "profile", e))?;
    ctx.emit(args.format, &card, |doc| {
        doc.line(&input.title);
        card.render_into(catalog, doc);
    })?;
    Ok(ExitCode::SUCCESS)
}
