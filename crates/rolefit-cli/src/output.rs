//! Where results and errors go: standard output, in the format asked for, and
//! standard error, bounded.
//!
//! Nothing here panics when a stream is closed or full: a closed pipe on standard
//! output (`rolefit ... | head`) ends the command quietly with success, and writes to
//! standard error that fail are dropped (there is nowhere left to say so). The exit
//! code still tells what happened.

use std::cell::Cell;
use std::fmt::Display;
use std::io::Write;

use clap::ValueEnum;
use rolefit::render::{Document, Form, printable};

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
#[derive(Debug)]
pub struct Output {
    /// Problems printed at most (`--max-errors`; 0: all).
    max_problems: usize,
    /// Problems printed so far.
    shown: Cell<usize>,
    /// Problems left out past the limit.
    hidden: Cell<usize>,
}

impl Output {
    /// Prints at most `max_problems` problems (0: all).
    pub fn new(max_problems: usize) -> Self {
        Self { max_problems, shown: Cell::new(0), hidden: Cell::new(0) }
    }

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
                let form = if format == OutputFormat::Markdown { Form::Markdown } else { Form::Text };
                let mut document = Document::new(form, table_width());
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
        refuse_closed_stdout()?;
        let mut out = std::io::stdout().lock();
        match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => Ok(()),
            Err(e) if is_broken_pipe(&e) => Ok(()),
            Err(e) => Err(CliError::io("standard output", e)),
        }
    }

    /// One problem among possibly many (a posting that failed, a line of a list): printed
    /// while fewer than `--max-errors` have been, else only counted.
    pub fn problem(&self, message: &dyn Display) {
        if self.max_problems != 0 && self.shown.get() >= self.max_problems {
            self.hidden.set(self.hidden.get() + 1);
            return;
        }
        self.shown.set(self.shown.get() + 1);
        self.say(message);
    }

    /// A line that is always printed (a summary, the command's own failure).
    pub fn say(&self, message: &dyn Display) {
        write_stderr(&format!("rolefit: {}\n", printable::line(&message.to_string())));
    }

    /// The command's failure: its message, and each of its problems as [`Output::problem`].
    pub fn fail(&self, err: &CliError) {
        match err {
            CliError::Problems { headline, problems } => {
                self.say(headline);
                for p in problems {
                    if self.max_problems != 0 && self.shown.get() >= self.max_problems {
                        self.hidden.set(self.hidden.get() + 1);
                    } else {
                        self.shown.set(self.shown.get() + 1);
                        write_stderr(&format!("  {}\n", printable::line(p)));
                    }
                }
            }
            other => self.say(other),
        }
    }

    /// Says how many problems were left out, if any were.
    pub fn finish(&self) {
        let hidden = self.hidden.get();
        if hidden > 0 {
            let s = if hidden == 1 { "" } else { "s" };
            self.say(&format_args!(
                "{hidden} more problem{s} not shown (the first {} were; --max-errors 0 shows all)",
                self.max_problems
            ));
        }
    }
}

/// The width to lay tables out in: the terminal's, unless there is none or it says 0
/// columns (a terminal that reports no size), then `COLUMNS`, then 120.
pub fn table_width() -> u16 {
    width_from(comfy_table::Table::new().width(), std::env::var("COLUMNS").ok())
}

fn width_from(terminal: Option<u16>, columns: Option<String>) -> u16 {
    terminal
        .filter(|&w| w > 0)
        .or_else(|| columns.and_then(|c| c.trim().parse::<u16>().ok()).filter(|&w| w > 0))
        .unwrap_or(rolefit::render::DEFAULT_WIDTH)
}

/// Writes to standard error, dropping the text if that fails: a closed or full standard
/// error must not turn an answer into a crash.
fn write_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Whether an error is a closed pipe, however deeply it is wrapped (serde_json wraps
/// I/O errors in its own, which `io::Error::other` may wrap again).
pub fn is_broken_pipe(err: &(dyn std::error::Error + 'static)) -> bool {
    let mut next = Some(err);
    while let Some(e) = next {
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                return true;
            }
            if let Some(inner) = io.get_ref()
                && is_broken_pipe(inner)
            {
                return true;
            }
        }
        next = e.source();
    }
    false
}

/// An error if standard output was closed when rolefit started (`rolefit export >&-`).
///
/// The Rust runtime opens `/dev/null` read-write on a standard stream that was closed,
/// so writes to it succeed and vanish. A shell's `> /dev/null` opens it write-only,
/// so a read-write `/dev/null` on descriptor 1 is taken as a closed standard output.
fn refuse_closed_stdout() -> Result<(), CliError> {
    if stdout_was_closed() {
        return Err(CliError::io("standard output", std::io::Error::other("is closed; nothing can be written")));
    }
    Ok(())
}

#[cfg(unix)]
// `st_rdev` is a u64 here but narrower on other Unixes.
#[allow(clippy::useless_conversion)]
fn stdout_was_closed() -> bool {
    use rustix::fs::{FileType, OFlags};
    use std::os::unix::fs::MetadataExt;
    let stdout = std::io::stdout();
    let Ok(flags) = rustix::fs::fcntl_getfl(&stdout) else { return true };
    if !flags.contains(OFlags::RDWR) {
        return false;
    }
    let (Ok(ours), Ok(null)) = (rustix::fs::fstat(&stdout), std::fs::metadata("/dev/null")) else { return false };
    FileType::from_raw_mode(ours.st_mode) == FileType::CharacterDevice
        && u64::try_from(ours.st_rdev).ok() == Some(null.rdev())
}

#[cfg(not(unix))]
fn stdout_was_closed() -> bool {
    false
}

/// Pretty JSON with a final newline.
fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| CliError::Invalid(format!("cannot write JSON: {e}")))
}

#[cfg(test)]
mod tests {
    use super::width_from;

    #[test]
    fn a_terminal_without_a_size_falls_back_to_columns_then_120() {
        assert_eq!(width_from(Some(80), Some("60".into())), 80);
        assert_eq!(width_from(Some(0), Some("60".into())), 60);
        assert_eq!(width_from(None, Some(" 72 ".into())), 72);
        assert_eq!(width_from(Some(0), Some("0".into())), 120);
        assert_eq!(width_from(None, Some("wide".into())), 120);
        assert_eq!(width_from(None, None), 120);
    }
}
