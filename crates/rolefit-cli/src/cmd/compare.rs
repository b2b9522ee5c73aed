use std::process::ExitCode;

use rolefit::{Comparison, Importance, Leaning, Ownership};

use crate::error::CliError;
use crate::output::{self, Grid, OutputFormat};

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

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let catalog = super::catalog();
    let cmp = catalog.compare(&args.first, &args.second).map_err(|e| {
        let roles: Vec<&str> = catalog.roles().iter().map(|r| r.id.as_str()).collect();
        CliError::Usage(format!("{e}; the catalog has: {}", roles.join(", ")))
    })?;
    let name = |id: &str| catalog.role(id).map_or_else(|| id.to_owned(), |r| r.name.to_string());
    let (a, b) = (name(cmp.first.as_str()), name(cmp.second.as_str()));
    let text = match args.format {
        OutputFormat::Json => output::json(&cmp)?,
        OutputFormat::Table => render(&cmp, &a, &b, |title, grid| format!("{title}\n{}\n", grid.to_terminal())),
        OutputFormat::Markdown => render(&cmp, &a, &b, |title, grid| format!("## {title}\n\n{}", grid.to_markdown())),
    };
    output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn render(cmp: &Comparison, a: &str, b: &str, section: impl Fn(&str, &Grid) -> String) -> String {
    let whose = |l: Leaning| match l {
        Leaning::Shared => "shared".to_owned(),
        Leaning::First => a.to_owned(),
        Leaning::Second => b.to_owned(),
        Leaning::Neither => "neither".to_owned(),
    };
    let mut dims = Grid::new(&["aspect", a, b]);
    for d in &cmp.dimensions {
        let v = |x: &Option<rolefit::Text>| x.as_deref().unwrap_or("-").to_owned();
        dims.row(vec![d.name.to_string(), v(&d.first), v(&d.second)]);
    }
    let mut resp = Grid::new(&["responsibility", a, b, "whose"]);
    for r in &cmp.responsibilities {
        resp.row(vec![r.name.to_string(), ownership(r.first), ownership(r.second), whose(r.leaning)]);
    }
    let mut kpis = Grid::new(&["kpi", "whose"]);
    for k in &cmp.kpis {
        kpis.row(vec![k.name.to_string(), whose(k.leaning)]);
    }
    let mut skills = Grid::new(&["skill", a, b, "whose"]);
    for s in &cmp.skills {
        skills.row(vec![s.name.to_string(), importance(s.first), importance(s.second), whose(s.leaning)]);
    }
    [
        section(&format!("{a} and {b}, aspect by aspect"), &dims),
        section("Responsibilities", &resp),
        section("KPIs", &kpis),
        section("Skills", &skills),
    ]
    .join("\n")
}

fn ownership(o: Ownership) -> String {
    match o {
        Ownership::Owns => "owns",
        Ownership::Shares => "shares",
        Ownership::Contributes => "contributes",
        Ownership::None => "-",
    }
    .to_owned()
}

fn importance(i: Importance) -> String {
    match i {
        Importance::Essential => "essential",
        Importance::Important => "important",
        Importance::Helpful => "helpful",
        Importance::NotRequired => "-",
    }
    .to_owned()
}
