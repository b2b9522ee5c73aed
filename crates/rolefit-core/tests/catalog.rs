//! Catalog laws: documents survive a serde round trip, and every kind of broken
//! reference, weight or id is rejected with its path.

use std::borrow::Cow;

use proptest::prelude::*;
use rolefit_core::catalog::*;
use rolefit_core::model::*;

use rolefit_core::*;

fn id(s: String) -> Id {
    Id::new(s).expect("generated ids are kebab-case")
}

fn text() -> impl Strategy<Value = Text> {
    "[A-Za-z][A-Za-z ,.'()-]{0,40}[a-z.]".prop_map(Cow::Owned)
}

fn ownership() -> impl Strategy<Value = Ownership> {
    prop_oneof![Just(Ownership::None), Just(Ownership::Contributes), Just(Ownership::Shares), Just(Ownership::Owns)]
}

fn importance() -> impl Strategy<Value = Importance> {
    prop_oneof![
        Just(Importance::NotRequired),
        Just(Importance::Helpful),
        Just(Importance::Important),
        Just(Importance::Essential)
    ]
}

/// A valid catalog: ids are unique by construction (a kind prefix and a counter),
/// and every reference points at a record that exists.
fn valid_catalog() -> impl Strategy<Value = CatalogData> {
    (1usize..4, 1usize..4).prop_flat_map(|(n_sources, n_roles)| {
        let source_ids: Vec<Id> = (0..n_sources).map(|i| id(format!("source-{i}"))).collect();
        let role_ids: Vec<Id> = (0..n_roles).map(|i| id(format!("role-{i}"))).collect();
        let pick_sources = proptest::sample::subsequence(source_ids.clone(), 1..=n_sources)
            .prop_map(|ids| ids.into_iter().map(Citation::new).collect::<Vec<_>>());
        let pick_role = proptest::sample::select(role_ids.clone());
        let sources = proptest::collection::vec((text(), text()), n_sources).prop_map({
            let ids = source_ids.clone();
            move |v| {
                v.into_iter()
                    .zip(&ids)
                    .map(|((title, publisher), id)| {
                        Source::new(
                            id.clone(),
                            title,
                            publisher,
                            SourceKind::Article,
                            None,
                            None,
                            None,
                            Cow::Borrowed(&[]),
                        )
                    })
                    .collect::<Vec<_>>()
            }
        });
        let roles = proptest::collection::vec((text(), text(), pick_sources.clone()), n_roles).prop_map({
            let ids = role_ids.clone();
            move |v| {
                v.into_iter()
                    .zip(&ids)
                    .map(|((name, summary, sources), id)| {
                        let description = summary.clone();
                        Role::new(
                            id.clone(),
                            name,
                            summary,
                            description,
                            Cow::Borrowed(&[]),
                            Cow::Borrowed(&[]),
                            Cow::Borrowed(&[]),
                            sources.into(),
                        )
                    })
                    .collect::<Vec<_>>()
            }
        });
        let responsibilities = proptest::collection::vec(
            (text(), proptest::sample::subsequence(role_ids.clone(), 1..=n_roles), ownership(), pick_sources.clone()),
            0..5,
        )
        .prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (name, roles, level, sources))| {
                    Responsibility::new(
                        id(format!("responsibility-{i}")),
                        name.clone(),
                        name,
                        ResponsibilityCategory::Backlog,
                        roles.into_iter().map(|role| RoleOwnership::new(role, level)).collect(),
                        sources.into(),
                    )
                })
                .collect::<Vec<_>>()
        });
        let skills = proptest::collection::vec((text(), pick_role.clone(), importance(), pick_sources.clone()), 0..5)
            .prop_map(|v| {
                v.into_iter()
                    .enumerate()
                    .map(|(i, (name, role, level, sources))| {
                        Skill::new(
                            id(format!("skill-{i}")),
                            name.clone(),
                            name,
                            SkillKind::Skill,
                            SkillDomain::Organisational,
                            vec![RoleImportance::new(role, level)].into(),
                            sources.into(),
                        )
                    })
                    .collect::<Vec<_>>()
            });
        let signals = proptest::collection::vec((text(), pick_role, 0.0f64..=1.0, pick_sources), 0..5).prop_map(|v| {
            v.into_iter()
                .enumerate()
                .map(|(i, (name, role, weight, sources))| {
                    AssessmentSignal::new(
                        id(format!("signal-{i}")),
                        name.clone(),
                        name.clone(),
                        name,
                        SignalCategory::Market,
                        vec![RoleLean::new(role, weight)].into(),
                        None,
                        sources.into(),
                    )
                })
                .collect::<Vec<_>>()
        });
        (sources, roles, responsibilities, skills, signals).prop_map(
            |(sources, roles, responsibilities, skills, signals)| {
                let mut data = CatalogData::default();
                data.data_version = Some("1.0.0".into());
                data.sources = sources.into();
                data.roles = roles.into();
                data.responsibilities = responsibilities.into();
                data.skills = skills.into();
                data.signals = signals.into();
                data
            },
        )
    })
}

