//! Untrusted documents: limits with clear errors, deep nesting, huge catalogs, and the
//! limits scan measuring documents as the parsers build them.

use rolefit_core::model::TimeSpan;
use rolefit_core::read::Limit;
use rolefit_core::{Catalog, CatalogData, CatalogError, Format, Limits, ParseError};

fn parse_error(err: CatalogError) -> ParseError {
    match err {
        CatalogError::Parse(e) => e,
        other => panic!("expected a parse error, got {other}"),
    }
}

fn json_err(text: &str, limits: &Limits) -> ParseError {
    parse_error(Catalog::from_str_with(text, Format::Json, limits).unwrap_err())
}

fn toml_err(text: &str, limits: &Limits) -> ParseError {
    parse_error(Catalog::from_str_with(text, Format::Toml, limits).unwrap_err())
}

/// A catalog of `n` sources, as JSON, built in one string.
fn json_sources(n: usize) -> String {
    let mut text = String::with_capacity(n * 64 + 16);
    text.push_str("{\"sources\":[");
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&format!(r#"{{"id":"s{i}","title":"t","publisher":"p","kind":"article"}}"#));
    }
    text.push_str("]}");
    text
}

/// A catalog of `n` sources, as TOML.
fn toml_sources(n: usize) -> String {
    let mut text = String::with_capacity(n * 64);
    for i in 0..n {
        text.push_str(&format!("[[sources]]\nid = \"s{i}\"\ntitle = \"t\"\npublisher = \"p\"\nkind = \"article\"\n"));
    }
    text
}

#[test]
fn the_defaults_are_documented_values() {
    let d = Limits::default();
    assert_eq!(d, Limits::DEFAULT);
    assert_eq!(
        (d.max_input_bytes, d.max_depth, d.max_records, d.max_string_bytes, d.max_line_bytes),
        (16 << 20, 32, 100_000, 64 << 10, (16 << 20) + (1 << 20))
    );
}

#[test]
fn a_100_level_nested_json_catalog_is_refused_at_the_depth_limit() {
    let text = format!("{{\"roles\": {}{}}}", "[".repeat(100), "]".repeat(100));
    let err = json_err(&text, &Limits::default());
    assert_eq!(err.limit, Some(Limit::Depth));
    // The 33rd level opens inside the object (1), `roles` (2) and 30 more arrays.
    let path = format!("roles{}", "[0]".repeat(31));
    assert_eq!(err.path.as_deref(), Some(path.as_str()));
    assert_eq!(
        err.to_string(),
        format!("line 1, column 42: {path}: nesting deeper than the limit of 32 levels (max_depth)")
    );
}

#[test]
fn a_100_level_nested_toml_catalog_is_refused_at_the_depth_limit() {
    // Inline arrays, inline tables, a dotted header and a dotted key: four ways to nest.
    let arrays = format!("roles = {}{}\n", "[".repeat(100), "]".repeat(100));
    let tables = format!("roles = {}1{}\n", "{ a = ".repeat(100), " }".repeat(100));
    let header = format!("[{}]\nx = 1\n", vec!["roles"; 100].join("."));
    let dotted = format!("{} = 1\n", vec!["roles"; 100].join("."));
    for text in [arrays, tables, header, dotted] {
        let err = toml_err(&text, &Limits::default());
        assert_eq!(err.limit, Some(Limit::Depth), "{err}");
        assert!(err.to_string().contains("nesting deeper than the limit of 32 levels (max_depth)"), "{err}");
        assert_eq!(err.line, Some(1));
    }
}

#[test]
fn without_rolefit_limits_deep_documents_still_get_the_parsers_errors_not_a_crash() {
    let unlimited = Limits::unlimited();
    for levels in [100, 200, 100_000] {
        let json = format!("{{\"roles\": {}{}}}", "[".repeat(levels), "]".repeat(levels));
        let err = json_err(&json, &unlimited);
        assert_eq!(err.limit, None);
        // The typed reader stops at the first wrong type; an untyped one at the parser's
        // own limit of 128 levels.
        assert!(err.message.contains("invalid type: sequence"), "{err}");
        let value: Result<serde_json::Value, _> = Format::Json.parse_with(&json, &unlimited);
        assert_eq!(value.is_err(), levels >= 128);
        if let Err(e) = value {
            assert!(e.message.contains("recursion limit exceeded"), "{e}");
        }

        let toml = format!("roles = {}{}\n", "[".repeat(levels), "]".repeat(levels));
        let err = toml_err(&toml, &unlimited);
        assert_eq!(err.limit, None);
        assert!(err.message.contains("recursion"), "{err}");
    }
}

#[test]
fn a_million_record_catalog_is_refused_by_size_with_the_defaults() {
    let json = json_sources(1_000_000);
    let err = json_err(&json, &Limits::default());
    assert_eq!(err.limit, Some(Limit::InputBytes));
    assert_eq!(
        err.to_string(),
        format!("input is {} bytes, over the limit of 16777216 bytes (max_input_bytes)", json.len())
    );
    let toml = toml_sources(1_000_000);
    assert_eq!(toml_err(&toml, &Limits::default()).limit, Some(Limit::InputBytes));
}

