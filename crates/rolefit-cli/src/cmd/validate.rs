//! `rolefit validate FILE`: check a catalog or an overlay and list every problem.

use std::path::PathBuf;
use std::process::ExitCode;

use rolefit::CatalogData;

use crate::context::Context;
use crate::error::CliError;
use crate::input;
use crate::layers;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The catalog file, `*.json` or `*.toml`. An overlay (a file with an `[overlay]`
    /// table or `[extend]` rows) is checked applied over the canonical catalog and any
    /// `--catalog` files; any other file is checked as a whole catalog on its own.
    file: PathBuf,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let data = input::read_document::<CatalogData>(ctx, &args.file)?;
    let what = if layers::is_overlay(&data) { "valid overlay; the layered catalog has" } else { "valid catalog" };
    let catalog = layers::from_document(ctx, data, &args.file)?;
    // Every command that compares or scores needs a role; a catalog without one is a
    // mistake (an empty file, a link to /dev/null), not a catalog.
    if catalog.roles().is_empty() {
        return Err(CliError::Invalid(format!(
            "{}: the {} has no roles; compare, assess, fit, classify and report need at least one",
            args.file.display(),
            if what == "valid catalog" { "catalog" } else { "layered catalog" }
        )));
    }
    let d = catalog.data();
    ctx.print(&format!(
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
