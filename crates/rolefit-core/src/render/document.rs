//! A result as people read it: lines of text, headings and tables, written as plain
//! text (tables laid out in a given width) or as Markdown. Every piece of text is made
//! printable here ([`printable`]), so no renderer can forget to: control characters are
//! escaped, and in Markdown so is HTML.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{ContentArrangement, Table as Layout};

use super::printable;

/// The two forms a [`Document`] is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Form {
    /// Plain text, tables drawn with box-drawing characters within the width.
    #[default]
    Text,
    /// Markdown: headings and pipe tables, HTML shown as text.
    Markdown,
}

/// Text for people, in one [`Form`]: built by a renderer, then read whole.
///
/// ```
/// use rolefit_core::render::{Document, Form, Table};
///
/// let mut table = Table::new(&["role", "score"]);
/// table.row(vec!["Product Owner".into(), "0.76".into()]);
/// let mut doc = Document::new(Form::Markdown, 80);
/// doc.heading("Scores");
/// doc.table(&table);
/// assert_eq!(doc.as_str(), "## Scores\n\n| role | score |\n|---|---|\n| Product Owner | 0.76 |\n");
/// ```
#[derive(Debug, Clone)]
pub struct Document {
    form: Form,
    width: u16,
    text: String,
}

impl Document {
    /// An empty document; plain-text tables are laid out within `width` columns (Markdown
    /// ignores it).
    pub fn new(form: Form, width: u16) -> Self {
        Self { form, width, text: String::new() }
    }

    /// The form the document is written in.
    pub fn form(&self) -> Form {
        self.form
    }

    /// A line of text.
    pub fn line(&mut self, text: &str) {
        match self.form {
            Form::Markdown => self.text.push_str(&printable::markdown(text)),
            Form::Text => self.text.push_str(&printable::line(text)),
        }
        self.text.push('\n');
    }

    /// An empty line.
    pub fn blank(&mut self) {
        self.text.push('\n');
    }

    /// A section's title: a line above its table, or a Markdown heading.
    pub fn heading(&mut self, text: &str) {
        match self.form {
            Form::Markdown => {
                self.text.push_str("## ");
                self.line(text);
                self.blank();
            }
            Form::Text => self.line(text),
        }
    }

    /// A table.
    pub fn table(&mut self, table: &Table) {
        match self.form {
            Form::Markdown => self.text.push_str(&table.to_markdown()),
            Form::Text => {
                self.text.push_str(&table.to_text(self.width));
                self.text.push('\n');
            }
        }
    }

    /// The text written so far.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The text written so far, owned.
    pub fn into_text(self) -> String {
        self.text
    }
}

/// A table with a header row, for a [`Document`].
#[derive(Debug, Clone, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column headings and no rows.
    pub fn new(header: &[&str]) -> Self {
        Self { header: header.iter().map(|h| (*h).to_owned()).collect(), rows: Vec::new() }
    }

    /// Adds a row, one cell per column; a cell may hold several lines.
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells);
    }

    fn to_text(&self, width: u16) -> String {
        let mut table = Layout::new();
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

#[cfg(test)]
mod tests {
    use super::{Document, Form, Table};

    #[test]
    fn cells_and_lines_are_escaped_for_the_form() {
        let mut grid = Table::new(&["name"]);
        grid.row(vec!["<b>x</b> | \u{1b}[2J".to_owned()]);
        let mut md = Document::new(Form::Markdown, 120);
        md.heading("<script>");
        md.table(&grid);
        assert_eq!(md.into_text(), "## &lt;script>\n\n| name |\n|---|\n| &lt;b>x&lt;/b> \\| \\u{1b}[2J |\n");
        let mut term = Document::new(Form::Text, 120);
        term.line("evil\u{1b}]0;title\u{7}");
        term.table(&grid);
        let text = term.into_text();
        assert!(text.starts_with("evil\\u{1b}]0;title\\u{7}\n"), "{text}");
        assert!(text.contains("<b>x</b> | \\u{1b}[2J"), "{text}");
        assert!(!text.contains('\u{1b}'));
    }

    #[test]
    fn text_tables_are_laid_out_within_the_width() {
        let mut table = Table::new(&["need", "why"]);
        table.row(vec!["Prioritisation".into(), "word ".repeat(40)]);
        for width in [40u16, 60, 120] {
            let mut doc = Document::new(Form::Text, width);
            doc.table(&table);
            let widest = doc.as_str().lines().map(|l| l.chars().count()).max().unwrap_or(0);
            assert!(widest <= usize::from(width) && widest + 10 > usize::from(width), "{width}: {widest}");
        }
    }
}