#[test]
fn a_million_record_catalog_is_refused_by_count_when_size_is_allowed() {
    let limits = Limits::default().with_max_input_bytes(usize::MAX);
    let json = json_sources(1_000_000);
    let err = json_err(&json, &limits);
    assert_eq!(err.limit, Some(Limit::Records));
    assert_eq!(err.path.as_deref(), Some("sources"));
    assert!(err.to_string().ends_with("sources: more than 100000 items in one list, over the limit (max_records)"));

    // TOML is refused before the parser builds anything (it would take about 70 bytes
    // of memory per byte of input for a million small tables).
    let toml = toml_sources(1_000_000);
    let err = toml_err(&toml, &limits);
    assert_eq!(err.limit, Some(Limit::Records));
    assert_eq!(
        err.to_string(),
        "line 500001, column 1: sources: more than 100000 items in one list, over the limit (max_records)"
    );
}

#[test]
fn records_of_arrays_of_tables_are_counted_per_parent_element() {
    let limits = Limits::default().with_max_records(2);
    // Two roles with two crosswalk codes each: four `[[roles.crosswalk]]` headers, two per role.
    let doc =
        "[[roles]]\n[[roles.crosswalk]]\n[[roles.crosswalk]]\n[[roles]]\n[[roles.crosswalk]]\n[[roles.crosswalk]]\n";
    assert!(limits.check(doc, Format::Toml).is_ok());
    let three = format!("{doc}[[roles.crosswalk]]\n");
    let err = limits.check(&three, Format::Toml).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 7, column 1: roles.crosswalk: more than 2 items in one list, over the limit (max_records)"
    );
    // `"roles"` and `roles` are one key.
    let quoted = "[[roles]]\n[[\"roles\"]]\n[[ 'roles' ]]\n";
    assert_eq!(limits.check(quoted, Format::Toml).unwrap_err().limit, Some(Limit::Records));
}

#[test]
fn long_strings_are_refused_with_their_place() {
    let limits = Limits::default().with_max_string_bytes(8);
    let err = json_err(r#"{"roles": [{"id": "product-owner"}]}"#, &limits);
    assert_eq!(
        err.to_string(),
        "line 1, column 19: roles[0].id: string of 13 bytes, over the limit of 8 bytes (max_string_bytes)"
    );
    let err = json_err(r#"{"roles": [{"summary-of-it": 1}]}"#, &limits);
    assert_eq!(err.path.as_deref(), Some("roles[0]"), "a long key names its object");
    let err = toml_err("[[roles]]\nid = 'product-owner'\n", &limits);
    assert_eq!(err.to_string(), "line 2, column 6: string of 13 bytes, over the limit of 8 bytes (max_string_bytes)");
    let err = toml_err("[[roles]]\nsummary = \"\"\"\nlong text\n\"\"\"\n", &limits);
    assert_eq!(err.limit, Some(Limit::StringBytes));
}

#[test]
fn limits_reach_every_reader() {
    // Format::parse (profiles and overlays read through it) applies the defaults.
    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let err = Format::Json.parse::<serde_json::Value>(&deep).unwrap_err();
    assert_eq!(err.limit, Some(Limit::Depth));
    let catalog = Catalog::new(CatalogData::default()).unwrap();
    let profile = format!("[answers]\nx = {}{}\n", "[".repeat(40), "]".repeat(40));
    let err = rolefit_core::OrgProfile::read(&profile, Format::Toml, &catalog).unwrap_err();
    assert!(err.to_string().contains("(max_depth)"), "{err}");
    let err = Catalog::from_json_str(&deep).unwrap_err();
    assert!(err.to_string().contains("(max_depth)"), "{err}");
    // The size check for readers that know a length before reading.
    assert!(Limits::default().check_input_len(16 << 20).is_ok());
    let err = Limits::default().check_input_len((16 << 20) + 1).unwrap_err();
    assert_eq!(err.limit, Some(Limit::InputBytes));
}

/// Found by the differential test: serde's derive reads a record from an array of its
/// fields, so the loader took documents the schema refuses.
#[test]
fn records_are_objects_never_arrays_of_their_fields() {
    for (text, path) in [
        ("[]", Some(".")),
        (r#"{"sources": [["s", "T", "P", "article"]]}"#, Some("sources[0]")),
        (r#"{"salaries": [{"amount": {"range": [1, 2]}}]}"#, Some("salaries[0].amount.range")),
    ] {
        let err = json_err(text, &Limits::default());
        assert!(err.message.starts_with("invalid type: sequence, expected"), "{text}: {err}");
        assert_eq!(err.path.as_deref(), path, "{text}");
    }
    let err = toml_err("[[dimensions]]\nvalues = [{ horizon = { shortest = [2, \"week\"] } }]\n", &Limits::default());
    assert!(err.message.starts_with("invalid type: sequence, expected struct TimeSpan"), "{err}");
    // A whole number written with a fraction is an integer, as in JSON Schema.
    let span: TimeSpan = Format::Json.parse(r#"{"amount": 2.0, "unit": "week"}"#).unwrap();
    assert_eq!(span.amount, 2);
    assert!(Format::Json.parse::<TimeSpan>(r#"{"amount": 2.5, "unit": "week"}"#).is_err());
}
