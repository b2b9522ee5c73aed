//! An org-design tool: asks the needs-assessment questions and says which role(s) to hire.
//!
//! ```text
//! cargo run --example assess                                   # asks on the terminal: y / n / ? (unknown)
//! cargo run --example assess -- --profile examples/data/startup.toml
//! cargo run --example assess -- --yes agile-scrum-environment,single-product --no vision-strategy-needed
//! printf 'y\nn\n?\ny\n' | cargo run --example assess             # answers piped in question order
//! cargo run --example assess < /dev/null                       # no answers: assesses the bundled examples
//! ```
//!
//! Add `--json` to print the scorecard as JSON instead.

use std::io::{BufRead, IsTerminal, Write};
use std::path::Path;

use rolefit::evidence::Answer;
use rolefit::model::Staffing;
use rolefit::{Catalog, Format, Id, NeedsAssessment, OrgProfile, Scorecard, Verdict};

/// The profiles under `examples/data/`, compiled in so the tool runs from any directory.
const BUNDLED: [(&str, &str, Format); 4] = [
    ("po-checklist.toml", include_str!("data/po-checklist.toml"), Format::Toml),
    ("pm-checklist.toml", include_str!("data/pm-checklist.toml"), Format::Toml),
    ("startup.toml", include_str!("data/startup.toml"), Format::Toml),
    ("enterprise.json", include_str!("data/enterprise.json"), Format::Json),
];

struct Options {
    profile: Option<String>,
    answers: Vec<(String, Answer)>,
    json: bool,
}

fn parse_args() -> Result<Options, String> {
    let mut options = Options { profile: None, answers: Vec::new(), json: false };
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--profile" => options.profile = Some(value()?),
            "--yes" | "--no" | "--unknown" => {
                let answer = match arg.as_str() {
                    "--yes" => Answer::Yes,
                    "--no" => Answer::No,
                    _ => Answer::Unknown,
                };
                let ids = value()?;
                options.answers.extend(ids.split(',').map(|id| (id.trim().to_owned(), answer)));
            }
            "--json" => options.json = true,
            "-h" | "--help" => {
                return Err("usage: assess [--profile FILE] [--yes IDS] [--no IDS] [--unknown IDS] [--json]".into());
            }
            other => return Err(format!("unknown argument {other:?}; try --help")),
        }
    }
    Ok(options)
}

/// One answer per line: y/yes, n/no, or ?/blank/anything else for unknown.
fn read_answer(line: &str) -> Answer {
    match line.trim().to_ascii_lowercase().as_str() {
        "y" | "yes" => Answer::Yes,
        "n" | "no" => Answer::No,
        _ => Answer::Unknown,
    }
}

/// Asks every question; on a terminal with a prompt, otherwise reading one line per
/// question. Returns the answers and whether any line was read at all.
fn ask(catalog: &Catalog, interactive: bool) -> std::io::Result<(OrgProfile, bool)> {
    let mut profile = OrgProfile::default();
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    for (i, signal) in catalog.signals().iter().enumerate() {
        if interactive {
            print!("[{}/{}] {} [y/n/?] ", i + 1, catalog.signals().len(), signal.question);
            std::io::stdout().flush()?;
        }
        let Some(line) = lines.next().transpose()? else { break };
        profile.answers.insert(signal.id.clone(), read_answer(&line));
    }
    let any = !profile.answers.is_empty();
    Ok((profile, any))
}

fn load(path: &str, catalog: &Catalog) -> Result<OrgProfile, String> {
    let format = Format::from_path(Path::new(path)).ok_or_else(|| format!("{path}: name the file *.toml or *.json"))?;
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    OrgProfile::read(&text, format, catalog).map_err(|e| format!("{path}: {e}"))
}

fn report(title: &str, catalog: &Catalog, card: &Scorecard) {
    let name = |id: &Id| catalog.role(id.as_str()).map_or_else(|| id.to_string(), |r| r.name.to_string());
    let roles: Vec<String> = card.recommended().iter().map(name).collect();
    let headline = match (&card.verdict(), card.staffing()) {
        (Verdict::Undetermined, _) => "not enough to go on: answer more questions".to_owned(),
        (Verdict::Role(_), _) => format!("hire a {}", roles.join("")),
        (Verdict::Both, Some(Staffing::OnePerson)) => format!("one person covering both: {}", roles.join(" and ")),
        (Verdict::Both, Some(Staffing::SeparatePeople)) => format!("both, as separate hires: {}", roles.join(" and ")),
        (Verdict::Both, None) => format!("both roles are needed: {}", roles.join(" and ")),
    };
    println!("== {title}\n{headline}");
    let scores: Vec<String> = card.scores().iter().map(|s| format!("{} {:.2}", name(&s.role), s.score)).collect();
    println!(
        "   scores: {}; confidence {:.2} ({} of the questions answered)",
        scores.join(", "),
        card.confidence(),
        format_args!("{:.0}%", card.coverage() * 100.0)
    );
    let mut reasons: Vec<_> = card.contributions().iter().collect();
    reasons.sort_by(|a, b| b.effect.total_cmp(&a.effect));
    for c in reasons.iter().take(6) {
        let fact = catalog.record(c.fact.as_str()).map_or_else(|| c.fact.to_string(), |f| f.name().to_owned());
        println!("   + {:.2} {} <- {fact}", c.effect, name(&c.role));
        for d in catalog.disagreements_about(c.fact.as_str()) {
            println!("       note: the sources disagree here ({})", d.topic);
        }
    }
    if !card.unanswered().is_empty() {
        println!("   unanswered: {}", card.unanswered().len());
    }
    println!();
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("assess: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let catalog = rolefit::canonical();
    let needs = NeedsAssessment::new(catalog);
    let options = parse_args()?;
    let show = |title: &str, profile: &OrgProfile| -> Result<(), String> {
        let card = needs.assess(profile).map_err(|e| e.to_string())?;
        if options.json {
            println!("{}", serde_json::to_string_pretty(&card).map_err(|e| e.to_string())?);
        } else {
            report(title, catalog, &card);
        }
        Ok(())
    };

    let (mut profile, got_input) = match &options.profile {
        Some(path) => (load(path, catalog)?, true),
        None if options.answers.is_empty() => {
            let interactive = std::io::stdin().is_terminal();
            if interactive {
                println!("Which role do you need? Answer y (yes), n (no) or ? (don't know).\n");
            }
            let (profile, any) = ask(catalog, interactive).map_err(|e| format!("reading answers: {e}"))?;
            (profile, any || interactive)
        }
        None => (OrgProfile::default(), true),
    };
    for (id, answer) in &options.answers {
        let id = Id::new(id.clone()).map_err(|e| format!("--yes/--no: {e}"))?;
        profile.answers.insert(id, *answer);
    }
    profile.check(catalog).map_err(|e| e.to_string())?;
    if got_input {
        return show(profile.name.as_deref().unwrap_or("your organisation"), &profile);
    }
    println!("No answers given; assessing the bundled example profiles instead.\n");
    for (file, text, format) in BUNDLED {
        let profile = OrgProfile::read(text, format, catalog).map_err(|e| format!("{file}: {e}"))?;
        show(profile.name.as_deref().unwrap_or(file), &profile)?;
    }
    Ok(())
}
