//! Every error a document's reader gives names what the document should hold in the
//! document's words: no Rust type names (`u32`, `f64`, `struct Role`, `a sequence`).
//! Each value of each kind of document is replaced, in turn, by a value of every other
//! JSON type, and read as JSON and as TOML.

use rolefit_core::{CandidateProfile, CatalogData, Format, OrgProfile, Weights};
use serde_json::{Value, json};

/// Every path to a value, lists cut to their first two items.
fn paths(value: &Value, at: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(at.clone());
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(items) => items.iter().take(2).enumerate().map(|(i, v)| (i.to_string(), v)).collect(),
        _ => Vec::new(),
    };
    for (step, child) in children {
        at.push(step);
        paths(child, at, out);
        at.pop();
    }
}

fn replaced(document: &Value, path: &[String], new: Value) -> Value {
    let mut document = document.clone();
    let mut at = &mut document;
    for step in path {
        at = match at {
            Value::Object(map) => map.get_mut(step).unwrap(),
            Value::Array(items) => &mut items[step.parse::<usize>().unwrap()],
            _ => unreachable!("paths only go through objects and lists"),
        };
    }
    *at = new;
    document
}

/// Words serde uses for Rust types, which mean nothing to the author of a document.
fn rust_words(message: &str) -> Option<&'static str> {
    const WORDS: &[&str] =
        &["struct ", "enum ", "a sequence", "a map", "u8", "u16", "u32", "u64", "usize", "i32", "i64", "f32", "f64"];
    WORDS.iter().copied().find(|w| {
        message.match_indices(w).any(|(i, _)| {
            let before = message[..i].chars().next_back();
            let after = message[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(|c| c.is_alphanumeric() && !w.ends_with(' '))
        })
    })
}

type Reader = Box<dyn Fn(&str, Format) -> Option<String>>;

#[test]
fn no_reader_error_names_a_rust_type() {
    let catalog = rolefit_data::catalog();
    let mut small = serde_json::to_value(catalog.data()).unwrap();
    for list in small.as_object_mut().unwrap().values_mut() {
        if let Value::Array(items) = list {
            items.truncate(1);
        }
    }
    let documents: Vec<(&str, Value, Reader)> = vec![
        ("catalog", small, Box::new(|t, f| f.parse::<CatalogData>(t).err().map(|e| e.to_string()))),
        (
            "org profile",
            json!({"name": "Team", "methodology": "scrum", "stage": "growing", "products": 2, "employees": 40,
                   "departments_to_coordinate": 3, "answers": {"well-defined-roadmap": "yes"}}),
            Box::new(move |t, f| OrgProfile::read(t, f, catalog).err().map(|e| e.to_string())),
        ),
        (
            "candidate profile",
            json!({"name": "Ada", "skills": {"strategic-thinking": "expert", "market-knowledge": 3}}),
            Box::new(move |t, f| CandidateProfile::read(t, f, catalog).err().map(|e| e.to_string())),
        ),
        (
            "weights",
            json!({"facts": {"agile-scrum-environment": {"product-owner": 0.4}}}),
            Box::new(|t, f| Weights::read(t, f).err().map(|e| e.to_string())),
        ),
    ];
    let wrong = [json!("text"), json!(3), json!(-1), json!(2.5), json!(true), json!([1]), json!({"zz": 1}), json!([])];
    let mut read = 0;
    for (name, document, reader) in &documents {
        assert_eq!(reader(&document.to_string(), Format::Json), None, "{name}: the untouched document reads");
        let mut all = Vec::new();
        paths(document, &mut Vec::new(), &mut all);
        for path in &all {
            for value in &wrong {
                let changed = replaced(document, path, value.clone());
                let mut texts = vec![(changed.to_string(), Format::Json)];
                if let Ok(toml) = toml::to_string(&changed) {
                    texts.push((toml, Format::Toml));
                }
                for (text, format) in texts {
                    read += 1;
                    if let Some(message) = reader(&text, format)
                        && let Some(word) = rust_words(&message)
                    {
                        panic!("{name} ({format:?}), {path:?} = {value}: {word:?} in {message}");
                    }
                }
            }
        }
    }
    assert!(read > 2000, "{read} documents read");
}
