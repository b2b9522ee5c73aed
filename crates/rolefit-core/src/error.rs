//! Errors of catalog loading and validation.

use std::fmt;

/// One thing wrong with a catalog, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where the bad value is, as a path into the document: `responsibilities[3].ownership[0].role`.
    pub path: String,
    /// What is wrong with it, in lowercase: `unknown role "product-ownr"`.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// A document that could not be read: bad syntax, a wrong type, an unknown field, or
/// over one of the [`Limits`](crate::Limits).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{path_prefix}{message}", location(*.line, *.column), path_prefix = path_prefix(path))]
#[non_exhaustive]
pub struct ParseError {
    /// The path of the bad value in the document, when known (`roles[0].crosswalk[1].confidence`).
    pub path: Option<String>,
    /// 1-based line of the error, when the format reports it.
    pub line: Option<usize>,
    /// 1-based column of the error, when the format reports it.
    pub column: Option<usize>,
    /// What the parser said.
    pub message: String,
    /// The limit the document went over, if that is why it was refused.
    pub limit: Option<crate::Limit>,
}

fn location(line: Option<usize>, column: Option<usize>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("line {l}, column {c}: "),
        (Some(l), None) => format!("line {l}: "),
        _ => String::new(),
    }
}

fn path_prefix(path: &Option<String>) -> String {
    match path {
        Some(p) if !p.is_empty() && p != "." => format!("{p}: "),
        _ => String::new(),
    }
}

/// Why a catalog could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// The document could not be read.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The document was read but breaks the catalog's rules; every problem is listed.
    #[error("{} in the catalog:\n{}", count(.0.len()), list(.0))]
    Invalid(Vec<Problem>),
    /// A role id that the catalog does not have was asked for.
    #[error("unknown role {0:?}")]
    UnknownRole(String),
}

impl CatalogError {
    /// The validation problems, if that is what this error is.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Self::Invalid(problems) => problems,
            _ => &[],
        }
    }
}

fn count(n: usize) -> String {
    if n == 1 { "1 problem".to_owned() } else { format!("{n} problems") }
}

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
}
