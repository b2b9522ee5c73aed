//! The JSON Schema (`docs/schema/catalog.schema.json`) against the loader
//! (`Catalog::from_json_str`) over generated documents, valid and mutated: whatever the
//! schema rejects, the loader rejects. Where the loader alone rejects, every reason
//! must be one of the rules a JSON Schema cannot express (listed in
//! `docs/reliability.md`).
//!
//! `ROLEFIT_DIFFERENTIAL_CASES=100000 cargo test --release -p rolefit-core --test lib differential -- --nocapture`
//! runs more documents and prints the tallies.

use std::collections::BTreeMap;
use std::path::Path;

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use rolefit_core::{Catalog, CatalogError};
use serde_json::{Value, json};

/// The loader-only rules: a validation message that contains one of these is a rule the
/// schema cannot state. Each has a line in `docs/reliability.md`.
const LOADER_ONLY: &[(&str, &str)] = &[
    ("duplicate id", "ids unique across every list"),
    ("unknown ", "references resolve (a role, source or fact that exists)"),
    (" is a ", "references point at a record of the right kind"),
    ("is listed twice", "one row per role in a per-role table"),
    ("low ", "salary ranges ordered (low <= high)"),
    ("longest is shorter than shortest", "time horizons ordered"),
    ("bytes, longer than", "texts at most 10,000 bytes (the schema counts characters)"),
    ("this document is an overlay", "an overlay is applied to a base, not loaded alone"),
    ("extend rows attach", "an overlay is applied to a base, not loaded alone"),
];

fn schema() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema/catalog.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn canonical() -> Value {
    serde_json::to_value(rolefit_data::catalog()).unwrap()
}

const LISTS: [&str; 11] = [
    "sources",
    "roles",
    "responsibilities",
    "kpis",
    "skills",
    "dimensions",
    "salaries",
    "signals",
    "practices",
    "disagreements",
    "lexicon",
];

