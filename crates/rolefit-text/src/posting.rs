//! A job posting as it arrives: an optional title and a body, read from plain text, an HTML
//! page (its schema.org `JobPosting` when it carries one, else its visible text), or a
//! `JobPosting` whose `description` is HTML.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::html;
use crate::source_map::{Layer, SourceMap};

/// Where a [`Posting`]'s title and body were read from, and so what its spans point into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum PostingFormat {
    /// Plain text, title and body given apart; spans point into them as given.
    Text,
    /// An HTML page without a `JobPosting`: its visible text, titled by its first `<h1>` (or
    /// else its `<title>`); spans point into the page.
    Html,
    /// The schema.org `JobPosting` in an HTML page's `application/ld+json`: its `title` and its
    /// `description` (HTML inside a JSON string); spans point into the page, inside those
    /// JSON strings.
    JsonLd,
    /// A schema.org `JobPosting` given as JSON: `title` and `description` (HTML); spans point
    /// into those strings after JSON unescaping.
    JobPosting,
}

/// A job posting: what the classifier reads.
///
/// The title, when there is one, is judged apart from the body: it says what the posting
/// claims to be, the body what the job is. [`Posting::body_map`] and [`Posting::title_map`]
/// map byte ranges of `body` and `title` back to the input they were read from (for
/// plain text, to themselves).
///
/// ```
/// use rolefit_text::{Posting, PostingFormat};
///
/// let page = r#"<html><head><title>Jobs</title>
/// <script type="application/ld+json">{"@context": "https://schema.org", "@type": "JobPosting",
///   "title": "Product Owner", "description": "<p>You own the product backlog.</p>"}</script>
/// </head><body><nav>Home</nav><h1>Product Owner</h1></body></html>"#;
/// let posting = Posting::from_html(page);
/// assert_eq!(posting.format, PostingFormat::JsonLd);
/// assert_eq!(posting.title.as_deref(), Some("Product Owner"));
/// assert_eq!(posting.body, "You own the product backlog.");
/// let at = posting.body.find("product backlog").unwrap();
/// let (start, end) = posting.body_map().source_span(at, at + "product backlog".len());
/// assert_eq!(&page[start..end], "product backlog");
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Posting {
    /// The posting's id, when the input gives one (a `JobPosting`'s `identifier` or `url`).
    pub id: Option<String>,
    /// The title, trimmed, if any.
    pub title: Option<String>,
    /// The text of the posting without its title.
    pub body: String,
    /// What it was read from.
    pub format: PostingFormat,
    title_map: SourceMap,
    body_map: SourceMap,
}

impl Posting {
    /// A posting of plain text, without a title.
    pub fn new(body: impl Into<String>) -> Self {
        Self {
            id: None,
            title: None,
            body: body.into(),
            format: PostingFormat::Text,
            title_map: SourceMap::identity(),
            body_map: SourceMap::identity(),
        }
    }

    /// The same posting with a plain-text title (trimmed; blank means none).
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        let (text, map) = trimmed((title.into(), SourceMap::identity()));
        self.title = text;
        self.title_map = map;
        self
    }

    /// The same posting with an id.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Reads an HTML page: its schema.org `JobPosting` (in `application/ld+json`, at the
    /// top level, inside `@graph`, or in an array; the first one found) when it has one,
    /// else its visible text with the first `<h1>` (or else the `<title>`) as the title.
    ///
    /// Never fails: HTML is read as a browser reads it, and a JSON-LD block that is not
    /// JSON, or holds no `JobPosting`, is passed over for the visible text
    /// ([`format`](Self::format) says which was read).
    pub fn from_html(page: &str) -> Self {
        let read = html::read_page(page);
        let mapped = |ex: html::Extracted| (ex.text, SourceMap::from_layer(ex.layer));
        let page_title = read.h1.or(read.title).map(mapped);
        let visible = mapped(read.body);
        if let Some(job) = read.json_ld.iter().find_map(|(at, content)| job_posting_in(content, *at)) {
            let (title, title_map) = trimmed(job.title.or(page_title).unwrap_or_default());
            let (body, body_map) = job.description.unwrap_or(visible);
            return Self { id: job.id, title, body, format: PostingFormat::JsonLd, title_map, body_map };
        }
        let (title, title_map) = trimmed(page_title.unwrap_or_default());
        let (body, body_map) = visible;
        Self { id: None, title, body, format: PostingFormat::Html, title_map, body_map }
    }

    /// A schema.org `JobPosting` given as JSON fields: `title` and `description`, both HTML
    /// (entities are decoded and tags dropped; a description whose markup was escaped
    /// twice, `&lt;p&gt;`, is read as markup). Spans point into the strings given.
    pub fn from_job_posting(title: Option<&str>, description: &str) -> Self {
        let (body, body_map) = html_text(description);
        let (title, title_map) = trimmed(title.map(html_text).unwrap_or_default());
        Self { id: None, title, body, format: PostingFormat::JobPosting, title_map, body_map }
    }

    /// Maps byte ranges of [`body`](Self::body) to the input (see [`SourceMap`]).
    pub fn body_map(&self) -> &SourceMap {
        &self.body_map
    }

    /// Maps byte ranges of [`title`](Self::title) to the input.
    pub fn title_map(&self) -> &SourceMap {
        &self.title_map
    }
}

