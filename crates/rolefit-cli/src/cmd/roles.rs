//! `rolefit roles`: the roles in the catalog.

use std::process::ExitCode;

use rolefit::render::Table;

use crate::context::Context;
use crate::error::CliError;
use crate::output::OutputFormat;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let roles = ctx.catalog().roles();
    ctx.emit(args.format, roles, |doc| {
        let mut grid = Table::new(&["id", "name", "summary"]);
        for role in roles {
            grid.row(vec![role.id.to_string(), role.name.to_string(), role.summary.to_string()]);
        }
        doc.table(&grid);
    })?;
    Ok(ExitCode::SUCCESS)
}
