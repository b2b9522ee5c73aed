//! The records `rolefit classify` writes, and streaming JSON Lines: one posting per
//! input line, one result per output line. Behind the `jsonl` feature.
//!
//! - `input`: one input line, read strictly, with its id kept as written.
//! - `output`: the records written (`ClassificationLine`, `ClassifiedFile`).
//! - here: the stream, read line by line in bounded memory and classified in batches.

mod input;
mod output;

use std::io::{BufRead, Write};

use rolefit_core::Scorer;

pub use self::input::PostingId;
use self::input::{BOM, PostingLine, parse_line};
pub use self::output::{ClassificationLine, ClassifiedFile, write_jsonl_line};
use crate::classify::{Buffers, Classification, Classifier};
use crate::error::TextError;

/// The longest input line [`classify_jsonl`] accepts by default, in bytes (16 MiB plus
/// room for JSON escapes).
pub const DEFAULT_MAX_LINE_BYTES: usize = (16 << 20) + (1 << 20);

/// How [`classify_jsonl`] reads and batches its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct JsonlOptions {
    /// Longer lines are skipped with an error (default [`DEFAULT_MAX_LINE_BYTES`]).
    pub max_line_bytes: usize,
    /// Lines classified in parallel at a time, at most (default 256).
    pub batch_lines: usize,
    /// Bytes of input held for one parallel batch, at most (default 4 MiB): with the
    /// line limit, this bounds memory whatever the input size.
    pub batch_bytes: usize,
}

impl JsonlOptions {
    /// Sets the longest line accepted, in bytes.
    pub fn with_max_line_bytes(mut self, limit: usize) -> Self {
        self.max_line_bytes = limit;
        self
    }

    /// Sets how many lines, and how many bytes of them, are classified in parallel at a time.
    pub fn with_batch(mut self, lines: usize, bytes: usize) -> Self {
        self.batch_lines = lines.max(1);
        self.batch_bytes = bytes.max(1);
        self
    }
}

impl Default for JsonlOptions {
    fn default() -> Self {
        Self { max_line_bytes: DEFAULT_MAX_LINE_BYTES, batch_lines: 256, batch_bytes: 4 << 20 }
    }
}

/// What [`classify_jsonl`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub struct JsonlSummary {
    /// Lines read, blank ones included.
    pub lines: u64,
    /// Postings classified and written.
    pub classified: u64,
    /// Lines that failed (each reported to the error callback).
    pub failed: u64,
}

/// One line of input, read with a length limit.
enum Line {
    Text(Vec<u8>),
    TooLong,
    End,
}

