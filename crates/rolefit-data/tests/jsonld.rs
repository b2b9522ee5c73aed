//! The JSON-LD export of the canonical catalog.

use rolefit_core::catalog::jsonld;

#[test]
fn every_skill_of_an_occupation_is_in_the_exported_term_set() {
    let doc = jsonld::to_jsonld(rolefit_data::catalog());
    assert_eq!(doc.context, "https://schema.org");
    let po = doc.occupations().find(|o| o.name == "Product Owner").unwrap();
    assert!(po.skills.iter().all(|s| s.in_defined_term_set.id == doc.term_set().id));
}