/// The text of an HTML fragment, and its map to the fragment; markup escaped twice
/// (`&lt;p&gt;`) is read once more.
fn html_text(fragment: &str) -> (String, SourceMap) {
    let once = html::read_fragment(fragment);
    let map = SourceMap::from_layer(once.layer);
    if looks_like_markup(&once.text) {
        let twice = html::read_fragment(&once.text);
        return (twice.text, SourceMap::from_layer(twice.layer).then(&map));
    }
    (once.text, map)
}

/// Whether text holds tags that were escaped in the HTML (`&lt;p&gt;` read as `<p>`).
fn looks_like_markup(text: &str) -> bool {
    const TAGS: &[&str] = &["<p>", "<br", "<li>", "<ul>", "</p>", "</li>", "<div", "<strong>", "<h2", "<h3"];
    text.contains('<') && TAGS.iter().any(|t| text.contains(t))
}

/// A text with leading and trailing whitespace left out, its map shifted; `None` when
/// nothing is left.
fn trimmed((text, map): (String, SourceMap)) -> (Option<String>, SourceMap) {
    let start = text.len() - text.trim_start().len();
    let kept = text.trim();
    if kept.is_empty() {
        return (None, SourceMap::identity());
    }
    let mut shift = Layer::default();
    shift.push(0, kept.len(), start, kept.len());
    (Some(kept.to_owned()), SourceMap::from_layer(shift).then(&map))
}

/// A `JobPosting` found in JSON-LD: its id, and its title and description as text with
/// their maps to the page.
struct FoundPosting {
    id: Option<String>,
    title: Option<(String, SourceMap)>,
    description: Option<(String, SourceMap)>,
}

/// A JSON-LD node, as far as finding a `JobPosting` needs.
#[derive(Deserialize)]
struct Node<'a> {
    #[serde(rename = "@type", default)]
    kind: Option<serde_json::Value>,
    #[serde(rename = "@graph", borrow, default)]
    graph: Option<Vec<&'a RawValue>>,
    #[serde(borrow, default)]
    title: Option<&'a RawValue>,
    #[serde(borrow, default)]
    description: Option<&'a RawValue>,
    #[serde(default)]
    identifier: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<serde_json::Value>,
}

/// Nesting of arrays and `@graph`s searched for a `JobPosting`.
const MAX_JSON_LD_DEPTH: usize = 8;

/// The first `JobPosting` in a JSON-LD block that starts at byte `at` of the page.
fn job_posting_in(content: &str, at: usize) -> Option<FoundPosting> {
    let node = find(content, 0)?;
    // A JSON string, read as HTML, mapped through the string to the page.
    let text = |raw: Option<&RawValue>| {
        let (decoded, layer) = json_string(content, at, raw?)?;
        let (text, map) = html_text(&decoded);
        Some((text, map.then(&SourceMap::from_layer(layer))))
    };
    let id = node.identifier.as_ref().and_then(id_text).or_else(|| node.url.as_ref().and_then(id_text));
    Some(FoundPosting { id, title: text(node.title), description: text(node.description) })
}

/// A `JobPosting` node within the JSON text `json`, depth first.
fn find(json: &str, depth: usize) -> Option<Node<'_>> {
    if depth > MAX_JSON_LD_DEPTH {
        return None;
    }
    let s = json.trim_start();
    if s.starts_with('[') {
        let items: Vec<&RawValue> = serde_json::from_str(json).ok()?;
        return items.into_iter().find_map(|item| find(item.get(), depth + 1));
    }
    if !s.starts_with('{') {
        return None;
    }
    let node: Node<'_> = serde_json::from_str(json).ok()?;
    if node.kind.as_ref().is_some_and(is_job_posting) {
        return Some(node);
    }
    node.graph?.into_iter().find_map(|item| find(item.get(), depth + 1))
}

/// Whether an `@type` names `JobPosting` (`"JobPosting"`, `"schema:JobPosting"`,
/// `"https://schema.org/JobPosting"`, or any of them in an array).
fn is_job_posting(kind: &serde_json::Value) -> bool {
    match kind {
        serde_json::Value::String(s) => s.rsplit(['/', ':', '#']).next() == Some("JobPosting"),
        serde_json::Value::Array(items) => items.iter().any(is_job_posting),
        _ => false,
    }
}

