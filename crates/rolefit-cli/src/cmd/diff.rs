use std::process::ExitCode;

use rolefit::{CatalogDiff, ChangeKind};

use crate::error::CliError;
use crate::layers;
use crate::output::{self, Grid, OutputFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The old catalog: `canonical`, or a catalog file (an overlay file is applied on
    /// top of the catalog the other commands use).
    old: String,
    /// The new catalog, likewise.
    new: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let old = layers::read_operand(&args.old)?;
    let new = layers::read_operand(&args.new)?;
    let d = rolefit::diff(&old, &new);
    let text = match args.format {
        OutputFormat::Json => output::json(&d)?,
        OutputFormat::Table => render(&d, &args, |grid| grid.to_terminal() + "\n"),
        OutputFormat::Markdown => render(&d, &args, |grid| grid.to_markdown()),
    };
    output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn render(d: &CatalogDiff, args: &Args, table: impl Fn(&Grid) -> String) -> String {
    let version = |v: &Option<rolefit::Text>| v.as_deref().unwrap_or("no version").to_owned();
    let mut out = format!("{} ({}) -> {} ({})\n", args.old, version(&d.old_version), args.new, version(&d.new_version));
    if d.is_empty() {
        out.push_str("no differences: both catalogs hold the same records\n");
        return out;
    }
    let mut grid = Grid::new(&["change", "kind", "id", "fields", "bump"]);
    for c in &d.changes {
        let change = match c.change {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        };
        let fields = c.fields.iter().map(|f| &**f).collect::<Vec<_>>().join(", ");
        grid.row(vec![change.into(), c.kind.as_str().into(), c.id.to_string(), fields, c.bump.as_str().into()]);
    }
    out.push_str(&table(&grid));
    let count = |k: ChangeKind| d.of(k).count();
    out.push_str(&format!(
        "{} added, {} removed, {} changed; suggested bump: {}",
        count(ChangeKind::Added),
        count(ChangeKind::Removed),
        count(ChangeKind::Changed),
        d.bump.as_str()
    ));
    match (&d.old_version, &d.suggested_version) {
        (Some(old), Some(next)) => out.push_str(&format!(" ({old} -> {next})\n")),
        _ => out.push('\n'),
    }
    out
}
