//! Text from user files (names, ids, paths) made safe to print: control characters
//! (escape sequences, carriage returns, backspaces) and the bidirectional-text
//! controls that reorder what a terminal shows are written as escapes (`\u{1b}`),
//! so a file cannot rewrite the screen or disguise what it says.
//!
//! [`Document`](super::Document) passes every piece of text through here, so the
//! renderers cannot forget to; a program that prints user text of its own can too.
//!
//! ```
//! use rolefit_core::render::printable;
//!
//! assert_eq!(printable::line("Team\u{1b}[2J"), "Team\\u{1b}[2J");
//! assert_eq!(printable::markdown("<b>PO</b> & PM"), "&lt;b>PO&lt;/b> &amp; PM");
//! ```

use std::borrow::Cow;

/// Whether a character must not reach a terminal as it is.
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

/// `text` on one line, every unsafe character (a line break included) escaped.
pub fn line(text: &str) -> Cow<'_, str> {
    escape(text, |_| false)
}

/// `text` with its line breaks kept (for table cells and lists), every other unsafe
/// character escaped.
pub fn lines(text: &str) -> Cow<'_, str> {
    escape(text, |c| c == '\n')
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) && !keep(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Markdown text that shows as written: `&` and `<` as character references, so a name
/// like `<script>` is text, not HTML, wherever the Markdown is rendered (HTML needs a
/// `<` to start a tag; an arrow `->` stays as it is).
pub fn markdown(text: &str) -> Cow<'_, str> {
    let text = line(text);
    if !text.contains(['&', '<']) {
        return text;
    }
    Cow::Owned(text.replace('&', "&amp;").replace('<', "&lt;"))
}

#[cfg(test)]
mod tests {
    use super::{line, lines, markdown};

    #[test]
    fn control_and_bidi_characters_are_escaped() {
        assert_eq!(line("Product Owner"), "Product Owner");
        assert_eq!(line("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(line("one\ntwo\rthree\ttab"), "one\\u{a}two\\u{d}three\\u{9}tab");
        assert_eq!(line("\u{9b}31m \u{202e}evil"), "\\u{9b}31m \\u{202e}evil");
        assert_eq!(lines("one\ntwo\u{1b}"), "one\ntwo\\u{1b}");
    }

    #[test]
    fn markdown_shows_html_as_text() {
        assert_eq!(markdown("<script>alert(1)</script> & co"), "&lt;script>alert(1)&lt;/script> &amp; co");
        assert_eq!(markdown("a -> b"), "a -> b");
        assert_eq!(markdown("plain"), "plain");
    }
}
