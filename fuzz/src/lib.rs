//! The checks behind rolefit's fuzz targets, one function per target.
//!
//! Each takes arbitrary bytes and panics only when rolefit breaks a promise: a crash,
//! a limits scan that lets through what it should refuse, a catalog that does not
//! survive a round trip, a score outside [0, 1], a byte span outside its text, output
//! that depends on batching. `fuzz_targets/` wraps them for libFuzzer (cargo-fuzz);
//! `tests/replay.rs` runs every checked-in corpus file through them on stable.

#![forbid(unsafe_code)]

use std::sync::OnceLock;

use rolefit_core::read::Limit;
use rolefit_core::{CandidateFit, CandidateProfile, Catalog, Format, Limits, NeedsAssessment, OrgProfile, Scorecard};
use rolefit_text::{Classifier, JsonlOptions, Posting, classify_jsonl};
use serde_json::value::RawValue;

/// A fuzz target's check.
pub type Target = fn(&[u8]);

/// Every target, by name (the directory names under `corpus/`).
pub const TARGETS: [(&str, Target); 7] = [
    ("catalog_json", catalog_json),
    ("catalog_toml", catalog_toml),
    ("overlay", overlay),
    ("profile", profile),
    ("classify_text", classify_text),
    ("jsonl_stream", jsonl_stream),
    ("posting_line", posting_line),
];

fn canonical() -> &'static Catalog {
    rolefit_data::catalog()
}

fn classifier() -> &'static Classifier<'static> {
    static CLASSIFIER: OnceLock<Classifier<'static>> = OnceLock::new();
    CLASSIFIER.get_or_init(|| match Classifier::new(canonical()) {
        Ok(c) => c,
        Err(e) => panic!("the canonical catalog has no classifier: {e}"),
    })
}

/// Depth, most items in a list, longest string or key of a parsed document.
#[derive(Debug, Default, Clone, Copy)]
struct Measure {
    depth: usize,
    items: usize,
    string: usize,
}

impl Measure {
    fn join(self, o: Self) -> Self {
        Self { depth: self.depth.max(o.depth), items: self.items.max(o.items), string: self.string.max(o.string) }
    }

    fn string(len: usize) -> Self {
        Self { string: len, ..Self::default() }
    }
}

fn measure_json(v: &serde_json::Value) -> Measure {
    use serde_json::Value;
    match v {
        Value::String(s) => Measure::string(s.len()),
        Value::Array(a) => {
            let inner = a.iter().map(measure_json).fold(Measure::default(), Measure::join);
            Measure { depth: inner.depth + 1, items: inner.items.max(a.len()), ..inner }
        }
        Value::Object(o) => {
            let inner = o
                .iter()
                .map(|(k, v)| measure_json(v).join(Measure::string(k.len())))
                .fold(Measure::default(), Measure::join);
            Measure { depth: inner.depth + 1, ..inner }
        }
        _ => Measure::default(),
    }
}

fn measure_toml(v: &toml::Value) -> Measure {
    use toml::Value;
    match v {
        Value::String(s) => Measure::string(s.len()),
        Value::Array(a) => {
            let inner = a.iter().map(measure_toml).fold(Measure::default(), Measure::join);
            Measure { depth: inner.depth + 1, items: inner.items.max(a.len()), ..inner }
        }
        Value::Table(t) => measure_table(t),
        _ => Measure::default(),
    }
}

fn measure_table(t: &toml::Table) -> Measure {
    let inner =
        t.iter().map(|(k, v)| measure_toml(v).join(Measure::string(k.len()))).fold(Measure::default(), Measure::join);
    Measure { depth: inner.depth + 1, ..inner }
}

/// A catalog that loaded must load again from its own JSON, unchanged, and limits may
/// only ever refuse, never change what is read.
fn round_trip(catalog: &Catalog, text: &str, format: Format) {
    let json = match serde_json::to_string(catalog) {
        Ok(j) => j,
        Err(e) => panic!("a valid catalog does not serialize: {e}"),
    };
    match Catalog::from_json_str(&json) {
        Ok(again) => assert!(again == *catalog, "the catalog changed in a JSON round trip"),
        Err(e) => panic!("a valid catalog does not load from its own JSON: {e}\n{json}"),
    }
    match Catalog::from_str_with(text, format, &Limits::unlimited()) {
        Ok(unlimited) => assert!(unlimited == *catalog, "limits changed what was read"),
        Err(e) => panic!("accepted within the limits, refused without them: {e}"),
    }
}

