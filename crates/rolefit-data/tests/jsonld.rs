//! The JSON-LD export of the canonical catalog.

use rolefit_core::catalog::jsonld::{self, Node};

#[test]
fn every_skill_of_an_occupation_is_in_the_exported_term_set() {
    let catalog = rolefit_data::catalog();
    let doc = jsonld::to_jsonld(catalog);
    assert_eq!(doc.context, "https://schema.org");
    let po = doc.occupations().find(|o| o.name == "Product Owner").unwrap();
    let role = catalog.role("product-owner").unwrap();
    let mut from_catalog = 0;
    for s in &po.skills {
        if catalog.skill(s.term_code.as_ref()).is_some() {
            from_catalog += 1;
            assert_eq!(s.in_defined_term_set.id, doc.term_set().id, "{}", s.term_code);
        } else {
            // Else an SFIA level the role's crosswalk gives, in the SFIA set.
            assert_eq!(s.in_defined_term_set.id, "urn:rolefit:code-sets/sfia-8", "{}", s.term_code);
            assert!(role.crosswalk.iter().any(|c| c.code.as_deref() == Some(s.term_code.as_ref())), "{}", s.term_code);
        }
    }
    assert!(from_catalog > 0);
}

/// Every node id of the graph, in order.
fn node_ids(doc: &jsonld::JsonLd) -> Vec<&str> {
    doc.graph
        .iter()
        .map(|n| match n {
            Node::DefinedTermSet(s) => s.id.as_ref(),
            Node::Occupation(o) => o.id.as_ref(),
            Node::CategoryCodeSet(s) => s.id.as_ref(),
            _ => panic!("a node of a kind this test does not know"),
        })
        .collect()
}

#[test]
fn code_sets_are_nodes_of_their_own_each_once_and_every_code_points_at_one() {
    let doc = jsonld::to_jsonld(rolefit_data::catalog());
    let ids = node_ids(&doc);
    for (i, id) in ids.iter().enumerate() {
        assert!(!ids[..i].contains(id), "{id} is in the graph twice");
    }
    let mut cited = Vec::new();
    for o in doc.occupations() {
        for code in &o.occupational_category {
            assert!(ids.contains(&code.in_code_set.id.as_ref()), "{} points at no node", code.code_value);
            assert!(code.id.starts_with(code.in_code_set.id.as_ref()), "{} is not under its set", code.id);
            cited.push(code.in_code_set.id.as_ref());
        }
        for skill in &o.skills {
            assert!(ids.contains(&skill.in_defined_term_set.id.as_ref()), "{} points at no node", skill.term_code);
            cited.push(skill.in_defined_term_set.id.as_ref());
        }
    }
    // No set nobody cites.
    for n in &doc.graph {
        if let Node::CategoryCodeSet(s) = n {
            assert!(cited.contains(&s.id.as_ref()), "{} is cited by no code", s.id);
        }
    }
    let code_sets: Vec<&str> = doc
        .graph
        .iter()
        .filter_map(|n| match n {
            Node::CategoryCodeSet(s) => Some(s.name.as_ref()),
            _ => None,
        })
        .collect();
    assert_eq!(code_sets, ["O*NET-SOC 2019", "ISCO-08"]);
}

#[test]
fn the_product_owner_crosswalk_is_its_sfia_levels() {
    let doc = jsonld::to_jsonld(rolefit_data::catalog());
    let po = doc.occupations().find(|o| o.name == "Product Owner").unwrap();
    // No O*NET or ISCO code above low confidence, and no ESCO occupation: nothing to claim.
    assert!(po.occupational_category.is_empty());
    assert!(po.same_as.is_empty());
    let sfia: Vec<(&str, &str, &str)> = po
        .skills
        .iter()
        .filter(|s| s.in_defined_term_set.id == "urn:rolefit:code-sets/sfia-8")
        .map(|s| (s.term_code.as_ref(), s.name.as_ref(), s.id.as_ref()))
        .collect();
    assert_eq!(
        sfia,
        [
            ("PROD-4", "Product management, level 4", "urn:rolefit:code-sets/sfia-8/PROD-4"),
            ("PROD-5", "Product management, level 5", "urn:rolefit:code-sets/sfia-8/PROD-5"),
        ]
    );
    // The SFIA set is a node of its own, after the occupations, and not the catalog's.
    assert_eq!(doc.term_set().name, "rolefit skills");
    let sets: Vec<&str> = doc
        .graph
        .iter()
        .filter_map(|n| match n {
            Node::DefinedTermSet(s) => Some(s.id.as_ref()),
            _ => None,
        })
        .collect();
    assert_eq!(sets, ["urn:rolefit:skills", "urn:rolefit:code-sets/sfia-8"]);
}
