//! The `rolefit` binary, run as a user runs it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod classify;
mod hardening;
mod overlay;
mod profiles;
mod reliability;
mod rendering;
mod report;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn rolefit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rolefit")).args(args).stdin(Stdio::null()).output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)
}

fn write_temp(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::File::create(&path).unwrap().write_all(text.as_bytes()).unwrap();
    (dir, path)
}

#[test]
fn compare_prints_a_table_by_default() {
    let out = rolefit(&["compare", "product-owner", "product-manager"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in ["Product Owner", "Product Manager", "Time horizon", "Responsibilities", "KPIs", "Skills"] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
    let paths = text.split("Career paths\n").nth(1).unwrap_or_else(|| panic!("no career paths:\n{text}"));
    assert!(paths.starts_with("Product Owner -> Product Manager (product-owner-to-product-manager): "), "{paths}");
    assert!(paths.contains("It takes:\n- Experience of planning the product"), "{paths}");
}

#[test]
fn compare_json_matches_its_schema() {
    let out = rolefit(&["compare", "product-owner", "product-manager", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(repo("docs/schema/comparison.schema.json")).unwrap()).unwrap();
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    assert!(validator.is_valid(&value));
    let cmp: rolefit::catalog::Comparison = serde_json::from_value(value).unwrap();
    assert_eq!(cmp.first, "product-owner");
    assert!(cmp.responsibilities.iter().any(|r| r.leaning == rolefit::catalog::Leaning::First));
    assert!(cmp.responsibilities.iter().any(|r| r.leaning == rolefit::catalog::Leaning::Second));
}

#[test]
fn compare_markdown_has_a_table_per_section() {
    let out = rolefit(&["compare", "product-owner", "product-manager", "--format", "markdown"]);
    let text = stdout(&out);
    // Four tables, then the career paths between the two roles.
    assert_eq!(text.matches("\n## ").count() + usize::from(text.starts_with("## ")), 5);
    assert!(text.contains("\n## Career paths\n"), "{text}");
    assert!(text.contains("| aspect | Product Owner | Product Manager |"));
}

#[test]
fn compare_an_unknown_role_is_a_usage_error() {
    let out = rolefit(&["compare", "product-owner", "prodcut-manager"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown role \"prodcut-manager\""));
}

#[test]
fn export_is_the_checked_in_catalog() {
    let out = rolefit(&["export", "--format", "json"]);
    assert!(out.status.success());
    let expected = std::fs::read_to_string(repo("docs/data/catalog.json")).unwrap();
    assert!(stdout(&out) == expected, "`rolefit export` differs from docs/data/catalog.json");
}

#[test]
fn schema_prints_the_checked_in_schema() {
    let out = rolefit(&["schema", "catalog"]);
    let expected = std::fs::read_to_string(repo("docs/schema/catalog.schema.json")).unwrap();
    assert!(stdout(&out) == expected);
    let out = rolefit(&["schema", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no schema named \"nope\"; there are: catalog"));
}

#[test]
fn roles_and_show() {
    let out = rolefit(&["roles"]);
    assert!(stdout(&out).contains("product-owner") && stdout(&out).contains("product-manager"));
    let out = rolefit(&["show", "product-owner"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("sources cited:"));
    let out = rolefit(&["show", "time-horizon", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "time-horizon");
    let out = rolefit(&["show", "nothing-here"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn show_prints_locators_and_the_disagreements_about_a_record() {
    let out = rolefit(&["show", "user-story-writing"]);
    let text = stdout(&out);
    assert!(text.contains("Responsibilities table, row User stories"), "{text}");
    let disputes = text.split("sources disagree, see:").nth(1).unwrap_or_else(|| panic!("no disputes listed:\n{text}"));
    assert!(disputes.contains("pm-user-stories: Whether the product manager takes part in user stories"), "{text}");
    // A record no disagreement bears on lists none.
    let out = rolefit(&["show", "pricing-strategy"]);
    assert!(!stdout(&out).contains("sources disagree"), "{}", stdout(&out));
}

#[test]
fn show_prints_the_career_path_and_what_it_takes() {
    let out = rolefit(&["show", "product-owner-to-product-manager"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in [
        "\nfrom: product-owner\n",
        "\nto: product-manager\n",
        "requires:\n  -\n    need: Experience of planning the product",
        "    skills:\n      - product-planning-skill\n",
        "FAQ, answer on moving from PO to PM",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
    let out = rolefit(&["show", "product-owner-to-product-manager", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(value["requires"].as_array().map(Vec::len), Some(5));
}

#[test]
fn validate_accepts_the_canonical_export() {
    let (_dir, path) = write_temp("catalog.json", &std::fs::read_to_string(repo("docs/data/catalog.json")).unwrap());
    let out = rolefit(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("valid catalog (2 roles"));
}

#[test]
fn validate_lists_every_problem_and_exits_1() {
    let (_dir, path) = write_temp(
        "team.toml",
        r#"
[[sources]]
id = "handbook"
title = "Handbook"
publisher = "Example"
kind = "article"

[[roles]]
id = "scrum-master"
name = "Scrum Master"
summary = ""
description = "Serves the team."
sources = ["handbok"]

[[kpis]]
id = "velocity"
name = "Velocity"
definition = "Points per sprint."
unit = "points-per-sprint"
direction = "higher-is-better"
cadence = "per-sprint"
roles = ["scrum-mastr"]
sources = ["handbook"]
"#,
    );
    let out = rolefit(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out).replace(path.to_str().unwrap(), "team.toml");
    insta::assert_snapshot!(err, @r#"
    rolefit: team.toml: 3 problems in the catalog
      team.toml: roles[0].summary: empty text
      team.toml: roles[0].sources[0]: unknown source "handbok"; did you mean "handbook"?
      team.toml: kpis[0].roles[0]: unknown role "scrum-mastr"; did you mean "scrum-master"?
    "#);
}

#[test]
fn validate_names_the_line_of_a_type_error() {
    let (_dir, path) = write_temp("bad.json", "{\n  \"roles\": [\n    { \"id\": 7 }\n  ]\n}\n");
    let out = rolefit(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out).replace(path.to_str().unwrap(), "bad.json");
    insta::assert_snapshot!(err, @"rolefit: bad.json: line 3, column 13: roles[0].id: invalid type: integer `7`, expected a string");
}

#[test]
fn validate_io_and_usage_errors_exit_2() {
    let out = rolefit(&["validate", "/no/such/file.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/file.toml"));
    let (_dir, path) = write_temp("catalog.yaml", "roles: []");
    let out = rolefit(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("cannot tell the format"));
    let out = rolefit(&["validate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn validate_reports_invalid_utf8_with_its_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.toml");
    std::fs::write(&path, b"data_version = \"1.0.0\"\n# caf\xe9\n").unwrap();
    let out = rolefit(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("invalid UTF-8 at byte offset 28"), "{}", stderr(&out));
}
