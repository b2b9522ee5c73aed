//! `rolefit assess` and `rolefit fit`: the example profiles, their schemas, and bad input.

use super::{repo, rolefit, stderr, stdout, write_temp};

fn validator(name: &str) -> jsonschema::Validator {
    let path = repo(&format!("docs/schema/{name}.schema.json"));
    let schema: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::draft202012::new(&schema).unwrap()
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = rolefit(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_example_organisations_get_the_articles_verdicts() {
    let scorecard = validator("scorecard");
    for (file, verdict, staffing) in [
        ("examples/data/po-checklist.toml", "product-owner", None),
        ("examples/data/pm-checklist.toml", "product-manager", None),
        ("examples/data/startup.toml", "both", Some("one-person")),
        ("examples/data/enterprise.json", "both", Some("separate-people")),
    ] {
        let card = json(&["assess", repo(file).to_str().unwrap(), "--format", "json"]);
        assert!(scorecard.is_valid(&card), "{file}: {:?}", scorecard.iter_errors(&card).collect::<Vec<_>>());
        assert_eq!(card["verdict"], verdict, "{file}");
        assert_eq!(card["staffing"].as_str(), staffing, "{file}");
        let back: rolefit::Scorecard = serde_json::from_value(card).unwrap();
        assert!(!back.contributions().is_empty());
    }
}

#[test]
fn assess_prints_the_reasons_in_a_table() {
    let out = rolefit(&["assess", repo("examples/data/startup.toml").to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in ["Small startup", "one person can cover them", "Startup or small company", "unanswered"] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn the_example_candidates_fit_their_roles() {
    let report_schema = validator("fit-report");
    for (file, verdict) in
        [("examples/data/candidate-po.toml", "product-owner"), ("examples/data/candidate-pm.json", "product-manager")]
    {
        let report = json(&["fit", repo(file).to_str().unwrap(), "--format", "json"]);
        assert!(report_schema.is_valid(&report), "{file}");
        assert_eq!(report["lean"]["verdict"], verdict, "{file}");
        let roles = report["roles"].as_array().unwrap();
        assert!(roles.iter().all(|r| !r["strong"].as_array().unwrap().is_empty()));
    }
    let text = stdout(&rolefit(&["fit", repo("examples/data/candidate-po.toml").to_str().unwrap()]));
    assert!(text.contains("Prioritisation") && text.contains("missing"), "{text}");
}

#[test]
fn the_example_inputs_match_their_schemas() {
    for (file, schema) in [
        ("examples/data/po-checklist.toml", "org-profile"),
        ("examples/data/pm-checklist.toml", "org-profile"),
        ("examples/data/startup.toml", "org-profile"),
        ("examples/data/enterprise.json", "org-profile"),
        ("examples/data/candidate-po.toml", "candidate-profile"),
        ("examples/data/candidate-pm.json", "candidate-profile"),
        ("examples/data/weights.toml", "weights"),
    ] {
        let text = std::fs::read_to_string(repo(file)).unwrap();
        let format = rolefit::Format::from_path(file.as_ref()).unwrap();
        let value: serde_json::Value = format.parse(&text).unwrap();
        let v = validator(schema);
        assert!(v.is_valid(&value), "{file}: {:?}", v.iter_errors(&value).map(|e| e.to_string()).collect::<Vec<_>>());
    }
}

#[test]
fn weights_from_a_file_change_the_scores() {
    let file = repo("examples/data/startup.toml");
    let plain = json(&["assess", file.to_str().unwrap(), "--format", "json"]);
    let weights = repo("examples/data/weights.toml");
    let tuned = json(&["assess", file.to_str().unwrap(), "--weights", weights.to_str().unwrap(), "--format", "json"]);
    assert_ne!(plain["scores"], tuned["scores"]);
    let (_dir, bad) =
        write_temp("w.toml", "[facts.agile-scrm]\nproduct-owner = 0.4\n[facts.startup-stage]\nproduct-owner = 2.0\n");
    let out = rolefit(&["assess", file.to_str().unwrap(), "--weights", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("2 problems in the weights"), "{err}");
    assert!(err.contains("facts.agile-scrm: unknown fact \"agile-scrm\""), "{err}");
    assert!(err.contains("facts.startup-stage.product-owner: weight 2 is outside [0, 1]"), "{err}");
}

#[test]
fn an_unknown_signal_is_named_with_file_path_and_value() {
    let file = repo("examples/data/bad-org.toml");
    let out = rolefit(&["assess", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let shown = file.display().to_string();
    assert!(err.contains(&format!("{shown}: 2 problems in the profile")), "{err}");
    assert!(err.contains(&format!("{shown}: answers.agile-scrm: unknown signal \"agile-scrm\"")), "{err}");
    assert!(err.contains(&format!("{shown}: products: 0 products; expected at least 1")), "{err}");
    assert!(stdout(&out).is_empty());
}

#[test]
fn an_out_of_range_proficiency_is_named_with_file_path_and_value() {
    let file = repo("examples/data/bad-candidate.toml");
    let out = rolefit(&["fit", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&file.display().to_string()), "{err}");
    assert!(err.contains("line 3, column 24: skills.prioritisation-skill: invalid value: integer `7`"), "{err}");
}

#[test]
fn wrong_types_and_unknown_ids_exit_with_1() {
    let (_d1, wrong) = write_temp("org.json", r#"{"products": "many"}"#);
    let out = rolefit(&["assess", wrong.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("products: invalid type: string \"many\", expected a whole number from 0 to 4294967295"),
        "{}",
        stderr(&out)
    );

    let (_d2, ids) = write_temp(
        "c.toml",
        "[skills]\nstrategic-thinking = 5\nstrategic-thinkin = 5\n[experience]\nproduct-vision = \"owns\"\nproduct-owner = \"owns\"\n",
    );
    let out = rolefit(&["fit", ids.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("skills.strategic-thinkin: unknown skill \"strategic-thinkin\""), "{err}");
    assert!(err.contains("experience.product-owner: \"product-owner\" is a role, not a responsibility"), "{err}");

    let out = rolefit(&["assess", "profile.yaml"]);
    assert_eq!(out.status.code(), Some(2));
}
