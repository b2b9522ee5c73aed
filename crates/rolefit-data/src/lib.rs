//! The canonical rolefit catalog, baked into the binary.
//!
//! # Overview
//!
//! This crate holds data and no logic: the facts about the Product Owner and
//! Product Manager roles, each in rolefit's own words and citing its source,
//! compiled into `static` data. [`catalog()`] costs no parsing and no allocation,
//! on first use or after.
//!
//! # Examples
//!
//! ```
//! let catalog = rolefit_data::catalog();
//! let po = catalog.role("product-owner").expect("canonical role");
//! assert_eq!(po.name, "Product Owner");
//! assert_eq!(catalog.data_version(), Some(rolefit_data::DATA_VERSION));
//! ```
//!
//! # Data generation
//!
//! The human-edited source is `data/*.toml` in this crate. `src/baked.rs` is
//! generated from it, together with the JSON Schemas under `docs/schema/` and the
//! JSON export `docs/data/catalog.json`, by
//!
//! ```text
//! cargo run -p rolefit-datagen
//! ```
//!
//! The generator validates the data with the same code that validates user
//! catalogs, and the workspace tests fail, naming that command, when a generated
//! file no longer matches its source. See `docs/dataset.md` for the data
//! dictionary and how to add or change a fact.
//!
//! # Crate features
//!
//! None.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

extern crate alloc;

use rolefit_core::Catalog;

#[rustfmt::skip]
mod baked;

/// The version of the canonical data (semver): patch for rewording, minor for new
/// facts, major for removed or renamed ids.
pub const DATA_VERSION: &str = baked::DATA_VERSION;

/// The canonical catalog: validated at generation time and in this crate's tests.
pub fn catalog() -> &'static Catalog {
    &baked::CATALOG
}
