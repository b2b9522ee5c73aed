//! What can go wrong when building a classifier or reading postings.

/// An error from job-description analysis.
///
/// Messages are lowercase and name what was wrong and where (a line number, a byte
/// offset), so a caller can print them as they are.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TextError {
    /// The phrase automaton could not be built (far more phrases than a lexicon has).
    #[error("cannot build the phrase matcher: {0}")]
    Automaton(String),
    /// The phrase matcher failed on a text (an internal limit of the automaton).
    #[error("cannot search the text: {0}")]
    Search(String),
    /// A text is longer than the limit.
    #[error("text is {len} bytes, longer than the limit of {limit} bytes")]
    TextTooLong {
        /// The length of the text, in bytes (or the bytes read so far when it was cut short).
        len: usize,
        /// The limit, in bytes.
        limit: usize,
    },
    /// A text file is not valid UTF-8 (spans are byte offsets, so texts are never decoded lossily).
    #[error("{path}: invalid UTF-8 at byte offset {offset}")]
    FileNotUtf8 {
        /// The file, as given.
        path: String,
        /// The byte offset of the first invalid byte.
        offset: usize,
    },
    /// A text file is longer than the limit.
    #[error("{path}: longer than the limit of {limit} bytes")]
    FileTooLong {
        /// The file, as given.
        path: String,
        /// The limit, in bytes.
        limit: usize,
    },
    /// A JSON Lines input line is longer than the limit; the line was skipped.
    #[error("line {line}: longer than the limit of {limit} bytes; skipped")]
    LineTooLong {
        /// The 1-based line number.
        line: u64,
        /// The limit, in bytes.
        limit: usize,
    },
    /// A JSON Lines input line's `text` (or `title`, or `description`) is longer than the
    /// classifier's text limit once decoded; the line was skipped.
    #[error("line {line}: {field} is {len} bytes, longer than the limit of {limit} bytes")]
    LineTextTooLong {
        /// The 1-based line number.
        line: u64,
        /// The field: `text`, `title` or `description`.
        field: &'static str,
        /// The length of the field's text, in bytes (after JSON unescaping, and for a
        /// `description` or a `JobPosting`'s `title`, after reading its HTML).
        len: usize,
        /// The limit, in bytes ([`Classifier::max_text_bytes`](crate::Classifier::max_text_bytes)).
        limit: usize,
    },
    /// A JSON Lines input line is not valid UTF-8.
    #[error("line {line}: invalid UTF-8 at byte offset {offset} of the line")]
    LineNotUtf8 {
        /// The 1-based line number.
        line: u64,
        /// The byte offset of the first invalid byte within the line.
        offset: usize,
    },
    /// A JSON Lines input line is not a posting object.
    #[error("line {line}: {message}")]
    BadLine {
        /// The 1-based line number.
        line: u64,
        /// What is wrong with it.
        message: String,
    },
    /// Reading input or writing output failed.
    #[error("{context}: {source}")]
    Io {
        /// What was being read or written.
        context: String,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
}
