//! rolefit-data's tests, one binary with a module per area: the canonical catalog
//! itself, and the behaviour of rolefit-core that is shown on it (overlays over it,
//! diffs of it, the schema against it, assessing and fitting against it). They live
//! here, in the crate that has both, so that rolefit-core's own tests need no data.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod assessment;
mod canonical;
mod dataset_rules;
mod diff;
mod differential;
mod fit;
mod jsonld;
mod messages;
mod overlay;
mod profiles;
mod scoring_laws;
mod suggestions;
// The small hand-made catalog rolefit-core's scoring tests use, shared rather than copied
// (these tests use part of it).
#[allow(dead_code)]
#[path = "../../rolefit-core/tests/scoring_support.rs"]
mod scoring_support;
