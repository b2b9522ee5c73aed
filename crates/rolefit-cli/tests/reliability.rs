//! The binary under the hostile cases of a second adversarial run: output targets that
//! are not regular files, ids that floats would round, closed and full streams, exit
//! codes, signals, escape sequences in user text, terminals without a size, floods of
//! errors, absurd thread counts and empty catalogs (`docs/reliability.md` lists them).

use std::io::{BufRead, BufReader, Read};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::{rolefit, stderr, stdout, write_temp};

const BIN: &str = env!("CARGO_BIN_EXE_rolefit");

/// Runs rolefit through `sh`, for redirections `Command` cannot express (`>&-`).
fn sh(script: &str) -> std::process::Output {
    Command::new("sh").arg("-c").arg(script).env("R", BIN).stdin(Stdio::null()).output().unwrap()
}

fn report_to(path: &Path) -> std::process::Output {
    rolefit(&["report", "--output", path.to_str().unwrap()])
}

#[test]
fn output_replaces_only_regular_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();

    // A FIFO, a socket and a directory are refused, and stay what they were.
    let fifo = d.join("fifo.html");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let socket = d.join("socket.html");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let subdir = d.join("dir.html");
    std::fs::create_dir(&subdir).unwrap();
    for (path, what) in [(&fifo, "a FIFO"), (&socket, "a socket"), (&subdir, "a directory")] {
        let out = report_to(path);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains(&format!("is {what}, not a regular file")), "{}", stderr(&out));
    }
    let file_type = |p: &Path| std::fs::symlink_metadata(p).unwrap().file_type();
    use std::os::unix::fs::FileTypeExt;
    assert!(file_type(&fifo).is_fifo() && file_type(&socket).is_socket() && file_type(&subdir).is_dir());
    let out = rolefit(&["report", "--output", &format!("{}/", subdir.display())]);
    assert_eq!(out.status.code(), Some(2));
    // A device too, checked without ever writing one: the refusal comes before any write.
    let out = rolefit(&["report", "--output", "/dev/null"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("/dev/null: is a device"), "{}", stderr(&out));

    // A symbolic link is written through: the link stays, its target gets the page.
    let target = d.join("target.html");
    std::fs::write(&target, "old").unwrap();
    let link = d.join("link.html");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let out = report_to(&link);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(file_type(&link).is_symlink());
    assert!(std::fs::read_to_string(&target).unwrap().starts_with("<!DOCTYPE html>"));
    // A link to nothing is refused.
    let dangling = d.join("dangling.html");
    std::os::unix::fs::symlink(d.join("nothing"), &dangling).unwrap();
    assert_eq!(report_to(&dangling).status.code(), Some(2));

    // An existing file keeps its permission bits.
    let private = d.join("private.html");
    std::fs::write(&private, "old").unwrap();
    std::fs::set_permissions(&private, std::fs::Permissions::from_mode(0o600)).unwrap();
    assert!(report_to(&private).status.success());
    assert_eq!(std::fs::metadata(&private).unwrap().permissions().mode() & 0o777, 0o600);

    // A read-only file, or one with other hard links, is not replaced behind the user's back.
    let read_only = d.join("read-only.html");
    std::fs::write(&read_only, "old").unwrap();
    std::fs::set_permissions(&read_only, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = report_to(&read_only);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("is read-only"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&read_only).unwrap(), "old");
    let linked = d.join("linked.html");
    std::fs::write(&linked, "old").unwrap();
    std::fs::hard_link(&linked, d.join("other-name.html")).unwrap();
    let out = report_to(&linked);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("has 2 hard links"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&linked).unwrap(), "old");

    // A name as long as a file name can be still works (the temporary name is short).
    let long = d.join("a".repeat(250) + ".html");
    let out = report_to(&long);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!std::fs::read_dir(d).unwrap().any(|e| e.unwrap().file_name().to_string_lossy().ends_with(".tmp")));
}

