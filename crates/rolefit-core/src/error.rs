//! The errors of loading a catalog, reading a scoring input, and asking a catalog
//! something it does not have.

use crate::problem::{Problem, Problems};
use crate::read::ParseError;

/// Why a catalog could not be built, from one document or from a base and overlays.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CatalogError {
    /// A document could not be read: bad syntax, a wrong type, an unknown field, or over
    /// one of the [`Limits`](crate::Limits). The error names the document when it came
    /// from a [`CatalogBuilder`](crate::catalog::CatalogBuilder).
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The documents were read but break the catalog's rules (or, layered, do not
    /// merge); every problem is listed, each with its path (and document, when layered).
    #[error(transparent)]
    Invalid(Problems),
}

impl CatalogError {
    /// The problems, if that is what this error is.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Self::Invalid(problems) => problems.as_slice(),
            Self::Parse(_) => &[],
        }
    }
}

/// Why a scoring input (an organisation or candidate profile, a weights table) could
/// not be used: it could not be read, or it names things the catalog does not have.
///
/// Messages are lowercase and name the path of the bad value and the value:
/// `answers.agile-scrm: unknown signal "agile-scrm"`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProfileError {
    /// The document could not be read: bad syntax, a wrong type, an unknown field, an
    /// out-of-range value (the first such problem, with its path, line and column).
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// The document was read but does not fit the catalog; every problem is listed.
    #[error(transparent)]
    Invalid(Problems),
}

impl ProfileError {
    /// The problems with the document's content, if that is what this error is.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Self::Invalid(problems) => problems.as_slice(),
            Self::Parse(_) => &[],
        }
    }
}

/// A question a catalog cannot answer, such as comparing a role it does not have.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum QueryError {
    /// A role id that the catalog does not have was asked for.
    #[error("unknown role {0:?}")]
    UnknownRole(String),
}