fn paths(err: CatalogError) -> Vec<String> {
    err.problems().iter().map(|p| p.path.to_string()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn valid_catalogs_validate(data in valid_catalog()) {
        prop_assert!(Catalog::new(data).is_ok());
    }

    #[test]
    fn json_round_trip(data in valid_catalog()) {
        let catalog = Catalog::new(data).unwrap();
        let json = serde_json::to_string(&catalog).unwrap();
        prop_assert_eq!(Catalog::from_json_str(&json).unwrap(), catalog);
    }

    #[test]
    fn toml_round_trip(data in valid_catalog()) {
        let catalog = Catalog::new(data).unwrap();
        let toml = toml::to_string(&catalog).unwrap();
        prop_assert_eq!(Catalog::from_toml_str(&toml).unwrap(), catalog);
    }

    #[test]
    fn dangling_role_is_rejected_with_its_path(data in valid_catalog(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!data.responsibilities.is_empty());
        let mut data = data;
        let i = pick.index(data.responsibilities.len());
        data.responsibilities.to_mut()[i].ownership.to_mut()[0].role = id("prodcut-owner".into());
        let err = Catalog::new(data).unwrap_err();
        prop_assert_eq!(paths(err.clone()), vec![format!("responsibilities[{i}].ownership[0].role")]);
        prop_assert!(err.to_string().contains("unknown role \"prodcut-owner\""));
    }

    #[test]
    fn nan_weight_is_rejected_with_its_path(data in valid_catalog(), pick in any::<prop::sample::Index>(), bad in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-0.5), Just(1.5)]) {
        prop_assume!(!data.signals.is_empty());
        let mut data = data;
        let i = pick.index(data.signals.len());
        data.signals.to_mut()[i].leans.to_mut()[0].weight = bad;
        prop_assert_eq!(paths(Catalog::new(data).unwrap_err()), vec![format!("signals[{i}].leans[0].weight")]);
    }

    #[test]
    fn duplicate_id_is_rejected_with_both_places(data in valid_catalog(), pick in any::<prop::sample::Index>()) {
        prop_assume!(!data.skills.is_empty());
        let mut data = data;
        let i = pick.index(data.skills.len());
        data.skills.to_mut()[i].id = data.roles[0].id.clone();
        let err = Catalog::new(data).unwrap_err();
        prop_assert_eq!(paths(err.clone()), vec![format!("skills[{i}].id")]);
        prop_assert!(err.to_string().contains("first used at roles[0]"), "{}", err);
    }

    #[test]
    fn unknown_source_is_rejected_with_its_path(data in valid_catalog()) {
        let mut data = data;
        data.roles.to_mut()[0].sources = vec![Citation::new(id("nowhere".into()))].into();
        prop_assert_eq!(paths(Catalog::new(data).unwrap_err()), vec!["roles[0].sources[0]".to_owned()]);
    }
}

const MINIMAL: &str = r#"
[[sources]]
id = "handbook"
title = "Handbook"
publisher = "Example"
kind = "article"

[[roles]]
id = "product-owner"
name = "Product Owner"
summary = "Owns the backlog."
description = "Orders the backlog."
sources = ["handbook"]
"#;

