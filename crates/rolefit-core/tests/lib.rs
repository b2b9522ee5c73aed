//! rolefit-core's integration tests, one binary with a module per area.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod assessment;
mod catalog;
mod citation;
mod diff;
mod differential;
mod hardening;
mod overlay;
mod profiles;
mod scoring;
mod scoring_laws;
mod scoring_support;
