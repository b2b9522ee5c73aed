//! Reading documents (catalogs, overlays, profiles, weights) from JSON or TOML.
//!
//! A document is first scanned against [`Limits`] (size, depth, list and string length)
//! without building anything, then read through a strict deserializer that takes
//! records only from tables, as the JSON Schema says. Errors ([`ParseError`]) name the
//! path of the bad value and, where the format tells, the line and column.

mod document;
mod error;
mod format;
mod limits;
mod position;
#[cfg(any(feature = "json", feature = "toml"))]
mod strict;

pub use error::ParseError;
pub use format::Format;
pub use limits::{Limit, Limits};
