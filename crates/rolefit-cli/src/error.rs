//! What can go wrong in a command, and the exit code it maps to.

use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A command's failure.
#[derive(Debug)]
pub enum CliError {
    /// The command was called wrongly (exit 2).
    Usage(String),
    /// A file could not be read or written (exit 2).
    Io { path: PathBuf, source: std::io::Error },
    /// The input was read but is not valid (exit 1).
    Invalid(String),
    /// The input was read and has these problems (exit 1): a headline, then one line each.
    Problems { headline: String, problems: Vec<String> },
}

impl CliError {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Self::Invalid(_) | Self::Problems { .. } => ExitCode::from(1),
            Self::Usage(_) | Self::Io { .. } => ExitCode::from(2),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io { path: path.into(), source }
    }

    /// Every problem found in a document, `file: N problems in the WHAT`, then one line per
    /// problem, each naming the file too. Without a file (a layered catalog, whose problems
    /// name their own files) the lines are the problems as they are.
    pub fn problems<P: Display>(file: Option<&Path>, what: &str, problems: &[P]) -> Self {
        let n = problems.len();
        let plural = if n == 1 { "" } else { "s" };
        let (headline, problems) = match file {
            Some(file) => {
                let file = file.display();
                let lines = problems.iter().map(|p| format!("{file}: {p}")).collect();
                (format!("{file}: {n} problem{plural} in the {what}"), lines)
            }
            None => (format!("{n} problem{plural} in the {what}"), problems.iter().map(ToString::to_string).collect()),
        };
        Self::Problems { headline, problems }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Usage(message) | Self::Invalid(message) => f.write_str(message),
            Self::Io { path, source } => write!(f, "{}: {source}", path.display()),
            Self::Problems { headline, problems } => {
                f.write_str(headline)?;
                problems.iter().try_for_each(|p| write!(f, "\n  {p}"))
            }
        }
    }
}
