//! Reading documents (catalogs, profiles) from JSON or TOML, with errors that name the path.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::error::ParseError;
use crate::limits::Limits;
#[cfg(any(feature = "json", feature = "toml"))]
use crate::strict::Strict;

/// A document format rolefit reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// JSON.
    Json,
    /// TOML.
    Toml,
}

impl Format {
    /// The format a file name implies by its extension (`.json`, `.toml`), if any.
    ///
    /// ```
    /// use rolefit_core::Format;
    /// assert_eq!(Format::from_path("team.TOML".as_ref()), Some(Format::Toml));
    /// assert_eq!(Format::from_path("team.yaml".as_ref()), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Self::Json),
            "toml" => Some(Self::Toml),
            _ => None,
        }
    }

    /// Reads a document of this format into `T`, within the default [`Limits`].
    ///
    /// Type errors name the path of the bad value (`roles[1].crosswalk[0].confidence`)
    /// and, where the format tells, the line and column.
    pub fn parse<T: DeserializeOwned>(self, text: &str) -> Result<T, ParseError> {
        self.parse_with(text, &Limits::DEFAULT)
    }

    /// Reads a document of this format into `T`, refusing it if it goes over `limits`
    /// (checked before parsing, so a refused document costs no more than a scan).
    pub fn parse_with<T: DeserializeOwned>(self, text: &str, limits: &Limits) -> Result<T, ParseError> {
        limits.check(text, self)?;
        match self {
            #[cfg(feature = "json")]
            Self::Json => parse_json(text),
            #[cfg(feature = "toml")]
            Self::Toml => parse_toml(text),
            #[allow(unreachable_patterns)]
            other => Err(ParseError {
                path: None,
                line: None,
                column: None,
                message: format!("rolefit-core was built without the {other:?} feature"),
                limit: None,
            }),
        }
    }
}

#[cfg(feature = "json")]
fn parse_json<T: DeserializeOwned>(text: &str) -> Result<T, ParseError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(Strict(&mut de)).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        ParseError {
            path: Some(path),
            line: Some(inner.line()).filter(|l| *l > 0),
            column: Some(inner.column()).filter(|c| *c > 0),
            message: strip_json_position(&inner.to_string()),
            limit: None,
        }
    })?;
    de.end().map_err(|e| ParseError {
        path: None,
        line: Some(e.line()),
        column: Some(e.column()),
        message: strip_json_position(&e.to_string()),
        limit: None,
    })?;
    Ok(value)
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
        let path = err.path().to_string();
        toml_error(text, Some(path), err.into_inner())
    })
}

#[cfg(feature = "toml")]
fn toml_error(text: &str, path: Option<String>, err: toml::de::Error) -> ParseError {
    let (line, column) = match err.span() {
        Some(span) => line_column(text, span.start),
        None => (None, None),
    };
    ParseError { path, line, column, message: err.message().trim().to_owned(), limit: None }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (Option<usize>, Option<usize>) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (Some(line), Some(column))
}
