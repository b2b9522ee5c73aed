//! Untrusted documents: limits with clear errors, deep nesting, huge catalogs, and the
//! limits scan measuring documents as the parsers build them.

use proptest::prelude::*;
use rolefit_core::{Catalog, CatalogData, CatalogError, Format, Limit, Limits, ParseError, Shape};

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

const SOURCE_JSON: &str = r#"{"id":"s","title":"t","publisher":"p","kind":"article"}"#;

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
fn the_canonical_catalog_is_well_within_the_defaults() {
    let json = serde_json::to_string_pretty(rolefit_data::catalog()).unwrap();
    let shape = Shape::of(&json, Format::Json);
    let d = Limits::DEFAULT;
    assert!(shape.bytes * 50 < d.max_input_bytes, "{shape:?}");
    assert!(shape.depth * 4 <= d.max_depth, "{shape:?}");
    assert!(shape.max_items * 100 < d.max_records, "{shape:?}");
    assert!(shape.max_string_bytes * 10 < d.max_string_bytes, "{shape:?}");
    assert!(Catalog::from_json_str(&json).is_ok());
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
    let err = rolefit_core::OrgProfile::from_str_in(&profile, Format::Toml, &catalog).unwrap_err();
    assert!(err.to_string().contains("(max_depth)"), "{err}");
    let err = Catalog::from_json_str(&deep).unwrap_err();
    assert!(err.to_string().contains("(max_depth)"), "{err}");
    // The size check for readers that know a length before reading.
    assert!(Limits::default().check_input_len(16 << 20).is_ok());
    let err = Limits::default().check_input_len((16 << 20) + 1).unwrap_err();
    assert_eq!(err.limit, Some(Limit::InputBytes));
}