#[test]
fn every_problem_is_reported_at_once() {
    let broken = format!(
        "{MINIMAL}\n{}",
        r#"
[[responsibilities]]
id = "Backlog"
name = " "
description = "Order the backlog."
category = "backlog"
ownership = [{ role = "product-ownr", level = "owns" }, { role = "handbook", level = "shares" }]
sources = []

[[signals]]
id = "scrum"
name = "Scrum"
question = "Scrum?"
description = "Works in sprints."
category = "methodology"
leans = [{ role = "product-owner", weight = nan }]
sources = ["handbook"]
"#
    );
    let err = Catalog::from_toml_str(&broken).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @r#"
    6 problems in the catalog:
      responsibilities[0].id: id "Backlog" is not kebab-case (lowercase letters and digits joined by single hyphens)
      responsibilities[0].name: empty text
      responsibilities[0].ownership[0].role: unknown role "product-ownr"; did you mean "product-owner"?
      responsibilities[0].ownership[1].role: "handbook" is a source, not a role
      responsibilities[0].sources: no source cited; every fact needs at least one
      signals[0].leans[0].weight: weight NaN is not a finite number
    "#);
}

#[test]
fn type_errors_name_the_path_line_and_column() {
    let toml = format!(
        "{MINIMAL}\n[[roles.crosswalk]]\ntaxonomy = \"onet-soc-2019\"\nconfidence = \"certain\"\nreason = \"r\"\nsources = [\"handbook\"]\n"
    );
    let err = Catalog::from_toml_str(&toml).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"line 17, column 14: roles[0].crosswalk[0].confidence: unknown variant `certain`, expected one of `low`, `medium`, `high`");

    let json = r#"{"roles": [{"id": "po", "name": 3}]}"#;
    let err = Catalog::from_json_str(json).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"line 1, column 33: roles[0].name: invalid type: integer `3`, expected a string");

    let err = Catalog::from_json_str(r#"{"rolez": []}"#).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"line 1, column 8: rolez: unknown field `rolez`, expected one of `data_version`, `sources`, `roles`, `responsibilities`, `kpis`, `skills`, `dimensions`, `salaries`, `signals`, `practices`, `career_paths`, `disagreements`, `lexicon`, `overlay`, `extend`");
}

#[test]
fn lookups_find_every_kind() {
    let catalog = Catalog::from_toml_str(MINIMAL).unwrap();
    assert_eq!(catalog.role("product-owner").map(|r| r.name.as_ref()), Some("Product Owner"));
    assert!(catalog.source("handbook").is_some());
    assert!(catalog.role("handbook").is_none(), "a source is not a role");
    assert!(matches!(catalog.record("handbook"), Some(AnyRecord::Source(_))));
    assert_eq!(catalog.compare("product-owner", "nobody").unwrap_err(), QueryError::UnknownRole("nobody".into()));
}

#[test]
fn verdict_words_cannot_be_role_ids() {
    let toml = MINIMAL.replace("id = \"product-owner\"", "id = \"both\"");
    let err = Catalog::from_toml_str(&toml).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @r#"
    1 problem in the catalog:
      roles[0].id: "both" is reserved: a verdict uses it to name no single role
    "#);
}

/// An overlay of lexicon entries (records without ids of their own) once appended its
/// phrases each time it was applied, so giving it twice doubled their weight.
#[test]
fn an_overlay_applied_twice_adds_its_lexicon_entries_once() {
    let base = Catalog::from_toml_str(crate::scoring_support::TINY).unwrap();
    let overlay = "[[lexicon]]\nfact = \"order-backlog\"\nphrases = [\"groom the backlog\", \"refine stories\"]\n";
    let once = Catalog::builder().base(&base).overlay_str(overlay, Format::Toml, "phrases.toml").build().unwrap();
    let twice = Catalog::builder()
        .base(&base)
        .overlay_str(overlay, Format::Toml, "phrases.toml")
        .overlay_str(overlay, Format::Toml, "phrases.toml")
        .build()
        .unwrap();
    assert_eq!(twice.data(), once.data());
    assert_eq!(once.data().lexicon.len(), base.data().lexicon.len() + 1);
    // An entry that differs in any phrase is another entry, and joins.
    let other = "[[lexicon]]\nfact = \"order-backlog\"\nphrases = [\"groom the backlog\"]\n";
    let both = Catalog::builder()
        .base(&base)
        .overlay_str(overlay, Format::Toml, "phrases.toml")
        .overlay_str(other, Format::Toml, "more.toml")
        .build()
        .unwrap();
    assert_eq!(both.data().lexicon.len(), base.data().lexicon.len() + 2);
    // Records with ids are refused the second time: the id is taken.
    let role =
        "[[roles]]\nid = \"coach\"\nname = \"Coach\"\nsummary = \"s\"\ndescription = \"d\"\nsources = [\"notes\"]\n";
    let err = Catalog::builder()
        .base(&base)
        .overlay_str(role, Format::Toml, "coach.toml")
        .overlay_str(role, Format::Toml, "coach.toml")
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("id \"coach\" is already used by the role at coach.toml"), "{err}");
}

