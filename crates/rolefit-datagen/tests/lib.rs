//! Drift tests: the checked-in generated files are exactly what the generator makes
//! from the current source, and the exported catalog matches its own schema.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

use std::fs;

use rolefit_datagen::{REGENERATE, outputs, workspace_root};

#[test]
fn generated_files_match_their_sources() {
    let root = workspace_root();
    let files = outputs(&root).unwrap_or_else(|errors| panic!("the dataset is invalid:\n{}", errors.join("\n")));
    let mut stale = Vec::new();
    for (path, expected) in &files {
        let actual = fs::read_to_string(root.join(path)).unwrap_or_default();
        if &actual != expected {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {}\nregenerate them with `{REGENERATE}` and commit the result",
        stale.join(", ")
    );
}

#[test]
fn no_stale_schema_files() {
    let root = workspace_root();
    let published: Vec<String> = rolefit::schema::all().iter().map(|s| format!("{}.schema.json", s.name)).collect();
    for entry in fs::read_dir(root.join("docs/schema")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(published.contains(&name), "docs/schema/{name} is no longer generated; delete it");
    }
}

fn read_json(path: &str) -> serde_json::Value {
    let text = fs::read_to_string(workspace_root().join(path)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn exported_catalog_matches_its_schema() {
    let schema = read_json("docs/schema/catalog.schema.json");
    let catalog = read_json("docs/data/catalog.json");
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let errors: Vec<String> = validator.iter_errors(&catalog).map(|e| format!("{}: {e}", e.instance_path())).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn schemas_are_draft_2020_12() {
    for s in rolefit::schema::all() {
        assert_eq!(
            s.schema.get("$schema").and_then(|v| v.as_str()),
            Some("https://json-schema.org/draft/2020-12/schema"),
            "{}",
            s.name
        );
        assert!(jsonschema::meta::is_valid(s.schema.as_value()), "{} is not a valid schema", s.name);
    }
}

#[test]
fn the_schema_rejects_what_the_loader_rejects_for_types() {
    let schema = read_json("docs/schema/catalog.schema.json");
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let bad = [
        serde_json::json!({ "rolez": [] }),
        serde_json::json!({ "roles": [{ "id": "Not Kebab", "name": "x", "summary": "x", "description": "x", "sources": [] }] }),
        serde_json::json!({ "kpis": [{ "id": "k", "name": "x", "definition": "x", "unit": "furlongs", "direction": "higher-is-better", "cadence": "monthly", "roles": [], "sources": [] }] }),
    ];
    for doc in bad {
        assert!(!validator.is_valid(&doc), "schema accepted {doc}");
        assert!(rolefit::Catalog::from_json_str(&doc.to_string()).is_err(), "loader accepted {doc}");
    }
}

/// Every subschema of a schema, with its JSON Pointer.
fn subschemas<'a>(node: &'a serde_json::Value, at: String, out: &mut Vec<(String, &'a serde_json::Value)>) {
    match node {
        serde_json::Value::Object(map) => {
            out.push((at.clone(), node));
            for (key, child) in map {
                subschemas(child, format!("{at}/{key}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                subschemas(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn has_type(schema: &serde_json::Value, wanted: &str) -> bool {
    match schema.get("type") {
        Some(serde_json::Value::String(t)) => t == wanted,
        Some(serde_json::Value::Array(ts)) => ts.iter().any(|t| t == wanted),
        _ => false,
    }
}

/// What a description promises, the schema states: a number "in `[0, 1]`" has both
/// bounds, a count "at least 1" a minimum of 1, a data version the semver pattern.
/// Generators and validators read the keywords, not the prose.
#[test]
fn schemas_state_the_bounds_their_descriptions_promise() {
    let semver = read_json("docs/schema/catalog.schema.json")["properties"]["data_version"]["pattern"].clone();
    assert!(semver.is_string(), "the catalog's data_version has no pattern");
    let mut broken = Vec::new();
    let mut checked = 0;
    for s in rolefit::schema::all() {
        let mut nodes = Vec::new();
        subschemas(s.schema.as_value(), String::new(), &mut nodes);
        for (at, node) in nodes {
            let description = node.get("description").and_then(|d| d.as_str()).unwrap_or_default();
            let bounds = (node.get("minimum").and_then(|m| m.as_f64()), node.get("maximum").and_then(|m| m.as_f64()));
            if has_type(node, "number") && description.contains("in `[0, 1]`") {
                checked += 1;
                if bounds != (Some(0.0), Some(1.0)) {
                    broken.push(format!("{}#{at}: in [0, 1] but bounded {bounds:?}", s.name));
                }
            }
            if has_type(node, "integer") && description.contains("(at least 1") {
                checked += 1;
                if bounds.0 != Some(1.0) {
                    broken.push(format!("{}#{at}: at least 1 but minimum {:?}", s.name, bounds.0));
                }
            }
            if has_type(node, "string") && description.contains("data version") {
                checked += 1;
                if node.get("pattern") != Some(&semver) {
                    broken.push(format!("{}#{at}: a data version without the semver pattern", s.name));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    // 26 when written: 21 numbers in [0, 1], 2 counts, 3 data versions.
    assert!(checked >= 26, "only {checked} values checked: the descriptions changed wording?");
}
