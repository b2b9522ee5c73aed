use std::process::ExitCode;

use clap::ValueEnum;

use crate::error::CliError;
use crate::output;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The catalog document as JSON (the same as `docs/data/catalog.json`).
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Export format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    format: ExportFormat,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let catalog = super::catalog();
    let text = match args.format {
        ExportFormat::Json => output::json(catalog)?,
    };
    output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}
