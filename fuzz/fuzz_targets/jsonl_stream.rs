//! Fuzz target `jsonl_stream`: see `rolefit_fuzz::jsonl_stream` for what it checks.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rolefit_fuzz::jsonl_stream(data));
