//! One module per command.

pub mod classify;
pub mod compare;
pub mod export;
pub mod roles;
pub mod schema;
pub mod show;
pub mod validate;

use rolefit::Catalog;

/// The catalog the commands read: the canonical one, baked into the binary.
pub fn catalog() -> &'static Catalog {
    rolefit::canonical()
}
