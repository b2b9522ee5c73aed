//! The binary against untrusted input: limits named by their options, inputs never
//! written, output identical across runs and thread counts, JSON Lines streams in
//! constant memory.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant, SystemTime};

use super::{repo, rolefit, stderr, stdout, write_temp};

fn rolefit_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolefit"));
    cmd.args(args).stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[test]
fn a_deep_catalog_is_refused_naming_the_option() {
    let text = format!("{{\"roles\": {}{}}}", "[".repeat(100), "]".repeat(100));
    let (_dir, path) = write_temp("deep.json", &text);
    let out = rolefit(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("deep.json: line 1, column 42: roles[0]"), "{err}");
    assert!(err.contains("nesting deeper than the limit of 32 levels (--max-depth)"), "{err}");

    let toml = format!("[{}]\nx = 1\n", vec!["roles"; 100].join("."));
    let (_dir, path) = write_temp("deep.toml", &toml);
    let out = rolefit(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("nesting deeper than the limit of 32 levels (--max-depth)"), "{}", stderr(&out));
}

#[test]
fn limit_options_go_before_or_after_the_command() {
    let catalog = std::fs::read_to_string(repo("docs/data/catalog.json")).unwrap();
    let (_dir, path) = write_temp("catalog.json", &catalog);
    let path = path.to_str().unwrap();
    assert!(rolefit(&["validate", path]).status.success());

    let out = rolefit(&["--max-records", "10", "validate", path]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("more than 10 items in one list, over the limit (--max-records)"),
        "{}",
        stderr(&out)
    );

    let out = rolefit(&["validate", path, "--max-string-bytes", "100"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("over the limit of 100 bytes (--max-string-bytes)"), "{}", stderr(&out));

    let out = rolefit(&["validate", "--max-input-bytes", "64K", path]);
    assert_eq!(out.status.code(), Some(1));
    let expected =
        format!("catalog.json: input is {} bytes, over the limit of 65536 bytes (--max-input-bytes)", catalog.len());
    assert!(stderr(&out).contains(&expected), "{}", stderr(&out));

    let out = rolefit(&["--max-depth", "ten", "roles"]);
    assert_eq!(out.status.code(), Some(2), "a bad limit is a usage error");
}

#[test]
fn a_million_record_catalog_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.json");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    f.write_all(b"{\"sources\":[").unwrap();
    for i in 0..1_000_000 {
        let sep = if i == 0 { "" } else { "," };
        write!(f, r#"{sep}{{"id":"s{i}","title":"t","publisher":"p","kind":"article"}}"#).unwrap();
    }
    f.write_all(b"]}").unwrap();
    f.flush().unwrap();
    drop(f);
    let len = std::fs::metadata(&path).unwrap().len();
    let p = path.to_str().unwrap();

    let out = rolefit(&["validate", p]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("input is {len} bytes, over the limit of 16777216 bytes")),
        "{}",
        stderr(&out)
    );

    let out = rolefit(&["validate", "--max-input-bytes", "1G", p]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("sources: more than 100000 items in one list, over the limit (--max-records)"),
        "{}",
        stderr(&out)
    );
}

/// Contents and modification time of every file under a directory.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>, SystemTime)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            let meta = std::fs::metadata(&path).unwrap();
            (path.clone(), std::fs::read(&path).unwrap(), meta.modified().unwrap())
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

