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

/// The keywords a description's promise asks of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// A number in `[0, 1]`: `minimum: 0` and `maximum: 1`.
    UnitInterval,
    /// A number at least 0 with no upper bound (the description says it may exceed 1).
    NonNegative,
    /// A count at least 1: `minimum: 1`.
    AtLeastOne,
    /// A list of at least one item: `minItems: 1` and no default (an empty list).
    NotEmpty,
    /// A data version: the catalog's semver `pattern`.
    DataVersion,
    /// The description names a bound but describes no value that carries one (a kind of
    /// version bump, not a version; a reason for a verdict).
    NoValue,
}

/// A description that names a bound, and where the schema states it.
struct Promise {
    schema: &'static str,
    /// The JSON Pointer of the description.
    described_at: &'static str,
    bound: Bound,
    /// The JSON Pointer of the value that carries the keywords: the described node itself,
    /// or, for a container ("every role's score in [0, 1]"), the definition of its items.
    stated_at: &'static str,
}

const fn promise(schema: &'static str, described_at: &'static str, bound: Bound, stated_at: &'static str) -> Promise {
    Promise { schema, described_at, bound, stated_at }
}

/// Whether a description names a bound, by its wording alone (whatever the node's type, so
/// that a container or a definition that names one is found too).
fn names_a_bound(description: &str) -> bool {
    let d = description.to_lowercase();
    ["[0, 1]", "[0,1]", "between 0 and 1", "at least 1", "at least one", "data version", "semver"]
        .iter()
        .any(|phrase| d.contains(phrase))
}

use Bound::{AtLeastOne, DataVersion, NoValue, NonNegative, NotEmpty, UnitInterval};

const ROLE_SCORE: &str = "/$defs/RoleScore/properties/score";

/// Every description in every schema that names a bound. A description that starts or stops
/// naming one fails `schemas_state_the_bounds_their_descriptions_promise` until this list
/// says where (and whether) the schema states it: no rewording drops a check unnoticed.
#[rustfmt::skip]
const PROMISES: &[Promise] = &[
    promise("catalog", "/properties/data_version", DataVersion, "/properties/data_version"),
    promise("catalog", "/$defs/ImportanceExtension/properties/sources", NotEmpty, "/$defs/ImportanceExtension/properties/sources"),
    promise("catalog", "/$defs/KpiRoleExtension/properties/sources", NotEmpty, "/$defs/KpiRoleExtension/properties/sources"),
    promise("catalog", "/$defs/LeanExtension/properties/sources", NotEmpty, "/$defs/LeanExtension/properties/sources"),
    promise("catalog", "/$defs/OwnershipExtension/properties/sources", NotEmpty, "/$defs/OwnershipExtension/properties/sources"),
    promise("catalog", "/$defs/ValueExtension/properties/sources", NotEmpty, "/$defs/ValueExtension/properties/sources"),
    promise("catalog", "/$defs/AssessmentSignal/properties/leans", UnitInterval, "/$defs/RoleLean/properties/weight"),
    promise("catalog", "/$defs/LeanExtension/properties/weight", UnitInterval, "/$defs/LeanExtension/properties/weight"),
    promise("catalog", "/$defs/RoleLean/properties/weight", UnitInterval, "/$defs/RoleLean/properties/weight"),
    promise("classification-line", "", UnitInterval, ROLE_SCORE),
    promise("classification-line", "/properties/confidence", UnitInterval, "/properties/confidence"),
    promise("classification-line", "/properties/scores", UnitInterval, ROLE_SCORE),
    promise("classification-line", ROLE_SCORE, UnitInterval, ROLE_SCORE),
    promise("classification", "", UnitInterval, ROLE_SCORE),
    promise("classification", "/properties/confidence", UnitInterval, "/properties/confidence"),
    promise("classification", "/properties/scores", UnitInterval, ROLE_SCORE),
    promise("classification", "/$defs/Contribution/properties/strength", UnitInterval, "/$defs/Contribution/properties/strength"),
    promise("classification", "/$defs/Contribution/properties/weight", NonNegative, "/$defs/Contribution/properties/weight"),
    promise("classification", ROLE_SCORE, UnitInterval, ROLE_SCORE),
    promise("classification", "/$defs/Scorecard", UnitInterval, ROLE_SCORE),
    promise("classification", "/$defs/Scorecard/properties/confidence", UnitInterval, "/$defs/Scorecard/properties/confidence"),
    promise("classification", "/$defs/Scorecard/properties/coverage", UnitInterval, "/$defs/Scorecard/properties/coverage"),
    promise("classification", "/$defs/Scorecard/properties/margin", UnitInterval, "/$defs/Scorecard/properties/margin"),
    promise("diff", "/properties/new_version", DataVersion, "/properties/new_version"),
    promise("diff", "/properties/old_version", DataVersion, "/properties/old_version"),
    promise("diff", "/properties/suggested_version", DataVersion, "/properties/suggested_version"),
    promise("diff", "/$defs/Bump", NoValue, ""),
    // "at least one side has less than min_evidence": a reason, not a value.
    promise("fit-report", "/$defs/LeanReason/oneOf/3", NoValue, ""),
    promise("fit-report", "/$defs/Lean/properties/confidence", UnitInterval, "/$defs/Lean/properties/confidence"),
    promise("fit-report", "/$defs/Lean/properties/margin", UnitInterval, "/$defs/Lean/properties/margin"),
    promise("fit-report", "/$defs/RoleFit/properties/score", UnitInterval, "/$defs/RoleFit/properties/score"),
    promise("org-profile", "/properties/dev_teams", AtLeastOne, "/properties/dev_teams"),
    promise("org-profile", "/properties/employees", AtLeastOne, "/properties/employees"),
    promise("org-profile", "/properties/products", AtLeastOne, "/properties/products"),
    promise("scorecard", "", UnitInterval, ROLE_SCORE),
    promise("scorecard", "/properties/confidence", UnitInterval, "/properties/confidence"),
    promise("scorecard", "/properties/coverage", UnitInterval, "/properties/coverage"),
    promise("scorecard", "/properties/margin", UnitInterval, "/properties/margin"),
    promise("scorecard", "/$defs/Contribution/properties/strength", UnitInterval, "/$defs/Contribution/properties/strength"),
    promise("scorecard", "/$defs/Contribution/properties/weight", NonNegative, "/$defs/Contribution/properties/weight"),
    promise("scorecard", ROLE_SCORE, UnitInterval, ROLE_SCORE),
    promise("weights", "", UnitInterval, "/$defs/Weight"),
    promise("weights", "/properties/facts", UnitInterval, "/$defs/Weight"),
    promise("weights", "/$defs/Weight", UnitInterval, "/$defs/Weight"),
];

