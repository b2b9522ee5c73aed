//! The rolefit model: typed, validated, cited data about the Product Owner and
//! Product Manager roles.
//!
//! # Overview
//!
//! - [`model`]: the records (roles, responsibilities with per-role [`Ownership`],
//!   KPIs, skills, comparison dimensions, salary figures, assessment signals,
//!   sources, disagreements, collaboration practices, and the phrase lexicon).
//! - [`CatalogData`]: a catalog document as written in a JSON or TOML file.
//! - [`Catalog`]: a validated catalog with lookups by id and [`Catalog::compare`].
//! - [`Limits`]: bounds on what reading an untrusted document may cost (size, depth,
//!   list and string length), checked before parsing; `docs/reliability.md` has the defaults.
//! - [`scoring`]: [`Evidence`] in, [`Scorecard`] out, through the [`Scorer`] trait;
//!   built-in strategies, ensembles, the verdict policy and weight overrides.
//! - [`profile`]: the inputs: [`OrgProfile`] for the needs assessment
//!   ([`NeedsAssessment`]) and [`CandidateProfile`] for [`CandidateFit`].
//!
//! This crate holds no data: the canonical catalog lives in `rolefit-data`, and the
//! `rolefit` facade re-exports both. A third-party scoring strategy needs only this crate.
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
//! let paths: Vec<_> = err.problems().iter().map(|p| p.path.as_str()).collect();
//! assert_eq!(paths, ["roles[0].id", "roles[0].sources[0]"]);
//! ```
//!
//! # Crate features
//!
//! - `json` (default): read documents from JSON.
//! - `toml` (default): read documents from TOML.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod catalog;
mod catalog_data;
mod compare;
mod diff;
mod error;
mod format;
mod id;
mod limits;
pub mod model;
pub mod overlay;
pub mod profile;
pub mod scoring;
mod strict;
mod validate;

pub use catalog::{Catalog, Fact, FactKind, FactRef};
pub use catalog_data::CatalogData;
pub use compare::{Comparison, DimensionRow, KpiRow, Leaning, ResponsibilityRow, SkillRow};
pub use diff::{Bump, CatalogDiff, Change, ChangeKind, RecordKind, diff};
pub use error::{CatalogError, ParseError, Problem};
pub use format::Format;
pub use id::{ID_MAX_LEN, ID_PATTERN, Id, IdError};
pub use limits::{Limit, Limits, Shape};
pub use model::*;
pub use overlay::{
    CatalogBuilder, Extensions, ImportanceExtension, KpiRoleExtension, LeanExtension, OverlayError, OverlayMode,
    OverlayProblem, OverlaySettings, OwnershipExtension, ValueExtension,
};
pub use profile::*;
pub use scoring::*;
pub use validate::{RESERVED_ROLE_IDS, TEXT_MAX_LEN};
