//! JSON Schemas (draft 2020-12) for every type that crosses a boundary.
//!
//! The same schemas are checked in under `docs/schema/`, one file per entry of
//! [`all`], named `<name>.schema.json`. The schemas of `rolefit classify`'s output
//! (`classification`, `classification-line`) need the `text` feature (on by default).
//!
//! They are written for the tools of other languages, not only for validators: they use
//! only the formats JSON Schema defines (a `u32` is an integer from 0 to 4294967295, not
//! `format: uint32`), no union of types (`anyOf` instead, which ajv's strict mode accepts),
//! their descriptions carry no rustdoc link syntax, and each root schema's title is
//! its name in PascalCase (`fit-report` is `FitReport`), which code generators use as the
//! name of the root type.

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema};
use serde_json::Value;

/// A named JSON Schema.
#[derive(Debug, Clone)]
pub struct NamedSchema {
    /// The short name, used by `rolefit schema NAME` and in the file name.
    pub name: &'static str,
    /// What documents it describes.
    pub describes: &'static str,
    /// The schema.
    pub schema: Schema,
}

/// The schema of one type, with the draft pinned to 2020-12.
pub fn schema_for<T: JsonSchema>() -> Schema {
    portable(SchemaSettings::draft2020_12()).into_generator().into_root_schema_for::<T>()
}

/// The schema of one type as it is serialized, with the draft pinned to 2020-12: for
/// output-only types, whose `Option` fields are always written (as `null` when empty),
/// so every field is required.
pub fn schema_for_output<T: JsonSchema>() -> Schema {
    portable(SchemaSettings::draft2020_12().for_serialize()).into_generator().into_root_schema_for::<T>()
}

/// The settings with the transform that makes every subschema portable: standard formats only,
/// descriptions without rustdoc links.
fn portable(settings: SchemaSettings) -> SchemaSettings {
    settings.with_transform(RecursiveTransform(|schema: &mut Schema| {
        standard_formats(schema);
        single_types(schema);
        for key in ["description", "title"] {
            if let Some(Value::String(text)) = schema.get_mut(key) {
                *text = plain_text(text);
            }
        }
    }))
}

/// Replaces a format JSON Schema does not define (schemars writes Rust's integer and float
/// types as formats) by the bounds it stands for, keeping any tighter bound already there.
fn standard_formats(schema: &mut Schema) {
    let (low, high): (Option<i64>, Option<i64>) = match schema.get("format").and_then(Value::as_str) {
        Some("uint8") => (Some(0), Some(u8::MAX.into())),
        Some("uint16") => (Some(0), Some(u16::MAX.into())),
        Some("uint32") => (Some(0), Some(u32::MAX.into())),
        Some("uint" | "uint64" | "uint128") => (Some(0), None),
        Some("int8") => (Some(i8::MIN.into()), Some(i8::MAX.into())),
        Some("int16") => (Some(i16::MIN.into()), Some(i16::MAX.into())),
        Some("int32") => (Some(i32::MIN.into()), Some(i32::MAX.into())),
        Some("int" | "int64" | "int128" | "float" | "double") => (None, None),
        _ => return,
    };
    schema.remove("format");
    if let Some(low) = low {
        let tighter = schema.get("minimum").and_then(Value::as_f64).is_some_and(|m| m >= low as f64);
        if !tighter {
            schema.insert("minimum".into(), low.into());
        }
    }
    if let Some(high) = high {
        let tighter = schema.get("maximum").and_then(Value::as_f64).is_some_and(|m| m <= high as f64);
        if !tighter {
            schema.insert("maximum".into(), high.into());
        }
    }
}

/// Rewrites a union of types (`"type": ["string", "number"]`) as an `anyOf` of single types:
/// ajv's strict mode refuses unions, and generators name the branches. A type or null
/// (`["integer", "null"]`, an `Option`) stays as it is: every tool reads that as nullable.
fn single_types(schema: &mut Schema) {
    let Some(Value::Array(types)) = schema.get("type") else { return };
    if types.iter().filter(|t| t.as_str() != Some("null")).count() < 2 {
        return;
    }
    let branches: Vec<Value> = types.iter().map(|t| serde_json::json!({ "type": t })).collect();
    schema.remove("type");
    schema.insert("anyOf".into(), branches.into());
}

