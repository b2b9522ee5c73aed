//! Reading profiles: every problem named with its path and value.

use rolefit_core::assessment::*;
use rolefit_core::evidence::*;
use rolefit_core::read::*;
use rolefit_core::*;

use crate::scoring_support::tiny;

fn org(text: &str, format: Format) -> String {
    OrgProfile::read(text, format, rolefit_data::catalog()).unwrap_err().to_string()
}

fn candidate(text: &str, format: Format) -> String {
    CandidateProfile::read(text, format, rolefit_data::catalog()).unwrap_err().to_string()
}

#[test]
fn unknown_ids_and_bad_counts_are_all_reported() {
    let err = org(
        r#"
        products = 0
        [answers]
        agile-scrm = "yes"
        product-owner = "no"
        Scrum = "yes"
        "#,
        Format::Toml,
    );
    insta::assert_snapshot!(err, @r#"
    4 problems in the profile:
      products: 0 products; expected at least 1
      answers.Scrum: id "Scrum" is not kebab-case (lowercase letters and digits joined by single hyphens)
      answers.agile-scrm: unknown signal "agile-scrm"
      answers.product-owner: "product-owner" is a role, not a signal
    "#);
}

#[test]
fn wrong_types_name_the_line_the_path_and_the_value() {
    insta::assert_snapshot!(org("methodology = \"scrum\"\nproducts = \"many\"\n", Format::Toml), @r#"line 2, column 12: products: invalid type: string "many", expected a whole number from 0 to 4294967295"#);
    insta::assert_snapshot!(org("{\"market\": \"volatile\"}", Format::Json), @"line 1, column 21: market: unknown variant `volatile`, expected `stable` or `changing-fast`");
    insta::assert_snapshot!(org("[answers]\nscrum = \"maybe\"\n", Format::Toml), @"line 2, column 9: answers.scrum: unknown variant `maybe`, expected one of `yes`, `no`, `unknown`");
    insta::assert_snapshot!(org("stage = \"startup\"\nteam_size = 4\n", Format::Toml), @"line 2, column 1: team_size: unknown field `team_size`, expected one of `name`, `methodology`, `products`, `market`, `departments_to_coordinate`, `stage`, `employees`, `vision`, `roadmap_defined`, `delivery_is_bottleneck`, `new_products_or_markets`, `market_research_needed`, `long_term_planning_needed`, `releases_often`, `live_and_improving`, `priorities_shift_often`, `dedicated_dev_team`, `dev_teams`, `backlog_has_owner`, `product_user_insight_needed`, `one_hire_budget`, `complexity`, `answers`");
}

#[test]
fn out_of_range_proficiency_is_named_with_its_value() {
    let skill = rolefit_data::catalog().skills()[0].id.clone();
    let toml = format!("[skills]\n{skill} = 7\n");
    let err = candidate(&toml, Format::Toml);
    assert!(err.starts_with("line 2, column "), "{err}");
    assert!(
        err.contains(&format!("skills.{skill}: invalid value: integer `7`, expected a proficiency level from 1 to 5")),
        "{err}"
    );
    let json = format!("{{\"skills\": {{\"{skill}\": \"guru\"}}}}");
    let err = candidate(&json, Format::Json);
    assert!(err.contains(&format!("skills.{skill}: invalid value: string \"guru\"")), "{err}");
    let json = format!("{{\"skills\": {{\"{skill}\": 2.5}}}}");
    assert!(candidate(&json, Format::Json).contains("invalid type: floating point `2.5`"));
}

#[test]
fn candidate_ids_must_be_skills_and_responsibilities() {
    let c = tiny();
    let err = CandidateProfile::read(
        "[skills]\nprioritising = \"expert\"\nscrum = 3\nmarket-analysys = 1\n[experience]\norder-backlog = \"owns\"\nprioritising = \"shares\"\n",
        Format::Toml,
        &c,
    )
    .unwrap_err();
    insta::assert_snapshot!(err, @r#"
    3 problems in the profile:
      skills.market-analysys: unknown skill "market-analysys"; did you mean "market-analysis"?
      skills.scrum: "scrum" is a signal, not a skill
      experience.prioritising: "prioritising" is a skill, not a responsibility
    "#);
    assert_eq!(err.problems().len(), 3);
}

#[test]
fn proficiency_reads_names_and_levels() {
    for (text, want) in [("\"novice\"", Proficiency::Novice), ("3", Proficiency::Competent), ("5", Proficiency::Expert)]
    {
        let p: Proficiency = serde_json::from_str(text).unwrap();
        assert_eq!(p, want);
    }
    for bad in ["0", "6", "-1", "\"Expert\""] {
        assert!(serde_json::from_str::<Proficiency>(bad).is_err(), "{bad}");
    }
    assert_eq!(serde_json::to_string(&Proficiency::Proficient).unwrap(), "\"proficient\"");
    assert_eq!(Proficiency::Proficient.level(), 4);
    assert!((Proficiency::Proficient.strength() - 0.8).abs() < 1e-12);
}

#[test]
fn profiles_round_trip() {
    let profile = OrgProfile {
        name: Some("Acme".into()),
        methodology: Some(Methodology::Scrum),
        products: Some(2),
        answers: [(Id::from_static("dedicated-dev-team"), Answer::Unknown)].into(),
        ..OrgProfile::default()
    };
    let toml = toml::to_string(&profile).unwrap_or_default();
    let json = serde_json::to_string(&profile).unwrap();
    assert_eq!(Format::Json.parse::<OrgProfile>(&json).unwrap(), profile);
    if !toml.is_empty() {
        assert_eq!(Format::Toml.parse::<OrgProfile>(&toml).unwrap(), profile);
    }
}
