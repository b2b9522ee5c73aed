//! Output formats and table rendering shared by the commands.

use clap::ValueEnum;
use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

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

/// A table with a header row, printed as a terminal table or as Markdown.
pub struct Grid {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Grid {
    pub fn new(header: &[&str]) -> Self {
        Self { header: header.iter().map(|h| (*h).to_owned()).collect(), rows: Vec::new() }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    pub fn to_terminal(&self) -> String {
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
        if table.width().is_none() {
            // Not a terminal (a pipe or a file): wrap at a readable width all the same.
            table.set_width(120);
        }
        table.set_header(&self.header);
        for row in &self.rows {
            table.add_row(row);
        }
        table.to_string()
    }

    pub fn to_markdown(&self) -> String {
        let escape = |s: &String| s.replace('|', "\\|").replace('\n', " ");
        let mut out = format!("| {} |\n", self.header.iter().map(escape).collect::<Vec<_>>().join(" | "));
        out.push_str(&format!("|{}\n", "---|".repeat(self.header.len())));
        for row in &self.rows {
            out.push_str(&format!("| {} |\n", row.iter().map(escape).collect::<Vec<_>>().join(" | ")));
        }
        out
    }
}

/// Pretty JSON with a final newline.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, CliError> {
    serde_json::to_string_pretty(value)
        .map(|s| s + "\n")
        .map_err(|e| CliError::Invalid(format!("cannot write JSON: {e}")))
}

/// Writes to standard output, treating a closed pipe (`rolefit ... | head`) as success.
pub fn print(text: &str) -> Result<(), CliError> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::io("<stdout>", e)),
    }
}

/// "A", "A and B", "A, B and C".
pub fn list_words(words: &[&str]) -> String {
    match words {
        [] => String::from("No roles"),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
