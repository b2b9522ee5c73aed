//! One input line of `rolefit classify --jsonl`: a posting object
//! `{"id": ..., "text": "..."}`, read strictly.
//!
//! - The line must be an object: `[7, "text"]` is not read as an id and a text.
//! - `id` is a string or a number, kept as the JSON text it was written as
//!   ([`PostingId`]): `123456789012345678901234567890`, `-0` and `1E2` come back as
//!   written, never rounded through a float.
//! - `text` is a string. Other fields are ignored, but no key may appear twice in any
//!   object of the line.
//! - Errors name the field and say what was found, in the document's words.
//!
//! New fields go in [`LineVisitor::visit_map`]'s one `match`.

use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Serialize, Serializer};
use serde_json::value::RawValue;

use crate::error::TextError;
use crate::posting::Posting;

/// A posting's id exactly as its input line wrote it: a JSON string or number, kept as
/// its JSON text, so it is echoed digit for digit (and escape for escape).
///
/// ```
/// use rolefit_text::PostingId;
///
/// let id = PostingId::from_json("18446744073709551617").unwrap();
/// assert_eq!(id.as_json(), "18446744073709551617");
/// assert_eq!(serde_json::to_string(&id).unwrap(), "18446744073709551617");
/// assert_eq!(PostingId::from_text("job-7").as_json(), "\"job-7\"");
/// assert!(PostingId::from_json("[1]").is_err());
/// ```
#[derive(Debug, Clone)]
pub struct PostingId(Box<RawValue>);

impl PostingId {
    /// An id written as JSON: a string or a number, kept as written. Anything else is an
    /// error saying what it is (`found an array`).
    pub fn from_json(json: &str) -> Result<Self, String> {
        let raw = RawValue::from_string(json.trim().to_owned()).map_err(|e| format!("not JSON: {e}"))?;
        Self::from_raw(raw)
    }

    /// An id given as text (say, a URL), written as a JSON string.
    pub fn from_text(text: &str) -> Self {
        // A string always serializes; the fallback cannot be reached.
        let json = serde_json::to_string(text).unwrap_or_else(|_| String::from("\"\""));
        match RawValue::from_string(json) {
            Ok(raw) => Self(raw),
            Err(_) => Self(RawValue::NULL.to_owned()),
        }
    }

    fn from_raw(raw: Box<RawValue>) -> Result<Self, String> {
        match kind(raw.get()) {
            "a string" | "a number" => Ok(Self(raw)),
            other => Err(format!("`id` must be a string or a number, found {other}")),
        }
    }

    /// The id as JSON text, exactly as written (a string with its quotes).
    pub fn as_json(&self) -> &str {
        self.0.get()
    }
}

impl PartialEq for PostingId {
    fn eq(&self, other: &Self) -> bool {
        self.as_json() == other.as_json()
    }
}

impl Eq for PostingId {}

impl Serialize for PostingId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl JsonSchema for PostingId {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PostingId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "The input line's `id`, echoed exactly as written: a string or a number (digits, sign and exponent as in the input).",
            "type": ["string", "number"],
        })
    }
}

/// What a JSON value is, in words, from its first character.
fn kind(json: &str) -> &'static str {
    match json.trim_start().bytes().next() {
        Some(b'{') => "an object",
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b'-' | b'0'..=b'9') => "a number",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "nothing",
    }
}

/// The UTF-8 byte order mark, which some editors put at the start of a file.
pub(super) const BOM: &[u8] = b"\xef\xbb\xbf";

/// An input line, read: its id and the posting it holds.
#[derive(Debug)]
pub(super) struct PostingLine {
    pub(super) id: PostingId,
    pub(super) posting: Posting,
    /// The field the body was read from (`text` or `description`), for errors.
    pub(super) body_field: &'static str,
}

const EXPECTED: &str = r#"a posting object {"id": ..., "text": "..."}"#;