/// The canonical catalog cut down: each list truncated to at most `keep[i]` records
/// (sources and roles kept whole), dropping lexicon entries and disagreements that
/// would point at a removed record. Still a valid catalog.
fn cut(canonical: &Value, keep: &[usize]) -> Value {
    let mut doc = canonical.clone();
    let obj = doc.as_object_mut().unwrap();
    for (list, &n) in LISTS.iter().zip(keep).skip(2) {
        if let Some(Value::Array(a)) = obj.get_mut(*list) {
            a.truncate(n);
        }
    }
    let ids: std::collections::HashSet<String> = LISTS
        .iter()
        .filter_map(|l| obj.get(*l).and_then(Value::as_array))
        .flatten()
        .filter_map(|r| r.get("id").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let known = |v: &Value| v.as_str().is_some_and(|s| ids.contains(s));
    if let Some(Value::Array(a)) = obj.get_mut("lexicon") {
        a.retain(|e| e.get("fact").is_some_and(known));
    }
    if let Some(Value::Array(a)) = obj.get_mut("disagreements") {
        a.retain(|d| d.get("affects").and_then(Value::as_array).is_some_and(|x| x.iter().all(known)));
    }
    doc
}

fn minimal() -> Value {
    json!({
        "sources": [{ "id": "s", "title": "T", "publisher": "P", "kind": "article" }],
        "roles": [{ "id": "r", "name": "R", "summary": "S", "description": "D", "sources": ["s"] }],
    })
}

/// Values that sit on or across a boundary of some rule.
fn nasty() -> impl Strategy<Value = Value> {
    let long = |c: &str, n: usize| Value::String(c.repeat(n));
    prop_oneof![
        Just(Value::Null),
        Just(json!(true)),
        Just(json!(0)),
        Just(json!(-1)),
        Just(json!(1)),
        Just(json!(0.5)),
        Just(json!(1.5)),
        Just(json!(-0.0)),
        Just(json!(1e308)),
        Just(json!(4_294_967_295u64)),
        Just(json!(4_294_967_296u64)),
        Just(json!(-9_007_199_254_740_993i64)),
        Just(json!("")),
        Just(json!(" \t")),
        Just(json!("\u{85}")),
        Just(json!("\u{feff}")),
        Just(json!("\u{3000}")),
        Just(json!("x")),
        Just(json!("Product Owner")),
        Just(json!("product-owner")),
        Just(json!("product-manager")),
        Just(json!("a--b")),
        Just(json!("-a")),
        Just(long("a", 64)),
        Just(long("a", 65)),
        Just(long("a", 10_000)),
        Just(long("a", 10_001)),
        Just(long("é", 5_000)),
        Just(long("é", 5_001)),
        Just(json!("USD")),
        Just(json!("usd")),
        Just(json!("EURO")),
        Just(json!("1.0.0")),
        Just(json!("1.0.0-beta")),
        Just(json!("01.0.0")),
        Just(json!("1.0")),
        Just(json!("1.0.0-")),
        Just(json!("owns")),
        Just(json!("article")),
        Just(json!("exact")),
        Just(json!("year")),
        Just(json!("one-person")),
        Just(json!([])),
        Just(json!([1])),
        Just(json!(["s"])),
        Just(json!({})),
        Just(json!({ "exact": 1 })),
        Just(json!({ "exact": 0 })),
        Just(json!({ "range": { "low": 2, "high": 1 } })),
        Just(json!({ "range": { "low": 1, "high": 2 } })),
        Just(json!({ "amount": 3, "unit": "week" })),
        Just(json!({ "role": "product-owner", "weight": 0.5 })),
        Just(json!({ "role": "product-owner", "level": "owns" })),
        "[a-z0-9 -]{0,12}".prop_map(Value::String),
        any::<f64>().prop_map(|f| json!(f)),
        any::<i64>().prop_map(|n| json!(n)),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    /// Replace the node at this (wrapping) index with a value.
    Replace(usize, Value),
    /// Remove the node (a key from its object, an item from its array).
    Remove(usize),
    /// Add a key to the object at the node, or an item to the array.
    Add(usize, Value),
    /// Duplicate an item of the array at the node.
    Duplicate(usize),
    /// Replace the node with an id used elsewhere in the document.
    Reuse(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<usize>(), nasty()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        2 => any::<usize>().prop_map(Mutation::Remove),
        1 => (any::<usize>(), nasty()).prop_map(|(i, v)| Mutation::Add(i, v)),
        1 => any::<usize>().prop_map(Mutation::Duplicate),
        2 => (any::<usize>(), any::<usize>()).prop_map(|(i, j)| Mutation::Reuse(i, j)),
    ]
}

/// JSON Pointers of every node.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            for (k, child) in o {
                pointers(child, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn split(pointer: &str) -> Option<(&str, String)> {
    let (parent, last) = pointer.rsplit_once('/')?;
    Some((parent, last.replace("~1", "/").replace("~0", "~")))
}

fn apply(doc: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let pick = |i: usize| all[i % all.len()].clone();
    match m {
        Mutation::Replace(i, v) => {
            if let Some(node) = doc.pointer_mut(&pick(*i)) {
                *node = v.clone();
            }
        }
        Mutation::Remove(i) => {
            let p = pick(*i);
            if let Some((parent, key)) = split(&p) {
                match doc.pointer_mut(parent) {
                    Some(Value::Object(o)) => {
                        o.remove(&key);
                    }
                    Some(Value::Array(a)) => {
                        if let Ok(k) = key.parse::<usize>()
                            && k < a.len()
                        {
                            a.remove(k);
                        }
                    }
                    _ => {}
                }
            }
        }
        Mutation::Add(i, v) => match doc.pointer_mut(&pick(*i)) {
            Some(Value::Object(o)) => {
                // A known field name half the time, so a missing one comes back with a bad value.
                let name = ["id", "name", "zzz", "sources", "weight", "overlay"][o.len() % 6];
                o.insert(name.to_owned(), v.clone());
            }
            Some(Value::Array(a)) => a.push(v.clone()),
            _ => {}
        },
        Mutation::Duplicate(i) => {
            if let Some(Value::Array(a)) = doc.pointer_mut(&pick(*i))
                && let Some(first) = a.first().cloned()
            {
                a.push(first);
            }
        }
        Mutation::Reuse(i, j) => {
            let ids: Vec<Value> = all
                .iter()
                .filter(|p| p.ends_with("/id") || p.ends_with("/role"))
                .filter_map(|p| doc.pointer(p).cloned())
                .collect();
            if !ids.is_empty() {
                let id = ids[*j % ids.len()].clone();
                if let Some(node) = doc.pointer_mut(&pick(*i)) {
                    *node = id;
                }
            }
        }
    }
}

#[derive(Debug, Default)]
struct Tally {
    documents: u64,
    both_accept: u64,
    both_reject: u64,
    loader_only: u64,
    /// Loader-only rejections by rule.
    rules: BTreeMap<&'static str, u64>,
}

/// Why the loader alone rejected: the loader-only rule of each problem, or an error.
fn loader_only_rules(err: &CatalogError) -> Result<Vec<&'static str>, String> {
    match err {
        CatalogError::Invalid(problems) => problems
            .as_slice()
            .iter()
            .map(|p| {
                LOADER_ONLY
                    .iter()
                    .find(|(needle, _)| p.message.contains(needle))
                    .map(|(_, rule)| *rule)
                    .ok_or_else(|| format!("not a loader-only rule: {p}"))
            })
            .collect(),
        other => Err(format!("the schema accepts what the reader refuses: {other}")),
    }
}

fn documents() -> u32 {
    std::env::var("ROLEFIT_DIFFERENTIAL_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(500)
}

#[test]
fn schema_and_loader_agree() {
    let validator = schema();
    let canonical = canonical();
    let tally = std::cell::RefCell::new(Tally::default());
    let bases = prop_oneof![
        1 => Just(Value::Object(Default::default())),
        2 => Just(minimal()),
        2 => Just(canonical.clone()),
        6 => prop::collection::vec(0usize..8, LISTS.len()).prop_map(move |keep| cut(&canonical, &keep)),
    ];
    let strategy = (bases, prop::collection::vec(mutation(), 0..4));
    let mut runner = TestRunner::new(Config { cases: documents(), failure_persistence: None, ..Config::default() });
    let result = runner.run(&strategy, |(mut doc, mutations)| {
        for m in &mutations {
            apply(&mut doc, m);
        }
        let text = serde_json::to_string(&doc).unwrap();
        let schema_ok = validator.is_valid(&doc);
        let loaded = Catalog::from_json_str(&text);
        let mut t = tally.borrow_mut();
        t.documents += 1;
        match (schema_ok, &loaded) {
            (true, Ok(_)) => t.both_accept += 1,
            (false, Err(_)) => t.both_reject += 1,
            (false, Ok(_)) => {
                let why: Vec<String> =
                    validator.iter_errors(&doc).map(|e| format!("{}: {e}", e.instance_path())).collect();
                return Err(TestCaseError::fail(format!("the loader accepts what the schema rejects: {why:?}")));
            }
            (true, Err(e)) => {
                t.loader_only += 1;
                for rule in loader_only_rules(e).map_err(TestCaseError::fail)? {
                    *t.rules.entry(rule).or_default() += 1;
                }
            }
        }
        Ok(())
    });
    let t = tally.into_inner();
    eprintln!("{t:#?}");
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(t.both_accept > u64::from(documents()) / 20, "too few valid documents to mean anything: {t:?}");
    assert!(t.both_reject > u64::from(documents()) / 5, "too few invalid documents: {t:?}");
}
