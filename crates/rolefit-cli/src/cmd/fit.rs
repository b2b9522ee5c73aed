//! `rolefit fit FILE`: which role a candidate leans to, and how complete the match with each role is.

use std::path::PathBuf;
use std::process::ExitCode;

use rolefit::render::Render;
use rolefit::{CandidateFit, CandidateProfile};

use crate::context::Context;
use crate::error::CliError;
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
    // The profile's name, or the file's: `report.name` alone would leave an unnamed profile untitled.
    ctx.emit(args.format, &report, |doc| {
        doc.line(&input.title);
        report.render_into(catalog, doc);
    })?;
    Ok(ExitCode::SUCCESS)
}