/// Whether the limits scan measures at least `value` of `limit` in `text`: a limit one
/// below it (the others off) refuses the document for that limit.
fn scan_measures_at_least(text: &str, format: Format, limit: Limit, value: usize) -> bool {
    let Some(below) = value.checked_sub(1) else { return true };
    let limits = match limit {
        Limit::Depth => Limits::unlimited().with_max_depth(below),
        Limit::Records => Limits::unlimited().with_max_records(below),
        _ => Limits::unlimited().with_max_string_bytes(below),
    };
    limits.check(text, format).is_err_and(|e| e.limit == Some(limit))
}

/// Whether the limits scan measures at most `value` of `limit` in `text`: a limit at it
/// (the others off) lets the document through.
fn scan_measures_at_most(text: &str, format: Format, limit: Limit, value: usize) -> bool {
    let limits = match limit {
        Limit::Depth => Limits::unlimited().with_max_depth(value),
        Limit::Records => Limits::unlimited().with_max_records(value),
        _ => Limits::unlimited().with_max_string_bytes(value),
    };
    limits.check(text, format).is_ok()
}

/// Catalog loading from JSON: no panic; the limits scan never measures less than the
/// parser builds (so a document it passes is within the limits); a loaded catalog
/// round-trips.
pub fn catalog_json(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(value) = Format::Json.parse_with::<serde_json::Value>(text, &Limits::unlimited()) {
        let m = measure_json(&value);
        // Duplicate keys keep the last value, so the parser may hold less than the text says.
        let at_least = |limit, value| scan_measures_at_least(text, Format::Json, limit, value);
        assert!(at_least(Limit::Depth, m.depth), "scan depth < parsed {}: {text:?}", m.depth);
        assert!(at_least(Limit::Records, m.items), "scan items < parsed {}: {text:?}", m.items);
        assert!(at_least(Limit::StringBytes, m.string), "scan string < parsed {}", m.string);
    }
    if let Ok(catalog) = Catalog::from_json_str(text) {
        round_trip(&catalog, text, Format::Json);
    }
}

/// Catalog loading from TOML: as [`catalog_json`]. TOML has no duplicate keys, so the
/// scan must measure depth and list sizes exactly (it compares quoted keys with
/// escapes as written, so documents with a backslash are held only to "no panic").
pub fn catalog_toml(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(table) = toml::from_str::<toml::Table>(text) {
        let m = measure_table(&table);
        let at_least = |limit, value| scan_measures_at_least(text, Format::Toml, limit, value);
        let at_most = |limit, value| scan_measures_at_most(text, Format::Toml, limit, value);
        assert!(at_least(Limit::StringBytes, m.string), "scan string < parsed {}", m.string);
        if !text.contains('\\') {
            let exact = |limit, value| at_least(limit, value) && at_most(limit, value);
            assert!(exact(Limit::Depth, m.depth), "scan vs parsed depth {}: {text:?}", m.depth);
            assert!(exact(Limit::Records, m.items), "scan vs parsed items {}: {text:?}", m.items);
        }
    }
    if let Ok(catalog) = Catalog::from_toml_str(text) {
        round_trip(&catalog, text, Format::Toml);
    }
}

/// The format a target's first byte picks, and the rest of the input as text.
fn split_format(data: &[u8]) -> Option<(u8, Format, &str)> {
    let (&first, rest) = data.split_first()?;
    let text = std::str::from_utf8(rest).ok()?;
    Some((first, if first & 1 == 0 { Format::Json } else { Format::Toml }, text))
}

/// User-catalog merging: an overlay (first byte: JSON or TOML) over the canonical
/// catalog. No panic; a merged catalog is valid on its own and diffs cleanly.
pub fn overlay(data: &[u8]) {
    let Some((_, format, text)) = split_format(data) else { return };
    let built = Catalog::builder().base(canonical()).overlay_str(text, format, "fuzz").build();
    if let Ok(merged) = built {
        if let Err(e) = Catalog::new(merged.data().clone()) {
            panic!("a merged catalog is not valid on its own: {e}");
        }
        let diff = rolefit_core::catalog::diff(canonical(), &merged);
        let back = rolefit_core::catalog::diff(&merged, &merged);
        assert!(back.is_empty(), "a catalog differs from itself");
        let _ = diff.is_empty();
    }
}

fn assert_card(card: &Scorecard) {
    for s in card.scores() {
        assert!(s.score.is_finite() && (0.0..=1.0).contains(&s.score), "score {} for {}", s.score, s.role);
    }
    for x in [card.margin(), card.coverage(), card.confidence()] {
        assert!(x.is_finite(), "a scorecard number is not finite: {card:?}");
    }
}

