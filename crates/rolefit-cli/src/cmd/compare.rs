//! `rolefit compare A B`: two roles, aspect by aspect, whose each responsibility,
//! KPI and skill is, and what a move from one to the other takes.

use std::process::ExitCode;

use rolefit::render::Render;

use crate::context::Context;
use crate::error::CliError;
use crate::output::OutputFormat;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The first role id.
    first: String,
    /// The second role id.
    second: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let catalog = ctx.catalog_with_roles()?;
    let cmp = catalog.compare(&args.first, &args.second).map_err(|e| {
        let roles: Vec<&str> = catalog.roles().iter().map(|r| r.id.as_str()).collect();
        CliError::Usage(format!("{e}; the catalog has: {}", roles.join(", ")))
    })?;
    ctx.emit(args.format, &cmp, |doc| cmp.render_into(catalog, doc))?;
    Ok(ExitCode::SUCCESS)
}