/// A doc comment without rustdoc's link syntax, which means nothing outside rustdoc:
/// ``[`Scorecard`](super::Scorecard)``, ``[`Scorecard`]`` and `[text](target)` become their
/// text. Code spans stay (every Markdown reader shows them, and in plain text the backticks
/// still mark a name); other brackets (`in [0, 1]`) stay.
fn plain_text(doc: &str) -> String {
    let mut out = String::with_capacity(doc.len());
    let mut rest = doc;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..];
        let Some(close) = inner.find(']') else {
            rest = &rest[open..];
            break;
        };
        let text = &inner[..close];
        let after = &inner[close + 1..];
        let target = after.strip_prefix('(').and_then(|t| t.find(')').map(|end| (&t[..end], &t[end + 1..])));
        match target {
            Some((target, tail)) if !target.is_empty() && !target.contains(char::is_whitespace) => {
                out.push_str(text);
                rest = tail;
            }
            _ if text.len() > 2 && text.starts_with('`') && text.ends_with('`') => {
                out.push_str(text);
                rest = after;
            }
            _ => {
                out.push('[');
                rest = inner;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A schema name in PascalCase: `fit-report` is `FitReport`.
fn pascal_case(name: &str) -> String {
    name.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect()
}

/// Every schema rolefit publishes, in a fixed order.
pub fn all() -> Vec<NamedSchema> {
    #[cfg_attr(not(feature = "text"), allow(unused_mut))]
    let mut schemas = vec![
        NamedSchema {
            name: "catalog",
            describes: "a catalog document (the canonical export, or a user catalog)",
            schema: schema_for::<rolefit_core::CatalogData>(),
        },
        NamedSchema {
            name: "comparison",
            describes: "two roles compared (`rolefit compare --format json`)",
            schema: schema_for::<rolefit_core::catalog::Comparison>(),
        },
        NamedSchema {
            name: "diff",
            describes: "what changed between two catalogs (`rolefit diff --format json`)",
            schema: schema_for::<rolefit_core::catalog::CatalogDiff>(),
        },
        NamedSchema {
            name: "org-profile",
            describes: "an organisation's answers to the needs assessment (`rolefit assess FILE`)",
            schema: schema_for::<rolefit_core::OrgProfile>(),
        },
        NamedSchema {
            name: "candidate-profile",
            describes: "a candidate's skills and experience (`rolefit fit FILE`)",
            schema: schema_for::<rolefit_core::CandidateProfile>(),
        },
        NamedSchema {
            name: "weights",
            describes: "weight overrides: fact id -> role id -> weight (`--weights FILE`)",
            schema: schema_for::<rolefit_core::Weights>(),
        },
        NamedSchema {
            name: "scorecard",
            describes: "scores, verdict and contributions (`rolefit assess --format json`)",
            schema: schema_for::<rolefit_core::Scorecard>(),
        },
        NamedSchema {
            name: "fit-report",
            describes: "which role a candidate leans to, and per role what the profile states strong, stated but weak (missing) and unknown (`rolefit fit --format json`)",
            schema: schema_for::<rolefit_core::assessment::FitReport>(),
        },
    ];
    #[cfg(feature = "text")]
    schemas.extend([
        NamedSchema {
            name: "classification",
            describes: "one element of the array `rolefit classify FILE... --format json` prints: a file and its classification",
            schema: schema_for_output::<rolefit_text::ClassifiedFile>(),
        },
        NamedSchema {
            name: "classification-line",
            describes: "one line of `rolefit classify --jsonl` output: an id and its classification",
            schema: schema_for_output::<rolefit_text::ClassificationLine<'static>>(),
        },
    ]);
    for s in &mut schemas {
        s.schema.insert("title".into(), pascal_case(s.name).into());
    }
    schemas
}

/// The schema with this name.
pub fn named(name: &str) -> Option<NamedSchema> {
    all().into_iter().find(|s| s.name == name)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests fail by panicking
mod tests {
    use super::*;

    #[test]
    fn rustdoc_links_become_plain_text() {
        assert_eq!(plain_text("The [`Scorecard`](super::Scorecard) of a [`Role`]."), "The `Scorecard` of a `Role`.");
        assert_eq!(plain_text("See [the guide](https://example.com/a)."), "See the guide.");
        assert_eq!(plain_text("A weight in `[0, 1]` [sic] (or not)."), "A weight in `[0, 1]` [sic] (or not).");
        assert_eq!(plain_text("Unclosed [ bracket"), "Unclosed [ bracket");
    }

    #[test]
    fn a_union_of_types_becomes_an_any_of_and_a_nullable_type_stays() {
        let mut schema: Schema = serde_json::json!({ "type": ["string", "number"] }).try_into().unwrap();
        single_types(&mut schema);
        let expected = serde_json::json!({ "anyOf": [{ "type": "string" }, { "type": "number" }] });
        assert_eq!(schema, Schema::try_from(expected).unwrap());
        let nullable = serde_json::json!({ "type": ["integer", "null"], "minimum": 0 });
        let mut schema: Schema = nullable.clone().try_into().unwrap();
        single_types(&mut schema);
        assert_eq!(schema, Schema::try_from(nullable).unwrap());
    }

    #[test]
    fn names_become_pascal_case_titles() {
        assert_eq!(pascal_case("fit-report"), "FitReport");
        assert_eq!(pascal_case("classification-line"), "ClassificationLine");
        assert_eq!(pascal_case("catalog"), "Catalog");
    }

    #[test]
    fn integer_formats_become_bounds_and_tighter_bounds_stay() {
        let mut schema: Schema =
            serde_json::json!({ "type": "integer", "format": "uint32", "minimum": 1 }).try_into().unwrap();
        standard_formats(&mut schema);
        assert_eq!(
            schema,
            Schema::try_from(serde_json::json!({ "type": "integer", "minimum": 1, "maximum": 4_294_967_295u32 }))
                .unwrap()
        );
        let mut schema: Schema = serde_json::json!({ "type": "number", "format": "double" }).try_into().unwrap();
        standard_formats(&mut schema);
        assert_eq!(schema, Schema::try_from(serde_json::json!({ "type": "number" })).unwrap());
    }
}
