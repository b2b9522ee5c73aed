//! Errors of building a catalog from a base and overlays.

use std::fmt;

use crate::error::ParseError;

/// One thing wrong with a layered catalog, and the document and path where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverlayProblem {
    /// The document the bad value is in: the origin name given to the builder
    /// (`team.toml`, `canonical`).
    pub origin: String,
    /// Where the bad value is in that document: `extend.ownership[2].role`.
    pub path: String,
    /// What is wrong with it, in lowercase.
    pub message: String,
}

impl fmt::Display for OverlayProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.origin, self.message)
        } else {
            write!(f, "{}: {}: {}", self.origin, self.path, self.message)
        }
    }
}

/// Why a catalog could not be built from a base and overlays.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OverlayError {
    /// An overlay document could not be read.
    #[error("{origin}: {error}")]
    Parse {
        /// The document's origin name.
        origin: String,
        /// What the reader said.
        error: ParseError,
    },
    /// The documents were read, but they do not merge, or the merged catalog breaks the
    /// catalog's rules; every problem is listed with its document and path.
    #[error("{} in the layered catalog:\n{}", count(.0.len()), list(.0))]
    Invalid(Vec<OverlayProblem>),
}

impl OverlayError {
    /// The problems, if that is what this error is.
    pub fn problems(&self) -> &[OverlayProblem] {
        match self {
            Self::Invalid(problems) => problems,
            Self::Parse { .. } => &[],
        }
    }
}

fn count(n: usize) -> String {
    if n == 1 { "1 problem".to_owned() } else { format!("{n} problems") }
}

fn list(problems: &[OverlayProblem]) -> String {
    problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
}
