//! Fuzz target `classify_text`: see `rolefit_fuzz::classify_text` for what it checks.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rolefit_fuzz::classify_text(data));