#[test]
fn limits_at_exactly_the_measure_accept() {
    let doc = format!(r#"{{"sources": [{SOURCE_JSON}, {SOURCE_JSON}]}}"#);
    let shape = Shape::of(&doc, Format::Json);
    assert_eq!((shape.depth, shape.max_items, shape.max_string_bytes), (3, 2, 9));
    let exact = Limits::default()
        .with_max_input_bytes(shape.bytes)
        .with_max_depth(shape.depth)
        .with_max_records(shape.max_items)
        .with_max_string_bytes(shape.max_string_bytes);
    assert!(exact.check(&doc, Format::Json).is_ok());
    for (tighter, limit) in [
        (exact.with_max_input_bytes(shape.bytes - 1), Limit::InputBytes),
        (exact.with_max_depth(shape.depth - 1), Limit::Depth),
        (exact.with_max_records(shape.max_items - 1), Limit::Records),
        (exact.with_max_string_bytes(shape.max_string_bytes - 1), Limit::StringBytes),
    ] {
        assert_eq!(tighter.check(&doc, Format::Json).unwrap_err().limit, Some(limit));
    }
}

/// What a parsed document measures: depth, most items in a list, longest string or key
/// (decoded).
#[derive(Debug, Default, PartialEq, Eq, Clone, Copy)]
struct Measure {
    depth: usize,
    items: usize,
    string: usize,
}

impl Measure {
    fn join(self, other: Self) -> Self {
        Self {
            depth: self.depth.max(other.depth),
            items: self.items.max(other.items),
            string: self.string.max(other.string),
        }
    }
}

fn measure_json(v: &serde_json::Value) -> Measure {
    use serde_json::Value;
    match v {
        Value::String(s) => Measure { string: s.len(), ..Measure::default() },
        Value::Array(a) => {
            let inner = a.iter().map(measure_json).fold(Measure::default(), Measure::join);
            Measure { depth: inner.depth + 1, items: inner.items.max(a.len()), ..inner }
        }
        Value::Object(o) => {
            let inner = o
                .iter()
                .map(|(k, v)| measure_json(v).join(Measure { string: k.len(), ..Measure::default() }))
                .fold(Measure::default(), Measure::join);
            Measure { depth: inner.depth + 1, ..inner }
        }
        _ => Measure::default(),
    }
}

fn measure_toml(v: &toml::Value) -> Measure {
    use toml::Value;
    match v {
        Value::String(s) => Measure { string: s.len(), ..Measure::default() },
        Value::Array(a) => {
            let inner = a.iter().map(measure_toml).fold(Measure::default(), Measure::join);
            Measure { depth: inner.depth + 1, items: inner.items.max(a.len()), ..inner }
        }
        Value::Table(t) => measure_table(t),
        _ => Measure::default(),
    }
}

fn measure_table(t: &toml::Table) -> Measure {
    let inner = t
        .iter()
        .map(|(k, v)| measure_toml(v).join(Measure { string: k.len(), ..Measure::default() }))
        .fold(Measure::default(), Measure::join);
    Measure { depth: inner.depth + 1, ..inner }
}

fn value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let text = "[a-z .\"'\\\\\n\t#=\\[\\]{}é😀-]{0,12}";
    let leaf = prop_oneof![
        any::<bool>().prop_map(Value::Bool),
        any::<i32>().prop_map(Value::from),
        text.prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(text, inner, 0..5).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn table() -> impl Strategy<Value = serde_json::Value> {
    prop::collection::btree_map("[a-z .\"'-]{1,6}", value(), 0..6)
        .prop_map(|m| serde_json::Value::Object(m.into_iter().collect()))
}

proptest! {
    /// JSON: the scan measures depth and list sizes exactly, and strings as written
    /// (never shorter than decoded, equal when nothing is escaped).
    #[test]
    fn the_json_scan_measures_what_the_parser_builds(v in value(), pretty in any::<bool>()) {
        let text = if pretty { serde_json::to_string_pretty(&v) } else { serde_json::to_string(&v) }.unwrap();
        let shape = Shape::of(&text, Format::Json);
        let m = measure_json(&v);
        prop_assert_eq!((shape.depth, shape.max_items), (m.depth, m.items));
        prop_assert!(shape.max_string_bytes >= m.string);
        if !text.contains('\\') {
            prop_assert_eq!(shape.max_string_bytes, m.string);
        }
    }

    /// TOML, as the toml crate writes it (headers, arrays of tables, inline arrays and
    /// tables, quoted keys): the same, measured against what toml reads back.
    #[test]
    fn the_toml_scan_measures_what_the_parser_builds(v in table()) {
        let Ok(text) = toml::to_string(&v) else { return Ok(()) };
        let parsed: toml::Table = toml::from_str(&text).unwrap();
        let shape = Shape::of(&text, Format::Toml);
        let m = measure_table(&parsed);
        prop_assert_eq!((shape.depth, shape.max_items), (m.depth, m.items), "{}", text);
        prop_assert!(shape.max_string_bytes >= m.string, "{}", text);
    }

    /// Whatever the limits, a document within them is read as without them, and a
    /// document over one is refused naming it.
    #[test]
    fn limits_refuse_exactly_what_goes_over(v in value(), depth in 1usize..8, items in 0usize..6, string in 0usize..16) {
        let text = serde_json::to_string(&v).unwrap();
        let limits = Limits::default().with_max_depth(depth).with_max_records(items).with_max_string_bytes(string);
        let m = measure_json(&v);
        let shape = Shape::of(&text, Format::Json);
        let result: Result<serde_json::Value, _> = Format::Json.parse_with(&text, &limits);
        match result {
            Ok(read) => {
                prop_assert_eq!(read, v);
                prop_assert!(m.depth <= depth && m.items <= items && shape.max_string_bytes <= string);
            }
            Err(e) => {
                let over = match e.limit {
                    Some(Limit::Depth) => m.depth > depth,
                    Some(Limit::Records) => m.items > items,
                    Some(Limit::StringBytes) => shape.max_string_bytes > string,
                    _ => false,
                };
                prop_assert!(over, "{} for {}", e, text);
            }
        }
    }
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
    let span: rolefit_core::TimeSpan = Format::Json.parse(r#"{"amount": 2.0, "unit": "week"}"#).unwrap();
    assert_eq!(span.amount, 2);
    assert!(Format::Json.parse::<rolefit_core::TimeSpan>(r#"{"amount": 2.5, "unit": "week"}"#).is_err());
}
