//! rolefit-text: matching, boilerplate, classification, batch, JSON Lines and bad input.
//!
//! Every posting here is written for these tests.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests fail by panicking

#[cfg(feature = "html")]
mod html;
#[cfg(feature = "jsonl")]
mod jsonl;
#[cfg(feature = "html")]
mod posting;

use rolefit_text::{Classifier, TextError};

/// Built once: building compiles the automaton, which is slow in debug builds.
static CLASSIFIER: std::sync::LazyLock<Classifier<'static>> =
    std::sync::LazyLock::new(|| Classifier::new(rolefit_data::catalog()).unwrap());

fn classifier() -> Classifier<'static> {
    CLASSIFIER.clone()
}

fn facts(text: &str) -> Vec<String> {
    CLASSIFIER.index().scan(text).unwrap().matches.iter().map(|m| m.fact.to_string()).collect()
}

const PO_POSTING: &str = "\
## Product Owner (m/f/d)

We are looking for a Product Owner for one of our agile teams.

### Your tasks
- Own and refine the product backlog together with the development team
- Write user stories with clear acceptance criteria
- Run sprint planning and sprint reviews, and accept completed work
- Work closely with the Scrum Master and our Product Managers

### What we offer
- A product strategy workshop every quarter, market research budget and a roadmap of perks
- Flexible working hours and a great team
";

const PM_POSTING: &str = "\
Senior Product Manager

As a Senior Product Manager you will set the product vision and own the product strategy.
You will run market research and competitive analysis, define pricing and the go-to-market
plan, and build the product roadmap with sales and marketing. You are measured on revenue,
market share and customer satisfaction.

About us
We are a leading provider of backlogs, sprint planning and user stories for everyone.
";

const SM_POSTING: &str = "\
Scrum Master

We are looking for a Scrum Master to coach our teams. You will facilitate sprint planning,
daily stand-ups and retrospectives, remove impediments, and support the Product Owner in
keeping the backlog ready. A Certified Scrum Master (CSM) is a plus.
";

#[test]
fn matching_ignores_case_plurals_hyphens_and_whitespace() {
    let text = "GROOMING the back-log; writing User-Stories;\n product   ROADMAPS and Cross Functional teams";
    let found = facts(text);
    for f in ["backlog-management", "user-story-writing", "product-roadmap", "cross-functional-coordination"] {
        assert!(found.iter().any(|x| x == f), "{f} not found in {found:?}");
    }
}

#[test]
fn matching_respects_word_boundaries() {
    // "roadmaps" inside a longer word, "scrum" inside "scrumptious": no match.
    let found = facts("roadmapsxyz scrumptious preroadmap backlogged-ish");
    assert!(!found.iter().any(|f| f == "product-roadmap" || f == "agile-scrum-environment"), "{found:?}");
}

#[test]
fn spans_point_into_the_original_text() {
    let text = "Zoë’s team:  Product\u{a0}Owners  grooming the backlog — données, naïve ünïcödé.";
    let scan = CLASSIFIER.index().scan(text).unwrap();
    assert!(!scan.matches.is_empty());
    for m in &scan.matches {
        let slice = &text[m.start..m.end];
        assert!(!slice.is_empty() && slice.len() <= 40, "{slice:?}");
    }
    let po = scan.matches.iter().find(|m| m.fact == "product-owner").unwrap();
    assert_eq!(&text[po.start..po.end], "Product\u{a0}Owners");
}

#[test]
fn phrases_do_not_cross_sentence_punctuation() {
    assert!(!facts("Our product. Owner of nothing.").iter().any(|f| f == "product-owner"));
    assert!(facts("our product\nowner").iter().any(|f| f == "product-owner"), "a single line break is whitespace");
}

#[test]
fn links_are_not_evidence() {
    assert!(facts("Apply at https://jobs.example.com/product-owner-backlog now").is_empty());
}

#[test]
fn classifies_a_product_owner_posting() {
    let c = classifier().classify(PO_POSTING).unwrap();
    assert_eq!(c.verdict.as_str(), "product-owner", "{:#?}", c.scores);
    assert_eq!(c.top_role.as_ref().map(|r| r.as_str()), Some("product-owner"));
    assert!(c.evidence.iter().any(|e| e.fact == "acceptance-criteria"));
    // Every reason's span is the phrase's wording in the text.
    for e in &c.evidence {
        assert!(PO_POSTING.get(e.start..e.end).is_some());
    }
}

#[test]
fn classifies_a_product_manager_posting() {
    let c = classifier().classify(PM_POSTING).unwrap();
    assert_eq!(c.verdict.as_str(), "product-manager", "{:#?}", c.scores);
}

