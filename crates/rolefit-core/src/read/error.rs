//! The error of a document that could not be read.

use std::fmt;

use super::limits::Limit;

/// A document that could not be read: bad syntax, a wrong type, an unknown field, or
/// over one of the [`Limits`](super::Limits).
///
/// Printed as `[origin: ][line L, column C: ][path: ]message[ (limit)]`, the limit named
/// by its [`Limits`](super::Limits) field (`max_depth`); [`describe`](Self::describe)
/// names it otherwise (a command-line tool names its option).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseError {
    /// The document, when the reader was given its name (a [`CatalogBuilder`](crate::catalog::CatalogBuilder) overlay).
    pub origin: Option<String>,
    /// The path of the bad value in the document, when known (`roles[0].crosswalk[1].confidence`),
    /// as the reader reports it.
    pub path: Option<String>,
    /// 1-based line of the error, when the format reports it.
    pub line: Option<usize>,
    /// 1-based column of the error, when the format reports it.
    pub column: Option<usize>,
    /// What the reader said, without the limit's name.
    pub message: String,
    /// The limit the document went over, if that is why it was refused.
    pub limit: Option<Limit>,
}

impl ParseError {
    pub(crate) fn new(message: impl Into<String>) -> Self {
        Self { origin: None, path: None, line: None, column: None, message: message.into(), limit: None }
    }

    /// The same error, in the document named `origin`.
    #[must_use]
    pub fn in_origin(mut self, origin: impl Into<String>) -> Self {
        self.origin = Some(origin.into());
        self
    }

    /// The error as text, the limit (if any) named by `limit_name` instead of its field name.
    pub fn describe(&self, limit_name: impl Fn(Limit) -> String) -> String {
        let mut out = String::new();
        if let Some(origin) = &self.origin {
            out.push_str(origin);
            out.push_str(": ");
        }
        match (self.line, self.column) {
            (Some(l), Some(c)) => out.push_str(&format!("line {l}, column {c}: ")),
            (Some(l), None) => out.push_str(&format!("line {l}: ")),
            _ => {}
        }
        if let Some(path) = self.path.as_deref().filter(|p| !p.is_empty() && *p != ".") {
            out.push_str(path);
            out.push_str(": ");
        }
        out.push_str(&self.message);
        if let Some(limit) = self.limit {
            out.push_str(&format!(" ({})", limit_name(limit)));
        }
        out
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(|limit| limit.field_name().to_owned()))
    }
}

impl std::error::Error for ParseError {}