/// Profile loading and scoring: an org or candidate profile (first byte: format and
/// kind) against the canonical catalog. No panic; every score finite, in [0, 1].
pub fn profile(data: &[u8]) {
    let Some((first, format, text)) = split_format(data) else { return };
    if first & 2 == 0 {
        if let Ok(p) = OrgProfile::read(text, format, canonical()) {
            let needs = NeedsAssessment::new(canonical());
            // `read` checked the profile: assessing cannot fail.
            let card = needs.assess(&p);
            assert!(card.is_ok(), "needs refused a profile that read accepted: {card:?}");
            let Ok(card) = card else { return };
            assert_card(&card);
            // The fast path (no evidence built) must give what the general path gives.
            assert!(Ok(&card) == needs.assess_with(&p, needs.scorer()).as_ref(), "needs: fast and general paths differ");
        }
    } else if let Ok(p) = CandidateProfile::read(text, format, canonical()) {
        let fit = CandidateFit::new(canonical());
        // `read` checked every id: assessing cannot fail.
        let report = fit.assess(&p);
        assert!(report.is_ok(), "fit refused a profile that read accepted: {report:?}");
        let Ok(report) = report else { return };
        let lean = &report.lean;
        for x in [lean.margin, lean.confidence, lean.evidence, lean.toward_leader, lean.toward_runner_up] {
            assert!(x.is_finite() && x >= 0.0, "lean {x} out of range: {lean:?}");
        }
        assert!(lean.margin <= 1.0 && lean.confidence <= 1.0, "lean out of range: {lean:?}");
        for r in &report.roles {
            for x in [r.score, r.stated, r.met] {
                assert!(x.is_finite() && (0.0..=1.0).contains(&x), "fit {x} for {}", r.role);
            }
        }
    }
}

/// Text classification: any text (bytes decoded lossily). No panic; scores in [0, 1];
/// every evidence span inside the text, on character boundaries; the same answer twice.
pub fn classify_text(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let Ok(c) = classifier().classify(&text) else { return };
    assert_card(&c.scorecard);
    for s in &c.scores {
        assert!(s.score.is_finite() && (0.0..=1.0).contains(&s.score), "score {} for {}", s.score, s.role);
    }
    for e in &c.evidence {
        assert!(e.start <= e.end && e.end <= text.len(), "span {}..{} outside {} bytes", e.start, e.end, text.len());
        assert!(
            text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
            "span {}..{} splits a char",
            e.start,
            e.end
        );
    }
    let again = classifier().classify(&text).ok();
    assert!(again.as_ref() == Some(&c), "two classifications of one text differ");
}

/// Runs a JSON Lines stream with the given batching; returns the output, errors and summary.
fn stream(data: &[u8], options: JsonlOptions) -> (Vec<u8>, Vec<String>, u64, u64) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    match classify_jsonl(classifier(), data, &mut out, options, |e| errors.push(e.to_string())) {
        Ok(s) => (out, errors, s.classified, s.failed),
        Err(e) => panic!("reading from memory and writing to memory cannot fail: {e}"),
    }
}

/// JSON Lines streaming: no panic; one output line per classified input, each JSON
/// with an `id`; every other line an error naming its line; the same bytes out
/// whatever the batch size (1 line at a time, or many).
pub fn jsonl_stream(data: &[u8]) {
    let small = JsonlOptions::default().with_max_line_bytes(4096).with_batch(1, 1);
    let large = JsonlOptions::default().with_max_line_bytes(4096).with_batch(64, 1 << 16);
    let (out, errors, classified, failed) = stream(data, small);
    let text = String::from_utf8_lossy(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len() as u64, classified, "one output line per classified posting");
    assert_eq!(errors.len() as u64, failed, "one error per failed line");
    for line in &lines {
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(v) => assert!(v.get("id").is_some(), "an output line without id: {line}"),
            Err(e) => panic!("an output line is not JSON ({e}): {line}"),
        }
    }
    for e in &errors {
        assert!(e.starts_with("line "), "an error that names no line: {e}");
    }
    let input_lines = data.split(|b| *b == b'\n').filter(|l| !l.is_empty()).count() as u64;
    assert!(classified + failed <= input_lines, "{classified} + {failed} answers for {input_lines} lines");
    let (out2, errors2, _, _) = stream(data, large);
    assert!(out2 == out && errors2 == errors, "the output depends on the batch size");
}

/// What a posting line holds, read leniently by serde_json alone: the oracle the strict
/// reader is compared with. A field the input lines gain is added here and compared in
/// [`posting_line`].
#[derive(serde::Deserialize)]
struct LenientPosting {
    id: Option<Box<RawValue>>,
    identifier: Option<Box<RawValue>>,
    url: Option<String>,
    text: Option<String>,
    title: Option<String>,
    description: Option<String>,
}

