//! `rolefit classify`: is a job posting for a Product Owner or a Product Manager, and why.

use std::io::BufReader;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rolefit::render::{Document, Table};
use rolefit_text::{ClassifiedFile, Classifier, JsonlOptions, Posting, TextError, classify_jsonl};

use crate::context::Context;
use crate::error::CliError;
use crate::input;
use crate::output::{OutputFormat, is_broken_pipe};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Postings to classify (`-` for standard input): plain text, or HTML pages (`.html`,
    /// `.htm`, or text starting with `<!doctype html` or `<html`), read through their
    /// schema.org JobPosting when they carry one; with `--jsonl`, one JSON Lines file (or `-`).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Read JSON Lines: each line `{"id": ..., "text": "..."}` with an optional `"title"`,
    /// or a schema.org JobPosting (`title`, `description` as HTML, `identifier` or `url`
    /// as the id); write one JSON result per line (id, verdict, top_role, title_role,
    /// body_verdict, title_matches_body, scores, evidence with byte spans; schema:
    /// `rolefit schema classification-line`).
    #[arg(long)]
    jsonl: bool,
    /// Output format for plain-text files (JSON: an array of `rolefit schema classification`).
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    // One limit on a posting, the global --max-input-bytes: a whole text file, or the
    // `text` of one JSON line.
    let text_limit = ctx.limits().max_input_bytes;
    if args.files.iter().filter(|f| f.as_os_str() == "-").count() > 1 {
        return Err(CliError::Usage("`-` (standard input) can be given once; it can be read only once".to_owned()));
    }
    let classifier = Classifier::new(ctx.catalog_with_roles()?)
        .map_err(|e| CliError::Invalid(e.to_string()))?
        .with_max_text_bytes(text_limit);
    if args.jsonl {
        let [file] = args.files.as_slice() else {
            return Err(CliError::Usage("--jsonl takes exactly one file (or `-` for standard input)".to_owned()));
        };
        return run_jsonl(ctx, &classifier, file);
    }
    let mut results: Vec<ClassifiedFile> = Vec::new();
    // The worst failure decides the exit code: an unreadable file (2) over an invalid one (1).
    let mut failed: Option<ExitCode> = None;
    for file in &args.files {
        let name = file.display().to_string();
        // Refused past --max-input-bytes (by its length, before reading, for a regular
        // file), and if not UTF-8, naming the file.
        match input::read_text(ctx, file).and_then(|text| {
            let result = if is_html(file, &text) {
                classifier.classify_posting(&Posting::from_html(&text))
            } else {
                classifier.classify(&text)
            };
            result.map_err(|e| CliError::Invalid(format!("{name}: {e}")))
        }) {
            Ok(c) => results.push(ClassifiedFile::new(name, c)),
            Err(e) => {
                if failed.is_none() || e.exit_code() == ExitCode::from(2) {
                    failed = Some(e.exit_code());
                }
                ctx.output().problem(&e);
            }
        }
    }
    // Each element of the JSON array is the schema `rolefit schema classification`.
    ctx.emit(args.format, &results, |doc| render(doc, &results))?;
    Ok(failed.unwrap_or(ExitCode::SUCCESS))
}

/// Whether a posting file is an HTML page: by its extension, or by how it starts.
fn is_html(file: &Path, text: &str) -> bool {
    if file.extension().is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm")) {
        return true;
    }
    let start = text.trim_start_matches('\u{feff}').trim_start();
    let head = start.as_bytes().get(..14).unwrap_or(start.as_bytes()).to_ascii_lowercase();
    head.starts_with(b"<!doctype html") || head.starts_with(b"<html")
}

fn render(doc: &mut Document, results: &[ClassifiedFile]) {
    // Every file failed: the errors said so; an empty table would only add noise.
    if results.is_empty() {
        return;
    }
    let mut grid = Table::new(&["file", "verdict", "scores", "why (first phrases found)"]);
    for ClassifiedFile { file, classification: c, .. } in results {
        let scores: Vec<String> = c.scores.iter().map(|s| format!("{} {:.2}", s.role, s.score)).collect();
        let mut verdict = c.verdict.to_string();
        if let Some(adjacent) = &c.adjacent_role {
            verdict.push_str(&format!(" ({adjacent} posting)"));
        }
        if c.body_verdict != c.verdict {
            verdict.push_str(&format!("\nbody alone: {}", c.body_verdict));
        }
        if c.title_matches_body == Some(false) {
            verdict.push_str("\ntitle and body disagree");
        }
        let mut seen: Vec<&str> = Vec::new();
        for e in &c.evidence {
            if !seen.contains(&e.fact.as_str()) {
                seen.push(e.fact.as_str());
            }
        }
        let mut why: Vec<String> = c.mismatch.iter().map(|m| format!("{m}.")).collect();
        why.extend(seen.iter().take(8).map(|f| (*f).to_owned()));
        if seen.len() > 8 {
            why.push(format!("... {} more", seen.len() - 8));
        }
        if c.ignored > 0 {
            why.push(format!("({} in boilerplate ignored)", c.ignored));
        }
        grid.row(vec![file.clone(), verdict, scores.join("\n"), why.join(", ")]);
    }
    doc.table(&grid);
}

fn run_jsonl(ctx: &Context, classifier: &Classifier<'_>, file: &Path) -> Result<ExitCode, CliError> {
    crate::threads::cap_pool();
    let options = JsonlOptions::default().with_max_line_bytes(ctx.line_limit());
    let name = file.display().to_string();
    let stdout = std::io::stdout();
    let out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let text_limit = ctx.limits().max_input_bytes;
    let report = |e: &TextError| ctx.output().problem(&format_args!("{name}: {}", describe_line_error(e, text_limit)));
    let summary = if file == Path::new("-") {
        classify_jsonl(classifier, std::io::stdin().lock(), out, options, report)
    } else {
        let f = std::fs::File::open(file).map_err(|e| CliError::io(file, e))?;
        ctx.inputs().remember(&f);
        classify_jsonl(classifier, BufReader::with_capacity(1 << 16, f), out, options, report)
    };
    let summary = match summary {
        Ok(s) => s,
        Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        Err(TextError::Io { context, source }) => return Err(CliError::io(format!("{name} ({context})"), source)),
        Err(e) => return Err(CliError::Invalid(format!("{name}: {e}"))),
    };
    if summary.failed > 0 {
        let total = summary.failed + summary.classified;
        ctx.output().say(&format_args!("{name}: {} of {total} postings failed", summary.failed));
        Ok(ExitCode::from(1))
    } else {
        Ok(ExitCode::SUCCESS)
    }
}

/// A JSON Lines line's error as the CLI says it: a limit is named by its option.
fn describe_line_error(err: &TextError, text_limit: usize) -> String {
    match err {
        // Past MAX_SCAN_BYTES the classifier's own ceiling applies, not the option.
        TextError::LineTextTooLong { line, field, len, limit } if *limit == text_limit => {
            format!("line {line}: {field} is {len} bytes, over the limit of {limit} bytes (--max-input-bytes)")
        }
        TextError::LineTooLong { line, limit } => {
            format!("line {line}: longer than the limit of {limit} bytes (--max-line-bytes); skipped")
        }
        other => other.to_string(),
    }
}
