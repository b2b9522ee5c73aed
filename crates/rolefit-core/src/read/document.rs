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
    pub fn parse_with<T: DeserializeOwned>(self, text: &str, limits: &Limits) -> Result<T, ParseError> {
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
        let path = err.path().to_string();
        let inner = err.into_inner();
        ParseError {
            path: Some(path),
            line: Some(inner.line()).filter(|l| *l > 0),
            column: Some(inner.column()).filter(|c| *c > 0),
            ..ParseError::new(strip_json_position(&inner.to_string()))
        }
    })?;
    de.end().map_err(|e| ParseError {
        line: Some(e.line()),
        column: Some(e.column()),
        ..ParseError::new(strip_json_position(&e.to_string()))
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
    ParseError { path, line, column, ..ParseError::new(err.message().trim()) }
}
