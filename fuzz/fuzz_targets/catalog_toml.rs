//! Fuzz target `catalog_toml`: see `rolefit_fuzz::catalog_toml` for what it checks.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rolefit_fuzz::catalog_toml(data));