impl LenientPosting {
    /// The id the output must echo, as JSON text: `id` as written, else a JobPosting's
    /// `identifier` (or its `value`) as written, else its `url` as a JSON string.
    fn expected_id(&self) -> Option<String> {
        #[derive(serde::Deserialize)]
        struct PropertyValue {
            value: Box<RawValue>,
        }
        if let Some(id) = &self.id {
            return Some(id.get().to_owned());
        }
        if let Some(identifier) = &self.identifier {
            return match serde_json::from_str::<PropertyValue>(identifier.get()) {
                Ok(p) => Some(p.value.get().to_owned()),
                Err(_) => Some(identifier.get().to_owned()),
            };
        }
        self.url.as_ref().map(|u| serde_json::to_string(u).unwrap_or_default())
    }

    /// The posting the line holds: `text` (with `title`) as plain text, else a JobPosting's
    /// `description` and `title` as HTML.
    fn posting(&self) -> Option<Posting> {
        match (&self.text, &self.description) {
            (Some(text), _) => Some(Posting::new(text.as_str()).with_title(self.title.clone().unwrap_or_default())),
            (None, Some(description)) => Some(Posting::from_job_posting(self.title.as_deref(), description)),
            (None, None) => None,
        }
    }
}

/// Words that name Rust's types rather than the document's fields.
const RUST_WORDS: [&str; 6] = ["struct", "PostingLine", "InputLine", "RawValue", "sequence", "u64"];

/// Posting lines with ids: every posting classified comes back with its `id` exactly as
/// the input wrote it (the same JSON text, digits and escapes included); every line
/// refused is refused with its line number and in the document's words.
pub fn posting_line(data: &[u8]) {
    let options = JsonlOptions::default().with_max_line_bytes(4096);
    let (out, errors, classified, failed) = stream(data, options);
    assert_eq!(errors.len() as u64, failed, "one error per failed line");
    let mut refused = Vec::new();
    for e in &errors {
        let number =
            e.strip_prefix("line ").and_then(|rest| rest.split(':').next()).and_then(|n| n.parse::<usize>().ok());
        let Some(number) = number else { panic!("an error that names no line: {e}") };
        for word in RUST_WORDS {
            assert!(!e.contains(word), "an error in Rust's words ({word}): {e}");
        }
        refused.push(number);
    }
    // The lines that were answered, in order: not blank, not refused.
    let answered: Vec<&[u8]> = data
        .split(|b| *b == b'\n')
        .enumerate()
        .map(|(i, line)| (i + 1, line.strip_suffix(b"\r").unwrap_or(line)))
        .map(|(n, line)| (n, if n == 1 { line.strip_prefix(b"\xef\xbb\xbf".as_slice()).unwrap_or(line) } else { line }))
        .filter(|(n, line)| !line.iter().all(u8::is_ascii_whitespace) && !refused.contains(n))
        .map(|(_, line)| line)
        .collect();
    let text = String::from_utf8_lossy(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len() as u64, classified, "one output line per classified posting");
    assert_eq!(answered.len(), lines.len(), "answered lines and output lines differ in number");
    for (input, output) in answered.iter().zip(&lines) {
        let lenient = match serde_json::from_slice::<LenientPosting>(input) {
            Ok(p) => p,
            Err(e) => panic!("a line serde_json cannot read was classified ({e}): {}", String::from_utf8_lossy(input)),
        };
        let out: serde_json::Value = match serde_json::from_str(output) {
            Ok(v) => v,
            Err(e) => panic!("an output line is not JSON ({e}): {output}"),
        };
        let echoed = match serde_json::from_str::<EchoedId>(output) {
            Ok(p) => p.id,
            Err(e) => panic!("an output line without an id ({e}): {output}"),
        };
        let Some(written) = lenient.expected_id() else { panic!("a line without an id was classified: {output}") };
        assert_eq!(echoed.get(), written, "the id changed on its way through");
        // The title and body the strict reader read are the ones serde_json reads.
        let Some(posting) = lenient.posting() else { panic!("a line without a text was classified: {output}") };
        let expected = match classifier().classify_posting(&posting) {
            Ok(c) => c,
            Err(e) => panic!("the stream classified a posting the library refuses ({e}): {output}"),
        };
        assert_eq!(out["verdict"], expected.verdict.as_str(), "{output}");
        assert_eq!(out["body_verdict"], expected.body_verdict.as_str(), "{output}");
        assert_eq!(out["title_role"].as_str(), expected.title_role.as_deref(), "{output}");
    }
}

/// An output line's id, as written.
#[derive(serde::Deserialize)]
struct EchoedId {
    id: Box<RawValue>,
}
