//! Reading a document of a format into a type, with errors that name the path.

use serde::de::DeserializeOwned;

use super::error::ParseError;
use super::format::Format;
use super::limits::Limits;
#[cfg(feature = "toml")]
use super::position::line_column;
#[cfg(any(feature = "json", feature = "toml"))]
use super::strict::Strict;

impl Format {
    /// Reads a document of this format into `T`, within the default [`Limits`].
    ///
    /// Type errors name the path of the bad value (`roles[1].crosswalk[0].confidence`)
    /// and, where the format tells, the line and column.
    pub fn parse<T: DeserializeOwned>(self, text: &str) -> Result<T, ParseError> {
        self.parse_with(text, &Limits::DEFAULT)
    }

    /// Reads a document of this format into `T`, refusing it if it goes over `limits`
    /// (checked before parsing, so a refused document costs no more than a scan).
    ///
    /// A UTF-8 byte order mark at the start is skipped, as editors on some systems write
    /// one; lines and columns count from after it, as those editors show them.
    pub fn parse_with<T: DeserializeOwned>(self, text: &str, limits: &Limits) -> Result<T, ParseError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        limits.check(text, self)?;
        match self {
            #[cfg(feature = "json")]
            Self::Json => parse_json(text),
            #[cfg(feature = "toml")]
            Self::Toml => parse_toml(text),
            #[allow(unreachable_patterns)]
            other => Err(ParseError::new(format!("rolefit-core was built without the {other:?} feature"))),
        }
    }
}

#[cfg(feature = "json")]
fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(Strict(&mut de)).map_err(|err| {
        let path = path_text(err.path());
        ParseError { path: Some(path), ..json_error(text, &err.into_inner()) }
    })?;
    de.end().map_err(|e| json_error(text, &e))?;
    Ok(value)
}

#[cfg(feature = "json")]
fn json_error(text: &str, err: &serde_json::Error) -> ParseError {
    let message = match lone_surrogate(text, err) {
        Some(escape) => {
            format!("`{escape}` is half of a UTF-16 surrogate pair without its other half; JSON text must be Unicode")
        }
        None => strip_json_position(&err.to_string()),
    };
    ParseError {
        line: Some(err.line()).filter(|l| *l > 0),
        column: Some(err.column()).filter(|c| *c > 0),
        ..ParseError::new(message)
    }
}

/// The `\uXXXX` escape of a surrogate that a syntax error stopped at, if that is why:
/// serde_json says only "unexpected end of hex escape" for `"\ud800"`.
#[cfg(feature = "json")]
fn lone_surrogate(text: &str, err: &serde_json::Error) -> Option<String> {
    if !err.is_syntax() || err.line() == 0 {
        return None;
    }
    // serde_json counts columns in bytes.
    let line_start = text.split_inclusive('\n').take(err.line() - 1).map(str::len).sum::<usize>();
    let end = (line_start + err.column()).min(text.len());
    let before = text.as_bytes().get(end.saturating_sub(12)..end)?;
    // The last escape is the surrogate itself, or (`\ud800\u0041`) the unit after it.
    (0..before.len().saturating_sub(5)).rev().find_map(|at| {
        let hex = before.get(at..at + 6)?.strip_prefix(b"\\u")?;
        let hex = std::str::from_utf8(hex).ok()?;
        let unit = u16::from_str_radix(hex, 16).ok()?;
        (0xD800..=0xDFFF).contains(&unit).then(|| format!("\\u{hex}"))
    })
}

/// The path as `serde_path_to_error` writes it (`roles[1].crosswalk`), without the
/// trailing `?` it writes for a key refused before it was read (a key written twice):
/// such an error is about the object that holds the key.
#[cfg(any(feature = "json", feature = "toml"))]
fn path_text(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    let known = segments.iter().rposition(|s| !matches!(s, Segment::Unknown)).map_or(0, |last| last + 1);
    let mut text = String::new();
    for (i, segment) in segments[..known].iter().enumerate() {
        if i > 0 && !matches!(segment, Segment::Seq { .. }) {
            text.push('.');
        }
        text.push_str(&segment.to_string());
    }
    if text.is_empty() {
        text.push('.');
    }
    text
}

/// serde_json appends " at line L column C"; the error carries those separately.
#[cfg(feature = "json")]
fn strip_json_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(feature = "toml")]
fn parse_toml<T: DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    let de = toml::Deserializer::parse(text).map_err(|e| toml_error(text, None, e))?;
    serde_path_to_error::deserialize(Strict(de)).map_err(|err| {
        let path = path_text(err.path());
        toml_error(text, Some(path), err.into_inner())
    })
}

#[cfg(feature = "toml")]
fn toml_error(text: &str, path: Option<String>, err: toml::de::Error) -> ParseError {
    let (line, column) = match err.span() {
        Some(span) => line_column(text, span.start),
        None => (None, None),
    };
    ParseError { path, line, column, ..ParseError::new(err.message().trim()) }
}
