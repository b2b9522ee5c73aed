//! `rolefit classify`: files, standard input, JSON Lines, and bad input.

use std::io::Write;
use std::process::{Command, Stdio};

use super::{rolefit, stderr, stdout, write_temp};

const PO: &str = "Product Owner\n\nYou own the product backlog, write user stories with acceptance criteria \
                  and run sprint planning with the development team.\n";

fn with_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolefit"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_file_is_classified_with_spans_into_it() {
    let (_dir, path) = write_temp("po.txt", PO);
    let out = rolefit(&["classify", "--format", "json", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = &list[0];
    assert_eq!(c["verdict"], "product-owner");
    assert_eq!(c["file"], path.to_str().unwrap());
    for e in c["evidence"].as_array().unwrap() {
        let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert!(PO.get(start..end).is_some_and(|s| !s.is_empty()), "{e}");
    }
    let table = rolefit(&["classify", path.to_str().unwrap()]);
    assert!(stdout(&table).contains("product-owner"), "{}", stdout(&table));
}

#[test]
fn invalid_utf8_names_the_file_and_offset_and_the_other_files_are_answered() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    let bad = dir.path().join("bad.txt");
    std::fs::write(&good, PO).unwrap();
    std::fs::write(&bad, b"caf\xff Product Owner").unwrap();
    let out = rolefit(&["classify", "--format", "json", bad.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.txt: invalid UTF-8 at byte offset 3"), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["verdict"], "product-owner");
}

#[test]
fn when_every_file_fails_only_the_errors_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"caf\xff Product Owner").unwrap();
    let out = rolefit(&["classify", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.txt: invalid UTF-8 at byte offset 3"), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "no empty table: {}", String::from_utf8_lossy(&out.stdout));
    // JSON still prints the (empty) list, so a consumer always gets a document.
    let out = rolefit(&["classify", "--format", "json", bad.to_str().unwrap()]);
    assert_eq!(serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap(), serde_json::json!([]));
}

#[test]
fn standard_input_and_empty_texts() {
    let out = with_stdin(&["classify", "--format", "json", "-"], PO.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"product-owner\""));
    let out = with_stdin(&["classify", "--format", "json", "-"], b"  \n\t ");
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("\"undetermined\""));
}

#[test]
fn jsonl_reports_bad_lines_by_number_and_answers_the_rest() {
    let input = format!(
        "{}\nnot json\n{{\"id\": \"x\"}}\n{}\n",
        serde_json::json!({"id": "a", "text": PO}),
        serde_json::json!({"id": 2, "text": "Senior Product Manager: own the product strategy and pricing."})
    );
    let out = with_stdin(&["classify", "--jsonl", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("-: line 2: ") && err.contains("-: line 3: "), "{err}");
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2);
    assert_eq!((lines[0]["id"].clone(), lines[0]["verdict"].clone()), ("a".into(), "product-owner".into()));
    assert_eq!((lines[1]["id"].clone(), lines[1]["verdict"].clone()), (2.into(), "product-manager".into()));
    assert_eq!(lines[1]["scores"][1]["role"], "product-manager");
    assert!(lines[1]["scores"][1]["score"].as_f64().unwrap() > 0.0);
}

#[test]
fn jsonl_takes_one_file() {
    let out = rolefit(&["classify", "--jsonl", "a.jsonl", "b.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--jsonl takes exactly one file"), "{}", stderr(&out));
}

/// Postings written for the schema tests: each verdict, an adjacent role, boilerplate, nothing.
const SCHEMA_POSTINGS: [(&str, &str); 5] = [
    ("po.txt", PO),
    (
        "pm.txt",
        "Senior Product Manager\n\nSet the product vision and strategy, build the roadmap from market research, \
         define pricing and the go-to-market plan.\n\nBenefits\nHealth insurance and a product strategy offsite.\n",
    ),
    (
        "hybrid.txt",
        "Product Manager / Product Owner\n\nOwn the roadmap and the product backlog: market research and pricing, \
         and also user stories, backlog refinement and sprint planning with the team.\n",
    ),
    (
        "scrum-master.txt",
        "Scrum Master\n\nFacilitate sprint planning and retrospectives, remove impediments and help the Product \
         Owner keep the backlog in order.\n",
    ),
    ("empty.txt", ""),
];

/// A page whose JobPosting title says Product Owner over a Product Manager's duties.
const MISMATCH_PAGE: &str = r#"<!DOCTYPE html><html><head><title>Careers</title>
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting", "identifier": "JP-7",
"title": "Product Owner", "description": "<p>Run market research &amp; set pricing.</p><ul><li>Own the go-to-market plan</li><li>Own the product strategy and the roadmap</li></ul>"}</script>
</head><body><nav>Product Manager jobs</nav><h1>Product Owner</h1></body></html>"#;

