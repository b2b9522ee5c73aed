//! A result as people read it: lines of text, headings and tables, written as a
//! terminal table or as Markdown.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

/// Text for people, in one of the two forms: built by a command's render function,
/// then printed whole.
pub struct Document {
    markdown: bool,
    text: String,
}

impl Document {
    /// An empty document, for the terminal or as Markdown.
    pub fn new(markdown: bool) -> Self {
        Self { markdown, text: String::new() }
    }

    /// A line of text.
    pub fn line(&mut self, text: &str) {
        self.text.push_str(text);
        self.text.push('\n');
    }

    /// An empty line.
    pub fn blank(&mut self) {
        self.text.push('\n');
    }

    /// A section's title: a line above its table, or a Markdown heading.
    pub fn heading(&mut self, text: &str) {
        if self.markdown {
            self.text.push_str("## ");
            self.text.push_str(text);
            self.text.push_str("\n\n");
        } else {
            self.line(text);
        }
    }

    /// A table.
    pub fn table(&mut self, grid: &Grid) {
        if self.markdown {
            self.text.push_str(&grid.to_markdown());
        } else {
            self.text.push_str(&grid.to_terminal());
            self.text.push('\n');
        }
    }

    /// The text written so far.
    pub fn into_text(self) -> String {
        self.text
    }
}

/// A table with a header row, printed as a terminal table or as Markdown.
pub struct Grid {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Grid {
    pub fn new(header: &[&str]) -> Self {
        Self { header: header.iter().map(|h| (*h).to_owned()).collect(), rows: Vec::new() }
    }

    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn to_terminal(&self) -> String {
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

    fn to_markdown(&self) -> String {
        let escape = |s: &String| s.replace('|', "\\|").replace('\n', " ");
        let mut out = format!("| {} |\n", self.header.iter().map(escape).collect::<Vec<_>>().join(" | "));
        out.push_str(&format!("|{}\n", "---|".repeat(self.header.len())));
        for row in &self.rows {
            out.push_str(&format!("| {} |\n", row.iter().map(escape).collect::<Vec<_>>().join(" | ")));
        }
        out
    }
}
