//! Errors of reading scoring inputs: profiles and weights.

use crate::error::{ParseError, Problem};

/// Why a scoring input (an org profile, a candidate profile, a weights table) could not
/// be used: it could not be read, or it names things the catalog does not have.
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
    #[error("{}:\n{}", count(.0.len()), list(.0))]
    Invalid(Vec<Problem>),
}

impl ProfileError {
    /// The problems with the document's content, if that is what this error is.
    pub fn problems(&self) -> &[Problem] {
        match self {
            Self::Invalid(problems) => problems,
            _ => &[],
        }
    }

    pub(crate) fn check(problems: Vec<Problem>) -> Result<(), Self> {
        if problems.is_empty() { Ok(()) } else { Err(Self::Invalid(problems)) }
    }
}

fn count(n: usize) -> String {
    if n == 1 { "1 problem".to_owned() } else { format!("{n} problems") }
}

fn list(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("  {p}")).collect::<Vec<_>>().join("\n")
}