#[test]
fn json_lines_ids_are_echoed_exactly_as_written() {
    let ids = ["123456789012345678901234567890", "123456789012345678901234567891", "18446744073709551617", "-0", "1E2"];
    let input: String = ids.iter().map(|id| format!("{{\"id\": {id}, \"text\": \"Product Owner\"}}\n")).collect();
    let (_dir, path) = write_temp("ids.jsonl", &input);
    let out = rolefit(&["classify", "--jsonl", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let echoed: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.strip_prefix("{\"id\":").unwrap().split(",\"top_role\"").next().unwrap().to_owned())
        .collect();
    assert_eq!(echoed, ids);
}

/// A profile with `n` unknown answers: `n` problems.
fn profile_with_unknown_answers(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let mut text = String::from("name = \"x\"\n[answers]\n");
    for i in 0..n {
        text.push_str(&format!("unknown-signal-{i} = \"yes\"\n"));
    }
    write_temp("profile.toml", &text)
}

#[test]
fn a_closed_or_full_standard_error_does_not_crash() {
    let (_dir, path) = profile_with_unknown_answers(3000);
    let p = path.to_str().unwrap();
    // Full: every write to standard error fails with ENOSPC.
    let out = Command::new(BIN)
        .args(["--max-errors", "0", "assess", p])
        .stdin(Stdio::null())
        .stderr(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "exit 101 is a panic");
    // Closed: the reader of standard error has gone (`2>&1 | head -1`); 3000 problems
    // are far more than a pipe holds, so writes after the close fail with EPIPE.
    let mut child = Command::new(BIN)
        .args(["--max-errors", "0", "assess", p])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 8];
    child.stderr.as_mut().unwrap().read_exact(&mut first).unwrap();
    drop(child.stderr.take());
    assert_eq!(child.wait().unwrap().code(), Some(1), "exit 101 is a panic");
    // The same for a stream of failing postings.
    let bad: String = (0..5000).map(|i| format!("not json {i}\n")).collect();
    let (_dir, jsonl) = write_temp("bad.jsonl", &bad);
    let out = Command::new(BIN)
        .args(["classify", "--jsonl", jsonl.to_str().unwrap()])
        .stdin(Stdio::null())
        .stderr(std::fs::File::create("/dev/full").unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn classify_jsonl_into_a_closed_pipe_exits_0_quietly() {
    // Far more than the 64 KiB the output is buffered in.
    let input: String = (0..4000)
        .map(|i| format!("{{\"id\": {i}, \"text\": \"Product Owner: order the product backlog\"}}\n"))
        .collect();
    let (_dir, path) = write_temp("many.jsonl", &input);
    for source in ["file", "stdin"] {
        let mut cmd = Command::new(BIN);
        if source == "file" {
            cmd.args(["classify", "--jsonl", path.to_str().unwrap()]).stdin(Stdio::null());
        } else {
            cmd.args(["classify", "--jsonl", "-"]).stdin(std::fs::File::open(&path).unwrap());
        }
        let mut child = cmd.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
        assert!(first.starts_with("{\"id\":0,"), "{first}");
        // `| head -1` has read its line and gone: the reader is dropped here.
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        assert_eq!(child.wait().unwrap().code(), Some(0), "{source}: {err}");
        assert_eq!(err, "", "{source}");
    }
}

#[test]
fn exit_codes_follow_the_readme() {
    let dir = tempfile::tempdir().unwrap();
    let bad_utf8 = dir.path().join("latin1.txt");
    std::fs::write(&bad_utf8, b"caf\xe9").unwrap();
    let missing = dir.path().join("missing.txt");
    let code = |args: &[&str]| rolefit(args).status.code();
    // I/O errors exit 2, invalid content 1; with both, the I/O error decides.
    assert_eq!(code(&["classify", missing.to_str().unwrap()]), Some(2));
    assert_eq!(code(&["classify", dir.path().to_str().unwrap()]), Some(2));
    assert_eq!(code(&["classify", bad_utf8.to_str().unwrap()]), Some(1));
    assert_eq!(code(&["classify", bad_utf8.to_str().unwrap(), missing.to_str().unwrap()]), Some(2));
    assert_eq!(code(&["classify", "--jsonl", missing.to_str().unwrap()]), Some(2));
    assert_eq!(code(&["validate", missing.with_extension("toml").to_str().unwrap()]), Some(2));
    assert_eq!(code(&["assess", missing.with_extension("toml").to_str().unwrap()]), Some(2));
    // A closed standard output is an error, not a silent success; /dev/null is fine.
    for command in ["export", "roles", "compare product-owner product-manager", "schema catalog"] {
        let out = sh(&format!("\"$R\" {command} >&-"));
        assert_eq!(out.status.code(), Some(2), "{command}: {}", stderr(&out));
        assert!(stderr(&out).contains("standard output: is closed"), "{}", stderr(&out));
        assert_eq!(sh(&format!("\"$R\" {command} >/dev/null")).status.code(), Some(0), "{command}");
    }
    // Writing a file needs no standard output.
    let page = dir.path().join("page.html");
    assert_eq!(sh(&format!("\"$R\" report -o '{}' >&-", page.display())).status.code(), Some(0));
}

#[test]
fn standard_input_is_read_once() {
    let out = Command::new(BIN)
        .args(["classify", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
        .wait_with_output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("`-` (standard input) can be given once"), "{}", stderr(&out));
}

#[test]
fn option_values_say_what_is_wrong_with_them() {
    let out = rolefit(&["--max-depth", "-1", "roles"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("\"-1\" is negative; give 0 or more"), "{}", stderr(&out));
    let out = rolefit(&["--max-input-bytes", "99999999999999999999G", "roles"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("\"99999999999999999999G\" is too large"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("is not a size"), "{}", stderr(&out));
}

/// An overlay whose role name and summary carry terminal escapes and HTML.
const HOSTILE_OVERLAY: &str = r#"
[[sources]]
id = "handbook"
title = "Handbook"
publisher = "Example"
kind = "article"

[[roles]]
id = "evil"
name = "Evil\u001b]0;pwned\u0007 <script>alert(1)</script>"
summary = "Clears\u001b[2J the screen\rand rewrites it."
description = "A role written to test escaping."
sources = ["handbook"]
"#;

#[test]
fn user_text_is_printed_with_control_characters_escaped() {
    let (_dir, overlay) = write_temp("evil.toml", HOSTILE_OVERLAY);
    let o = overlay.to_str().unwrap();
    let out = rolefit(&["--catalog", o, "roles"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}') && !text.contains('\r') && !text.contains('\u{7}'), "{text:?}");
    assert!(text.contains("\\u{1b}]0;pwned\\u{7}"), "{text}");
    // Markdown: HTML shows as text.
    let out = rolefit(&["--catalog", o, "roles", "--format", "markdown"]);
    let text = stdout(&out);
    assert!(text.contains("&lt;script>alert(1)&lt;/script>") && !text.contains("<script>"), "{text}");
    assert!(!text.contains('\u{1b}'), "{text:?}");
    // Errors: a path and a profile name carrying escapes.
    let out = rolefit(&["validate", "/no/such/\u{1b}[31mred.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!stderr(&out).contains('\u{1b}') && stderr(&out).contains("\\u{1b}[31mred.toml"), "{}", stderr(&out));
    let (_dir, profile) = write_temp("p.toml", "name = \"Team\\u001b[2J\"\nstage = \"startup\"\n");
    let out = rolefit(&["assess", profile.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains('\u{1b}') && stdout(&out).contains("Team\\u{1b}[2J"), "{}", stdout(&out));
    // JSON keeps the text as it is (JSON escapes it itself).
    let out = rolefit(&["--catalog", o, "roles", "--format", "json"]);
    assert!(stdout(&out).contains("\\u001b]0;pwned"), "{}", stdout(&out));
}

#[test]
fn tables_fit_the_width_in_columns_when_there_is_no_terminal_size() {
    for (columns, width) in [("60", 60), ("0", 120), ("", 120)] {
        let out = Command::new(BIN).args(["roles"]).env("COLUMNS", columns).stdin(Stdio::null()).output().unwrap();
        assert!(out.status.success());
        let widest = stdout(&out).lines().map(|l| l.chars().count()).max().unwrap();
        assert!(widest <= width && widest > width - 10, "COLUMNS={columns:?}: {widest} columns");
    }
}

#[test]
fn the_line_limit_leaves_out_the_line_ending() {
    let head = "{\"id\": 1, \"text\": \"";
    let line = format!("{head}{}\"}}", "x".repeat(100 - head.len() - 2));
    assert_eq!(line.len(), 100);
    let (_dir, path) = write_temp("crlf.jsonl", &format!("{line}\r\n"));
    let out = rolefit(&["--max-line-bytes", "100", "classify", "--jsonl", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = rolefit(&["--max-line-bytes", "99", "classify", "--jsonl", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    // A byte order mark before the first line is skipped.
    let (_dir, path) = write_temp("bom.jsonl", &format!("\u{feff}{line}\n"));
    let out = rolefit(&["classify", "--jsonl", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn error_output_is_bounded() {
    let (_dir, path) = profile_with_unknown_answers(250);
    let p = path.to_str().unwrap();
    let problems = |args: &[&str]| {
        let out = rolefit(args);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        (err.lines().filter(|l| l.contains("unknown signal")).count(), err.lines().last().unwrap_or("").to_owned())
    };
    let (shown, last) = problems(&["assess", p]);
    assert_eq!(shown, 100);
    assert_eq!(last, "rolefit: 150 more problems not shown (the first 100 were; --max-errors 0 shows all)");
    let (shown, last) = problems(&["--max-errors", "5", "assess", p]);
    assert_eq!(shown, 5);
    assert!(last.starts_with("rolefit: 245 more problems not shown"), "{last}");
    let (shown, _) = problems(&["--max-errors", "0", "assess", p]);
    assert_eq!(shown, 250);
    // Failed postings count the same way; the summary line is always printed.
    let bad: String = (0..150).map(|i| format!("not json {i}\n")).collect();
    let (_dir, jsonl) = write_temp("bad.jsonl", &bad);
    let out = rolefit(&["--max-errors", "10", "classify", "--jsonl", jsonl.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(err.lines().filter(|l| l.contains(": line ")).count(), 10, "{err}");
    assert!(err.contains("150 of 150 postings failed") && err.contains("140 more problems not shown"), "{err}");
}

#[test]
fn an_absurd_thread_count_cannot_stall_a_small_run() {
    let (_dir, path) =
        write_temp("three.jsonl", "{\"id\":1,\"text\":\"a\"}\n{\"id\":2,\"text\":\"b\"}\n{\"id\":3,\"text\":\"c\"}\n");
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .args(["classify", "--jsonl", path.to_str().unwrap()])
        .env("RAYON_NUM_THREADS", "20000")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A hang check, not a timing: the run takes a fraction of a second once capped.
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("classify of three lines still running after 120 s with RAYON_NUM_THREADS=20000");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 3);
}

#[test]
fn a_catalog_without_roles_is_named_as_such() {
    let (_dir, empty) = write_temp("empty.toml", "[overlay]\nmode = \"replace\"\n");
    let e = empty.to_str().unwrap();
    for args in [
        vec!["--catalog", e, "compare", "a", "b"],
        vec!["--catalog", e, "classify", "-"],
        vec!["--catalog", e, "assess", "x.toml"],
        vec!["--catalog", e, "report", "-o", "-"],
    ] {
        let out = rolefit(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("the catalog has no roles (the canonical catalog with --catalog"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
    // validate refuses a catalog without roles, whole or layered.
    let (_dir, whole) = write_temp("whole.toml", "");
    for (path, what) in [(whole.to_str().unwrap(), "the catalog"), (e, "the layered catalog")] {
        let out = rolefit(&["validate", path]);
        assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
        assert!(stderr(&out).contains(&format!("{what} has no roles")), "{}", stderr(&out));
    }
}
