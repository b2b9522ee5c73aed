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
    assert!(lines[1]["scores"]["product-manager"].as_f64().unwrap() > 0.0);
}

#[test]
fn jsonl_takes_one_file() {
    let out = rolefit(&["classify", "--jsonl", "a.jsonl", "b.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--jsonl takes exactly one file"), "{}", stderr(&out));
}
