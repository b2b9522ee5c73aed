//! `--catalog` overlays through every command, their errors, and `rolefit diff`.

use super::{repo, rolefit, stderr, stdout, write_temp};

fn sm() -> String {
    repo("examples/data/scrum-master.toml").to_str().unwrap().to_owned()
}

fn with_sm<'a>(sm: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--catalog", sm];
    all.extend_from_slice(args);
    all
}

#[test]
fn an_overlay_role_works_through_every_command() {
    let sm = sm();
    let out = rolefit(&with_sm(&sm, &["roles"]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("scrum-master"));

    let out = rolefit(&with_sm(&sm, &["show", "impediment-removal"]));
    assert!(out.status.success(), "{}", stderr(&out));

    let out = rolefit(&with_sm(&sm, &["compare", "scrum-master", "product-owner", "--format", "json"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let cmp: rolefit::catalog::Comparison = serde_json::from_slice(&out.stdout).unwrap();
    assert!(cmp.responsibilities.iter().any(|r| r.responsibility == "impediment-removal"));

    let (_dir, posting) = write_temp(
        "posting.txt",
        "Scrum Master wanted. You facilitate scrum events, coach the team in scrum and resolve impediments.",
    );
    let out = rolefit(&with_sm(&sm, &["classify", posting.to_str().unwrap(), "--format", "json"]));
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"scrum-master\""), "{}", stdout(&out));

    let out = rolefit(&with_sm(&sm, &["export", "--format", "json"]));
    let data: rolefit::CatalogData = serde_json::from_slice(&out.stdout).unwrap();
    assert!(data.roles.iter().any(|r| r.id == "scrum-master"));
    assert!(data.overlay.is_none() && data.extend.is_none(), "the export is the merged catalog");
    assert!(rolefit::Catalog::new(data).is_ok());

    let out = rolefit(&with_sm(&sm, &["export", "--format", "jsonld"]));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc["@graph"].as_array().unwrap().iter().any(|n| n["name"] == "Scrum Master"));

    let out = rolefit(&with_sm(
        &sm,
        &["report", "--output", "-", "--assess", repo("examples/data/scrum-team-org.toml").to_str().unwrap()],
    ));
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(html.contains("id=\"role-scrum-master\""));
    assert!(html.contains("<h4>Scrum Master"), "the assessment scores the new role");

    let out = rolefit(&["diff", "canonical", &sm, "--format", "json"]);
    let d: rolefit::catalog::CatalogDiff = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(d.bump, rolefit::catalog::Bump::Minor);
}

#[test]
fn overlays_apply_in_order() {
    let (_a, first) = write_temp(
        "first.toml",
        r#"
[[roles]]
id = "agile-coach"
name = "Agile Coach"
summary = "Coaches several teams."
description = "Coaches teams and leaders in agile ways of working."
sources = ["scrum-guide-2020"]

[[responsibilities]]
id = "team-coaching"
name = "Coach teams in agile ways of working"
description = "Help several teams improve how they plan, build and review their work."
category = "leadership"
ownership = [{ role = "agile-coach", level = "owns" }]
sources = ["scrum-guide-2020"]
"#,
    );
    let (_b, second) = write_temp(
        "second.toml",
        r#"
[overlay]
mode = "extend"

[[extend.ownership]]
responsibility = "team-coaching"
role = "product-owner"
level = "contributes"
sources = ["scrum-guide-2020"]
"#,
    );
    let (f, s) = (first.to_str().unwrap(), second.to_str().unwrap());
    let out = rolefit(&["--catalog", f, "--catalog", s, "show", "team-coaching", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("product-owner"));
    // The other way round, the responsibility does not exist yet when the row attaches to it.
    let out = rolefit(&["--catalog", s, "--catalog", f, "roles"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out).replace(s, "second.toml");
    insta::assert_snapshot!(err, @r#"
    rolefit: 1 problem in the layered catalog
      second.toml: extend.ownership[0].responsibility: unknown responsibility "team-coaching"
    "#);
}

#[test]
fn a_clash_a_dangling_reference_and_a_missing_override_each_name_file_and_path() {
    let (_dir, path) = write_temp(
        "team.toml",
        r#"
[overlay]
overrides = ["product-ownr"]

[[roles]]
id = "product-owner"
name = "PO"
summary = "Ours."
description = "Our product owner."
sources = ["scrum-guide-2020"]

[[responsibilities]]
id = "team-health"
name = "Keep the team healthy"
description = "Watch the team's workload and morale."
category = "leadership"
ownership = [{ role = "scrum-mastr", level = "owns" }]
sources = ["scrum-guide-2020"]
"#,
    );
    let p = path.to_str().unwrap();
    let out = rolefit(&["--catalog", p, "roles"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out).replace(p, "team.toml");
    insta::assert_snapshot!(err, @r#"
    rolefit: 4 problems in the layered catalog
      team.toml: overlay.overrides[0]: cannot override "product-ownr": the catalog beneath has no such record; did you mean "product-owner"?
      team.toml: overlay.overrides[0]: "product-ownr" is listed, but this document has no record with that id
      team.toml: roles[0].id: id "product-owner" is already used by the role at canonical roles[0]; to replace that record, list "product-owner" in overlay.overrides, or choose another id
      team.toml: responsibilities[0].ownership[0].role: unknown role "scrum-mastr"
    "#);
    // validate says the same about the same file.
    let out = rolefit(&["validate", p]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out).replace(p, "team.toml"), err);
}

#[test]
fn an_unreadable_catalog_file_exits_2_and_a_malformed_one_exits_1() {
    let out = rolefit(&["--catalog", "/no/such/team.toml", "roles"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/no/such/team.toml"));
    let (_dir, path) = write_temp("team.json", "{ \"roles\": [ { \"id\": 7 } ] }");
    let p = path.to_str().unwrap();
    let out = rolefit(&["--catalog", p, "roles"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out).replace(p, "team.json");
    insta::assert_snapshot!(err, @"rolefit: team.json: line 1, column 22: roles[0].id: invalid type: integer `7`, expected a string");
}

#[test]
fn validate_checks_an_overlay_over_the_canonical_catalog() {
    let out = rolefit(&["validate", &sm()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("valid overlay; the layered catalog has (3 roles"));
}

#[test]
fn a_replace_overlay_stands_alone() {
    let (_dir, path) = write_temp(
        "own.toml",
        r#"
[overlay]
mode = "replace"

[[sources]]
id = "handbook"
title = "Handbook"
publisher = "Us"
kind = "article"

[[roles]]
id = "scrum-master"
name = "Scrum Master"
summary = "Coaches."
description = "Coaches the team."
sources = ["handbook"]
"#,
    );
    let out = rolefit(&["--catalog", path.to_str().unwrap(), "roles", "--format", "json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let roles: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(roles.as_array().unwrap().len(), 1);
}

#[test]
fn diff_of_the_canonical_catalog_with_itself_is_empty() {
    let out = rolefit(&["diff", "canonical", "canonical"]);
    assert!(out.status.success(), "{}", stderr(&out));
    insta::assert_snapshot!(stdout(&out), @r"
    canonical (2.1.0) -> canonical (2.1.0)
    no differences: both catalogs hold the same records
    ");
    let out = rolefit(&["diff", "canonical", "canonical", "--format", "json"]);
    let d: rolefit::catalog::CatalogDiff = serde_json::from_slice(&out.stdout).unwrap();
    assert!(d.is_empty());
    assert_eq!(d.bump, rolefit::catalog::Bump::None);
}

#[test]
fn diff_lists_exactly_the_edits_of_a_copy() {
    let mut data = rolefit::canonical().data().clone();
    data.roles.to_mut()[0].summary = "A new summary.".into();
    data.practices.to_mut().remove(0);
    let removed = rolefit::canonical().practices()[0].id.to_string();
    let (_dir, path) = write_temp("edited.json", &serde_json::to_string_pretty(&data).unwrap());
    let p = path.to_str().unwrap();
    let out = rolefit(&["diff", "canonical", p, "--format", "markdown"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out).replace(p, "edited.json");
    assert_eq!(
        text,
        format!(
            "canonical (2.1.0) -> edited.json (2.1.0)\n| change | kind | id | fields | bump |\n|---|---|---|---|---|\n\
             | changed | role | product-owner | summary | patch |\n| removed | practice | {removed} |  | major |\n\
             0 added, 1 removed, 1 changed; suggested bump: major (2.1.0 -> 3.0.0)\n"
        )
    );
}

#[test]
fn diff_of_a_missing_file_exits_2() {
    let out = rolefit(&["diff", "canonical", "/no/such.json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_overlay_role_is_assessed_and_fitted_through_the_cli() {
    let sm = sm();
    let org = repo("examples/data/scrum-team-org.toml");
    let out = rolefit(&with_sm(&sm, &["assess", org.to_str().unwrap(), "--format", "json"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let card: rolefit::Scorecard = serde_json::from_slice(&out.stdout).unwrap();
    assert!(card.score("scrum-master").is_some_and(|s| s > 0.0), "{card:?}");
    assert!(card.contributions_to("scrum-master").any(|c| c.fact == "agile-scrum-environment"));
    // With three roles recommended, the headline does not say "both".
    let startup = repo("examples/data/startup.toml");
    let out = rolefit(&with_sm(&sm, &["assess", startup.to_str().unwrap()]));
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("verdict: all 3, one person can cover them: Product Owner, Product Manager and Scrum Master"),
        "{text}"
    );

    let (_dir, candidate) = write_temp(
        "coach.toml",
        "name = \"Team coach\"\n[skills]\nfacilitation-skill = \"expert\"\nagile-methods-knowledge = \"expert\"\n",
    );
    let out = rolefit(&with_sm(&sm, &["fit", candidate.to_str().unwrap(), "--format", "json"]));
    assert!(out.status.success(), "{}", stderr(&out));
    let report: rolefit::assessment::FitReport = serde_json::from_slice(&out.stdout).unwrap();
    let best = report.roles.iter().max_by(|a, b| a.score.total_cmp(&b.score)).unwrap();
    assert_eq!(best.role, "scrum-master");
    // Without the overlay the role is unknown.
    let out = rolefit(&["fit", candidate.to_str().unwrap(), "--format", "json"]);
    let report: rolefit::assessment::FitReport = serde_json::from_slice(&out.stdout).unwrap();
    assert!(report.roles.iter().all(|r| r.role != "scrum-master"));
}
