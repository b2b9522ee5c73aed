use std::process::ExitCode;

use crate::error::CliError;
use crate::output::{self, Grid, OutputFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let catalog = super::catalog();
    let text = match args.format {
        OutputFormat::Json => output::json(catalog.roles())?,
        format => {
            let mut grid = Grid::new(&["id", "name", "summary"]);
            for role in catalog.roles() {
                grid.row(vec![role.id.to_string(), role.name.to_string(), role.summary.to_string()]);
            }
            if format == OutputFormat::Markdown { grid.to_markdown() } else { grid.to_terminal() + "\n" }
        }
    };
    output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}
