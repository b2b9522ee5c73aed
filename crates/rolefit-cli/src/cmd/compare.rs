//! `rolefit compare A B`: two roles, aspect by aspect, whose each responsibility,
//! KPI and skill is, and what a move from one to the other takes.

use std::process::ExitCode;

use rolefit::catalog::{Comparison, Leaning};

use crate::context::Context;
use crate::document::{Document, Grid};
use crate::error::CliError;
use crate::labels::{importance, ownership};
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
    let name = |id: &str| catalog.role(id).map_or_else(|| id.to_owned(), |r| r.name.to_string());
    let (a, b) = (name(cmp.first.as_str()), name(cmp.second.as_str()));
    ctx.emit(args.format, &cmp, |doc| render(doc, &cmp, &a, &b))?;
    Ok(ExitCode::SUCCESS)
}

fn render(doc: &mut Document, cmp: &Comparison, a: &str, b: &str) {
    let whose = |l: Leaning| match l {
        Leaning::Shared => "shared".to_owned(),
        Leaning::First => a.to_owned(),
        Leaning::Second => b.to_owned(),
        Leaning::Neither => "neither".to_owned(),
    };
    let mut dims = Grid::new(&["aspect", a, b]);
    for d in &cmp.dimensions {
        let v = |x: &Option<rolefit::model::Text>| x.as_deref().unwrap_or("-").to_owned();
        dims.row(vec![d.name.to_string(), v(&d.first), v(&d.second)]);
    }
    let mut resp = Grid::new(&["responsibility", a, b, "whose"]);
    for r in &cmp.responsibilities {
        resp.row(vec![r.name.to_string(), ownership(r.first).into(), ownership(r.second).into(), whose(r.leaning)]);
    }
    let mut kpis = Grid::new(&["kpi", "whose"]);
    for k in &cmp.kpis {
        kpis.row(vec![k.name.to_string(), whose(k.leaning)]);
    }
    let mut skills = Grid::new(&["skill", a, b, "whose"]);
    for s in &cmp.skills {
        skills.row(vec![s.name.to_string(), importance(s.first).into(), importance(s.second).into(), whose(s.leaning)]);
    }
    let sections = [
        (format!("{a} and {b}, aspect by aspect"), &dims),
        ("Responsibilities".to_owned(), &resp),
        ("KPIs".to_owned(), &kpis),
        ("Skills".to_owned(), &skills),
    ];
    for (i, (title, grid)) in sections.iter().enumerate() {
        if i > 0 {
            doc.blank();
        }
        doc.heading(title);
        doc.table(grid);
    }
    career_paths(doc, cmp, a, b);
}

/// Each move between the two roles with what it takes; the section is left out when the
/// catalog records none.
fn career_paths(doc: &mut Document, cmp: &Comparison, a: &str, b: &str) {
    if cmp.career_paths.is_empty() {
        return;
    }
    let name = |id: &rolefit::Id| if *id == cmp.first { a } else { b };
    doc.blank();
    doc.heading("Career paths");
    for path in &cmp.career_paths {
        doc.line(&format!("{} -> {} ({}): {}", name(&path.from), name(&path.to), path.career_path, path.summary));
        doc.line("It takes:");
        for need in &path.requires {
            doc.line(&format!("- {need}"));
        }
    }
}