/// An id from an `identifier` (text, number, or a `PropertyValue`'s `value`) or a `url`.
fn id_text(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Object(o) => o.get("value").and_then(id_text),
        serde_json::Value::Array(items) => items.iter().find_map(id_text),
        _ => None,
    }
}

/// A JSON string value of `content` (which starts at byte `at` of the page), decoded, with
/// the layer mapping its bytes to the page: escapes map as a whole.
///
/// serde_json has checked the string's syntax when it parsed the node; the escapes are
/// decoded here, where their lengths are known (a test checks this against serde_json).
pub(crate) fn json_string(content: &str, at: usize, raw: &RawValue) -> Option<(String, Layer)> {
    // Where the raw value lies in `content`: it borrows from it.
    let offset = (raw.get().as_ptr() as usize).checked_sub(content.as_ptr() as usize)?;
    let quoted = content.get(offset..offset + raw.get().len()).filter(|s| *s == raw.get())?;
    let inner = quoted.get(1..quoted.len().checked_sub(1)?)?;
    let base = at + offset + 1;
    let mut layer = Layer::default();
    let mut text = String::with_capacity(inner.len());
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            let run = bytes[i..].iter().position(|&b| b == b'\\').unwrap_or(bytes.len() - i);
            layer.push(text.len(), run, base + i, run);
            text.push_str(inner.get(i..i + run)?);
            i += run;
            continue;
        }
        let (c, len) = json_escape(inner, i)?;
        layer.push(text.len(), c.len_utf8(), base + i, len);
        text.push(c);
        i += len;
    }
    Some((text, layer))
}

/// The character an escape at `i` stands for, and the escape's length.
fn json_escape(s: &str, i: usize) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let simple = match b.get(i + 1)? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => {
            let unit = |at: usize| s.get(at..at + 4).and_then(|h| u32::from_str_radix(h, 16).ok());
            let hi = unit(i + 2)?;
            if (0xD800..0xDC00).contains(&hi) && s.get(i + 6..i + 8) == Some("\\u") {
                let lo = unit(i + 8)?;
                let c = char::from_u32(0x10000 + ((hi - 0xD800) << 10) + (lo.checked_sub(0xDC00)?))?;
                return Some((c, 12));
            }
            return Some((char::from_u32(hi)?, 6));
        }
        _ => return None,
    };
    Some((simple, 2))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use proptest::prelude::*;

    use super::*;

    /// Decodes a JSON string literal the way the page reader does, at offset 10 of a page.
    fn decode(literal: &str) -> (String, Layer) {
        let raw: &RawValue = serde_json::from_str(literal).unwrap();
        json_string(literal, 10, raw).unwrap()
    }

    #[test]
    fn escapes_decode_and_map_as_a_whole() {
        let (text, layer) = decode(r#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00z""#);
        assert_eq!(text, "a\"b\\c/d\n\t\u{e9}\u{1f600}z");
        let map = SourceMap::from_layer(layer);
        // `é` is `\u00e9`, after the opening quote and `a\"b\\c\/d\n\t` (14 bytes).
        let at = text.find('\u{e9}').unwrap();
        assert_eq!(map.source_span(at, at + 2), (10 + 1 + 14, 10 + 1 + 20));
        let at = text.find('\u{1f600}').unwrap();
        assert_eq!(map.source_span(at, at + 4), (10 + 1 + 20, 10 + 1 + 32));
        assert_eq!(map.source_span(0, 1), (11, 12));
    }

    #[test]
    fn a_lone_surrogate_is_not_read() {
        let raw: &RawValue = serde_json::from_str(r#""\ud800x""#).unwrap();
        assert!(json_string(r#""\ud800x""#, 0, raw).is_none());
    }

    proptest! {
        /// Whatever serde_json writes, the reader decodes to the same string.
        #[test]
        fn decoding_agrees_with_serde_json(s in "\\PC{0,40}", control in proptest::collection::vec(0u8..32, 0..4)) {
            let mut s = s;
            s.extend(control.into_iter().map(char::from));
            let literal = serde_json::to_string(&s).unwrap();
            let ascii = serde_json::to_string(&s).unwrap().chars().flat_map(|c| {
                if c.is_ascii() { vec![c.to_string()] } else {
                    let mut units = [0u16; 2];
                    c.encode_utf16(&mut units).iter().map(|u| format!("\\u{u:04x}")).collect()
                }
            }).collect::<String>();
            for lit in [literal, ascii] {
                let (text, _) = decode(&lit);
                prop_assert_eq!(&text, &s);
            }
        }
    }
}