#[test]
fn an_html_page_is_read_through_its_job_posting_and_the_table_shows_the_mismatch() {
    let (_dir, path) = write_temp("job.html", MISMATCH_PAGE);
    let out = rolefit(&["classify", "--format", "json", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let c = &list[0];
    assert_eq!(
        (c["title_role"].as_str(), c["body_verdict"].as_str()),
        (Some("product-owner"), Some("product-manager"))
    );
    assert_eq!(c["title_matches_body"], false);
    // Spans point into the page.
    for e in c["evidence"].as_array().unwrap().iter().chain(c["title_evidence"].as_array().unwrap()) {
        let (start, end) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
        assert!(MISMATCH_PAGE[start..end].eq_ignore_ascii_case(e["phrase"].as_str().unwrap()), "{e}");
    }
    let table = stdout(&rolefit(&["classify", path.to_str().unwrap()]));
    assert!(table.contains("body alone: product-manager"), "{table}");
    assert!(table.contains("title and body disagree"), "{table}");
    assert!(table.contains("the title says Product Owner"), "{table}");
    // Without the extension, the page is still recognised by how it starts.
    let (_dir2, bare) = write_temp("job", MISMATCH_PAGE);
    let out = rolefit(&["classify", "--format", "json", bare.to_str().unwrap()]);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list[0]["title_matches_body"], false);
}

fn schema_text(name: &str) -> String {
    std::fs::read_to_string(super::repo(&format!("docs/schema/{name}.schema.json"))).unwrap()
}

fn schema(name: &str) -> serde_json::Value {
    serde_json::from_str(&schema_text(name)).unwrap()
}

/// Why `value` does not match the schema: one line per error, none if it matches.
fn violations(validator: &jsonschema::Validator, value: &serde_json::Value) -> Vec<String> {
    validator.iter_errors(value).map(|e| format!("{}: {e}", e.instance_path())).collect()
}

/// Checks that each output object matches the schema, has exactly the fields the schema
/// lists, and that one field more or one field less anywhere is refused: the schema
/// describes the output whole, and a field added to or dropped from it fails here.
fn assert_described(name: &str, objects: &[serde_json::Value]) {
    let schema = schema(name);
    let validator = jsonschema::draft202012::new(&schema).unwrap();
    let mut fields: Vec<&String> = schema["properties"].as_object().unwrap().keys().collect();
    fields.sort();
    for object in objects {
        let errors = violations(&validator, object);
        assert!(errors.is_empty(), "{name}: {object}\n{}", errors.join("\n"));
        let mut keys: Vec<&String> = object.as_object().unwrap().keys().collect();
        keys.sort();
        assert_eq!(keys, fields, "{name}: the output's fields are not the schema's");

        let mut more = object.clone();
        more["unknown"] = serde_json::json!(1);
        assert!(!validator.is_valid(&more), "{name} accepts a field it does not describe");
        for field in &fields {
            let mut less = object.clone();
            less.as_object_mut().unwrap().remove(*field);
            assert!(!validator.is_valid(&less), "{name} accepts the output without {field:?}");
        }
        if let Some(first) = object["evidence"].as_array().and_then(|e| e.first()) {
            let mut nested = object.clone();
            nested["evidence"][0]["unknown"] = serde_json::json!(1);
            assert!(!validator.is_valid(&nested), "{name} accepts an evidence item with a field more: {first}");
        }
    }
}

#[test]
fn json_output_matches_the_published_classification_schema() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["classify".to_owned(), "--format".to_owned(), "json".to_owned()];
    for (name, text) in SCHEMA_POSTINGS {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        args.push(path.to_str().unwrap().to_owned());
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = rolefit(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), SCHEMA_POSTINGS.len());
    let verdicts: Vec<&str> = list.iter().map(|c| c["verdict"].as_str().unwrap()).collect();
    assert_eq!(verdicts, ["product-owner", "product-manager", "both", "undetermined", "undetermined"]);
    assert_eq!(list[3]["adjacent_role"], "scrum-master");
    assert!(list[1]["ignored_in_boilerplate"].as_u64().unwrap() > 0, "the benefits section is boilerplate");
    assert_described("classification", list);
    // Every field with a value, not only nulls: a titled page whose title and body disagree.
    let (_dir, page) = write_temp("mismatch.html", MISMATCH_PAGE);
    let out = rolefit(&["classify", "--format", "json", page.to_str().unwrap()]);
    let titled: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(titled[0]["mismatch"].is_string() && titled[0]["title_role"].is_string(), "{titled}");
    assert_described("classification", titled.as_array().unwrap());

    let published = rolefit(&["schema", "classification"]);
    assert!(
        stdout(&published) == schema_text("classification"),
        "`rolefit schema classification` is not the checked-in schema"
    );
}

