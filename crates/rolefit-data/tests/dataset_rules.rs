//! Rules the canonical dataset keeps beyond what validation asks of every catalog: every
//! citation says where in its source the fact stands, and a disagreement and the records
//! it bears on name each other. docs/dataset.md ("Review rules") states them.
//!
//! The tests walk the catalog's JSON form, so a record kind or a citing field added
//! later is covered without changing them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

use serde_json::Value;

/// The canonical catalog as JSON: `{ "sources": [...], "roles": [...], ... }`.
fn catalog_json() -> serde_json::Map<String, Value> {
    match serde_json::to_value(rolefit_data::catalog().data()).unwrap() {
        Value::Object(lists) => lists,
        other => panic!("the catalog serialises as an object, not {other}"),
    }
}

/// Every citation under `value` (each element of a `sources` list), with its path.
fn citations<'v>(value: &'v Value, path: String, out: &mut Vec<(String, &'v Value)>) {
    match value {
        Value::Object(fields) => {
            for (key, v) in fields {
                match (key.as_str(), v) {
                    ("sources", Value::Array(cited)) => {
                        out.extend(cited.iter().enumerate().map(|(i, c)| (format!("{path}.sources[{i}]"), c)));
                    }
                    _ => citations(v, format!("{path}.{key}"), out),
                }
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                citations(item, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// The lists whose records cite (the `sources` list holds the works cited; lexicon
/// entries are phrases, not facts).
fn citing_lists(lists: &serde_json::Map<String, Value>) -> impl Iterator<Item = (&String, &Vec<Value>)> {
    lists.iter().filter(|(name, _)| !matches!(name.as_str(), "sources" | "lexicon")).filter_map(|(name, v)| match v {
        Value::Array(records) => Some((name, records)),
        _ => None,
    })
}

#[test]
fn every_canonical_citation_has_a_locator() {
    let lists = catalog_json();
    let mut missing = Vec::new();
    let mut lists_seen = 0;
    for (name, records) in citing_lists(&lists) {
        let mut found = Vec::new();
        for (i, record) in records.iter().enumerate() {
            citations(record, format!("{name}[{i}]"), &mut found);
        }
        assert!(records.is_empty() || !found.is_empty(), "no citation found in {name}: the walk is broken");
        lists_seen += usize::from(!records.is_empty());
        for (path, citation) in found {
            let locator = citation.get("locator").and_then(Value::as_str).unwrap_or_default();
            if locator.trim().is_empty() {
                missing.push(format!("{path}: {citation} has no locator"));
            }
        }
    }
    assert!(lists_seen >= 9, "only {lists_seen} citing lists have records");
    assert!(
        missing.is_empty(),
        "{} citation(s) without a locator (every citation in the canonical catalog says where in the source the fact stands; see docs/dataset.md):\n{}",
        missing.len(),
        missing.join("\n")
    );
}

/// The strings of a record that can name another record: everything but its own id and its citations.
fn texts(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| texts(v, out)),
        Value::Object(fields) => {
            for (key, v) in fields {
                if !matches!(key.as_str(), "id" | "sources") {
                    texts(v, out);
                }
            }
        }
        _ => {}
    }
}

/// Whether `text` names `id` as a whole id (not as part of a longer one).
fn names(text: &str, id: &str) -> bool {
    let is_id_char = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    text.match_indices(id).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + id.len()..].chars().next();
        !before.is_some_and(is_id_char) && !after.is_some_and(is_id_char)
    })
}

#[test]
fn a_disagreement_and_the_records_it_affects_name_each_other() {
    let catalog = rolefit_data::catalog();
    let lists = catalog_json();
    let mut records = Vec::new(); // (list, id, texts)
    for (name, list) in citing_lists(&lists) {
        if name == "disagreements" {
            continue;
        }
        for record in list {
            let id = record.get("id").and_then(Value::as_str).unwrap_or_default().to_owned();
            let mut found = Vec::new();
            texts(record, &mut found);
            records.push((name.clone(), id, found));
        }
    }
    let mut problems = Vec::new();
    for d in catalog.disagreements() {
        assert!(!d.affects.is_empty(), "disagreement {} affects no record", d.id);
        for affected in d.affects.iter() {
            match records.iter().find(|(_, id, _)| id == affected.as_str()) {
                Some((list, id, found)) if !found.iter().any(|t| names(t, d.id.as_str())) => {
                    problems.push(format!("{list} {id} is in the affects of {} but does not name it", d.id));
                }
                Some(_) => {}
                None => problems.push(format!("{} affects {affected}, which is no citing record", d.id)),
            }
        }
        for (list, id, found) in &records {
            if found.iter().any(|t| names(t, d.id.as_str())) && !d.affects.iter().any(|a| a == id.as_str()) {
                problems.push(format!("{list} {id} names {} but is not in its affects", d.id));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn names_matches_whole_ids_only() {
    assert!(names("see who-sets-product-vision.", "who-sets-product-vision"));
    assert!(names("(see po-pm-ratio)", "po-pm-ratio"));
    assert!(!names("see who-sets-product-vision-twice", "who-sets-product-vision"));
    assert!(!names("see big-po-pm-ratio", "po-pm-ratio"));
}
