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
//! use rolefit::catalog::Leaning;
//!
//! let catalog = rolefit::canonical();
//! let cmp = catalog.compare("product-owner", "product-manager")?;
//! for row in cmp.responsibilities_leaning(Leaning::First) {
//!     println!("only the product owner: {}", row.name);
//! }
//! # }
//! # Ok::<(), rolefit::QueryError>(())
//! ```
//!
//! The guides (architecture, dataset, scoring, job postings, overlays and exports,
//! reliability, performance) are rendered here too, under [`docs`].
//!
//! # Crate features
//!
//! - `canonical` (default): the canonical catalog, baked into the binary.
//! - `text` (default): job-description classification, `rolefit::text` (the `rolefit-text`
//!   crate): is a posting for a Product Owner, a Product Manager, both, or neither, and why.
//!   It reads JSON Lines, so it turns on rolefit-core's JSON reader.
//! - `json` (default): read catalogs, overlays and profiles from JSON.
//! - `toml` (default): read catalogs, overlays and profiles from TOML.
//!
//! With `default-features = false` you get the model, validation of catalogs built in
//! code, comparison, scoring, the JSON Schemas and the JSON-LD export, and no reader:
//! `Format::parse` then answers with an error naming the missing feature. `serde_json` is
//! still compiled (schemars represents schemas with it); `toml` is not.

#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub use rolefit_core::catalog::jsonld;
pub use rolefit_core::{
    AssessmentSignal, CandidateFit, CandidateProfile, Catalog, CatalogBuilder, CatalogData, CatalogError, Citation,
    CoverageScorer, Evidence, Format, Id, LeanScorer, Limits, NeedsAssessment, OrgProfile, Origin, ParseError, Problem,
    ProfileError, QueryError, Record, RecordKind, Responsibility, Role, Scorecard, Scorer, Skill, Source, Verdict,
    Weights,
};
pub use rolefit_core::{assessment, catalog, evidence, id, model, problem, read, render, scoring};

pub mod docs;
pub mod schema;

/// Job-description classification: the `rolefit-text` crate.
///
/// ```
/// # #[cfg(feature = "canonical")] {
/// let classifier = rolefit::text::Classifier::new(rolefit::canonical())?;
/// let c = classifier.classify("Product Owner wanted to refine the product backlog.")?;
/// assert_eq!(c.verdict.as_str(), "product-owner");
/// # }
/// # Ok::<(), rolefit::text::TextError>(())
/// ```
#[cfg(feature = "text")]
pub use rolefit_text as text;

/// The canonical catalog, baked into the binary: no parsing, no allocation.
#[cfg(feature = "canonical")]
pub fn canonical() -> &'static Catalog {
    rolefit_data::catalog()
}

/// A [`CatalogBuilder`] with the canonical catalog as its base (named `canonical` in
/// errors): add overlays, then build.
///
/// ```
/// # #[cfg(all(feature = "canonical", feature = "toml"))] {
/// use rolefit::Format;
///
/// let team = rolefit::canonical_builder()
///     .overlay_str(r#"
///         [[roles]]
///         id = "scrum-master"
///         name = "Scrum Master"
///         summary = "Makes the Scrum Team effective."
///         description = "Coaches the team in Scrum and gets impediments removed."
///         sources = ["scrum-guide-2020"]
///     "#, Format::Toml, "team.toml")
///     .build()?;
/// assert_eq!(team.roles().len(), rolefit::canonical().roles().len() + 1);
/// # }
/// # Ok::<(), rolefit::CatalogError>(())
/// ```
#[cfg(feature = "canonical")]
pub fn canonical_builder() -> CatalogBuilder {
    Catalog::builder().base_named(canonical(), "canonical")
}

/// The version of the canonical data.
#[cfg(feature = "canonical")]
pub const DATA_VERSION: &str = rolefit_data::DATA_VERSION;

/// The README's code blocks, compiled and run as doctests so they stay true.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
