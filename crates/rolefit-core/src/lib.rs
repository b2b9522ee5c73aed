//! The rolefit model: typed, validated, cited data about the Product Owner and
//! Product Manager roles, and explainable, pluggable scoring.
//!
//! # Overview
//!
//! The modules are layers; each uses only the ones above it in this list:
//!
//! - [`Id`] and [`problem`]: identifiers, and what is wrong with an input and where.
//! - [`read`]: reading documents (JSON, TOML) within [`Limits`]; [`ParseError`].
//! - [`CatalogError`], [`ProfileError`], [`QueryError`]: the errors.
//! - [`model`]: the records (roles, responsibilities, KPIs, skills, signals, sources,
//!   ...), each citing its sources ([`Citation`]), and the registry of their kinds.
//! - [`catalog`]: [`Catalog`], a validated catalog with lookups by id; layering
//!   overlays ([`CatalogBuilder`]), comparing two roles, the difference between two
//!   catalogs.
//! - [`evidence`]: [`Evidence`], what an input says about a catalog's records.
//! - [`scoring`]: the [`Scorer`] trait, built-in strategies, [`Scorecard`]s.
//! - [`assessment`]: the inputs and their assessors: [`OrgProfile`] and
//!   [`NeedsAssessment`], [`CandidateProfile`] and [`CandidateFit`].
//! - [`render`]: results as people read them, plain text or Markdown: a comparison, a
//!   [`Scorecard`], a fit report ([`render::Render`]).
//!
//! The crate root has the names most users need first; the rest are reached by their
//! module path. This crate holds no data: the canonical catalog lives in
//! `rolefit-data`, and the `rolefit` facade re-exports both. A third-party scoring
//! strategy needs only this crate.
//!
//! # Examples
//!
//! ```
//! use rolefit_core::{Catalog, CatalogError};
//!
//! // Every problem is reported at once, each with its path.
//! let err = Catalog::from_json_str(r#"{
//!     "roles": [{ "id": "Product Owner", "name": "PO", "summary": "s",
//!                 "description": "d", "sources": ["nowhere"] }]
//! }"#).unwrap_err();
//! let paths: Vec<String> = err.problems().iter().map(|p| p.path.to_string()).collect();
//! assert_eq!(paths, ["roles[0].id", "roles[0].sources[0]"]);
//! ```
//!
//! # Crate features
//!
//! - `json` (default): read documents from JSON.
//! - `toml` (default): read documents from TOML.
//! - `bake`: implement `databake::Bake`, for generating `const` catalogs (used by
//!   `rolefit-datagen`).

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod assessment;
pub mod catalog;
mod error;
pub mod evidence;
pub mod id;
pub mod model;
pub mod problem;
pub mod read;
pub mod render;
pub mod scoring;
mod suggestion;

pub use assessment::{CandidateFit, CandidateProfile, NeedsAssessment, OrgProfile};
pub use catalog::{Catalog, CatalogBuilder};
pub use error::{CatalogError, ProfileError, QueryError};
pub use evidence::{Evidence, Origin};
pub use id::Id;
pub use model::{AssessmentSignal, CatalogData, Citation, Record, RecordKind, Responsibility, Role, Skill, Source};
pub use problem::Problem;
pub use read::{Format, Limits, ParseError};
pub use scoring::{CoverageScorer, LeanScorer, Scorecard, Scorer, Verdict, Weights};
