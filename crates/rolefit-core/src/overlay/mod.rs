//! User catalogs layered over a base catalog (usually the canonical one).
//!
//! An overlay is a catalog document (JSON or TOML, the same schema) with an optional
//! `[overlay]` table ([`OverlaySettings`]) and an optional `[extend]` section
//! ([`Extensions`]). In the default `extend` mode its records are added to the base
//! catalog; a record whose id the base already uses is an error unless the id is
//! listed in `overlay.overrides`, and then it replaces the base record in place. In
//! `replace` mode the document is the whole catalog from then on. `[extend]` rows
//! attach to records the overlay does not own, such as a new role's stake in a base
//! responsibility. [`CatalogBuilder`] applies overlays in order and validates the
//! result like any catalog, reporting every problem with its document and path.
//!
//! `docs/extending.md` walks through an example and gives the reasons for these rules.

mod builder;
mod document;
mod error;

pub use builder::CatalogBuilder;
pub use document::{
    Extensions, ImportanceExtension, KpiRoleExtension, LeanExtension, OverlayMode, OverlaySettings, OwnershipExtension,
    ValueExtension,
};
pub use error::{OverlayError, OverlayProblem};
