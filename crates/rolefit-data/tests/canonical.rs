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
