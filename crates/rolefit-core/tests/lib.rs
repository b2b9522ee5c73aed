//! rolefit-core's integration tests, one binary with a module per area.

mod catalog;
