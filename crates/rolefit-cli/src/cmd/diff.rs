//! `rolefit diff OLD NEW`: what changed between two catalogs, and the version bump it calls for.

use std::process::ExitCode;

use rolefit::catalog::{CatalogDiff, ChangeKind};
use rolefit::render::{Document, Table};

use crate::context::Context;
use crate::error::CliError;
use crate::layers;
use crate::output::OutputFormat;

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

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let old = layers::read_operand(ctx, &args.old)?;
    let new = layers::read_operand(ctx, &args.new)?;
    let d = rolefit::catalog::diff(&old, &new);
    ctx.emit(args.format, &d, |doc| render(doc, &d, &args))?;
    Ok(ExitCode::SUCCESS)
}

fn render(doc: &mut Document, d: &CatalogDiff, args: &Args) {
    let version = |v: &Option<rolefit::model::Text>| v.as_deref().unwrap_or("no version").to_owned();
    doc.line(&format!("{} ({}) -> {} ({})", args.old, version(&d.old_version), args.new, version(&d.new_version)));
    if d.is_empty() {
        doc.line("no differences: both catalogs hold the same records");
        return;
    }
    let mut grid = Table::new(&["change", "kind", "id", "fields", "bump"]);
    for c in &d.changes {
        let change = match c.change {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        };
        let fields = c.fields.iter().map(|f| &**f).collect::<Vec<_>>().join(", ");
        grid.row(vec![change.into(), c.kind.as_str().into(), c.id.to_string(), fields, c.bump.as_str().into()]);
    }
    doc.table(&grid);
    let count = |k: ChangeKind| d.of(k).count();
    let mut summary = format!(
        "{} added, {} removed, {} changed; suggested bump: {}",
        count(ChangeKind::Added),
        count(ChangeKind::Removed),
        count(ChangeKind::Changed),
        d.bump.as_str()
    );
    if let (Some(old), Some(next)) = (&d.old_version, &d.suggested_version) {
        summary.push_str(&format!(" ({old} -> {next})"));
    }
    doc.line(&summary);
}
