//! The guides, rendered with the API: the same text as `docs/*.md` in the repository
//! (and in this crate's package), one module each. They hold no items.
//!
//! - [`architecture`]: the crates, the data flow, where each thing lives.
//! - [`dataset`]: what the canonical catalog holds, its provenance and citations.
//! - [`scoring`]: how scoring works, and how to plug in your own strategy or weights.
//! - `text`: classifying job postings (with the `text` feature, on by default).
//! - [`extending`]: overlays, dataset diffs, JSON-LD and the HTML report.
//! - [`reliability`]: what untrusted input may cost, and how bad input is reported.
//! - [`performance`]: measured speed and classification quality.
//!
//! The Rust code blocks in them are compiled and run as doctests.

#[doc = include_str!("../docs/architecture.md")]
pub mod architecture {}

#[doc = include_str!("../docs/dataset.md")]
pub mod dataset {}

#[doc = include_str!("../docs/scoring.md")]
pub mod scoring {}

#[cfg(feature = "text")]
#[doc = include_str!("../docs/text.md")]
pub mod text {}

#[doc = include_str!("../docs/extending.md")]
pub mod extending {}

#[doc = include_str!("../docs/reliability.md")]
pub mod reliability {}

#[doc = include_str!("../docs/performance.md")]
pub mod performance {}
