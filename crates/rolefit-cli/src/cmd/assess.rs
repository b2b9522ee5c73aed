//! `rolefit assess FILE`: which role(s) an organisation needs, and why.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rolefit::{
    Catalog, Contribution, Id, NeedsAssessment, OrgProfile, ProfileError, Scorecard, Staffing, Verdict, Weights,
};

use crate::error::CliError;
use crate::input;
use crate::output::{self, Grid, OutputFormat};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The organisation profile, `*.toml` or `*.json` (schema: `rolefit schema org-profile`).
    file: PathBuf,
    /// Weight overrides, `*.toml` or `*.json`: fact id -> role id -> weight in [0, 1]
    /// (schema: `rolefit schema weights`).
    #[arg(long, value_name = "FILE")]
    weights: Option<PathBuf>,
    /// Output format (JSON: the scorecard, `rolefit schema scorecard`).
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let catalog = super::catalog();
    let profile: OrgProfile = read_checked(&args.file, |p: &OrgProfile| p.check(catalog))?;
    let needs = match &args.weights {
        Some(path) => NeedsAssessment::with_weights(catalog, &read_weights(path)?)
            .map_err(|e| profile_error(path, "weights", e))?,
        None => NeedsAssessment::new(catalog),
    };
    let card = needs.assess(&profile);
    let title = profile.name.clone().unwrap_or_else(|| args.file.display().to_string());
    let text = match args.format {
        OutputFormat::Json => output::json(&card)?,
        OutputFormat::Table => render(catalog, &title, &card, |grid| grid.to_terminal() + "\n"),
        OutputFormat::Markdown => render(catalog, &title, &card, |grid| grid.to_markdown()),
    };
    output::print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Reads a document and checks it against the catalog; every problem is named with the file.
pub fn read_checked<T: serde::de::DeserializeOwned>(
    path: &Path,
    check: impl FnOnce(&T) -> Result<(), ProfileError>,
) -> Result<T, CliError> {
    let document: T = input::read_document(path)?;
    check(&document).map_err(|e| profile_error(path, "profile", e))?;
    Ok(document)
}

/// Reads a weights file; its ids are checked when the weights are applied.
pub fn read_weights(path: &Path) -> Result<Weights, CliError> {
    input::read_document(path)
}

/// A profile error as the CLI prints it: one line per problem, each naming the file.
pub fn profile_error(path: &Path, what: &str, err: ProfileError) -> CliError {
    let file = path.display();
    match &err {
        ProfileError::Invalid(problems) => {
            let n = problems.len();
            let mut message = format!("{file}: {n} problem{} in the {what}", if n == 1 { "" } else { "s" });
            for p in problems {
                message.push_str(&format!("\n  {file}: {p}"));
            }
            CliError::Invalid(message)
        }
        ProfileError::Parse(e) => CliError::Invalid(format!("{file}: {}", crate::limits::describe(e))),
        _ => CliError::Invalid(format!("{file}: {err}")),
    }
}

pub fn role_name(catalog: &Catalog, id: &Id) -> String {
    catalog.role(id.as_str()).map_or_else(|| id.to_string(), |r| r.name.to_string())
}

pub fn fact_name(catalog: &Catalog, c: &Contribution) -> String {
    catalog.fact(c.fact.as_str()).map_or_else(|| c.fact.to_string(), |f| f.name().to_owned())
}

/// The verdict in words: which roles, and how they are staffed.
pub fn headline(catalog: &Catalog, card: &Scorecard) -> String {
    let names: Vec<String> = card.recommended.iter().map(|id| role_name(catalog, id)).collect();
    // The verdict `both` covers every recommended role: two, or more with a catalog of more roles.
    let list = output::list_words(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let which = if names.len() == 2 { "both".to_owned() } else { format!("all {}", names.len()) };
    match (&card.verdict, card.staffing) {
        (Verdict::Undetermined, _) => "undetermined: not enough evidence for any role".to_owned(),
        (Verdict::Role(_), _) => format!("{}: {list}", card.verdict),
        (Verdict::Both, Some(Staffing::OnePerson)) => format!("{which}, one person can cover them: {list}"),
        (Verdict::Both, Some(Staffing::SeparatePeople)) => format!("{which}, as separate hires: {list}"),
        (Verdict::Both, None) => format!("{which}: {list}"),
    }
}

/// The scores, then every contribution (largest first), then the unanswered questions.
fn render(catalog: &Catalog, title: &str, card: &Scorecard, show: impl Fn(&Grid) -> String) -> String {
    let mut out = format!(
        "{title}\nverdict: {}\nconfidence {:.2} (margin {:.2}, {:.0}% of the questions answered)\n\n",
        headline(catalog, card),
        card.confidence,
        card.margin,
        card.coverage * 100.0
    );
    let mut scores = Grid::new(&["role", "score"]);
    for s in &card.scores {
        scores.row(vec![role_name(catalog, &s.role), format!("{:.2}", s.score)]);
    }
    out.push_str(&show(&scores));
    let mut reasons: Vec<&Contribution> = card.contributions.iter().collect();
    reasons.sort_by(|a, b| b.effect.total_cmp(&a.effect));
    if !reasons.is_empty() {
        let mut grid = Grid::new(&["why (answered yes)", "adds to", "effect", "weight"]);
        for c in reasons {
            grid.row(vec![
                fact_name(catalog, c),
                role_name(catalog, &c.role),
                format!("+{:.3}", c.effect),
                format!("{:.2}", c.weight),
            ]);
        }
        out.push('\n');
        out.push_str(&show(&grid));
    }
    if !card.unanswered.is_empty() {
        let mut grid = Grid::new(&["unanswered (lowers the confidence)"]);
        for id in &card.unanswered {
            let question = catalog.signal(id.as_str()).map_or_else(|| id.to_string(), |s| s.question.to_string());
            grid.row(vec![question]);
        }
        out.push('\n');
        out.push_str(&show(&grid));
    }
    out
}