/// Reads one line into `buf` without ever holding more than `limit` bytes of it, not
/// counting its line ending (`\n` or `\r\n`).
fn read_line<R: BufRead>(reader: &mut R, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<Line> {
    // One byte more than the limit may be held: the `\r` of a `\r\n` ending.
    let hold = limit.saturating_add(1);
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            break;
        }
        any = true;
        let (take, done) = match memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > hold {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        reader.consume(if done { take + 1 } else { take });
        if done {
            break;
        }
    }
    if !any {
        return Ok(Line::End);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    if too_long || buf.len() > limit {
        return Ok(Line::TooLong);
    }
    Ok(Line::Text(std::mem::take(buf)))
}

/// Classifies one posting line; a limit is applied to each field's decoded text and named
/// with the field.
fn classify_line<S: Scorer>(
    classifier: &Classifier<'_, S>,
    line: u64,
    posting_line: &PostingLine,
    buffers: &mut Buffers,
) -> Result<Classification, TextError> {
    let posting = &posting_line.posting;
    let limit = classifier.max_text_bytes();
    let fields = [("title", posting.title.as_deref().unwrap_or_default()), (posting_line.body_field, &posting.body)];
    if let Some((field, text)) = fields.iter().find(|(_, text)| text.len() > limit) {
        return Err(TextError::LineTextTooLong { line, field, len: text.len(), limit });
    }
    classifier.classify_posting_with(posting, buffers).map_err(|e| TextError::BadLine { line, message: e.to_string() })
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// An input line's id and text, or why it has none.
type Parsed = Result<PostingLine, TextError>;

/// Classifies a JSON Lines stream: each input line `{"id": ..., "text": "..."}` (other
/// fields are ignored; blank lines are skipped; a byte order mark before the first line
/// is too), each output line as [`write_jsonl_line`] writes it, with the id exactly as
/// the input wrote it ([`PostingId`]), in input order.
///
/// Memory stays bounded whatever the input size: lines are read with a length limit and
/// classified in batches of bounded size (in parallel with the `parallel` feature). A
/// line that is too long (its ending aside), not UTF-8, not JSON, not an object, lacks
/// `id` or `text` or has one of the wrong type, repeats a key, or holds a text over the
/// classifier's limit
/// ([`TextError::LineTextTooLong`]) is reported to `on_error` (naming its line number)
/// and skipped; the other lines are
/// still classified. Only reading input or writing output stops the stream.
///
/// ```
/// use rolefit_text::{Classifier, JsonlOptions, classify_jsonl};
///
/// let classifier = Classifier::new(rolefit_data::catalog())?;
/// let input = "{\"id\": 1, \"text\": \"Product Owner: order the backlog.\"}\nnot json\n";
/// let mut out = Vec::new();
/// let mut errors = Vec::new();
/// let summary = classify_jsonl(&classifier, input.as_bytes(), &mut out, JsonlOptions::default(), |e| errors.push(e.to_string()))?;
/// assert_eq!((summary.classified, summary.failed), (1, 1));
/// assert!(errors[0].starts_with("line 2:"));
/// # Ok::<(), rolefit_text::TextError>(())
/// ```
pub fn classify_jsonl<R, W, S, F>(
    classifier: &Classifier<'_, S>,
    mut reader: R,
    mut writer: W,
    options: JsonlOptions,
    mut on_error: F,
) -> Result<JsonlSummary, TextError>
where
    R: BufRead,
    W: Write,
    S: Scorer + Sync,
    F: FnMut(&TextError),
{
    let mut summary = JsonlSummary::default();
    let mut batch: Vec<(u64, Parsed)> = Vec::new();
    let mut buf = Vec::new();
    let mut out_buf = Vec::new();
    let mut done = false;
    while !done {
        batch.clear();
        let mut batch_bytes = 0usize;
        while batch.len() < options.batch_lines.max(1) && batch_bytes < options.batch_bytes {
            let line = read_line(&mut reader, &mut buf, options.max_line_bytes)
                .map_err(|source| TextError::Io { context: "reading input".to_owned(), source })?;
            let line_no = summary.lines + 1;
            match line {
                Line::End => {
                    done = true;
                    break;
                }
                Line::TooLong => {
                    summary.lines += 1;
                    batch.push((line_no, Err(TextError::LineTooLong { line: line_no, limit: options.max_line_bytes })));
                }
                Line::Text(mut bytes) => {
                    summary.lines += 1;
                    // Editors on some systems start a file with a byte order mark.
                    if line_no == 1 && bytes.starts_with(BOM) {
                        bytes.drain(..BOM.len());
                    }
                    if bytes.iter().all(u8::is_ascii_whitespace) {
                        buf = bytes;
                        continue;
                    }
                    batch_bytes += bytes.len();
                    batch.push((line_no, parse_line(line_no, &bytes)));
                    buf = bytes;
                }
            }
        }
        let classify = |buffers: &mut Buffers, (line_no, parsed): &(u64, Parsed)| match parsed {
            Ok(line) => classify_line(classifier, *line_no, line, buffers),
            Err(_) => Err(TextError::BadLine { line: *line_no, message: String::new() }),
        };
        #[cfg(feature = "parallel")]
        let results: Vec<Result<Classification, TextError>> = {
            use rayon::prelude::*;
            batch.par_iter().map_init(Buffers::default, classify).collect()
        };
        #[cfg(not(feature = "parallel"))]
        let results: Vec<Result<Classification, TextError>> = {
            let mut buffers = Buffers::default();
            batch.iter().map(|line| classify(&mut buffers, line)).collect()
        };
        for ((_, parsed), result) in batch.iter().zip(results) {
            match (parsed, result) {
                (Err(e), _) => {
                    summary.failed += 1;
                    on_error(e);
                }
                (Ok(_), Err(e)) => {
                    summary.failed += 1;
                    on_error(&e);
                }
                (Ok(posting), Ok(c)) => {
                    output::write_line(&mut out_buf, &mut writer, &posting.id, &c)?;
                    summary.classified += 1;
                }
            }
        }
    }
    writer.flush().map_err(|source| TextError::Io { context: "writing output".to_owned(), source })?;
    Ok(summary)
}
