//! `rolefit export`: the catalog as JSON, or its roles as JSON-LD.

use std::process::ExitCode;

use clap::ValueEnum;

use crate::context::Context;
use crate::error::CliError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The catalog document as JSON (the same as `docs/data/catalog.json`).
    Json,
    /// Each role as a schema.org `Occupation`, in JSON-LD.
    Jsonld,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Export format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    format: ExportFormat,
    /// With `--format jsonld`: the IRI under which node ids are made
    /// (`<base>roles/<id>`, `<base>skills/<id>`): an absolute IRI ending in `/`, `#` or `:`.
    #[arg(long, value_name = "IRI", default_value = rolefit::jsonld::DEFAULT_BASE)]
    base_iri: rolefit::jsonld::BaseIri,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let catalog = ctx.catalog();
    match args.format {
        ExportFormat::Json => ctx.output().json(catalog)?,
        ExportFormat::Jsonld => ctx.output().json(&rolefit::jsonld::to_jsonld_with_base(catalog, &args.base_iri))?,
    }
    Ok(ExitCode::SUCCESS)
}
