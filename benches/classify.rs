//! Job-description classification speed, next to a bare Aho-Corasick scan of the same bytes.
//!
//! `classify/end_to_end` is the whole pipeline on one core (normalize, one automaton pass,
//! boilerplate, evidence, scoring, verdict); `classify/bare_aho_corasick` only counts the
//! lexicon's phrases (as written, ASCII case-insensitive) in the raw text with an automaton
//! built the same way (leftmost-longest DFA). Their ratio is the cost of everything classification adds to a scan.
//! The postings are made up here from sentences written for this benchmark.

#![allow(clippy::expect_used, clippy::panic)] // a benchmark fails by panicking

use std::hint::black_box;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use rolefit_text::Classifier;

const SENTENCES: &[&str] = &[
    "## About the role\n\n",
    "We are looking for a Product Owner to join one of our cross-functional agile teams.",
    "As a Senior Product Manager you will set the product vision and own the product strategy.",
    "You will own and refine the product backlog together with the development team.",
    "Write user stories with clear acceptance criteria and take part in sprint planning.",
    "Run market research and competitive analysis, and talk to customers every week.",
    "Define pricing and the go-to-market plan with sales and marketing.",
    "Build and communicate the product roadmap to stakeholders across the organisation.",
    "You are measured on revenue, market share, customer satisfaction and time to market.",
    "Experience with Jira, Confluence and SQL is a plus; a CSPO certificate is welcome.",
    "You have excellent communication skills and a strong analytical mindset.",
    "Work closely with the Scrum Master, designers and engineers to ship frequently.",
    "Our customers range from small shops to large enterprises in twenty countries.",
    "You will facilitate sprint reviews and retrospectives and remove impediments.",
    "\n\n### What we offer\n\n- Flexible working hours and a home-office budget\n- Health insurance and 30 days of paid time off\n",
    "We are an equal opportunity employer and welcome applicants regardless of background.",
    "\n\n### Your profile\n\n- Three years of experience in product management or as a business analyst\n",
    "- A degree in computer science, business or a related field, or equivalent experience\n",
    "You translate business needs into actionable tasks and keep the backlog healthy.",
    "Partner with engineering to deliver features on time and measure their adoption with KPIs.",
];

/// About `target` bytes of postings, each a few kilobytes, deterministic.
fn postings(target: usize) -> Vec<String> {
    let mut out = Vec::new();
    let mut total = 0;
    let mut k = 0usize;
    while total < target {
        let mut p = String::with_capacity(4096);
        let n = 20 + k % 17;
        for j in 0..n {
            p.push_str(SENTENCES[(k * 7 + j * 3 + j / 5) % SENTENCES.len()]);
            p.push(if j % 4 == 3 { '\n' } else { ' ' });
        }
        total += p.len();
        out.push(p);
        k += 1;
    }
    out
}

fn bench(c: &mut Criterion) {
    let catalog = rolefit::canonical();
    let classifier = Classifier::new(catalog).expect("canonical classifier");
    let texts = postings(1 << 20);
    let bytes: usize = texts.iter().map(String::len).sum();

    let mut phrases: Vec<String> =
        catalog.lexicon().iter().flat_map(|e| e.phrases.iter().map(|p| p.to_string())).collect();
    for role in catalog.roles() {
        phrases.push(role.name.to_string());
        phrases.extend(role.aliases.iter().map(|a| a.to_string()));
    }
    let bare = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&phrases)
        .expect("bare automaton");

    let mut group = c.benchmark_group("classify");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("end_to_end", |b| {
        b.iter(|| {
            let mut decided = 0usize;
            for t in &texts {
                let c = classifier.classify(black_box(t)).expect("classify");
                decided += usize::from(c.verdict.as_str() != "undetermined");
            }
            assert!(decided > 0, "every posting came out undetermined");
            decided
        })
    });
    group.bench_function("bare_aho_corasick", |b| {
        b.iter(|| {
            let mut found = 0usize;
            for t in &texts {
                found += bare.find_iter(black_box(t.as_bytes())).count();
            }
            assert!(found > 0, "the bare scan found nothing");
            found
        })
    });
    group.bench_function("batch_all_cores", |b| {
        b.iter(|| {
            let results = classifier.classify_batch(black_box(&texts));
            assert_eq!(results.len(), texts.len());
            results.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
