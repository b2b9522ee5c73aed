//! The scan measures documents as the parsers build them, and limits at exactly the
//! measure accept.

use proptest::prelude::*;

use super::{Limit, Limits, Shape};
use crate::read::format::Format;

const SOURCE_JSON: &str = r#"{"id":"s","title":"t","publisher":"p","kind":"article"}"#;

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

/// Found by the `catalog_toml` fuzz target on its first (empty) input: an empty TOML
/// document is a table one level deep, as `toml` builds it, so a depth limit of 0
/// refuses it as it refuses `a = 1` and JSON's `{}`.
#[test]
fn an_empty_toml_document_is_one_level_deep() {
    let none = Limits::unlimited().with_max_depth(0);
    for (doc, format) in
        [("", Format::Toml), ("# a comment\n\n", Format::Toml), ("a = 1", Format::Toml), ("{}", Format::Json)]
    {
        assert_eq!(none.check(doc, format).unwrap_err().limit, Some(Limit::Depth), "{doc:?}");
        assert!(Limits::unlimited().with_max_depth(1).check(doc, format).is_ok(), "{doc:?}");
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
