//! `rolefit report`: the catalog (and optionally an assessment) as one self-contained
//! HTML page: no external assets, no script, readable on paper.

mod chart;
mod escape;
mod page;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rolefit::{NeedsAssessment, OrgProfile};

use crate::context::Context;
use crate::error::CliError;
use crate::output_file;
use crate::profile::{profile_error, read_profile};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the HTML page (`-` for standard output). The file is replaced
    /// atomically: readers see the old page or the new one, never half of one.
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
    /// An organisation profile (`*.toml` or `*.json`, as `rolefit assess` reads) to
    /// assess; the page then opens with the scorecard as a chart, with its reasons.
    #[arg(long, value_name = "FILE")]
    assess: Option<PathBuf>,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let catalog = ctx.catalog_with_roles()?;
    let assessment = match &args.assess {
        Some(path) => {
            // Read as `rolefit assess` reads it: the same limits and the same error lines.
            let profile: OrgProfile = read_profile(ctx, path)?;
            let card = NeedsAssessment::new(catalog).assess(&profile).map_err(|e| profile_error(path, "profile", e))?;
            let name = profile.name.clone().unwrap_or_else(|| file_name(path));
            Some(page::Assessment { name, card })
        }
        None => None,
    };
    let html = page::render(catalog, assessment.as_ref());
    if args.output == Path::new("-") {
        ctx.print(&html)?;
    } else {
        output_file::replace(ctx, &args.output, html.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
