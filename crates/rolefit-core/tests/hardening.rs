//! Untrusted documents: limits with clear errors, deep nesting, huge catalogs, and the
//! limits scan measuring documents as the parsers build them.

use rolefit_core::model::TimeSpan;
use rolefit_core::read::Limit;
use rolefit_core::{Catalog, CatalogData, CatalogError, Format, Limits, ParseError, Weights};

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
    assert!(err.message.starts_with("invalid type: sequence, expected an object with fields amount, unit"), "{err}");
    // A whole number written with a fraction is an integer, as in JSON Schema.
    let span: TimeSpan = Format::Json.parse(r#"{"amount": 2.0, "unit": "week"}"#).unwrap();
    assert_eq!(span.amount, Some(2));
    assert!(Format::Json.parse::<TimeSpan>(r#"{"amount": 2.5, "unit": "week"}"#).is_err());
}

/// Some editors start a file with a UTF-8 byte order mark; TOML's reader skips it, and
/// so does JSON's. Lines and columns count from after the mark, as such editors show them.
#[test]
fn a_byte_order_mark_before_a_document_is_skipped() {
    for (text, format) in [("\u{feff}{\"sources\": []}", Format::Json), ("\u{feff}sources = []\n", Format::Toml)] {
        let data: CatalogData = format.parse(text).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert!(data.sources.is_empty());
    }
    let err = Format::Json.parse::<CatalogData>("\u{feff}{\"sources\": 3}").unwrap_err();
    insta::assert_snapshot!(err.to_string(), @r#"line 1, column 13: sources: invalid type: integer `3`, expected a list"#);
    // Only at the start: a mark anywhere else is a character like any other.
    assert!(Format::Json.parse::<CatalogData>("{\"sources\": []}\u{feff}").is_err());
}

/// serde_json keeps the last of two equal keys and drops the first without a word.
#[test]
fn a_key_written_twice_in_one_object_is_refused_by_name_and_path() {
    let weights = r#"{"facts": {"startup": {"product-owner": 0.5, "product-owner": 0.9}}}"#;
    let err = Format::Json.parse::<Weights>(weights).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @r#"line 1, column 60: facts.startup.product-owner: duplicate key `product-owner`"#);
    let err = Format::Json.parse::<CatalogData>(r#"{"sources": [], "sources": []}"#).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"line 1, column 25: sources: duplicate key `sources`");
    let record = r#"{"sources": [{"id": "s", "title": "t", "id": "u", "publisher": "p", "kind": "article"}]}"#;
    let err = Format::Json.parse::<CatalogData>(record).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"line 1, column 43: sources[0].id: duplicate key `id`");
    // TOML refuses them too, in its own words.
    let err = Format::Toml.parse::<Weights>("[facts.startup]\nproduct-owner = 0.5\nproduct-owner = 0.9\n").unwrap_err();
    assert!(err.message.contains("duplicate key"), "{err}");
    // Equal keys in different objects are no repeat.
    let fine = r#"{"facts": {"a": {"product-owner": 0.5}, "b": {"product-owner": 0.5}}}"#;
    assert_eq!(Format::Json.parse::<Weights>(fine).unwrap().facts.len(), 2);
}

/// Errors say what the document should hold in its own words, never serde's names for
/// Rust types (`u32`, `f64`, `struct TimeSpan`, `a sequence`).
#[test]
fn type_errors_name_what_the_document_should_hold() {
    type Read = fn(&str) -> ParseError;
    let cases: [(&str, Read); 7] = [
        (r#"{"amount": "two", "unit": "week"}"#, |t| Format::Json.parse::<TimeSpan>(t).unwrap_err()),
        (r#"{"amount": -1, "unit": "week"}"#, |t| Format::Json.parse::<TimeSpan>(t).unwrap_err()),
        (r#"{"amount": 2.5, "unit": "week"}"#, |t| Format::Json.parse::<TimeSpan>(t).unwrap_err()),
        ("amount = \"two\"\nunit = \"week\"\n", |t| Format::Toml.parse::<TimeSpan>(t).unwrap_err()),
        (r#"{"facts": {"a": {"product-owner": "high"}}}"#, |t| Format::Json.parse::<Weights>(t).unwrap_err()),
        (r#"{"sources": 3}"#, |t| Format::Json.parse::<CatalogData>(t).unwrap_err()),
        ("sources = [\"s\"]\n", |t| Format::Toml.parse::<CatalogData>(t).unwrap_err()),
    ];
    let messages: Vec<String> = cases.iter().map(|(text, read)| read(text).to_string()).collect();
    insta::assert_snapshot!(messages.join("\n"), @r#"
    line 1, column 16: amount: invalid type: string "two", expected a whole number from 0 to 4294967295
    line 1, column 13: amount: invalid value: integer `-1`, expected a whole number from 0 to 4294967295
    line 1, column 14: amount: invalid type: floating point `2.5`, expected a whole number from 0 to 4294967295
    line 1, column 10: amount: invalid type: string "two", expected a whole number from 0 to 4294967295
    line 1, column 40: facts.a.product-owner: invalid type: string "high", expected a number
    line 1, column 13: sources: invalid type: integer `3`, expected a list
    line 1, column 12: sources[0]: invalid type: string "s", expected an object with fields id, title, publisher, kind, ...
    "#);
    for message in &messages {
        for rust in ["struct ", "u32", "u64", "f64", "a sequence", "a map"] {
            assert!(!message.contains(rust), "{message}");
        }
    }
}

/// The `toml` crate hands a date-time to a reader as a map, which read as "invalid type:
/// map" where text was expected.
#[test]
fn a_toml_date_time_where_text_is_expected_is_called_a_date_time() {
    let text = "[[sources]]\nid = \"s\"\ntitle = 1979-05-27\npublisher = \"p\"\nkind = \"article\"\n";
    let err = Format::Toml.parse::<CatalogData>(text).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @r#"line 3, column 9: sources[0].title: a TOML date-time, which rolefit reads nowhere; put it in quotes if it is text"#);
}

/// serde_json says "unexpected end of hex escape" for half a surrogate pair.
#[test]
fn a_lone_surrogate_escape_is_named() {
    for text in [
        r#"{"sources": [{"id": "\ud800"}]}"#,
        r#"{"sources": [{"id": "\udc00x"}]}"#,
        r#"{"sources": [{"id": "\ud800\u0041"}]}"#,
    ] {
        let err = Format::Json.parse::<CatalogData>(text).unwrap_err();
        assert!(err.message.contains("surrogate pair") && err.message.contains("`\\ud"), "{text}: {err}");
        assert_eq!(err.line, Some(1), "{text}");
    }
    let err = Format::Json.parse::<CatalogData>(r#"{"sources": [{"id": "\ud800"}]}"#).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @r#"line 1, column 28: sources[0].id: `\ud800` is half of a UTF-16 surrogate pair without its other half; JSON text must be Unicode"#);
    // A pair is a character, and an escape that is no surrogate stays serde_json's error.
    assert!(
        Format::Json
            .parse::<CatalogData>(r#"{"sources": [{"id": "\ud83d\ude00"}]}"#)
            .unwrap_err()
            .message
            .contains("missing field")
    );
    assert!(
        !Format::Json
            .parse::<CatalogData>(r#"{"sources": [{"id": "\u00zz"}]}"#)
            .unwrap_err()
            .message
            .contains("surrogate")
    );
}

/// "1 levels" read as a slip.
#[test]
fn a_limit_of_one_is_one_level_one_item_one_byte() {
    let limits = Limits::default().with_max_depth(1);
    let err = json_err(r#"{"sources": [{"id": "s"}]}"#, &limits);
    assert!(err.message.ends_with("the limit of 1 level"), "{err}");
    let limits = Limits::default().with_max_input_bytes(1);
    assert!(json_err("{}", &limits).message.ends_with("over the limit of 1 byte"), "{}", json_err("{}", &limits));
    assert!(json_err("{}  ", &Limits::default().with_max_input_bytes(3)).message.contains("input is 4 bytes"));
}
