//! JSON Lines in and out (the `jsonl` feature).

use rolefit_text::{JsonlOptions, TextError, classify_jsonl};

use super::{PM_POSTING, PO_POSTING, SM_POSTING, classifier};

fn run_jsonl(input: &[u8], options: JsonlOptions) -> (String, Vec<String>, rolefit_text::JsonlSummary) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let summary = classify_jsonl(&classifier(), input, &mut out, options, |e| errors.push(e.to_string())).unwrap();
    (String::from_utf8(out).unwrap(), errors, summary)
}

#[test]
fn jsonl_output_has_the_promised_fields_in_input_order() {
    let mut input = String::new();
    for (i, t) in [PO_POSTING, PM_POSTING, SM_POSTING].iter().enumerate() {
        input.push_str(&serde_json::json!({"id": format!("p{i}"), "text": t, "label": "ignored"}).to_string());
        input.push('\n');
    }
    input.push_str("{\"id\": 7, \"text\": \"\"}\n\n");
    let (out, errors, summary) = run_jsonl(input.as_bytes(), JsonlOptions::default().with_batch(2, 1 << 20));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!((summary.classified, summary.failed), (4, 0));
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let ids: Vec<String> = lines.iter().map(|l| l["id"].to_string()).collect();
    assert_eq!(ids, ["\"p0\"", "\"p1\"", "\"p2\"", "7"]);
    assert_eq!(lines[0]["verdict"], "product-owner");
    assert_eq!(lines[0]["top_role"], "product-owner");
    assert!(lines[0]["scores"]["product-manager"].is_number());
    let e = &lines[0]["evidence"][0];
    for key in ["phrase", "fact", "start", "end"] {
        assert!(!e[key].is_null(), "{key}");
    }
    assert_eq!(lines[2]["verdict"], "undetermined");
    assert_eq!(lines[2]["adjacent_role"], "scrum-master");
}

#[test]
fn malformed_lines_are_reported_by_number_and_the_rest_still_answered() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"id\": \"a\", \"text\": \"Product Owner, product backlog\"}\n");
    input.extend_from_slice(b"not json\n");
    input.extend_from_slice(b"{\"id\": \"c\"}\n");
    input.extend_from_slice(b"{\"id\": \"d\", \"text\": \"caf\xff\"}\n");
    input.extend_from_slice(b"{\"id\": [1], \"text\": \"x\"}\n");
    input.extend_from_slice(format!("{{\"id\": \"f\", \"text\": \"{}\"}}\n", "y".repeat(5000)).as_bytes());
    input.extend_from_slice(b"{\"id\": \"g\", \"text\": \"Product Manager, product vision\"}");
    let (out, errors, summary) = run_jsonl(&input, JsonlOptions::default().with_max_line_bytes(1000));
    assert_eq!((summary.lines, summary.classified, summary.failed), (7, 2, 5));
    let lines: Vec<&str> = errors.iter().map(|e| e.split(':').next().unwrap()).collect();
    assert_eq!(lines, ["line 2", "line 3", "line 4", "line 5", "line 6"]);
    assert!(errors[2].contains("invalid UTF-8 at byte offset"), "{}", errors[2]);
    assert!(errors[4].contains("longer than the limit of 1000 bytes"), "{}", errors[4]);
    assert_eq!(out.lines().count(), 2);
    assert!(out.lines().last().unwrap().contains("\"id\":\"g\""));
}

#[test]
fn jsonl_texts_over_the_classifier_limit_are_skipped_with_their_line_and_size() {
    let classifier = classifier().with_max_text_bytes(10);
    let input = "{\"id\": 1, \"text\": \"Product Owner\"}\n{\"id\": 2, \"text\": \"backlog\"}\n";
    let mut out = Vec::new();
    let mut errors = Vec::new();
    let summary = classify_jsonl(&classifier, input.as_bytes(), &mut out, JsonlOptions::default(), |e| {
        if let TextError::LineTextTooLong { line, len, limit } = e {
            errors.push((*line, *len, *limit));
        } else {
            panic!("{e}");
        }
    })
    .unwrap();
    assert_eq!((summary.classified, summary.failed), (1, 1));
    assert_eq!(errors, [(1, 13, 10)]);
    let e = TextError::LineTextTooLong { line: 1, len: 13, limit: 10 };
    assert_eq!(e.to_string(), "line 1: text is 13 bytes, longer than the limit of 10 bytes");
    assert!(String::from_utf8(out).unwrap().starts_with("{\"id\":2,"));
}