#[test]
fn commands_never_write_to_their_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let copy = |from: &str, name: &str| {
        let to = dir.path().join(name);
        std::fs::copy(repo(from), &to).unwrap();
        to.to_str().unwrap().to_owned()
    };
    let catalog = copy("docs/data/catalog.json", "catalog.json");
    let posting = dir.path().join("posting.txt");
    std::fs::write(&posting, "Product Owner: own and order the product backlog, write user stories.\n").unwrap();
    let posting = posting.to_str().unwrap().to_owned();
    let jsonl = dir.path().join("postings.jsonl");
    std::fs::write(&jsonl, "{\"id\": 1, \"text\": \"Define the product vision and roadmap.\"}\nnot json\n").unwrap();
    let jsonl = jsonl.to_str().unwrap().to_owned();
    let mut runs: Vec<Vec<String>> = vec![
        vec!["validate".into(), catalog.clone()],
        vec!["classify".into(), posting.clone(), "--format".into(), "json".into()],
        vec!["classify".into(), "--jsonl".into(), jsonl.clone()],
    ];
    // Commands that other issues add take the same care; cover them when they exist.
    for (command, file) in [("assess", "examples/data/startup.toml"), ("fit", "examples/data/candidate-po.toml")] {
        let help = rolefit(&[command, "--help"]);
        if help.status.success() {
            let name = Path::new(file).file_name().unwrap().to_str().unwrap();
            runs.push(vec![command.into(), copy(file, name)]);
        }
    }
    let before = snapshot(dir.path());
    std::thread::sleep(Duration::from_millis(20));
    for args in &runs {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = rolefit(&args);
        assert!(out.status.code().is_some_and(|c| c <= 1), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(snapshot(dir.path()), before, "an input changed, or a file appeared beside the inputs");
}

/// Runs a command with 1 and 2 worker threads, twice each; every output must be the same bytes.
fn assert_deterministic(args: &[&str]) -> Vec<u8> {
    let first = rolefit_env(args, &[("RAYON_NUM_THREADS", "1")]);
    assert!(first.status.code().is_some_and(|c| c <= 1), "{args:?}: {}", stderr(&first));
    assert!(!first.stdout.is_empty(), "{args:?} printed nothing");
    for threads in ["1", "2", "2"] {
        let again = rolefit_env(args, &[("RAYON_NUM_THREADS", threads)]);
        assert!(again.stdout == first.stdout, "{args:?} with {threads} threads printed other bytes");
        assert_eq!(again.status.code(), first.status.code());
    }
    first.stdout
}

#[test]
fn output_is_byte_identical_across_runs_and_thread_counts() {
    assert_deterministic(&["export"]);
    assert_deterministic(&["export", "--format", "jsonld"]);
    assert_deterministic(&["report", "--output", "-"]);
    let overlay = repo("examples/data/scrum-master.toml");
    let overlay = overlay.to_str().unwrap();
    assert_deterministic(&["--catalog", overlay, "export"]);
    assert_deterministic(&["diff", "canonical", overlay, "--format", "json"]);
    assert_deterministic(&["compare", "product-owner", "product-manager", "--format", "json"]);
    assert_deterministic(&["compare", "product-owner", "product-manager", "--format", "markdown"]);
    // Enough postings for several parallel batches (256 lines each).
    let postings: Vec<String> = fixture_postings()
        .iter()
        .enumerate()
        .map(|(i, text)| serde_json::json!({ "id": format!("p{i}"), "text": text }).to_string())
        .collect();
    let lines: Vec<&str> = postings.iter().map(String::as_str).collect();
    let mut text = String::new();
    for i in 0..600 {
        text.push_str(lines[i % lines.len()]);
        text.push('\n');
    }
    let (_dir, path) = write_temp("postings.jsonl", &text);
    let out = assert_deterministic(&["classify", "--jsonl", path.to_str().unwrap()]);
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), 600);
    for (command, file) in [("assess", "examples/data/enterprise.json"), ("fit", "examples/data/candidate-pm.json")] {
        if rolefit(&[command, "--help"]).status.success() {
            assert_deterministic(&[command, repo(file).to_str().unwrap(), "--format", "json"]);
        }
    }
}

/// Postings written for these tests: every verdict, boilerplate, and an adjacent role.
fn fixture_postings() -> [&'static str; 6] {
    [
        "Product Owner\n\nJoin our Scrum team: you own and order the product backlog, write user stories with \
         acceptance criteria, run sprint planning and review, and accept the increment every sprint.\n\n\
         About us\nWe are a friendly company with great benefits. We are an equal opportunity employer.",
        "Senior Product Manager\n\nSet the product vision and strategy, build the roadmap from market research and \
         competitive analysis, define pricing and the go-to-market plan, and track revenue and market share.",
        "Product Manager / Product Owner\n\nOwn the roadmap and the product backlog: market research, pricing and \
         positioning, and also user stories, backlog refinement and sprint planning with the team.",
        "Scrum Master\n\nCoach the team in Scrum, facilitate the daily stand-up, sprint planning and \
         retrospectives, remove impediments, and help the Product Owner keep the backlog in order.",
        "Backend Engineer\n\nBuild services in Rust, review code, keep the build green and the latency low.",
        "Product Owner (m/f/d)\n\nYou translate stakeholder requirements into a prioritised backlog, define the \
         sprint goal with the developers and decide what the team builds next; velocity and release cadence are \
         yours to watch.",
    ]
}

