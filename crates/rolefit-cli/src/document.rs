//! A result as people read it: lines of text, headings and tables, written as a
//! terminal table or as Markdown. Every piece of text is made printable here
//! (`printable`), so no command can forget to: control characters are escaped, and in
//! Markdown so is HTML.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table};

use crate::printable;

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
        if self.markdown {
            self.text.push_str(&printable::markdown(text));
        } else {
            self.text.push_str(&printable::line(text));
        }
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
            self.line(text);
            self.blank();
        } else {
            self.line(text);
        }
    }

    /// A table.
    pub fn table(&mut self, grid: &Grid) {
        if self.markdown {
            self.text.push_str(&grid.to_markdown());
        } else {
            self.text.push_str(&grid.to_terminal(table_width(Table::new().width(), std::env::var("COLUMNS").ok())));
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

    fn to_terminal(&self, width: u16) -> String {
        let mut table = Table::new();
        table.load_preset(UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
        table.set_width(width);
        table.set_header(self.header.iter().map(|h| printable::lines(h)));
        for row in &self.rows {
            table.add_row(row.iter().map(|c| printable::lines(c)));
        }
        table.to_string()
    }

    fn to_markdown(&self) -> String {
        let cell = |s: &String| printable::markdown(&s.replace('\n', " ")).replace('|', "\\|");
        let mut out = format!("| {} |\n", self.header.iter().map(cell).collect::<Vec<_>>().join(" | "));
        out.push_str(&format!("|{}\n", "---|".repeat(self.header.len())));
        for row in &self.rows {
            out.push_str(&format!("| {} |\n", row.iter().map(cell).collect::<Vec<_>>().join(" | ")));
        }
        out
    }
}

/// The width to lay tables out in: the terminal's, unless there is none or it says 0
/// columns (a terminal that reports no size), then `COLUMNS`, then 120.
fn table_width(terminal: Option<u16>, columns: Option<String>) -> u16 {
    terminal
        .filter(|&w| w > 0)
        .or_else(|| columns.and_then(|c| c.trim().parse::<u16>().ok()).filter(|&w| w > 0))
        .unwrap_or(120)
}

#[cfg(test)]
mod tests {
    use super::{Document, Grid, table_width};

    #[test]
    fn a_terminal_without_a_size_falls_back_to_columns_then_120() {
        assert_eq!(table_width(Some(80), Some("60".into())), 80);
        assert_eq!(table_width(Some(0), Some("60".into())), 60);
        assert_eq!(table_width(None, Some(" 72 ".into())), 72);
        assert_eq!(table_width(Some(0), Some("0".into())), 120);
        assert_eq!(table_width(None, Some("wide".into())), 120);
        assert_eq!(table_width(None, None), 120);
    }

    #[test]
    fn cells_and_lines_are_escaped_for_the_form() {
        let mut grid = Grid::new(&["name"]);
        grid.row(vec!["<b>x</b> | \u{1b}[2J".to_owned()]);
        let mut md = Document::new(true);
        md.heading("<script>");
        md.table(&grid);
        assert_eq!(md.into_text(), "## &lt;script>\n\n| name |\n|---|\n| &lt;b>x&lt;/b> \\| \\u{1b}[2J |\n");
        let mut term = Document::new(false);
        term.line("evil\u{1b}]0;title\u{7}");
        term.table(&grid);
        let text = term.into_text();
        assert!(text.starts_with("evil\\u{1b}]0;title\\u{7}\n"), "{text}");
        assert!(text.contains("<b>x</b> | \\u{1b}[2J"), "{text}");
        assert!(!text.contains('\u{1b}'));
    }
}
