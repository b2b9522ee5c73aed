//! Fuzz target `catalog_json`: see `rolefit_fuzz::catalog_json` for what it checks.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rolefit_fuzz::catalog_json(data));
