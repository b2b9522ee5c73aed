//! Citations: a bare source id or a `{ source, locator }` table when read, always the
//! table when written, and the locator's rules checked with the rest of the catalog.

use std::path::Path;

use rolefit_core::catalog::{Bump, diff};
use rolefit_core::model::LOCATOR_MAX_LEN;
use rolefit_core::{Catalog, Citation, Id};
use serde_json::{Value, json};

const BASE: &str = r#"
[[sources]]
id = "handbook"
title = "Handbook"
publisher = "Example"
kind = "article"

[[sources]]
id = "guide"
title = "Guide"
publisher = "Example"
kind = "framework"
"#;

fn with_role_sources(sources: &str) -> String {
    format!(
        "{BASE}\n[[roles]]\nid = \"product-owner\"\nname = \"Product Owner\"\nsummary = \"s\"\ndescription = \"d\"\nsources = {sources}\n"
    )
}

#[test]
fn a_bare_id_and_a_table_are_both_read() {
    let catalog = Catalog::from_toml_str(&with_role_sources(
        r#"["handbook", { source = "guide", locator = "Chapter 2, table 1" }]"#,
    ))
    .unwrap();
    let role = catalog.role("product-owner").unwrap();
    assert_eq!(
        role.sources.to_vec(),
        [
            Citation::new(Id::new("handbook").unwrap()),
            Citation::new(Id::new("guide").unwrap()).at("Chapter 2, table 1")
        ]
    );
    // A table without a locator is the same citation as the bare id.
    let table = Catalog::from_toml_str(&with_role_sources(r#"[{ source = "handbook" }]"#)).unwrap();
    let bare = Catalog::from_toml_str(&with_role_sources(r#"["handbook"]"#)).unwrap();
    assert_eq!(table, bare);
}

#[test]
fn citations_are_written_as_tables_with_the_locator_left_out_when_none() {
    let catalog =
        Catalog::from_toml_str(&with_role_sources(r#"["handbook", { source = "guide", locator = "Chapter 2" }]"#))
            .unwrap();
    let value = serde_json::to_value(&catalog).unwrap();
    assert_eq!(
        value["roles"][0]["sources"],
        json!([{ "source": "handbook" }, { "source": "guide", "locator": "Chapter 2" }])
    );
    // What is written reads back as the same catalog.
    let again = Catalog::from_json_str(&value.to_string()).unwrap();
    assert_eq!(again, catalog);
}

#[test]
fn a_citation_table_refuses_unknown_and_missing_fields() {
    let err = Catalog::from_toml_str(&with_role_sources(r#"[{ source = "guide", page = 3 }]"#)).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"line 19, column 12: roles[0].sources[0]: unknown field `page`, expected `source` or `locator`");
    let err = Catalog::from_toml_str(&with_role_sources(r#"[{ locator = "Chapter 2" }]"#)).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"line 19, column 12: roles[0].sources[0]: missing field `source`");
    let err =
        Catalog::from_json_str(r#"{"roles": [{"sources": [{"source": "guide", "locator": null}]}]}"#).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"line 1, column 59: roles[0].sources[0].locator: invalid type: null, expected a string");
    let err = Catalog::from_json_str(r#"{"roles": [{"sources": [3]}]}"#).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"line 1, column 25: roles[0].sources[0]: invalid type: integer `3`, expected a source id, or a table with `source` and `locator`");
}

#[test]
fn locators_are_one_short_line_of_text_and_sources_must_exist() {
    let long = "x".repeat(LOCATOR_MAX_LEN + 1);
    let at_limit = "é".repeat(LOCATOR_MAX_LEN);
    let sources = format!(
        r#"[{{ source = "guide", locator = " " }}, {{ source = "guide", locator = "line\nbreak" }}, {{ source = "guide", locator = "{long}" }}, {{ source = "guide", locator = "{at_limit}" }}, {{ source = "nowhere", locator = "Chapter 1" }}, {{ source = "product-owner" }}]"#
    );
    let err = Catalog::from_toml_str(&with_role_sources(&sources)).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @r#"
    5 problems in the catalog:
      roles[0].sources[0].locator: empty locator
      roles[0].sources[1].locator: a locator is one line; this one has a line break
      roles[0].sources[2].locator: locator is 161 characters, longer than 160
      roles[0].sources[4]: unknown source "nowhere"
      roles[0].sources[5]: "product-owner" is a role, not a source
    "#);
}

#[test]
fn a_changed_locator_is_a_patch() {
    let old = Catalog::from_toml_str(&with_role_sources(r#"[{ source = "guide", locator = "Chapter 2" }]"#)).unwrap();
    let new = Catalog::from_toml_str(&with_role_sources(r#"[{ source = "guide", locator = "Chapter 3" }]"#)).unwrap();
    let d = diff(&old, &new);
    assert_eq!(d.changes.len(), 1);
    assert_eq!(d.changes[0].fields, ["sources"]);
    assert_eq!(d.bump, Bump::Patch);
}

#[test]
fn the_schema_takes_both_shapes_and_refuses_what_the_loader_refuses() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema/catalog.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let doc = |sources: Value| {
        json!({
            "sources": [{ "id": "guide", "title": "Guide", "publisher": "Example", "kind": "framework" }],
            "roles": [{ "id": "product-owner", "name": "PO", "summary": "s", "description": "d", "sources": sources }],
        })
    };
    for ok in [json!(["guide"]), json!([{ "source": "guide" }]), json!([{ "source": "guide", "locator": "Part 1" }])] {
        let d = doc(ok.clone());
        assert!(validator.is_valid(&d), "{ok}");
        assert!(Catalog::from_json_str(&d.to_string()).is_ok(), "{ok}");
    }
    let long = "x".repeat(LOCATOR_MAX_LEN + 1);
    for bad in [
        json!([{ "source": "guide", "locator": "" }]),
        json!([{ "source": "guide", "locator": "  " }]),
        json!([{ "source": "guide", "locator": "a\nb" }]),
        json!([{ "source": "guide", "locator": "a\u{2028}b" }]),
        json!([{ "source": "guide", "locator": long }]),
        json!([{ "source": "guide", "locator": null }]),
        json!([{ "source": "guide", "page": 1 }]),
        json!([{ "locator": "Part 1" }]),
        json!([{ "source": "Guide" }]),
        json!(["Guide"]),
        json!([3]),
    ] {
        let d = doc(bad.clone());
        assert!(!validator.is_valid(&d), "the schema takes {bad}");
        assert!(Catalog::from_json_str(&d.to_string()).is_err(), "the loader takes {bad}");
    }
}