/// Reads one line (its bytes without the line ending; the first line's byte order mark
/// already removed).
pub(super) fn parse_line(line: u64, bytes: &[u8]) -> Result<PostingLine, TextError> {
    let bad = |message: String| TextError::BadLine { line, message };
    if bytes.starts_with(BOM) {
        return Err(bad("starts with a byte order mark (U+FEFF), which only the first line may have".to_owned()));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| TextError::LineNotUtf8 { line, offset: e.valid_up_to() })?;
    let mut de = serde_json::Deserializer::from_str(text);
    de.deserialize_any(LineVisitor).and_then(|posting| de.end().map(|()| posting)).map_err(|e| {
        let message = without_position(&e);
        let message = if e.is_syntax() || e.is_eof() { format!("invalid JSON, {message}") } else { message };
        bad(format!("not {EXPECTED}: {message} (column {})", e.column()))
    })
}

/// serde_json's message without its "at line 1 column N" (a JSON line has one line; the
/// caller says the column its own way).
fn without_position(e: &serde_json::Error) -> String {
    let full = e.to_string();
    full.strip_suffix(&format!(" at line {} column {}", e.line(), e.column())).unwrap_or(&full).to_owned()
}

/// A string field's value; `null` stands for no value when `nullable`.
fn string_field<'de, A: MapAccess<'de>>(map: &mut A, key: &str, nullable: bool) -> Result<Option<String>, A::Error> {
    let raw: &RawValue = map.next_value()?;
    if nullable && raw.get() == "null" {
        return Ok(None);
    }
    serde_json::from_str(raw.get())
        .map(Some)
        .map_err(|_| de::Error::custom(format!("`{key}` must be a string, found {}", kind(raw.get()))))
}

/// A schema.org `identifier` as an id: a string or a number as written, or the `value` of
/// a `PropertyValue` object.
fn identifier_id(raw: &RawValue) -> Result<PostingId, String> {
    let wrong =
        || format!("`identifier` must be a string, a number or an object with a `value`, found {}", kind(raw.get()));
    match kind(raw.get()) {
        "a string" | "a number" => PostingId::from_raw(raw.to_owned()).map_err(|_| wrong()),
        "an object" => {
            #[derive(serde::Deserialize)]
            struct PropertyValue {
                value: Option<Box<RawValue>>,
            }
            let value =
                serde_json::from_str::<PropertyValue>(raw.get()).ok().and_then(|p| p.value).ok_or_else(wrong)?;
            PostingId::from_raw(value).map_err(|_| wrong())
        }
        _ => Err(wrong()),
    }
}

struct LineVisitor;

