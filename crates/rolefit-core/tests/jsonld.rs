//! The JSON-LD export's base IRI: what `BaseIri::new` accepts and refuses, and why.

use rolefit_core::Catalog;
use rolefit_core::catalog::jsonld::{self, BaseIri, BaseIriProblem};

fn problem(iri: &str) -> BaseIriProblem {
    match BaseIri::new(iri) {
        Ok(base) => panic!("{iri:?} was accepted as {base}"),
        Err(e) => {
            assert_eq!(e.iri, iri);
            e.problem
        }
    }
}

#[test]
fn absolute_iris_ending_where_ids_can_follow_are_bases() {
    for iri in [
        jsonld::DEFAULT_BASE,
        "https://example.org/rolefit/",
        "http://example.org/vocab#",
        "urn:example:rolefit:",
        "tag:example.org,2026:rolefit/",
        "https://example.org/r%C3%B4les/",
        "https://exämple.org/rôles/",
    ] {
        assert_eq!(BaseIri::new(iri).map(|b| b.as_str().to_owned()), Ok(iri.to_owned()));
    }
    assert_eq!(BaseIri::default().as_str(), jsonld::DEFAULT_BASE);
}

#[test]
fn anything_else_is_refused_with_the_reason() {
    assert_eq!(problem("not an iri"), BaseIriProblem::NoScheme);
    assert_eq!(problem("//example.org/"), BaseIriProblem::NoScheme);
    assert_eq!(problem("1http://example.org/"), BaseIriProblem::NoScheme);
    assert_eq!(problem(""), BaseIriProblem::NoScheme);
    assert_eq!(problem("https:"), BaseIriProblem::NothingAfterScheme);
    assert_eq!(problem("https://example.org/a b/"), BaseIriProblem::Character { at: 21, c: ' ' });
    assert_eq!(problem("https://example.org/<x>/"), BaseIriProblem::Character { at: 20, c: '<' });
    assert_eq!(problem("https://example.org/\t/"), BaseIriProblem::Character { at: 20, c: '\t' });
    assert_eq!(problem("https://example.org/#a#"), BaseIriProblem::Character { at: 22, c: '#' });
    assert_eq!(problem("https://example.org/%zz/"), BaseIriProblem::Percent { at: 20 });
    assert_eq!(problem("https://example.org/%2"), BaseIriProblem::Percent { at: 20 });
    assert_eq!(problem("https://example.org/rolefit"), BaseIriProblem::End);
    let e = BaseIri::new("not an iri").unwrap_err();
    assert_eq!(
        e.to_string(),
        r#"base IRI "not an iri": no scheme; an absolute IRI starts with one, such as "https:" or "urn:""#
    );
}

#[test]
fn every_id_is_made_under_the_base() {
    let catalog = Catalog::new(Default::default()).unwrap();
    let base = BaseIri::new("https://example.org/rf/").unwrap();
    let doc = jsonld::to_jsonld_with_base(&catalog, &base);
    assert_eq!(doc.term_set().id, "https://example.org/rf/skills");
    assert_eq!(jsonld::to_jsonld(&catalog).term_set().id, "urn:rolefit:skills");
}

#[test]
fn a_code_is_one_path_segment_of_its_id_whatever_it_holds() {
    let toml = r#"
[[sources]]
id = "s"
title = "T"
publisher = "P"
kind = "article"

[[roles]]
id = "r"
name = "R"
summary = "S"
description = "D"
sources = ["s"]

[[roles.crosswalk]]
taxonomy = "isco-08"
code = "12 23/x"
confidence = "medium"
reason = "A code an overlay might write."
sources = ["s"]
"#;
    let catalog = Catalog::from_toml_str(toml).unwrap();
    let doc = jsonld::to_jsonld(&catalog);
    let code = &doc.occupations().next().unwrap().occupational_category[0];
    assert_eq!(code.code_value, "12 23/x");
    assert_eq!(code.id, "urn:rolefit:code-sets/isco-08/12%2023%2Fx");
    assert_eq!(code.in_code_set.id, "urn:rolefit:code-sets/isco-08");
}