/// Why `node` does not state `bound`, if it does not.
fn unstated(bound: Bound, node: &serde_json::Value, semver: &serde_json::Value) -> Option<String> {
    let number = |key: &str| node.get(key).and_then(|m| m.as_f64());
    let (min, max) = (number("minimum"), number("maximum"));
    let kept = match bound {
        UnitInterval => has_type(node, "number") && (min, max) == (Some(0.0), Some(1.0)),
        NonNegative => has_type(node, "number") && (min, max) == (Some(0.0), None),
        AtLeastOne => has_type(node, "integer") && min == Some(1.0),
        NotEmpty => has_type(node, "array") && number("minItems") == Some(1.0) && node.get("default").is_none(),
        DataVersion => has_type(node, "string") && node.get("pattern") == Some(semver),
        NoValue => true,
    };
    (!kept).then(|| {
        format!("type {:?}, minimum {min:?}, maximum {max:?}, pattern {:?}", node.get("type"), node.get("pattern"))
    })
}

/// What a description promises, the schema states: a number "in `[0, 1]`" has both
/// bounds, a count "at least 1" a minimum of 1, a data version the semver pattern.
/// Generators and validators read the keywords, not the prose.
#[test]
fn schemas_state_the_bounds_their_descriptions_promise() {
    let semver = read_json("docs/schema/catalog.schema.json")["properties"]["data_version"]["pattern"].clone();
    assert!(semver.is_string(), "the catalog's data_version has no pattern");
    let mut found = Vec::new();
    for s in rolefit::schema::all() {
        let mut nodes = Vec::new();
        subschemas(s.schema.as_value(), String::new(), &mut nodes);
        for (at, node) in nodes {
            if node.get("description").and_then(|d| d.as_str()).is_some_and(names_a_bound) {
                found.push(format!("{}#{at}", s.name));
            }
        }
    }
    let listed: Vec<String> = PROMISES.iter().map(|p| format!("{}#{}", p.schema, p.described_at)).collect();
    let new: Vec<&String> = found.iter().filter(|f| !listed.contains(f)).collect();
    let vanished: Vec<&String> = listed.iter().filter(|l| !found.contains(l)).collect();
    assert!(
        new.is_empty() && vanished.is_empty(),
        "the descriptions that name a bound changed: say in PROMISES where each is stated\nnew: {new:#?}\nvanished: {vanished:#?}"
    );
    let mut broken = Vec::new();
    for p in PROMISES {
        let schema = rolefit::schema::all().into_iter().find(|s| s.name == p.schema);
        let node = schema.as_ref().and_then(|s| s.schema.as_value().pointer(p.stated_at));
        match node {
            None => broken.push(format!("{}#{}: no such value", p.schema, p.stated_at)),
            Some(node) => {
                if let Some(why) = unstated(p.bound, node, &semver) {
                    broken.push(format!(
                        "{}#{} promises {:?} at {}: {why}",
                        p.schema, p.described_at, p.bound, p.stated_at
                    ));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}
