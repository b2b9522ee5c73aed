//! `rolefit schema [NAME]`: a JSON Schema, or the list of them.

use std::process::ExitCode;

use rolefit::render::Table;

use crate::context::Context;
use crate::error::CliError;
use crate::output::OutputFormat;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The schema to print (e.g. `catalog`); without it, list them.
    name: Option<String>,
    /// Output format of the list (JSON: `name` and `describes` of each schema).
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

#[derive(serde::Serialize)]
struct Listed {
    name: &'static str,
    describes: &'static str,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let schemas = rolefit::schema::all();
    if let Some(name) = args.name {
        let Some(schema) = schemas.iter().find(|s| s.name == name) else {
            let names: Vec<&str> = schemas.iter().map(|s| s.name).collect();
            return Err(CliError::Usage(format!("no schema named {name:?}; there are: {}", names.join(", "))));
        };
        ctx.output().json(&schema.schema)?;
        return Ok(ExitCode::SUCCESS);
    }
    let list: Vec<Listed> = schemas.iter().map(|s| Listed { name: s.name, describes: s.describes }).collect();
    ctx.emit(args.format, &list, |doc| {
        let mut grid = Table::new(&["name", "describes"]);
        for s in &list {
            grid.row(vec![s.name.to_owned(), s.describes.to_owned()]);
        }
        doc.table(&grid);
    })?;
    Ok(ExitCode::SUCCESS)
}
