use std::path::PathBuf;
use std::process::ExitCode;

use crate::error::CliError;
use crate::input;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The catalog file, `*.json` or `*.toml`.
    file: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let catalog = input::read_catalog(&args.file)?;
    let d = catalog.data();
    output::print(&format!(
        "{}: valid catalog ({} roles, {} responsibilities, {} kpis, {} skills, {} signals, {} sources)\n",
        args.file.display(),
        d.roles.len(),
        d.responsibilities.len(),
        d.kpis.len(),
        d.skills.len(),
        d.signals.len(),
        d.sources.len()
    ))?;
    Ok(ExitCode::SUCCESS)
}