/// What streaming JSON Lines through `classify --jsonl -` did.
#[derive(Debug)]
struct Streamed {
    bytes_in: u64,
    lines_out: u64,
    errors: u64,
    peak_rss_kib: u64,
    elapsed: Duration,
}

/// Streams `bytes` of JSON Lines (the fixture postings over and over, with ids
/// counting up and a malformed line every 100th) through `classify --jsonl -`,
/// generated on the fly, never stored. Checks the output order as it goes.
fn stream_jsonl(bytes: u64, threads: &str) -> Streamed {
    let texts: Vec<String> = fixture_postings().iter().map(|t| (*t).to_owned()).collect();
    assert!(!texts.is_empty());
    let start = Instant::now();
    // Every error is counted below, so none may be left out (--max-errors 0).
    let mut child = Command::new(env!("CARGO_BIN_EXE_rolefit"))
        .args(["--max-errors", "0", "classify", "--jsonl", "-"])
        .env("RAYON_NUM_THREADS", threads)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdin = child.stdin.take().unwrap();
    let out = child.stdout.take().unwrap();
    let err = child.stderr.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut next = 0u64;
        let mut lines = 0u64;
        for line in BufReader::with_capacity(1 << 16, out).lines() {
            let line = line.unwrap();
            if next % 100 == 99 {
                next += 1; // the malformed line has no output
            }
            assert!(line.starts_with(&format!("{{\"id\":{next},")), "line for posting {next} out of order");
            next += 1;
            lines += 1;
        }
        lines
    });
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        BufReader::new(err).read_to_string(&mut text).unwrap();
        text.lines().filter(|l| l.contains("not a posting object")).count() as u64
    });
    let mut written = 0u64;
    let mut n = 0u64;
    let mut buf = Vec::with_capacity(1 << 20);
    while written < bytes {
        buf.clear();
        while buf.len() < (1 << 20) {
            if n % 100 == 99 {
                buf.extend_from_slice(b"{\"id\": oops}\n");
            } else {
                let text = &texts[(n % texts.len() as u64) as usize];
                serde_json::to_writer(&mut buf, &serde_json::json!({ "id": n, "text": text })).unwrap();
                buf.push(b'\n');
            }
            n += 1;
        }
        stdin.write_all(&buf).unwrap();
        written += buf.len() as u64;
    }
    // Read the peak while the process is still alive (it waits for the end of input).
    std::thread::sleep(Duration::from_millis(200));
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let peak_rss_kib = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    drop(stdin);
    let lines_out = reader.join().unwrap();
    let errors = errors.join().unwrap();
    let status = child.wait().unwrap();
    assert_eq!((lines_out + errors, status.code()), (n, Some(1)), "every line answered, malformed ones with an error");
    Streamed { bytes_in: written, lines_out, errors, peak_rss_kib, elapsed: start.elapsed() }
}

#[test]
fn a_jsonl_stream_classifies_in_constant_memory() {
    let small = stream_jsonl(2 << 20, "2");
    let large = stream_jsonl(16 << 20, "2");
    eprintln!("{small:?}\n{large:?}");
    assert!(large.lines_out > 3_000 && large.errors > 5, "{large:?}");
    // Eight times the input, about the same memory: bounded by the batch, not the stream.
    assert!(large.peak_rss_kib > 0, "could not read the peak memory");
    assert!(large.peak_rss_kib < small.peak_rss_kib + 8 * 1024, "{small:?} {large:?}");
    assert!(large.peak_rss_kib < 64 * 1024, "{large:?}");
}

#[test]
#[ignore = "streams 1 GB through the binary: minutes in a debug build; run with `cargo test --release -p rolefit-cli -- --ignored`"]
fn a_1_gb_jsonl_stream_classifies_in_constant_memory() {
    let small = stream_jsonl(8 << 20, "2");
    let large = stream_jsonl(1 << 30, "2");
    eprintln!("{small:?}\n{large:?}");
    eprintln!("throughput {:.1} MB/s", large.bytes_in as f64 / 1e6 / large.elapsed.as_secs_f64());
    assert!(large.bytes_in >= 1 << 30);
    assert!(large.peak_rss_kib < small.peak_rss_kib + 8 * 1024, "{small:?} {large:?}");
    assert!(large.peak_rss_kib < 64 * 1024, "{large:?}");
}

