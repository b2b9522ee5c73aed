//! The records `rolefit classify` writes, and streaming JSON Lines: one posting per
//! input line, one result per output line. Behind the `jsonl` feature.

use std::io::{BufRead, Write};

use rolefit_core::{Id, RoleScore, Scorer, Verdict};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};

use crate::classify::{Buffers, Classification, Classifier};
use crate::error::TextError;
use crate::scan::PhraseMatch;

/// One file's classification as `rolefit classify --format json` prints it: the
/// [`Classification`]'s fields with the file's name beside them (the command prints a
/// JSON array of these, one per file classified).
///
/// ```
/// use rolefit_text::{ClassifiedFile, Classifier};
///
/// let classifier = Classifier::new(rolefit_data::catalog())?;
/// let c = classifier.classify("Product Owner: own the product backlog.")?;
/// let value = serde_json::to_value(ClassifiedFile::new("post.txt", c)).unwrap();
/// assert_eq!(value["file"], "post.txt");
/// assert_eq!(value["verdict"], "product-owner");
/// # Ok::<(), rolefit_text::TextError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
// The schema says what serde cannot check with `flatten`: no fields but these.
#[schemars(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(
    title = "rolefit classification",
    description = "One element of the array `rolefit classify FILE... --format json` prints: the file as named on the command line (`-` for standard input) and its classification: the verdict (\"product-owner\", \"product-manager\", \"both\" or \"undetermined\"), every role's score in [0, 1], the phrases found with their byte spans into the file, the boilerplate ignored, and the full scorecard."
)]
pub struct ClassifiedFile {
    /// The file as named on the command line (`-` for standard input).
    pub file: String,
    /// The classification, whose fields stand beside `file`.
    #[serde(flatten)]
    pub classification: Classification,
}

impl ClassifiedFile {
    /// A file's name and its classification.
    pub fn new(file: impl Into<String>, classification: Classification) -> Self {
        Self { file: file.into(), classification }
    }
}

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

#[derive(Deserialize)]
struct InputLine {
    id: serde_json::Value,
    text: String,
}

/// One output line of [`classify_jsonl`] (`rolefit classify --jsonl`): the input line's
/// `id` and the parts of its [`Classification`] a stream needs. It borrows both, so
/// writing a line copies nothing.
///
/// ```
/// use rolefit_text::{ClassificationLine, Classifier};
///
/// let classifier = Classifier::new(rolefit_data::catalog())?;
/// let c = classifier.classify("Product Manager: own the product vision and the roadmap.")?;
/// let id = serde_json::json!("job-17");
/// let line = serde_json::to_value(ClassificationLine::new(&id, &c)).unwrap();
/// assert_eq!(line["id"], "job-17");
/// assert!(line["scores"]["product-manager"].as_f64().unwrap() > 0.0);
/// # Ok::<(), rolefit_text::TextError>(())
/// ```
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(
    title = "rolefit classification line",
    description = "One line of `rolefit classify --jsonl` output: the input line's `id`, the verdict (\"product-owner\", \"product-manager\", \"both\" or \"undetermined\"), the top role, every role's score in [0, 1] by role id, the adjacent role that outweighs them if any, and the phrases found with their byte spans into the input line's `text` (after JSON unescaping)."
)]
pub struct ClassificationLine<'a> {
    /// The input line's `id`, echoed: a string or a number.
    #[schemars(schema_with = "id_schema")]
    pub id: &'a serde_json::Value,
    /// The role with the highest score, if any role scored above 0.
    pub top_role: Option<&'a Id>,
    /// What the posting is for.
    pub verdict: &'a Verdict,
    /// The scorecard's confidence, in `[0, 1]`.
    pub confidence: f64,
    /// Every role's score in `[0, 1]`, by role id, in catalog order.
    #[serde(serialize_with = "scores_as_map")]
    #[schemars(schema_with = "scores_schema")]
    pub scores: &'a [RoleScore],
    /// The adjacent role whose titles outweigh the catalog roles' titles, when one does.
    pub adjacent_role: Option<&'a str>,
    /// The fact phrases found outside boilerplate, in text order.
    pub evidence: &'a [PhraseMatch],
    /// How many fact phrases were ignored because they stood in boilerplate.
    pub ignored_in_boilerplate: usize,
}

