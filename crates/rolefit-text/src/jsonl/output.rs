//! What `rolefit classify` writes: one JSON object per file (`--format json`) and one
//! JSON line per posting (`--jsonl`).

use std::io::Write;

use rolefit_core::scoring::RoleScore;
use rolefit_core::{Id, Verdict};
use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Serialize;

use super::input::PostingId;
use crate::classify::Classification;
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
    description = "One element of the array `rolefit classify FILE... --format json` prints: the file as named on the command line (`-` for standard input) and its classification: the verdict (\"product-owner\", \"product-manager\", \"both\" or \"undetermined\") of title and body together, the top catalog role (null for an adjacent role's posting), every role's score in [0, 1], the confidence in the verdict given, the role the title names, the body's own verdict and whether the two agree (with a sentence when they do not), the phrases found with their byte spans into the file (for an HTML page, into the page), the boilerplate ignored, and the full scorecard."
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

/// One output line of [`classify_jsonl`](super::classify_jsonl) (`rolefit classify --jsonl`): the input line's
/// `id` and the parts of its [`Classification`] a stream needs. It borrows both, so
/// writing a line copies nothing.
///
/// ```
/// use rolefit_text::{ClassificationLine, Classifier, PostingId};
///
/// let classifier = Classifier::new(rolefit_data::catalog())?;
/// let c = classifier.classify("Product Manager: own the product vision and the roadmap.")?;
/// let id = PostingId::from_text("job-17");
/// let line = serde_json::to_value(ClassificationLine::new(&id, &c)).unwrap();
/// assert_eq!(line["id"], "job-17");
/// assert_eq!(line["scores"][1]["role"], "product-manager");
/// assert!(line["scores"][1]["score"].as_f64().unwrap() > 0.0);
/// # Ok::<(), rolefit_text::TextError>(())
/// ```
#[derive(Debug, Clone, Copy, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
#[non_exhaustive]
#[schemars(
    title = "rolefit classification line",
    description = "One line of `rolefit classify --jsonl` output: the input line's `id` (or its `identifier` or `url`), the verdict (\"product-owner\", \"product-manager\", \"both\" or \"undetermined\") of title and body together, the top catalog role (null for an adjacent role's posting), the confidence in the verdict given, every role's score in [0, 1] in catalog order, the adjacent role that outweighs them if any, the role the title names, the body's own verdict and whether the two agree (with a sentence when they do not), and the phrases found with their byte spans into the input line's `text` or `description` and `title` (after JSON unescaping)."
)]
pub struct ClassificationLine<'a> {
    /// The input line's `id`, echoed as written: a string or a number.
    #[schemars(schema_with = "id_schema")]
    pub id: &'a PostingId,
    /// The catalog role with the highest score, if any scored above 0; null when
    /// `adjacent_role` is set.
    pub top_role: Option<&'a Id>,
    /// What the posting is for, title and body read together.
    pub verdict: &'a Verdict,
    /// How sure the verdict is, in `[0, 1]`: for a role or `both`, coverage times the best
    /// score; for an adjacent role's posting, that role's share of all the role titles found.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub confidence: f64,
    /// Every role's score in `[0, 1]`, in catalog order.
    pub scores: &'a [RoleScore],
    /// The adjacent role whose titles outweigh the catalog roles' titles, when one does.
    pub adjacent_role: Option<&'a str>,
    /// The role the title names, when it names exactly one (a catalog or adjacent role id).
    pub title_role: Option<&'a str>,
    /// What the body describes, judged without the title.
    pub body_verdict: &'a Verdict,
    /// Whether the body describes the job the title names (null: no title role, or the
    /// body alone says too little).
    pub title_matches_body: Option<bool>,
    /// When `title_matches_body` is false, one sentence saying how they disagree.
    pub mismatch: Option<&'a str>,
    /// The fact phrases found in the body outside boilerplate, in text order; `start` and
    /// `end` are byte offsets into the line's `text`, or its `description`, after JSON
    /// unescaping (a description's HTML is read, but the offsets point into its markup).
    pub evidence: &'a [PhraseMatch],
    /// The fact phrases found in the title; byte offsets into the line's `title` after JSON
    /// unescaping.
    pub title_evidence: &'a [PhraseMatch],
    /// How many fact phrases were ignored because they stood in boilerplate.
    pub ignored_in_boilerplate: usize,
}

impl<'a> ClassificationLine<'a> {
    /// The output line for an input line's id and its classification.
    pub fn new(id: &'a PostingId, c: &'a Classification) -> Self {
        Self {
            id,
            top_role: c.top_role.as_ref(),
            verdict: &c.verdict,
            confidence: c.confidence,
            scores: &c.scores,
            adjacent_role: c.adjacent_role.as_deref(),
            title_role: c.title_role.as_deref(),
            body_verdict: &c.body_verdict,
            title_matches_body: c.title_matches_body,
            mismatch: c.mismatch.as_deref(),
            evidence: &c.evidence,
            title_evidence: &c.title_evidence,
            ignored_in_boilerplate: c.ignored,
        }
    }
}

fn id_schema(generator: &mut SchemaGenerator) -> Schema {
    PostingId::json_schema(generator)
}

/// Writes one classification as a JSON line, a [`ClassificationLine`]: `id`, `top_role`,
/// `verdict`, `confidence`, `scores` (`role`, `score`, in catalog order), `adjacent_role`,
/// `title_role`, `body_verdict`, `title_matches_body`, `mismatch`, `evidence` and
/// `title_evidence` (`phrase`, `fact`, `start`, `end`: byte offsets into the field read) and
/// `ignored_in_boilerplate`. Its JSON Schema is `rolefit::schema::named("classification-line")`.
pub fn write_jsonl_line<W: Write>(out: &mut W, id: &PostingId, c: &Classification) -> Result<(), TextError> {
    write_line(&mut Vec::new(), out, id, c)
}

/// [`write_jsonl_line`] with a buffer to reuse. The line is serialized first and written
/// in one piece, so a failed write is the writer's own `io::Error` (a closed pipe stays
/// recognisable as one) and never half a line from serde.
pub(super) fn write_line<W: Write>(
    buf: &mut Vec<u8>,
    out: &mut W,
    id: &PostingId,
    c: &Classification,
) -> Result<(), TextError> {
    buf.clear();
    serde_json::to_writer(&mut *buf, &ClassificationLine::new(id, c))
        .map_err(|e| TextError::Io { context: "writing output".to_owned(), source: std::io::Error::other(e) })?;
    buf.push(b'\n');
    out.write_all(buf).map_err(|source| TextError::Io { context: "writing output".to_owned(), source })
}
