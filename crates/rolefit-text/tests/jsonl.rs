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
    // One shape for scores in both outputs: `{role, score}` in catalog order.
    assert_eq!(lines[0]["scores"][1]["role"], "product-manager");
    assert!(lines[0]["scores"][1]["score"].is_number());
    let e = &lines[0]["evidence"][0];
    for key in ["phrase", "fact", "start", "end"] {
        assert!(!e[key].is_null(), "{key}");
    }
    assert_eq!(lines[2]["verdict"], "undetermined");
    assert_eq!(lines[2]["adjacent_role"], "scrum-master");
    assert!(lines[2]["top_role"].is_null());
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
        if let TextError::LineTextTooLong { line, field, len, limit } = e {
            assert_eq!(*field, "text");
            errors.push((*line, *len, *limit));
        } else {
            panic!("{e}");
        }
    })
    .unwrap();
    assert_eq!((summary.classified, summary.failed), (1, 1));
    assert_eq!(errors, [(1, 13, 10)]);
    let e = TextError::LineTextTooLong { line: 1, field: "text", len: 13, limit: 10 };
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

#[test]
fn a_line_with_a_title_is_judged_title_and_body_apart() {
    let duties =
        "You run market research, set pricing and own the go-to-market plan, the product strategy and the roadmap.";
    let input = serde_json::json!({"id": "t1", "title": "Product Owner", "text": duties}).to_string();
    let (out, errors, _) = run_jsonl(input.as_bytes(), JsonlOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let line: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(line["title_role"], "product-owner");
    assert_eq!(line["body_verdict"], "product-manager");
    assert_eq!(line["title_matches_body"], false);
    assert!(
        line["mismatch"]
            .as_str()
            .unwrap()
            .starts_with("the title says Product Owner; the duties read like a Product Manager's")
    );
    // Spans: the title's into `title`, the body's into `text`.
    assert_eq!(
        (line["title_evidence"][0]["start"].as_u64(), line["title_evidence"][0]["end"].as_u64()),
        (Some(0), Some(13))
    );
    let e = &line["evidence"][0];
    let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
    assert_eq!(&duties[start..end], "market research");
}

#[test]
fn schema_org_job_posting_lines_are_read_with_their_ids() {
    let lines = [
        r#"{"@type": "JobPosting", "identifier": "JP-1", "title": "Product &amp; Owner", "description": "<p>Own the <b>product backlog</b>.</p>"}"#,
        r#"{"@type": "JobPosting", "identifier": 1E3, "description": "x"}"#,
        r#"{"identifier": {"@type": "PropertyValue", "name": "ref", "value": "PV-9"}, "description": "x"}"#,
        r#"{"url": "https://example.com/jobs/7?a=1&b=2", "description": "x"}"#,
        r#"{"id": 5, "identifier": "ignored", "url": "ignored", "description": "x"}"#,
    ];
    let (out, errors, _) = run_jsonl(lines.join("\n").as_bytes(), JsonlOptions::default());
    assert!(errors.is_empty(), "{errors:?}");
    let ids: Vec<&str> = out.lines().map(|l| &l[..l.find(",\"top_role\"").unwrap()]).collect();
    assert_eq!(
        ids,
        [
            r#"{"id":"JP-1""#,
            r#"{"id":1E3"#,
            r#"{"id":"PV-9""#,
            r#"{"id":"https://example.com/jobs/7?a=1&b=2""#,
            r#"{"id":5"#
        ]
    );
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    // The description is HTML; its spans point into the description after JSON unescaping.
    let description = "<p>Own the <b>product backlog</b>.</p>";
    let e = &first["evidence"][0];
    let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
    assert_eq!(&description[start..end], "product backlog");
    let t = &first["title_evidence"][0];
    assert_eq!((t["start"].as_u64(), t["end"].as_u64()), (Some(0), Some(19)), "\"Product &amp; Owner\" is one span");
}

#[test]
fn job_posting_lines_are_refused_naming_line_and_field() {
    let lines = [
        r#"{"description": "x"}"#,
        r#"{"identifier": [1], "description": "x"}"#,
        r#"{"identifier": {"name": "no value"}, "description": "x"}"#,
        r#"{"id": 1, "title": 7, "text": "x"}"#,
        r#"{"id": 1, "description": {"html": "x"}}"#,
        r#"{"id": 1, "title": "only a title"}"#,
        r#"{"url": 7, "description": "x"}"#,
    ];
    let (out, errors, summary) = run_jsonl(lines.join("\n").as_bytes(), JsonlOptions::default());
    assert_eq!((out.as_str(), summary.failed), ("", 7));
    let prefix = r#"not a posting object {"id": ..., "text": "..."}: "#;
    let said: Vec<String> = errors.iter().map(|e| e.replace(prefix, "")).collect();
    assert_eq!(
        said,
        [
            "line 1: no `id` (nor an `identifier` or `url` to stand for it) (column 20)",
            "line 2: `identifier` must be a string, a number or an object with a `value`, found an array (column 39)",
            "line 3: `identifier` must be a string, a number or an object with a `value`, found an object (column 56)",
            "line 4: `title` must be a string, found a number (column 20)",
            "line 5: `description` must be a string, found an object (column 39)",
            "line 6: no `text` (nor a `description`) (column 34)",
            "line 7: `url` must be a string, found a number (column 9)",
        ]
    );
}

#[test]
fn limits_apply_to_the_decoded_text_of_each_field() {
    let classifier = classifier().with_max_text_bytes(20);
    // 30 bytes as JSON, 15 once decoded: accepted.
    let escaped = r#"{"id": 1, "text": "\u0050roduct \u004fwner"}"#;
    // A description whose HTML decodes to 10 bytes of text but whose markup is long: accepted.
    let markup = r#"{"id": 2, "description": "<div><p><b><i>backlog</i></b></p></div><p>x</p>"}"#;
    // A title over the limit once JSON-decoded (a plain-text title: `&amp;` would stay as
    // written), and a description over it once its HTML is read (41 bytes as HTML).
    let long_title = r#"{"id": 3, "title": "Product Owner \u0026 Product Manager", "text": "x"}"#;
    let long_body = r#"{"id": 4, "description": "<p>product backlog &amp; user stories</p>"}"#;
    let input = [escaped, markup, long_title, long_body].join("\n");
    let mut out = Vec::new();
    let mut errors = Vec::new();
    classify_jsonl(&classifier, input.as_bytes(), &mut out, JsonlOptions::default(), |e| errors.push(e.to_string()))
        .unwrap();
    assert_eq!(
        errors,
        [
            "line 3: title is 31 bytes, longer than the limit of 20 bytes",
            "line 4: description is 30 bytes, longer than the limit of 20 bytes",
        ]
    );
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 2);
}
