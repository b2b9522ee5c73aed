use std::path::PathBuf;
use std::process::ExitCode;

use rolefit::CatalogData;

use crate::error::CliError;
use crate::input;
use crate::layers;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The catalog file, `*.json` or `*.toml`. An overlay (a file with an `[overlay]`
    /// table or `[extend]` rows) is checked applied over the canonical catalog and any
    /// `--catalog` files; any other file is checked as a whole catalog on its own.
    file: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let data = input::read_document::<CatalogData>(&args.file)?;
    let (what, catalog) = if layers::is_overlay(&data) {
        ("valid overlay; the layered catalog has", layers::from_document(data, &args.file)?)
    } else {
        ("valid catalog", input::read_catalog(&args.file)?)
    };
    let d = catalog.data();
    output::print(&format!(
        "{}: {what} ({} roles, {} responsibilities, {} kpis, {} skills, {} signals, {} sources)\n",
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
