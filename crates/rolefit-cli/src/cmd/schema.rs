use std::process::ExitCode;

use crate::error::CliError;
use crate::output::{self, Grid};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The schema to print (e.g. `catalog`); without it, list them.
    name: Option<String>,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let text = match args.name {
        Some(name) => {
            let Some(schema) = rolefit::schema::named(&name) else {
                let names: Vec<&str> = rolefit::schema::all().iter().map(|s| s.name).collect();
                return Err(CliError::Usage(format!("no schema named {name:?}; there are: {}", names.join(", "))));
            };
            output::json(&schema.schema)?
        }
        None => {
            let mut grid = Grid::new(&["name", "describes"]);
            for s in rolefit::schema::all() {
                grid.row(vec![s.name.to_owned(), s.describes.to_owned()]);
            }
            grid.to_terminal() + "\n"
        }
    };
    output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}
