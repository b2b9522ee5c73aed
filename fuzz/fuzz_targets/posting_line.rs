//! Fuzz target `posting_line`: see `rolefit_fuzz::posting_line` for what it checks.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rolefit_fuzz::posting_line(data));
