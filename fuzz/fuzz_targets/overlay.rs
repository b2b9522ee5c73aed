//! Fuzz target `overlay`: see `rolefit_fuzz::overlay` for what it checks.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rolefit_fuzz::overlay(data));
