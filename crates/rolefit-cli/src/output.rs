//! Where results and errors go: standard output, in the format asked for, and
//! standard error.

use std::io::Write;

use clap::ValueEnum;

use crate::document::Document;
use crate::error::CliError;

/// How a command prints its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A table for people, sized to the terminal.
    Table,
    /// JSON, for programs.
    Json,
    /// Markdown tables, for documents.
    Markdown,
}

/// Standard output and standard error of one run.
#[derive(Debug, Default)]
pub struct Output {}

impl Output {
    /// Prints a result: `value` as pretty JSON, or what `render` writes as a table or Markdown.
    pub fn emit<T: serde::Serialize + ?Sized>(
        &self,
        format: OutputFormat,
        value: &T,
        render: impl FnOnce(&mut Document),
    ) -> Result<(), CliError> {
        let text = match format {
            OutputFormat::Json => json(value)?,
            OutputFormat::Table | OutputFormat::Markdown => {
                let mut document = Document::new(format == OutputFormat::Markdown);
                render(&mut document);
                document.into_text()
            }
        };
        self.print(&text)
    }

    /// Prints `value` as pretty JSON.
    pub fn json<T: serde::Serialize + ?Sized>(&self, value: &T) -> Result<(), CliError> {
        self.print(&json(value)?)
    }

    /// Writes to standard output, treating a closed pipe (`rolefit ... | head`) as success.
    pub fn print(&self, text: &str) -> Result<(), CliError> {
        let mut out = std::io::stdout().lock();
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(CliError::io("<stdout>", e)),
        }
    }

    /// Writes an error line to standard error, `rolefit: ` first.
    pub fn error(&self, message: &dyn std::fmt::Display) {
        eprintln!("rolefit: {message}");
    }
}

/// Pretty JSON with a final newline.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| CliError::Invalid(format!("cannot write JSON: {e}")))
}
