//! The canonical catalog obeys the same rules as any user catalog.

use rolefit_core::read::Limit;
use rolefit_core::{Catalog, Format, Limits};

#[test]
fn baked_catalog_passes_the_validation_user_catalogs_get() {
    let baked = rolefit_data::catalog();
    let validated = Catalog::new(baked.data().clone())
        .unwrap_or_else(|e| panic!("the canonical catalog is invalid:\n{e}\nfix crates/rolefit-data/data/*.toml"));
    // Same records and the same index: the generated lookup table is what validation builds.
    assert_eq!(&validated, baked, "baked index differs; run `cargo run -p rolefit-datagen`");
}

#[test]
fn data_version_is_the_documents() {
    assert_eq!(rolefit_data::catalog().data_version(), Some(rolefit_data::DATA_VERSION));
}

#[test]
fn both_canonical_roles_are_there_with_every_kind_of_fact() {
    let c = rolefit_data::catalog();
    for role in ["product-owner", "product-manager"] {
        assert!(c.role(role).is_some(), "{role}");
        assert!(c.responsibilities().iter().any(|r| r.ownership.iter().any(|o| o.role == role)), "{role}");
        assert!(c.kpis().iter().any(|k| k.roles.iter().any(|r| r == role)), "{role}");
        assert!(c.salaries().iter().any(|s| s.role == role), "{role}");
    }
    assert!(!c.disagreements().is_empty());
    assert!(!c.signals().is_empty());
    assert!(!c.dimensions().is_empty());
}

#[test]
fn the_move_from_product_owner_to_product_manager_is_a_record() {
    use rolefit_core::model::CareerPath;
    let c = rolefit_data::catalog();
    let path = c.find::<CareerPath>("product-owner-to-product-manager").expect("the career path");
    assert_eq!((path.from.as_str(), path.to.as_str()), ("product-owner", "product-manager"));
    // What it takes (planning, market analysis, the product's life, market trends and
    // customer needs) points at the catalog's own skills and work.
    let referred: Vec<&str> = path
        .requires
        .iter()
        .flat_map(|r| r.skills.iter().chain(r.responsibilities.iter()))
        .map(|id| id.as_str())
        .collect();
    for id in [
        "product-planning-skill",
        "market-research",
        "product-lifecycle-management",
        "market-trend-analysis",
        "customer-needs-discovery",
    ] {
        assert!(referred.contains(&id), "{id} not among {referred:?}");
    }
    let cmp = c.compare("product-manager", "product-owner").unwrap();
    assert_eq!(cmp.career_paths.len(), 1);
    assert_eq!(cmp.career_paths[0].requires.len(), path.requires.len());
}

#[test]
fn every_record_is_found_by_its_id() {
    let c = rolefit_data::catalog();
    for (id, at) in c.ids() {
        assert_eq!(c.locate(id.as_str()), Some(at), "{id}");
    }
    assert_eq!(c.locate("no-such-record"), None);
}

#[test]
fn the_canonical_catalog_is_well_within_the_defaults() {
    let json = serde_json::to_string_pretty(rolefit_data::catalog()).unwrap();
    let d = Limits::DEFAULT;
    // A fiftieth of the size limit, a quarter of the depth, a hundredth of the list length,
    // a tenth of the string length: the scan passes at those tighter limits.
    assert!(json.len() * 50 < d.max_input_bytes, "{} bytes", json.len());
    let tight = Limits::default()
        .with_max_depth(d.max_depth / 4)
        .with_max_records((d.max_records - 1) / 100)
        .with_max_string_bytes((d.max_string_bytes - 1) / 10);
    assert_eq!(tight.check(&json, Format::Json).map_err(|e| e.limit), Ok(()));
    assert_eq!(Limits::default().with_max_depth(0).check(&json, Format::Json).unwrap_err().limit, Some(Limit::Depth));
    assert!(Catalog::from_json_str(&json).is_ok());
}
