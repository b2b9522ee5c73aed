//! rolefit-core's integration tests, one binary with a module per area. They need no
//! data: what is shown on the canonical catalog is tested in rolefit-data.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

mod catalog;
mod citation;
mod hardening;
mod jsonld;
mod render;
mod scoring;
mod scoring_support;
