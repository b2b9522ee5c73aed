//! Overlays: user catalogs layered over a base, with every problem traced to its
//! document and path.

use rolefit_core::assessment::*;
use rolefit_core::catalog::*;
use rolefit_core::model::*;
use rolefit_core::read::*;

use rolefit_core::*;

fn canonical() -> &'static Catalog {
    rolefit_data::catalog()
}

fn scrum_master() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/scrum-master.toml");
    std::fs::read_to_string(path).unwrap()
}

fn layered(overlay: &str) -> Result<Catalog, CatalogError> {
    Catalog::builder().base_named(canonical(), "canonical").overlay_str(overlay, Format::Toml, "team.toml").build()
}

fn messages(err: &CatalogError) -> String {
    err.problems().iter().map(|p| format!("{p}\n")).collect()
}

const SM_ROLE: &str = r#"
[[roles]]
id = "scrum-master"
name = "Scrum Master"
summary = "Coaches the team in Scrum."
description = "Accountable for the team's effectiveness."
sources = ["scrum-guide-2020"]
"#;

#[test]
fn the_example_overlay_adds_a_role_end_to_end() {
    let catalog = layered(&scrum_master()).unwrap();
    let base = canonical();
    assert_eq!(catalog.roles().len(), base.roles().len() + 1);
    assert_eq!(catalog.responsibilities().len(), base.responsibilities().len() + 3);
    // Base records keep their place; attached rows join them.
    let sprint = catalog.responsibility("sprint-cycle-facilitation").unwrap();
    let sprint_base = base.responsibility("sprint-cycle-facilitation").unwrap();
    assert_eq!(sprint.ownership.len(), sprint_base.ownership.len() + 1);
    assert_eq!(sprint.ownership.last().map(|o| (o.role.as_str(), o.level)), Some(("scrum-master", Ownership::Shares)));
    assert!(catalog.kpi("sprint-velocity").unwrap().roles.iter().any(|r| r == "scrum-master"));
    assert!(catalog.kpi("sprint-velocity").unwrap().sources.iter().any(|s| s.source == "example-team-handbook"));
    assert!(catalog.signal("agile-scrum-environment").unwrap().leans.iter().any(|l| l.role == "scrum-master"));
    assert!(catalog.skill("facilitation-skill").unwrap().importance.iter().any(|l| l.role == "scrum-master"));
    assert!(catalog.lexicon().iter().any(|e| e.fact == "scrum-master"));
    assert_eq!(catalog.data_version(), base.data_version());
    // The new role compares like any other.
    let cmp = catalog.compare("scrum-master", "product-owner").unwrap();
    let focus = cmp.dimensions.iter().find(|d| d.dimension == "primary-focus").unwrap();
    assert!(focus.first.as_deref().unwrap().contains("effectiveness"));
    assert!(
        cmp.responsibilities.iter().any(|r| r.responsibility == "impediment-removal" && r.leaning == Leaning::First)
    );
    // The merged catalog is an ordinary catalog: it survives validation on its own.
    assert_eq!(Catalog::new(catalog.data().clone()).unwrap(), catalog);
}

#[test]
fn an_overlay_reads_from_json_too() {
    let toml: CatalogData = Format::Toml.parse(&scrum_master()).unwrap();
    let json = serde_json::to_string(&toml).unwrap();
    let from_json = Catalog::builder().base(canonical()).overlay_str(&json, Format::Json, "team.json").build().unwrap();
    assert_eq!(from_json, layered(&scrum_master()).unwrap());
}

