//! Fuzz target `profile`: see `rolefit_fuzz::profile` for what it checks.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rolefit_fuzz::profile(data));