#[test]
fn ids_are_echoed_exactly_as_written() {
    let ids = [
        "123456789012345678901234567890",
        "123456789012345678901234567891",
        "18446744073709551617",
        "-0",
        "1E2",
        "0.1000",
        "\"job-\\u0031\"",
        "\"007\"",
    ];
    let input: String = ids.iter().map(|id| format!("{{\"id\": {id}, \"text\": \"Product Owner\"}}\n")).collect();
    let (out, errors, _) = run_jsonl(input.as_bytes(), JsonlOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let echoed: Vec<&str> =
        out.lines().map(|l| l.strip_prefix("{\"id\":").unwrap().split(",\"top_role\"").next().unwrap()).collect();
    assert_eq!(echoed, ids, "two different ids must never come back as one, nor change");
}

#[test]
fn the_line_limit_does_not_count_the_line_ending() {
    let line = |len: usize| {
        let head = "{\"id\": 1, \"text\": \"";
        format!("{head}{}\"}}", "x".repeat(len - head.len() - 2))
    };
    assert_eq!(line(100).len(), 100);
    for ending in ["\r\n", "\n", ""] {
        let input = format!("{}{ending}", line(100));
        let (_, errors, summary) = run_jsonl(input.as_bytes(), JsonlOptions::default().with_max_line_bytes(100));
        assert_eq!((summary.classified, summary.failed), (1, 0), "{ending:?}: {errors:?}");
        let input = format!("{}{ending}", line(101));
        let (_, errors, summary) = run_jsonl(input.as_bytes(), JsonlOptions::default().with_max_line_bytes(100));
        assert_eq!((summary.classified, summary.failed), (0, 1), "{ending:?}");
        assert!(errors[0].contains("longer than the limit of 100 bytes"), "{errors:?}");
    }
}

#[test]
fn a_byte_order_mark_before_the_first_line_is_skipped_and_named_elsewhere() {
    let input = "\u{feff}{\"id\": 1, \"text\": \"Product Owner\"}\n\u{feff}{\"id\": 2, \"text\": \"x\"}\n";
    let (out, errors, summary) = run_jsonl(input.as_bytes(), JsonlOptions::default());
    assert_eq!((summary.classified, summary.failed), (1, 1));
    assert!(out.starts_with("{\"id\":1,"), "{out}");
    assert_eq!(errors, ["line 2: starts with a byte order mark (U+FEFF), which only the first line may have"]);
}

#[test]
fn posting_lines_are_objects_with_fields_named_in_errors() {
    let input = "[7, \"Product Owner backlog\"]\n{\"id\": 1, \"text\": \"a\", \"id\": 2}\n{\"id\": 3, \"text\": 4}\n";
    let (out, errors, summary) = run_jsonl(input.as_bytes(), JsonlOptions::default());
    assert_eq!((summary.classified, summary.failed), (0, 3), "{out}");
    assert_eq!(
        errors,
        [
            "line 1: not a posting object {\"id\": ..., \"text\": \"...\"}: found an array (column 1)",
            "line 2: not a posting object {\"id\": ..., \"text\": \"...\"}: duplicate key \"id\" (column 27)",
            "line 3: not a posting object {\"id\": ..., \"text\": \"...\"}: `text` must be a string, found a number (column 20)",
        ]
    );
}

/// A writer whose reader has gone away (`| head -1`).
struct ClosedPipe;

impl std::io::Write for ClosedPipe {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::ErrorKind::BrokenPipe.into())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_output_is_reported_as_the_writers_own_error() {
    let input = "{\"id\": 1, \"text\": \"Product Owner\"}\n";
    let err = classify_jsonl(&classifier(), input.as_bytes(), ClosedPipe, JsonlOptions::default(), |_| {}).unwrap_err();
    match err {
        TextError::Io { source, .. } => assert_eq!(source.kind(), std::io::ErrorKind::BrokenPipe, "{source}"),
        other => panic!("{other}"),
    }
}
