//! Job-description analysis for rolefit: is a posting for a Product Owner, a Product
//! Manager, both, or neither, and why.
//!
//! # Overview
//!
//! ```text
//! posting text --PhraseIndex::scan--> phrase matches (byte spans) --Classifier--> Evidence
//!              --Scorer::score (PostingScorer by default)--> Scorecard --> Classification
//! ```
//!
//! - [`PhraseIndex`]: every phrase of the catalog's lexicon, every role name and alias, and
//!   the [`Markers`] (boilerplate, adjacent roles), in one Aho-Corasick automaton built once
//!   per catalog. [`PhraseIndex::scan`] goes over a text once and finds phrases whatever
//!   their case, plural, hyphens or whitespace, on word boundaries, with byte spans into the
//!   text, leaving out company boilerplate.
//! - [`Classifier`]: the text adapter (matches to [`Evidence`](rolefit_core::Evidence)) plus
//!   a [`Scorer`](rolefit_core::Scorer); [`Classifier::classify_batch`] uses all cores and
//!   keeps input order. With the `html` feature, `Classifier::classify_posting` reads a
//!   `Posting`'s title apart from its body (`title_role`, `body_verdict`,
//!   `title_matches_body` and a `mismatch` sentence in the [`Classification`]).
//! - [`PostingScorer`] and [`PostingRules`]: the built-in strategy and its weights.
//! - [`read_text`]: reading a posting file, refusing invalid UTF-8 with its byte offset.
//! - With the `jsonl` feature: `classify_jsonl`, streaming JSON Lines in bounded memory,
//!   errors by line number; `ClassifiedFile` and `ClassificationLine`, the results as
//!   `rolefit classify` writes them (`--format json` and `--jsonl`), with JSON Schemas
//!   (`rolefit schema classification`, `rolefit schema classification-line`).
//!
//! `docs/text.md` explains the rules, the boilerplate handling and the limits, and gives the
//! measured quality and speed.
//!
//! # Examples
//!
//! ```
//! use rolefit_text::Classifier;
//!
//! let classifier = Classifier::new(rolefit_data::catalog())?;
//! let posting = "## Product Owner\n\nYou refine the product backlog and write user stories.\n\n\
//!                ## Benefits\n\nA product strategy offsite every year.";
//! let c = classifier.classify(posting)?;
//! assert_eq!(c.verdict.as_str(), "product-owner");
//! let reasons: Vec<&str> = c.evidence.iter().map(|e| &posting[e.start..e.end]).collect();
//! assert_eq!(reasons, ["Product Owner", "product backlog", "write user stories"]);
//! assert_eq!(c.ignored, 1); // "product strategy" stood in the benefits section
//! # Ok::<(), rolefit_text::TextError>(())
//! ```
//!
//! # Crate features
//!
//! The crate needs only `rolefit-core`; pass it any validated catalog (the canonical one
//! is `rolefit_data::catalog()`, or `rolefit::canonical()`).
//!
//! - `parallel` (on by default): [`Classifier::classify_batch`] and `classify_jsonl`
//!   use all cores, through rayon. Without it they classify one text after another and
//!   give the same results; the crate then does not depend on rayon.
//! - `jsonl` (off by default): the wire formats of the `rolefit` command line, which
//!   only programs speaking them need: `classify_jsonl`, `write_jsonl_line`,
//!   `JsonlOptions`, `PostingId`, `ClassificationLine` and `ClassifiedFile`. Adds `serde_json`.
//! - `html` (on by default): [`Posting`], read from HTML pages (a schema.org
//!   `JobPosting` in their JSON-LD, or their visible text) and from `JobPosting` fields,
//!   with [`SourceMap`]s back to the input. Adds html5gum and `serde_json`.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod classify;
mod error;
#[cfg(feature = "html")]
mod html;
mod index;
#[cfg(feature = "jsonl")]
mod jsonl;
mod markers;
mod normalize;
#[cfg(feature = "html")]
mod posting;
mod read;
mod scan;
mod scorer;
#[cfg(feature = "html")]
mod source_map;

pub use classify::{Classification, Classifier, DEFAULT_MAX_TEXT_BYTES};
pub use error::TextError;
pub use index::{PhraseIndex, SkippedPhrase};
#[cfg(feature = "jsonl")]
pub use jsonl::{
    ClassificationLine, ClassifiedFile, DEFAULT_MAX_LINE_BYTES, JsonlOptions, JsonlSummary, PostingId, classify_jsonl,
    write_jsonl_line,
};
pub use markers::{AdjacentRole, Markers};
#[cfg(feature = "html")]
pub use posting::{Posting, PostingFormat};
pub use read::read_text;
pub use scan::{AdjacentMention, MAX_MATCHES_PER_PHRASE, MAX_SCAN_BYTES, PhraseMatch, Span, TextScan};
pub use scorer::{PostingRules, PostingScorer};
#[cfg(feature = "html")]
pub use source_map::SourceMap;
