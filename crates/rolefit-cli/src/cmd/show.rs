//! `rolefit show ID`: one record, with the sources it cites and the disagreements about it.

use std::process::ExitCode;

use rolefit::Catalog;
use rolefit::model::AnyRecord;
use rolefit::render::Document;
use serde_json::Value;

use crate::context::Context;
use crate::error::CliError;
use crate::output::OutputFormat;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The id of the record, e.g. `product-owner`, `time-horizon` or
    /// `product-owner-to-product-manager`.
    id: String,
    /// Output format (`table` prints an indented outline).
    #[arg(long, value_enum, default_value_t = OutputFormat::Table)]
    format: OutputFormat,
}

pub fn run(ctx: &Context, args: Args) -> Result<ExitCode, CliError> {
    let catalog = ctx.catalog();
    let Some(fact) = catalog.record(&args.id) else {
        return Err(CliError::Usage(format!("no record with id {:?} in the catalog (try `rolefit roles`)", args.id)));
    };
    let value = record_json(fact)?;
    ctx.emit(args.format, &value, |doc| render(doc, catalog, &value))?;
    Ok(ExitCode::SUCCESS)
}

/// The record as an outline (the same for the terminal and Markdown), then its sources and
/// the disagreements that bear on it.
fn render(doc: &mut Document, catalog: &Catalog, value: &Value) {
    outline(value, 0, catalog, doc);
    let cited: Vec<String> = cited_sources(value)
        .into_iter()
        .filter_map(|id| catalog.source(&id).map(|s| format!("  {id}: {} ({})", s.title, s.publisher)))
        .collect();
    if !cited.is_empty() {
        doc.blank();
        doc.line("sources cited:");
        for line in &cited {
            doc.line(line);
        }
    }
    // A record that follows one reading of a dispute says so; the reader sees the dispute here too.
    let id = value.get("id").and_then(Value::as_str).unwrap_or_default();
    let disputes: Vec<String> = catalog.disagreements_about(id).map(|d| format!("  {}: {}", d.id, d.topic)).collect();
    if !disputes.is_empty() {
        doc.blank();
        doc.line("sources disagree, see:");
        for line in &disputes {
            doc.line(line);
        }
    }
}

fn record_json(fact: AnyRecord<'_>) -> Result<Value, CliError> {
    let value = match fact {
        AnyRecord::Source(r) => serde_json::to_value(r),
        AnyRecord::Role(r) => serde_json::to_value(r),
        AnyRecord::Responsibility(r) => serde_json::to_value(r),
        AnyRecord::Kpi(r) => serde_json::to_value(r),
        AnyRecord::Skill(r) => serde_json::to_value(r),
        AnyRecord::Dimension(r) => serde_json::to_value(r),
        AnyRecord::Salary(r) => serde_json::to_value(r),
        AnyRecord::Signal(r) => serde_json::to_value(r),
        AnyRecord::Practice(r) => serde_json::to_value(r),
        AnyRecord::CareerPath(r) => serde_json::to_value(r),
        AnyRecord::Disagreement(r) => serde_json::to_value(r),
        _ => return Err(CliError::Usage("this kind of record cannot be shown yet".to_owned())),
    };
    value.map_err(|e| CliError::Invalid(format!("cannot write JSON: {e}")))
}

/// An indented `key: value` outline of a record, leaving out empty fields; a list of
/// citations shows one line per citation, the source's title and then the locator.
fn outline(value: &Value, depth: usize, catalog: &Catalog, doc: &mut Document) {
    let pad = "  ".repeat(depth);
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match v {
                    Value::Null => {}
                    Value::Array(a) if a.is_empty() => {}
                    Value::Array(citations) if key == "sources" => {
                        doc.line(&format!("{pad}{key}:"));
                        for c in citations {
                            doc.line(&format!("{pad}  - {}", citation_line(c, catalog)));
                        }
                    }
                    Value::Object(_) | Value::Array(_) => {
                        doc.line(&format!("{pad}{key}:"));
                        outline(v, depth + 1, catalog, doc);
                    }
                    _ => doc.line(&format!("{pad}{key}: {}", scalar(v))),
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::Object(_) | Value::Array(_) => {
                        doc.line(&format!("{pad}-"));
                        outline(item, depth + 1, catalog, doc);
                    }
                    _ => doc.line(&format!("{pad}- {}", scalar(item))),
                }
            }
        }
        _ => doc.line(&format!("{pad}{}", scalar(value))),
    }
}

/// A citation as one line: `The Scrum Guide: The Product Owner, paragraph 2`.
fn citation_line(citation: &Value, catalog: &Catalog) -> String {
    let id = citation.get("source").and_then(Value::as_str).unwrap_or_default();
    let title = catalog.source(id).map_or(id, |s| &*s.title);
    match citation.get("locator").and_then(Value::as_str) {
        Some(locator) => format!("{title}: {locator}"),
        None => title.to_owned(),
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Every source cited in a `sources` list anywhere in the record, first appearance first.
fn cited_sources(value: &Value) -> Vec<String> {
    fn walk(value: &Value, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                for (key, v) in map {
                    if key == "sources"
                        && let Value::Array(citations) = v
                    {
                        for id in citations.iter().filter_map(|c| c.get("source")?.as_str()) {
                            if !found.iter().any(|f| f == id) {
                                found.push(id.to_owned());
                            }
                        }
                    } else {
                        walk(v, found);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, found)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    walk(value, &mut found);
    found
}
