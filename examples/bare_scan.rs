//! The floor `benches/classify_process.sh` measures `rolefit classify --jsonl` against: one
//! process that reads a file and counts the catalog's lexicon phrases and role titles in its
//! bytes with a bare Aho-Corasick automaton (as written, ASCII case-insensitive,
//! leftmost-longest DFA, one thread). No JSON, no normalization, no verdict.
//!
//! Run with `cargo run --release --example bare_scan -- FILE`; prints the number of matches.

use std::process::ExitCode;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: bare_scan FILE");
        return ExitCode::FAILURE;
    };
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("bare_scan: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let catalog = rolefit::canonical();
    let mut phrases: Vec<String> =
        catalog.lexicon().iter().flat_map(|e| e.phrases.iter().map(|p| p.to_string())).collect();
    for role in catalog.roles() {
        phrases.push(role.name.to_string());
        phrases.extend(role.aliases.iter().map(|a| a.to_string()));
    }
    let automaton = match AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&phrases)
    {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bare_scan: cannot build the automaton: {e}");
            return ExitCode::FAILURE;
        }
    };
    println!("{}", automaton.find_iter(&bytes).count());
    ExitCode::SUCCESS
}
