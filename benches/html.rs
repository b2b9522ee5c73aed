//! Reading postings from HTML, next to classifying the same postings as plain text.
//!
//! `html/read_page` is [`Posting::from_html`] on pages without JSON-LD (visible text,
//! navigation, a script and a style sheet to skip); `html/read_json_ld` on the same postings
//! as a schema.org `JobPosting` whose description is HTML inside a JSON string.
//! `html/classify_text` classifies the postings' plain text, `html/classify_page` reads each
//! page and classifies what it read: their ratio is what HTML input costs.
//! The postings are made up here from lines written for this benchmark.

#![allow(clippy::expect_used, clippy::panic)] // a benchmark fails by panicking

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rolefit_text::{Classifier, Posting, PostingFormat};

const LINES: &[&str] = &[
    "## Your mission",
    "As our Product Owner you order the backlog & refine it with the team every week.",
    "You turn customer feedback into user stories with acceptance criteria.",
    "- Lead sprint reviews and accept the increment",
    "- Keep stakeholders informed about what ships next",
    "## What you bring",
    "- Experience with agile delivery in a Scrum team",
    "- Strong written English; German is a plus",
    "Our Product Managers own the vision, the pricing and the go-to-market plan.",
    "You analyse the market, size opportunities and write the business case.",
    "## About us",
    "We build software for logistics firms in twelve countries since 2009.",
    "- Hybrid work, a learning budget and 30 days off",
    "You measure adoption, retention and revenue, and report them to the leadership team.",
];

/// Postings of about `target` bytes in all, in a Markdown-like text, deterministic.
fn postings(target: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut k = 0usize;
    while total < target {
        let n = 24 + k % 13;
        let text: Vec<&str> = (0..n).map(|j| LINES[(k * 5 + j * 3 + j / 4) % LINES.len()]).collect();
        let text = text.join("\n\n");
        total += text.len();
        out.push(text);
        k += 1;
    }
    out
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A posting's text as HTML elements.
fn html_body(text: &str) -> String {
    let mut body = String::with_capacity(text.len() * 5 / 4);
    for line in text.split("\n\n") {
        if let Some(h) = line.strip_prefix("## ") {
            body.push_str(&format!("<h2>{}</h2>\n", escape(h)));
        } else if let Some(item) = line.strip_prefix("- ") {
            body.push_str(&format!("<ul><li>{}</li></ul>\n", escape(item)));
        } else {
            body.push_str(&format!("<p>{}</p>\n", escape(line)));
        }
    }
    body
}

const HEAD: &str = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Jobs at Example</title>\n\
    <style>body { margin: 0 } nav li { display: inline }</style>\n\
    <script>window.track = function (e) { if (e && e.length < 3) { return; } };</script>\n";

fn page(text: &str) -> String {
    format!(
        "{HEAD}</head><body><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/jobs\">Jobs</a></li></ul></nav>\n\
         <main><h1>Product Owner</h1>\n{}</main><footer>&copy; Example</footer></body></html>\n",
        html_body(text)
    )
}

fn json_ld_page(text: &str) -> String {
    let job = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": "Product Owner",
        "description": html_body(text),
    });
    format!(
        "{HEAD}<script type=\"application/ld+json\">{job}</script></head><body><h1>Product Owner</h1></body></html>\n"
    )
}

/// Reads every page; all must come out in `format`. Returns the bytes of text read.
fn read_all(pages: &[String], format: PostingFormat) -> usize {
    let mut read = 0usize;
    for p in pages {
        let posting = Posting::from_html(black_box(p));
        assert_eq!(posting.format, format);
        read += posting.body.len();
    }
    read
}

/// Classifies every text; returns how many got a verdict (some must).
fn decided<T: AsRef<str>>(classifier: &Classifier<'_>, texts: impl Iterator<Item = T>) -> usize {
    let mut decided = 0usize;
    for t in texts {
        let c = classifier.classify(black_box(t.as_ref())).expect("classify");
        decided += usize::from(c.verdict.as_str() != "undetermined");
    }
    assert!(decided > 0, "every posting came out undetermined");
    decided
}

fn bench(c: &mut Criterion) {
    let classifier = Classifier::new(rolefit::canonical()).expect("canonical classifier");
    let texts = postings(1 << 20);
    let text_bytes: usize = texts.iter().map(String::len).sum();
    let pages: Vec<String> = texts.iter().map(|t| page(t)).collect();
    let ld_pages: Vec<String> = texts.iter().map(|t| json_ld_page(t)).collect();
    let page_bytes: usize = pages.iter().map(String::len).sum();
    let ld_bytes: usize = ld_pages.iter().map(String::len).sum();

    let mut group = c.benchmark_group("html");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(page_bytes as u64));
    group.bench_function("read_page", |b| b.iter(|| read_all(&pages, PostingFormat::Html)));
    group.throughput(Throughput::Bytes(ld_bytes as u64));
    group.bench_function("read_json_ld", |b| b.iter(|| read_all(&ld_pages, PostingFormat::JsonLd)));
    // The same postings, judged: per byte of their text, so the two compare directly.
    group.throughput(Throughput::Bytes(text_bytes as u64));
    group.bench_function("classify_text", |b| b.iter(|| decided(&classifier, texts.iter().map(String::as_str))));
    group.bench_function("classify_page", |b| {
        b.iter(|| {
            let bodies = pages.iter().map(|p| Posting::from_html(black_box(p)).body);
            decided(&classifier, bodies)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