#[test]
fn boilerplate_sections_and_sentences_are_ignored() {
    let c = classifier().classify(PO_POSTING).unwrap();
    // The perks section mentions strategy, market research and a roadmap: all ignored.
    assert!(c.ignored >= 3, "ignored {}", c.ignored);
    assert!(!c.evidence.iter().any(|e| e.fact == "product-strategy" || e.fact == "market-research"));
    let c = classifier().classify(PM_POSTING).unwrap();
    assert!(!c.evidence.iter().any(|e| e.fact == "user-story-writing"), "the about-us section is boilerplate");

    let eeo = "Product Manager. We are an equal opportunity employer and value a product backlog of diverse \
               talent, without regard to race or sprint planning.";
    let c = classifier().classify(eeo).unwrap();
    assert!(!c.evidence.iter().any(|e| e.fact == "sprint-planning"), "{:?}", c.evidence);
}

#[test]
fn boilerplate_does_not_sway_the_verdict() {
    let noisy = format!(
        "{PM_POSTING}\n\n## Benefits\n\nProduct backlog, user stories, acceptance criteria, sprint planning, \
         sprint reviews, backlog refinement and a scrum product owner certification for everyone.\n"
    );
    assert_eq!(classifier().classify(&noisy).unwrap().verdict.as_str(), "product-manager");
}

#[test]
fn an_adjacent_role_is_not_a_confident_po_or_pm() {
    let c = classifier().classify(SM_POSTING).unwrap();
    assert_eq!(c.verdict.as_str(), "undetermined");
    assert_eq!(c.adjacent_role.as_deref(), Some("scrum-master"));
    let pjm = "Project Manager\n\nOur project manager plans timelines, budgets and resources, reports progress \
               to stakeholders and keeps the project on schedule. PMP certification preferred.";
    assert_eq!(classifier().classify(pjm).unwrap().verdict.as_str(), "undetermined");
}

#[test]
fn a_title_line_naming_another_job_is_not_a_po_or_pm() {
    let qa = "QA Engineer\n\nJoin our agile team. You test user stories against their acceptance criteria, \
              take part in sprint reviews and work with the development team and the Product Owner.";
    let c = classifier().classify(qa).unwrap();
    assert_eq!((c.verdict.as_str(), c.adjacent_role.as_deref()), ("undetermined", Some("other-job")));
    // Generic job nouns elsewhere, or next to a product title in the title line, do not count.
    let pm = "Product Manager, Data Engineering\n\nWork with engineers and designers on the product strategy \
              and roadmap; talk to customers and analysts.";
    assert_eq!(classifier().classify(pm).unwrap().verdict.as_str(), "product-manager");
    let sentence = "Our engineers need a Product Owner.\nYou own the product backlog.";
    assert_eq!(classifier().classify(sentence).unwrap().verdict.as_str(), "product-owner");
}

#[test]
fn colleagues_titles_count_less_than_the_job_title() {
    // The job is a Product Owner; Product Managers are only colleagues.
    let text = "Product Owner wanted. You work with product managers, report to the Head of Product, \
                align with other product managers, and own the product backlog and user stories.";
    assert_eq!(classifier().classify(text).unwrap().verdict.as_str(), "product-owner");
}

#[test]
fn a_hybrid_posting_is_both() {
    let text = "Product Manager / Product Owner. You set the product vision, product strategy and \
                roadmap, and you own the product backlog, user stories and acceptance criteria for the team.";
    let c = classifier().classify(text).unwrap();
    assert_eq!(c.verdict.as_str(), "both", "{:#?}", c.scores);
}

#[test]
fn texts_without_product_evidence_are_undetermined() {
    let c = classifier();
    for text in ["", "   \n\t  ", "We are hiring a forklift driver for the night shift.", "\u{0}\u{1}\u{7f}\u{1b}[31m"]
    {
        let r = c.classify(text).unwrap();
        assert_eq!(r.verdict.as_str(), "undetermined", "{text:?}");
        assert!(r.evidence.is_empty() || text.contains("forklift"));
    }
}

#[test]
fn control_characters_do_not_break_matching() {
    let c = classifier().classify("Product\u{0}Owner \u{7}\u{1b} product\tbacklog\r\n").unwrap();
    assert!(c.evidence.iter().any(|e| e.fact == "backlog-management"));
}

#[test]
fn ten_megabytes_of_one_word() {
    let text = "backlog ".repeat(10 << 20 >> 3);
    let c = classifier().classify(&text).unwrap();
    // Each phrase lists its first occurrences only; the strength is saturated long before.
    assert_eq!(c.evidence.len(), rolefit_text::MAX_MATCHES_PER_PHRASE as usize);
    assert!(c.evidence.iter().all(|e| e.fact == "backlog-management"));
    assert!(matches!(c.verdict.as_str(), "product-owner" | "undetermined" | "both" | "product-manager"));
    let no_spaces = "a".repeat(10 << 20);
    assert!(classifier().classify(&no_spaces).unwrap().evidence.is_empty());
}

