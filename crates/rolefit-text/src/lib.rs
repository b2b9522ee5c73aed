//! Job-description analysis for rolefit.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod classify;
mod error;
mod index;
mod jsonl;
mod markers;
mod normalize;
mod scan;
mod scorer;

pub use classify::{Buffers, Classification, Classifier, DEFAULT_MAX_TEXT_BYTES};
pub use error::TextError;
pub use index::{PhraseIndex, SkippedPhrase};
pub use jsonl::{DEFAULT_MAX_LINE_BYTES, JsonlOptions, JsonlSummary, classify_jsonl, write_jsonl_line};
pub use markers::{AdjacentRole, Markers};
pub use scan::{AdjacentMention, MAX_MATCHES_PER_PHRASE, PhraseMatch, Span, TextScan};
pub use scorer::{PostingRules, PostingScorer};
