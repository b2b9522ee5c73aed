//! Every error about an unknown id names the nearest known id of the expected kind, for
//! catalogs, overlays, profiles and weights alike.

use rolefit_core::read::Format;
use rolefit_core::scoring::Weights;
use rolefit_core::*;
use rolefit_data::catalog as canonical;

fn problems(err: &impl std::fmt::Display) -> String {
    err.to_string()
}

#[test]
fn a_candidate_profile_gets_the_catalog_spelling() {
    let err = CandidateProfile::read(
        "[skills]\nprioritization-skill = \"expert\"\n[experience]\nbacklog-managment = \"owns\"\n",
        Format::Toml,
        canonical(),
    )
    .unwrap_err();
    insta::assert_snapshot!(problems(&err), @r#"
    2 problems in the profile:
      skills.prioritization-skill: unknown skill "prioritization-skill"; did you mean "prioritisation-skill"?
      experience.backlog-managment: unknown responsibility "backlog-managment"; did you mean "backlog-management"?
    "#);
}

#[test]
fn suggestions_are_of_the_expected_kind_only() {
    // "backlog-prioritisation" is a responsibility: a skill id near it is not suggested as a skill,
    // and a responsibility is not offered where a skill is expected.
    let err = CandidateProfile::read("[skills]\nbacklog-prioritization = 3\n", Format::Toml, canonical()).unwrap_err();
    assert!(!problems(&err).contains("did you mean"), "{err}");
    let err = CandidateProfile::read("[experience]\nbacklog-prioritization = \"owns\"\n", Format::Toml, canonical())
        .unwrap_err();
    assert!(problems(&err).contains("did you mean \"backlog-prioritisation\"?"), "{err}");
}

#[test]
fn nothing_near_gets_no_suggestion() {
    let err = CandidateProfile::read("[skills]\nunderwater-basketry = 3\n", Format::Toml, canonical()).unwrap_err();
    insta::assert_snapshot!(problems(&err), @r#"
    1 problem in the profile:
      skills.underwater-basketry: unknown skill "underwater-basketry"
    "#);
}

#[test]
fn an_org_profile_answer_gets_a_signal() {
    let err = OrgProfile::read("[answers]\nagile-scrum-enviroment = \"yes\"\n", Format::Toml, canonical()).unwrap_err();
    assert!(problems(&err).contains(
        "answers.agile-scrum-enviroment: unknown signal \"agile-scrum-enviroment\"; did you mean \"agile-scrum-environment\"?"
    ));
}

#[test]
fn weights_get_a_fact_and_a_role() {
    let weights = Weights::read(
        "[facts.prioritization-skill]\nproduct-owner = 0.5\n[facts.scrum]\nproduct-ownr = 0.5\n",
        Format::Toml,
    )
    .unwrap();
    let err = CandidateFit::with_weights(canonical(), &weights).unwrap_err();
    let text = problems(&err);
    assert!(
        text.contains(
            "facts.prioritization-skill: unknown fact \"prioritization-skill\"; did you mean \"prioritisation-skill\"?"
        ),
        "{text}"
    );
    let err = NeedsAssessment::with_weights(canonical(), &weights).unwrap_err();
    assert!(problems(&err).contains("did you mean \"prioritisation-skill\"?"));
}

#[test]
fn an_overlay_gets_a_record_of_the_kind_it_attaches_to() {
    let err = Catalog::builder()
        .base_named(canonical(), "canonical")
        .overlay_str(
            r#"
[[extend.importance]]
skill = "prioritization-skill"
role = "product-owner"
level = "essential"
sources = ["scrum-guide-2020"]
"#,
            Format::Toml,
            "team.toml",
        )
        .build()
        .unwrap_err();
    let text: String = err.problems().iter().map(|p| format!("{p}\n")).collect();
    assert!(
        text.contains(
            "extend.importance[0].skill: unknown skill \"prioritization-skill\"; did you mean \"prioritisation-skill\"?"
        ),
        "{text}"
    );
}

#[test]
fn a_catalog_reference_gets_a_record_of_the_kind_it_names() {
    let text = r#"
[[sources]]
id = "notes"
title = "Team notes"
publisher = "Us"
kind = "article"

[[roles]]
id = "product-owner"
name = "Product Owner"
summary = "s"
description = "d"
sources = ["notse"]
"#;
    let err = Catalog::from_toml_str(text).unwrap_err();
    let text: String = err.problems().iter().map(|p| format!("{p}\n")).collect();
    assert!(text.contains("unknown source \"notse\"; did you mean \"notes\"?"), "{text}");
}
