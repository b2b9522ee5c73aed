//! rolefit: typed, validated, cited data about the Product Owner and Product
//! Manager roles, with explainable, pluggable scoring.
//!
//! # Overview
//!
//! This facade re-exports [`rolefit_core`] (the model, catalog validation and
//! comparison) and, with the default `canonical` feature, the canonical catalog
//! from `rolefit-data` as [`canonical()`]. [`schema`] lists the JSON Schemas of
//! every type that crosses a boundary.
//!
//! # Examples
//!
//! ```
//! # #[cfg(feature = "canonical")] {
//! use rolefit::Leaning;
//!
//! let catalog = rolefit::canonical();
//! let cmp = catalog.compare("product-owner", "product-manager")?;
//! for row in cmp.responsibilities_leaning(Leaning::First) {
//!     println!("only the product owner: {}", row.name);
//! }
//! # }
//! # Ok::<(), rolefit::CatalogError>(())
//! ```
//!
//! # Crate features
//!
//! - `canonical` (default): the canonical catalog, baked into the binary.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub use rolefit_core::*;

pub mod schema;

/// The canonical catalog, baked into the binary: no parsing, no allocation.
#[cfg(feature = "canonical")]
pub fn canonical() -> &'static Catalog {
    rolefit_data::catalog()
}

/// The version of the canonical data.
#[cfg(feature = "canonical")]
pub const DATA_VERSION: &str = rolefit_data::DATA_VERSION;

/// The README's code blocks, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