impl<'a> ClassificationLine<'a> {
    /// The output line for an input line's id and its classification.
    pub fn new(id: &'a serde_json::Value, c: &'a Classification) -> Self {
        Self {
            id,
            top_role: c.top_role.as_ref(),
            verdict: &c.verdict,
            confidence: c.confidence,
            scores: &c.scores,
            adjacent_role: c.adjacent_role.as_deref(),
            evidence: &c.evidence,
            ignored_in_boilerplate: c.ignored,
        }
    }
}

fn scores_as_map<S: serde::Serializer>(scores: &&[RoleScore], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(scores.len()))?;
    for r in scores.iter() {
        map.serialize_entry(r.role.as_str(), &r.score)?;
    }
    map.end()
}

fn id_schema(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "The input line's `id`, echoed: a string or a number.",
        "type": ["string", "number"],
    })
}

fn scores_schema(generator: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "description": "Every role's score in [0, 1], by role id, in catalog order.",
        "type": "object",
        "propertyNames": generator.subschema_for::<Id>(),
        "additionalProperties": generator.subschema_for::<f64>(),
    })
}

/// Writes one classification as a JSON line, a [`ClassificationLine`]: `id`, `top_role`,
/// `verdict`, `confidence`, `scores` (role id → score), `adjacent_role`, `evidence`
/// (`phrase`, `fact`, `start`, `end`: byte offsets into the text) and
/// `ignored_in_boilerplate`. Its JSON Schema is `rolefit::schema::named("classification-line")`.
pub fn write_jsonl_line<W: Write>(out: &mut W, id: &serde_json::Value, c: &Classification) -> Result<(), TextError> {
    let line = ClassificationLine::new(id, c);
    let io = |source| TextError::Io { context: "writing output".to_owned(), source };
    serde_json::to_writer(&mut *out, &line).map_err(|e| io(std::io::Error::other(e)))?;
    out.write_all(b"\n").map_err(io)
}

/// One line of input, read with a length limit.
enum Line {
    Text(Vec<u8>),
    TooLong,
    End,
}

/// Reads one line into `buf` without ever holding more than `limit` bytes of it.
fn read_line<R: BufRead>(reader: &mut R, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<Line> {
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
            if buf.len() + take > limit {
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
    if too_long {
        return Ok(Line::TooLong);
    }
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    Ok(Line::Text(std::mem::take(buf)))
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

/// An input line's id and text, or why it has none.
type Parsed = Result<(serde_json::Value, String), TextError>;

/// Parses one input line into its id and text.
fn parse_line(line_no: u64, bytes: &[u8]) -> Parsed {
    let text =
        std::str::from_utf8(bytes).map_err(|e| TextError::LineNotUtf8 { line: line_no, offset: e.valid_up_to() })?;
    let input: InputLine = serde_json::from_str(text).map_err(|e| TextError::BadLine {
        line: line_no,
        message: format!("not a posting object {{\"id\": ..., \"text\": \"...\"}}: {e}"),
    })?;
    match &input.id {
        serde_json::Value::String(_) | serde_json::Value::Number(_) => Ok((input.id, input.text)),
        _ => Err(TextError::BadLine { line: line_no, message: "`id` must be a string or a number".to_owned() }),
    }
}

/// Classifies a JSON Lines stream: each input line `{"id": ..., "text": "..."}` (other
/// fields are ignored; blank lines are skipped), each output line as
/// [`write_jsonl_line`] writes it, in input order.
///
/// Memory stays bounded whatever the input size: lines are read with a length limit and
/// classified in parallel batches of bounded size. A line that is too long, not UTF-8,
/// not JSON, lacks `id` or `text`, or holds a text over the classifier's limit
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
                Line::Text(bytes) => {
                    summary.lines += 1;
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
            Ok((_, text)) => classifier.classify_with(text, buffers).map_err(|e| match e {
                TextError::TextTooLong { len, limit } => TextError::LineTextTooLong { line: *line_no, len, limit },
                other => TextError::BadLine { line: *line_no, message: other.to_string() },
            }),
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
                (Ok((id, _)), Ok(c)) => {
                    write_jsonl_line(&mut writer, id, &c)?;
                    summary.classified += 1;
                }
            }
        }
    }
    writer.flush().map_err(|source| TextError::Io { context: "writing output".to_owned(), source })?;
    Ok(summary)
}