#[test]
fn a_clash_names_both_places() {
    let err = layered(&format!(
        "{SM_ROLE}\n[[skills]]\nid = \"backlog-management\"\nname = \"x\"\ndescription = \"x\"\nkind = \"skill\"\n\
         domain = \"business\"\nimportance = [{{ role = \"scrum-master\", level = \"essential\" }}]\n\
         sources = [\"scrum-guide-2020\"]\n"
    ))
    .unwrap_err();
    insta::assert_snapshot!(messages(&err), @r#"team.toml: skills[0].id: id "backlog-management" is already used by the responsibility at canonical responsibilities[19]; to replace that record, list "backlog-management" in overlay.overrides, or choose another id"#);
}

#[test]
fn a_dangling_reference_names_file_and_path() {
    let err = layered(
        r#"
[[responsibilities]]
id = "impediment-removal"
name = "Get impediments removed"
description = "Deal with what blocks the team."
category = "delivery"
ownership = [{ role = "scrum-mastr", level = "owns" }]
sources = ["scrum-guide-2020"]

[[extend.ownership]]
responsibility = "sprint-cycle-facilitation"
role = "scrum-mastr"
level = "shares"
sources = ["scrum-guide"]
"#,
    )
    .unwrap_err();
    insta::assert_snapshot!(messages(&err), @r#"
    team.toml: extend.ownership[0].role: unknown role "scrum-mastr"
    team.toml: extend.ownership[0].sources[0]: unknown source "scrum-guide"
    team.toml: responsibilities[0].ownership[0].role: unknown role "scrum-mastr"
    "#);
}

#[test]
fn an_override_of_a_missing_fact_is_an_error() {
    let err = layered(&format!("[overlay]\noverrides = [\"scrum-master\", \"product-ownr\"]\n{SM_ROLE}")).unwrap_err();
    insta::assert_snapshot!(messages(&err), @r#"
    team.toml: overlay.overrides[0]: cannot override "scrum-master": the catalog beneath has no such record
    team.toml: overlay.overrides[1]: cannot override "product-ownr": the catalog beneath has no such record; did you mean "product-owner"?
    team.toml: overlay.overrides[1]: "product-ownr" is listed, but this document has no record with that id
    "#);
}

#[test]
fn an_override_replaces_the_base_record_in_place() {
    let catalog = layered(
        r#"
[overlay]
overrides = ["product-owner"]

[[roles]]
id = "product-owner"
name = "Product Owner (our way)"
summary = "Owns the backlog and the product goal."
description = "In our company the product owner also sets the product vision."
sources = ["scrum-guide-2020"]
"#,
    )
    .unwrap();
    let base = canonical();
    assert_eq!(catalog.roles().len(), base.roles().len());
    assert_eq!(catalog.locate("product-owner"), base.locate("product-owner"));
    assert_eq!(catalog.role("product-owner").unwrap().name, "Product Owner (our way)");
    assert!(catalog.role("product-owner").unwrap().crosswalk.is_empty());
}

#[test]
fn an_override_must_keep_the_kind() {
    let err = layered(
        r#"
[overlay]
overrides = ["product-owner"]

[[practices]]
id = "product-owner"
name = "x"
description = "x"
sources = ["scrum-guide-2020"]
"#,
    )
    .unwrap_err();
    insta::assert_snapshot!(messages(&err), @r#"team.toml: practices[0].id: "product-owner" is a role at canonical roles[0]; an override must be a role too"#);
}

#[test]
fn changing_a_listed_role_takes_an_override() {
    let err = layered(
        r#"
[[extend.ownership]]
responsibility = "backlog-management"
role = "product-owner"
level = "contributes"
sources = ["scrum-guide-2020"]
"#,
    )
    .unwrap_err();
    insta::assert_snapshot!(messages(&err), @r#"team.toml: extend.ownership[0].role: responsibility "backlog-management" already lists role "product-owner" at canonical responsibilities[19].ownership[0]; to change it, list "backlog-management" in overlay.overrides and give the whole record"#);
}

#[test]
fn attached_rows_need_a_known_record_of_the_right_kind_and_a_source() {
    let err = layered(&format!(
        r#"{SM_ROLE}
[[extend.importance]]
skill = "backlog-management"
role = "scrum-master"
level = "essential"
sources = ["scrum-guide-2020"]

[[extend.leans]]
signal = "no-such-signal"
role = "scrum-master"
weight = 0.5
sources = ["scrum-guide-2020"]

[[extend.kpi_roles]]
kpi = "sprint-velocity"
role = "scrum-master"

[[extend.values]]
dimension = "primary-focus"
role = "scrum-master"
value = ""
"#
    ))
    .unwrap_err();
    insta::assert_snapshot!(messages(&err), @r#"
    team.toml: extend.importance[0].skill: "backlog-management" is a responsibility, not a skill
    team.toml: extend.leans[0].signal: unknown signal "no-such-signal"
    team.toml: extend.kpi_roles[0].sources: no source cited; every attached row needs at least one
    team.toml: extend.values[0].value: empty text
    team.toml: extend.values[0].sources: no source cited; every fact needs at least one
    "#);
}

#[test]
fn problems_in_later_overlays_name_their_own_file() {
    let second = r#"
[[extend.leans]]
signal = "agile-scrum-environment"
role = "scrum-master"
weight = 1.5
sources = ["scrum-guide-2020"]

[[roles]]
id = "agile-coach"
name = "Agile Coach"
summary = ""
description = "Coaches several teams."
sources = ["scrum-guide-2020"]
"#;
    let err = Catalog::builder()
        .base_named(canonical(), "canonical")
        .overlay_str(SM_ROLE, Format::Toml, "one.toml")
        .overlay_str(second, Format::Toml, "two.toml")
        .build()
        .unwrap_err();
    insta::assert_snapshot!(messages(&err), @r"
    two.toml: roles[0].summary: empty text
    two.toml: extend.leans[0].weight: weight 1.5 is outside [0, 1]
    ");
}

#[test]
fn duplicates_within_one_overlay_are_reported_once() {
    let err = layered(&format!("{SM_ROLE}{SM_ROLE}")).unwrap_err();
    insta::assert_snapshot!(messages(&err), @r#"team.toml: roles[1].id: duplicate id "scrum-master", first used at roles[0]"#);
}

#[test]
fn replace_mode_drops_the_base() {
    let own = r#"
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
"#;
    let catalog = layered(own).unwrap();
    assert_eq!(catalog.roles().len(), 1);
    assert!(catalog.role("product-owner").is_none());
    assert_eq!(catalog.data_version(), None);

    let err =
        layered(&own.replace("mode = \"replace\"", "mode = \"replace\"\noverrides = [\"product-owner\"]")).unwrap_err();
    insta::assert_snapshot!(messages(&err), @r#"team.toml: overlay.overrides[0]: cannot override "product-owner": a replace overlay keeps nothing of the catalog beneath it"#);
}

#[test]
fn an_overlay_version_sets_the_merged_version() {
    let catalog = layered(&format!("data_version = \"1.1.0-team\"\n{SM_ROLE}")).unwrap();
    assert_eq!(catalog.data_version(), Some("1.1.0-team"));
    let err = layered(&format!("data_version = \"one\"\n{SM_ROLE}")).unwrap_err();
    insta::assert_snapshot!(messages(&err), @r#"team.toml: data_version: "one" is not a semantic version such as "1.2.0""#);
}

#[test]
fn an_unreadable_overlay_names_its_origin() {
    let err = layered("[[roles]]\nid = 3\n").unwrap_err();
    insta::assert_snapshot!(err, @"team.toml: line 2, column 6: roles[0].id: invalid type: integer `3`, expected a string");
}

#[test]
fn an_overlay_is_not_a_catalog_on_its_own() {
    let err = Catalog::from_toml_str(&scrum_master()).unwrap_err();
    let paths: Vec<String> = err.problems().iter().map(|p| p.path.to_string()).collect();
    assert!(paths.iter().any(|p| p == "overlay"), "{paths:?}");
    assert!(paths.iter().any(|p| p == "extend"), "{paths:?}");
}

#[test]
fn a_builder_without_base_starts_empty() {
    let own = r#"
[[sources]]
id = "handbook"
title = "Handbook"
publisher = "Us"
kind = "article"
"#;
    let catalog = CatalogBuilder::new().overlay_str(own, Format::Toml, "own.toml").build().unwrap();
    assert_eq!(catalog.sources().len(), 1);
    assert!(Catalog::builder().build().unwrap().roles().is_empty());
}

#[test]
fn overlay_errors_display_every_problem() {
    let err = layered("[overlay]\noverrides = [\"x\", \"x\"]\n").unwrap_err();
    insta::assert_snapshot!(err, @r#"
    3 problems in the layered catalog:
      team.toml: overlay.overrides[0]: cannot override "x": the catalog beneath has no such record
      team.toml: overlay.overrides[0]: "x" is listed, but this document has no record with that id
      team.toml: overlay.overrides[1]: "x" is listed twice
    "#);
}

#[test]
fn an_overlay_role_is_assessed_and_fitted_like_a_canonical_one() {
    let catalog = layered(&scrum_master()).unwrap();
    let org =
        OrgProfile::read("methodology = \"scrum\"\n[answers]\ndelivery-bottleneck = \"yes\"\n", Format::Toml, &catalog)
            .unwrap();
    let card = NeedsAssessment::new(&catalog).assess(&org).unwrap();
    assert_eq!(card.scores().len(), 3);
    assert!(card.score("scrum-master").unwrap() > 0.0, "{card:?}");
    assert!(card.contributions_to("scrum-master").any(|c| c.fact == "agile-scrum-environment"));

    let candidate = CandidateProfile::read(
        "[skills]\nfacilitation-skill = \"expert\"\nagile-methods-knowledge = \"expert\"\n",
        Format::Toml,
        &catalog,
    )
    .unwrap();
    let fit = CandidateFit::new(&catalog).assess(&candidate).unwrap();
    let best = fit.roles.iter().max_by(|a, b| a.score.total_cmp(&b.score)).unwrap();
    assert_eq!(best.role, "scrum-master");
    // Against the canonical catalog the same profile knows nothing of the role.
    assert!(NeedsAssessment::new(canonical()).assess(&org).unwrap().score("scrum-master").is_none());
}

#[test]
fn an_attached_row_brings_its_located_citation_and_a_bad_locator_is_traced() {
    let overlay = format!(
        "{SM_ROLE}\n[[extend.ownership]]\nresponsibility = \"product-vision\"\nrole = \"scrum-master\"\nlevel = \"contributes\"\nsources = [{{ source = \"scrum-guide-2020\", locator = \"Scrum Master, service to the Product Owner\" }}]\n"
    );
    let catalog = layered(&overlay).unwrap();
    let cited = &catalog.responsibility("product-vision").unwrap().sources;
    let wanted = Citation::new(Id::new("scrum-guide-2020").unwrap()).at("Scrum Master, service to the Product Owner");
    assert!(cited.contains(&wanted), "{cited:?}");

    let err = layered(&overlay.replace("Scrum Master, service to the Product Owner", " ")).unwrap_err();
    assert_eq!(messages(&err), "team.toml: extend.ownership[0].sources[0].locator: empty locator\n");
}
