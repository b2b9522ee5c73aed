//! One module per command.

pub mod assess;
pub mod classify;
pub mod compare;
pub mod diff;
pub mod export;
pub mod fit;
pub mod report;
pub mod roles;
pub mod schema;
pub mod show;
pub mod validate;

use rolefit::Catalog;

/// The catalog the commands read: the canonical one, baked into the binary, with the
/// global `--catalog` overlays applied in order.
pub fn catalog() -> &'static Catalog {
    crate::layers::effective()
}
