//! What can go wrong in a command, and the exit code it maps to.

use std::path::PathBuf;
use std::process::ExitCode;

/// A command's failure.
#[derive(Debug)]
pub enum CliError {
    /// The command was called wrongly (exit 2).
    Usage(String),
    /// A file could not be read or written (exit 2).
    Io { path: PathBuf, source: std::io::Error },
    /// The input was read but is not valid (exit 1). The message lists every problem.
    Invalid(String),
}

impl CliError {
    pub fn exit_code(&self) -> ExitCode {
        match self {
            Self::Invalid(_) => ExitCode::from(1),
            Self::Usage(_) | Self::Io { .. } => ExitCode::from(2),
        }
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io { path: path.into(), source }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Usage(message) | Self::Invalid(message) => f.write_str(message),
            Self::Io { path, source } => write!(f, "{}: {source}", path.display()),
        }
    }
}