#[test]
fn texts_over_the_limit_are_refused_with_their_size() {
    let c = classifier().with_max_text_bytes(100);
    let err = c.classify(&"x".repeat(101)).unwrap_err();
    assert_eq!(err.to_string(), "text is 101 bytes, longer than the limit of 100 bytes");
}

#[test]
fn batch_keeps_input_order_and_matches_one_by_one() {
    let c = classifier();
    let texts: Vec<String> =
        (0..64).map(|i| [PO_POSTING, PM_POSTING, SM_POSTING, ""][i % 4].to_owned() + &" filler".repeat(i)).collect();
    let batch = c.classify_batch(&texts);
    assert_eq!(batch.len(), texts.len());
    for (t, r) in texts.iter().zip(&batch) {
        assert_eq!(r.as_ref().unwrap(), &c.classify(t).unwrap());
    }
    // The same on one thread.
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let single = pool.install(|| c.classify_batch(&texts));
    let a: Vec<_> = batch.iter().map(|r| r.as_ref().unwrap().clone()).collect();
    let b: Vec<_> = single.iter().map(|r| r.as_ref().unwrap().clone()).collect();
    assert_eq!(a, b);
}

#[test]
fn error_messages_name_what_was_wrong() {
    let e = TextError::LineNotUtf8 { line: 3, offset: 17 };
    assert_eq!(e.to_string(), "line 3: invalid UTF-8 at byte offset 17 of the line");
}

#[test]
fn files_with_invalid_utf8_or_over_the_limit_are_refused_by_name() {
    let err = rolefit_text::read_text(&b"Product Owner \xc3\x28 backlog"[..], "post.txt", 1000).unwrap_err();
    assert_eq!(err.to_string(), "post.txt: invalid UTF-8 at byte offset 14");
    let err = rolefit_text::read_text(&[b'a'; 11][..], "big.txt", 10).unwrap_err();
    assert_eq!(err.to_string(), "big.txt: longer than the limit of 10 bytes");
    assert_eq!(rolefit_text::read_text(&b""[..], "empty.txt", 10).unwrap(), "");
}

mod laws {
    use proptest::prelude::*;

    use super::classifier;

    const WORDS: &[&str] = &[
        "product",
        "owner",
        "manager",
        "backlog",
        "user",
        "stories",
        "roadmap",
        "vision",
        "sprint",
        "planning",
        "market",
        "research",
        "scrum",
        "master",
        "about",
        "us",
        "benefits",
        "equal",
        "opportunity",
        "pricing",
        "-",
        "/",
        ".",
        ",",
        "\n",
        "\n\n",
        "##",
        "**",
        ":",
        "the",
        "with",
        "to",
        "and",
        "é",
        "\u{a0}",
        "’s",
    ];

    fn posting() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(WORDS), 0..80).prop_map(|w| w.join(" "))
    }

    proptest! {
        #[test]
        fn any_text_gives_valid_spans_and_a_verdict(text in any::<String>()) {
            let c = classifier().classify(&text).unwrap();
            let mut last_end = 0;
            for e in &c.evidence {
                prop_assert!(e.start < e.end && e.end <= text.len());
                prop_assert!(text.is_char_boundary(e.start) && text.is_char_boundary(e.end));
                prop_assert!(e.start >= last_end, "matches overlap or are out of order");
                last_end = e.end;
            }
            prop_assert!(c.scores.iter().all(|s| (0.0..=1.0).contains(&s.score)));
            prop_assert!(["product-owner", "product-manager", "both", "undetermined"].contains(&c.verdict.as_str()));
        }

        #[test]
        fn postings_made_of_lexicon_words_give_valid_spans(text in posting()) {
            let c = classifier().classify(&text).unwrap();
            for e in &c.evidence {
                prop_assert!(text.get(e.start..e.end).is_some());
            }
        }

        #[test]
        fn case_does_not_matter(text in posting()) {
            // ASCII case changes keep byte offsets, so the results must be identical.
            let ascii_upper = text.to_ascii_uppercase();
            let a = classifier().classify(&text).unwrap();
            let b = classifier().classify(&ascii_upper).unwrap();
            prop_assert_eq!(&a.verdict, &b.verdict);
            let spans = |c: &rolefit_text::Classification| {
                c.evidence.iter().map(|e| (e.fact.to_string(), e.start, e.end)).collect::<Vec<_>>()
            };
            prop_assert_eq!(spans(&a), spans(&b));
        }
    }
}