#[test]
fn jsonl_output_matches_the_published_classification_line_schema() {
    let mut input = String::new();
    for (i, (_, text)) in SCHEMA_POSTINGS.iter().enumerate() {
        // Ids as strings and as numbers, both echoed.
        let id = if i % 2 == 0 { serde_json::json!(format!("job-{i}")) } else { serde_json::json!(i) };
        input.push_str(&serde_json::json!({ "id": id, "text": text, "source": "ignored" }).to_string());
        input.push('\n');
    }
    let out = with_stdin(&["classify", "--jsonl", "-"], input.as_bytes());
    assert!(out.status.success(), "{}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), SCHEMA_POSTINGS.len());
    assert_eq!((lines[0]["id"].clone(), lines[1]["id"].clone()), ("job-0".into(), 1.into()));
    assert_eq!(lines[4]["top_role"], serde_json::Value::Null);
    assert_described("classification-line", &lines);
    // Every field with a value: a titled line whose title and body disagree, and a JobPosting.
    let titled = [
        serde_json::json!({"id": 1, "title": "Product Owner", "text": "Run market research, set pricing, own the go-to-market plan, the product strategy and the roadmap."}),
        serde_json::json!({"@type": "JobPosting", "identifier": "JP-1", "title": "Scrum Master", "description": "<p>Coach the team and help the Product Owner.</p>"}),
    ];
    let input: String = titled.iter().map(|l| format!("{l}\n")).collect();
    let out = with_stdin(&["classify", "--jsonl", "-"], input.as_bytes());
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(lines[0]["mismatch"].is_string(), "{}", lines[0]);
    assert_eq!((lines[1]["id"].as_str(), lines[1]["adjacent_role"].as_str()), (Some("JP-1"), Some("scrum-master")));
    assert_described("classification-line", &lines);

    let published = rolefit(&["schema", "classification-line"]);
    assert!(
        stdout(&published) == schema_text("classification-line"),
        "`rolefit schema classification-line` is not the checked-in schema"
    );
}

#[test]
fn a_posting_over_max_input_bytes_is_refused_naming_the_option_and_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let long = dir.path().join("long.txt");
    let short = dir.path().join("short.txt");
    std::fs::write(&long, PO).unwrap();
    std::fs::write(&short, "Product Owner wanted.").unwrap();
    let (long, short) = (long.to_str().unwrap(), short.to_str().unwrap());
    let out = rolefit(&["classify", "--max-input-bytes", "64", "--format", "json", long, short]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let expected =
        format!("rolefit: {long}: input is {} bytes, over the limit of 64 bytes (--max-input-bytes)\n", PO.len());
    assert_eq!(stderr(&out), expected);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["file"].as_str().unwrap()).collect();
    assert_eq!(files, [short], "the posting within the limit is still classified");

    // Before the command as well; standard input is read only up to the limit.
    let out = with_stdin(&["--max-input-bytes", "64", "classify", "-"], PO.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "rolefit: -: input is more than 64 bytes, over the limit (--max-input-bytes)\n");

    // classify has no limit of its own any more.
    let out = rolefit(&["classify", "--max-bytes", "64", short]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unexpected argument '--max-bytes'"), "{}", stderr(&out));
}

#[test]
fn jsonl_texts_over_max_input_bytes_are_refused_by_line() {
    let huge = "a".repeat((1 << 20) + 100);
    let input = [
        serde_json::json!({ "id": 1, "text": PO }),
        serde_json::json!({ "id": 2, "text": "Product Owner wanted." }),
        serde_json::json!({ "id": 3, "text": huge }),
    ]
    .map(|line| line.to_string() + "\n")
    .concat();
    let ids = |out: &std::process::Output| -> Vec<serde_json::Value> {
        stdout(out).lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone()).collect()
    };

    // The line limit follows the text limit: 64 bytes plus 1 MiB.
    let out = with_stdin(&["classify", "--jsonl", "--max-input-bytes", "64", "-"], input.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ids(&out), [2]);
    let err = stderr(&out);
    let text_error =
        format!("rolefit: -: line 1: text is {} bytes, over the limit of 64 bytes (--max-input-bytes)\n", PO.len());
    let line_error =
        format!("rolefit: -: line 3: longer than the limit of {} bytes (--max-line-bytes); skipped\n", 64 + (1 << 20));
    assert_eq!(err, format!("{text_error}{line_error}rolefit: -: 2 of 3 postings failed\n"));

    // With a longer line limit, the third line is read and its text refused.
    let out = with_stdin(
        &["classify", "--jsonl", "--max-input-bytes", "64", "--max-line-bytes", "2M", "-"],
        input.as_bytes(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ids(&out), [2]);
    let huge_error =
        format!("rolefit: -: line 3: text is {} bytes, over the limit of 64 bytes (--max-input-bytes)\n", huge.len());
    assert_eq!(stderr(&out), format!("{text_error}{huge_error}rolefit: -: 2 of 3 postings failed\n"));
}

#[test]
fn the_default_posting_limit_is_still_16_mib() {
    let limit = 16 << 20;
    // A file one byte over is refused by its length, before it is read.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.txt");
    std::fs::File::create(&path).unwrap().set_len(limit + 1).unwrap();
    let out = rolefit(&["classify", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let expected = format!("input is {} bytes, over the limit of {limit} bytes (--max-input-bytes)", limit + 1);
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));

    // A JSON line with a text one byte over fits the default line limit (1 MiB more) and
    // its text is refused.
    let line = serde_json::json!({ "id": 1, "text": "a".repeat(limit as usize + 1) }).to_string() + "\n";
    let out = with_stdin(&["classify", "--jsonl", "-"], line.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    let expected = format!("line 1: text is {} bytes, over the limit of {limit} bytes (--max-input-bytes)", limit + 1);
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));
}