/// [`MINIMAL`] with a second role and a skill a career path can refer to.
fn with_path(path: &str) -> String {
    format!(
        "{MINIMAL}\n{}\n{path}",
        r#"
[[roles]]
id = "product-manager"
name = "Product Manager"
summary = "Owns the market."
description = "Sets the strategy."
sources = ["handbook"]

[[skills]]
id = "market-analysis"
name = "Market analysis"
description = "Reads the market."
kind = "skill"
domain = "business"
importance = [{ role = "product-owner", level = "helpful" }, { role = "product-manager", level = "essential" }]
sources = ["handbook"]
"#
    )
}

#[test]
fn a_career_path_is_validated_like_every_record() {
    let broken = with_path(
        r#"
[[career_paths]]
id = "po-to-po"
from = "product-owner"
to = "product-owner"
name = "Nowhere"
summary = "A move to the same role."
description = "Goes nowhere."
requires = []
sources = ["handbook"]

[[career_paths]]
id = "po-to-pm"
from = "product-owner"
to = "product-mangaer"
name = "Up"
summary = "A move."
description = "A move."
sources = ["handbook"]

[[career_paths.requires]]
need = "Market experience."
skills = ["market-analyis"]
responsibilities = ["market-analysis"]
sources = []
"#,
    );
    let problems = Catalog::from_toml_str(&broken).unwrap_err().to_string();
    for expected in [
        r#"career_paths[0].to: a path from "product-owner" to itself"#,
        "career_paths[0].requires: no requirement; say what the move takes",
        r#"career_paths[1].to: unknown role "product-mangaer""#,
        r#"career_paths[1].requires[0].skills[0]: unknown skill "market-analyis""#,
        "career_paths[1].requires[0].responsibilities[0]: \"market-analysis\" is a skill, not a responsibility",
        "career_paths[1].requires[0].sources: no source cited",
    ] {
        assert!(problems.contains(expected), "missing {expected:?} in:\n{problems}");
    }
}

#[test]
fn a_career_path_is_found_by_id_and_shown_in_the_comparison() {
    let toml = with_path(
        r#"
[[career_paths]]
id = "po-to-pm"
from = "product-owner"
to = "product-manager"
name = "From product owner to product manager"
summary = "Widen the view from the backlog to the market."
description = "The move takes market experience."
sources = [{ source = "handbook", locator = "Careers chapter" }]

[[career_paths.requires]]
need = "Experience of analysing the market."
skills = ["market-analysis"]
sources = [{ source = "handbook", locator = "Careers chapter, first list" }]
"#,
    );
    let catalog = Catalog::from_toml_str(&toml).unwrap();
    let path = catalog.find::<CareerPath>("po-to-pm").unwrap();
    assert_eq!((path.from.as_str(), path.to.as_str()), ("product-owner", "product-manager"));
    assert!(matches!(catalog.record("po-to-pm"), Some(AnyRecord::CareerPath(_))));
    // Either order of the roles shows the path, with its requirements.
    for (a, b) in [("product-owner", "product-manager"), ("product-manager", "product-owner")] {
        let cmp = catalog.compare(a, b).unwrap();
        assert_eq!(cmp.career_paths.len(), 1, "{a} and {b}");
        let row = &cmp.career_paths[0];
        assert_eq!(
            (row.career_path.as_str(), row.from.as_str(), row.to.as_str()),
            ("po-to-pm", "product-owner", "product-manager")
        );
        assert_eq!(row.requires.iter().map(|r| &**r).collect::<Vec<_>>(), ["Experience of analysing the market."]);
    }
}