impl<'de> Visitor<'de> for LineVisitor {
    type Value = PostingLine;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<PostingLine, A::Error> {
        let mut id = None;
        let mut text = None;
        let mut title = None;
        let mut description = None;
        let mut identifier: Option<Box<RawValue>> = None;
        let mut url = None;
        let mut keys: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if keys.contains(&key) {
                return Err(de::Error::custom(format!("duplicate key {key:?}")));
            }
            match key.as_str() {
                "id" => {
                    let raw: Box<RawValue> = map.next_value()?;
                    id = Some(PostingId::from_raw(raw).map_err(de::Error::custom)?);
                }
                "text" => text = string_field(&mut map, "text", false)?,
                "title" => title = string_field(&mut map, "title", true)?,
                "description" => description = string_field(&mut map, "description", true)?,
                "url" => url = string_field(&mut map, "url", true)?,
                "identifier" => {
                    let raw: Box<RawValue> = map.next_value()?;
                    // Checked for repeated keys like any other field.
                    let mut inner = serde_json::Deserializer::from_str(raw.get());
                    inner
                        .deserialize_any(Unique { path: "identifier" })
                        .map_err(|e| de::Error::custom(without_position(&e)))?;
                    identifier = Some(raw);
                }
                _ => map.next_value_seed(Unique { path: &key })?,
            }
            keys.push(key);
        }
        // A schema.org JobPosting names itself by `identifier` or `url`; `id` comes first.
        let id = match (id, identifier, url) {
            (Some(id), _, _) => id,
            (None, Some(raw), _) => identifier_id(&raw).map_err(de::Error::custom)?,
            (None, None, Some(url)) if !url.trim().is_empty() => PostingId::from_text(&url),
            _ => return Err(de::Error::custom("no `id` (nor an `identifier` or `url` to stand for it)")),
        };
        // `text` is plain text; a JobPosting's `description` (and its `title`) is HTML.
        let (posting, body_field) = match (text, description) {
            (Some(text), _) => (Posting::new(text).with_title(title.unwrap_or_default()), "text"),
            (None, Some(description)) => (Posting::from_job_posting(title.as_deref(), &description), "description"),
            (None, None) => return Err(de::Error::custom("no `text` (nor a `description`)")),
        };
        Ok(PostingLine { id, posting, body_field })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<PostingLine, A::Error> {
        Err(found("an array"))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<PostingLine, E> {
        Err(found("a string"))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<PostingLine, E> {
        Err(found("a boolean"))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<PostingLine, E> {
        Err(found("a number"))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<PostingLine, E> {
        Err(found("a number"))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<PostingLine, E> {
        Err(found("a number"))
    }

    fn visit_unit<E: de::Error>(self) -> Result<PostingLine, E> {
        Err(found("null"))
    }
}

fn found<E: de::Error>(what: &str) -> E {
    E::custom(format!("found {what}"))
}

/// Any JSON value, refused if one of its objects has a key twice; `path` names it in the
/// error (`extra.tags[2]`).
struct Unique<'p> {
    path: &'p str,
}

impl<'de> DeserializeSeed<'de> for Unique<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Unique<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut keys: Vec<String> = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            if keys.contains(&key) {
                return Err(de::Error::custom(format!("{}: duplicate key {key:?}", self.path)));
            }
            map.next_value_seed(Unique { path: &format!("{}.{key}", self.path) })?;
            keys.push(key);
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0usize;
        while seq.next_element_seed(Unique { path: &format!("{}[{i}]", self.path) })?.is_some() {
            i += 1;
        }
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }

    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }

    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }

    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }

    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{PostingId, parse_line};

    fn error(line: &str) -> String {
        match parse_line(4, line.as_bytes()) {
            Ok(p) => panic!("{line} was read: {p:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn ids_are_kept_as_written() {
        for id in ["123456789012345678901234567890", "-0", "1E2", "1.50", "18446744073709551617", r#""a\u0041""#] {
            let line = format!(r#"{{"id": {id}, "text": "x"}}"#);
            let posting = parse_line(1, line.as_bytes()).unwrap();
            assert_eq!(posting.id.as_json(), id);
        }
        assert_ne!(
            PostingId::from_json("123456789012345678901234567890").unwrap(),
            PostingId::from_json("123456789012345678901234567891").unwrap()
        );
    }

    /// The start of every refusal: the message posting lines always had.
    const NOT: &str = r#"line 4: not a posting object {"id": ..., "text": "..."}: "#;

    #[test]
    fn a_line_must_be_a_posting_object() {
        assert_eq!(error(r#"[7, "Product Owner backlog"]"#), format!("{NOT}found an array (column 1)"));
        assert!(error("7").contains("found a number"), "{}", error("7"));
        assert_eq!(
            error(r#"{"id": [1], "text": "x"}"#),
            format!("{NOT}`id` must be a string or a number, found an array (column 10)")
        );
        assert_eq!(
            error(r#"{"id": 1, "text": 7}"#),
            format!("{NOT}`text` must be a string, found a number (column 20)")
        );
        assert_eq!(error(r#"{"id": 1}"#), format!("{NOT}no `text` (nor a `description`) (column 9)"));
        assert!(error("not json").starts_with(&format!("{NOT}invalid JSON, expected ident")), "{}", error("not json"));
        for e in [error(r#"[7, "x"]"#), error(r#"{"id": true, "text": "x"}"#), error(r#"{"id": 1, "text": {}}"#)] {
            assert!(!e.contains("struct") && !e.contains("InputLine") && !e.contains("sequence"), "{e}");
        }
    }

    #[test]
    fn duplicate_keys_are_refused_with_their_path() {
        assert_eq!(error(r#"{"id": 1, "text": "a", "id": 2}"#), format!(r#"{NOT}duplicate key "id" (column 27)"#));
        assert_eq!(
            error(r#"{"id": 1, "text": "a", "extra": {"tags": [{"k": 1, "k": 2}]}}"#),
            format!(r#"{NOT}extra.tags[0]: duplicate key "k" (column 54)"#)
        );
    }

    #[test]
    fn a_byte_order_mark_is_named_past_the_first_line() {
        let line = [super::BOM, br#"{"id": 1, "text": "x"}"#].concat();
        assert_eq!(
            parse_line(2, &line).unwrap_err().to_string(),
            "line 2: starts with a byte order mark (U+FEFF), which only the first line may have"
        );
    }
}