#[test]
fn help_lists_every_limit() {
    let out = rolefit(&["--help"]);
    let text = stdout(&out);
    for flag in ["--max-input-bytes", "--max-depth", "--max-records", "--max-string-bytes", "--max-line-bytes"] {
        assert!(text.contains(flag), "{flag} missing from --help");
    }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Runs `report --output` under strace with every write(2) held back for a second, and
/// sends SIGINT (what Ctrl-C sends) once the temporary file exists: the signal lands
/// while the page is being written. Returns the exit code and standard error.
fn interrupt_report(dir: &Path, output: &Path) -> Option<(Option<i32>, String)> {
    signal_report(dir, output, &["-INT"])
}

/// [`interrupt_report`] with these signals, sent one after the other (`kill -TERM`...).
fn signal_report(dir: &Path, output: &Path, signals: &[&str]) -> Option<(Option<i32>, String)> {
    if Command::new("strace").arg("-V").output().is_err() {
        eprintln!("SKIPPED: strace is not installed; `apt-get install strace` to run this test");
        return None;
    }
    let mut strace = Command::new("strace")
        .args(["-f", "-qq", "-o", "/dev/null", "-e", "trace=write", "-e", "inject=write:delay_enter=1000000"])
        .arg(env!("CARGO_BIN_EXE_rolefit"))
        .args(["report", "--output"])
        .arg(output)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while !listing(dir).iter().any(|n| n.ends_with(".tmp")) {
        assert!(Instant::now() < deadline, "no temporary file appeared: {:?}", listing(dir));
        std::thread::sleep(Duration::from_millis(5));
    }
    let children = std::fs::read_to_string(format!("/proc/{0}/task/{0}/children", strace.id())).unwrap();
    let pid = children.split_whitespace().next().expect("rolefit runs under strace");
    for signal in signals {
        assert!(Command::new("kill").args([signal, pid]).status().unwrap().success());
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut err = String::new();
    strace.stderr.take().unwrap().read_to_string(&mut err).unwrap();
    Some((strace.wait().unwrap().code(), err))
}

#[test]
fn ctrl_c_while_writing_output_leaves_the_old_file_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("report.html");
    std::fs::write(&output, "the old page\n").unwrap();
    let Some((code, err)) = interrupt_report(dir.path(), &output) else { return };
    assert_eq!(code, Some(130), "{err}");
    assert!(err.contains("interrupted;") && err.contains("report.html left as it was"), "{err}");
    assert_eq!(std::fs::read_to_string(&output).unwrap(), "the old page\n");
    assert_eq!(listing(dir.path()), ["report.html"], "a temporary file was left behind");

    // With no old file, nothing at all is left.
    std::fs::remove_file(&output).unwrap();
    let Some((code, _)) = interrupt_report(dir.path(), &output) else { return };
    assert_eq!(code, Some(130));
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));

    // Uninterrupted, the page is replaced whole.
    let out = rolefit(&["report", "--output", output.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = std::fs::read_to_string(&output).unwrap();
    assert!(page.trim_end().ends_with("</html>"), "the page is complete");
    assert_eq!(listing(dir.path()), ["report.html"]);
}

#[test]
fn a_signal_while_writing_exits_128_plus_its_number_and_a_second_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("report.html");
    for (signals, code) in [(&["-TERM"][..], 143), (&["-HUP"][..], 129), (&["-INT", "-INT"][..], 130)] {
        std::fs::write(&output, "the old page\n").unwrap();
        let Some((exit, err)) = signal_report(dir.path(), &output, signals) else { return };
        assert_eq!(exit, Some(code), "{signals:?}: {err}");
        assert_eq!(std::fs::read_to_string(&output).unwrap(), "the old page\n", "{signals:?}");
        assert_eq!(listing(dir.path()), ["report.html"], "{signals:?}: a temporary file was left behind");
    }
}

#[test]
fn output_never_replaces_an_input() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("startup.toml");
    std::fs::copy(repo("examples/data/startup.toml"), &profile).unwrap();
    let before = std::fs::read(&profile).unwrap();
    let p = profile.to_str().unwrap();
    let out = rolefit(&["report", "--assess", p, "--output", p]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("is an input of this command; rolefit never writes to its inputs"),
        "{}",
        stderr(&out)
    );
    // Through another name (a symbolic link) as well.
    let link = dir.path().join("link.toml");
    std::os::unix::fs::symlink(&profile, &link).unwrap();
    let out = rolefit(&["report", "--assess", p, "--output", link.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(std::fs::read(&profile).unwrap(), before);
}
