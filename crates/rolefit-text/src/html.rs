//! Reading text out of HTML: the visible text of a page or of an HTML fragment (a
//! JobPosting's `description`), with a map from every byte of it back to the HTML.
//!
//! The tokenizer is html5gum (WHATWG tokenizer states, character references decoded as a
//! browser decodes them, never fails on tag soup). It reports the reader's position as it
//! goes, and every string it emits is either a copy of the bytes just read or stands for
//! them (a character reference, a carriage return read as a line feed): [`Reader`] records
//! which, so that evidence spans point into the page.
//!
//! What is read: text outside `script`, `style`, `template`, `noscript`, embedded objects,
//! forms' controls, navigation (`nav`, `aside`, `footer`, `role="navigation"`) and the
//! document `head` (whose `<title>` is kept apart). Block elements become line breaks
//! (paragraphs, headings, lists and tables a blank line), headings start with `## ` and list
//! items with `- `, bold text is wrapped in `**`, so that the classifier sees the
//! structure a Markdown posting has. Runs of whitespace collapse to one space, one line break
//! or one blank line, as they hold none, one or more line breaks.

use std::convert::Infallible;

use html5gum::emitters::callback::{Callback, CallbackEmitter, CallbackEvent};
use html5gum::{Emitter, ForwardingEmitter, Span, State, Tokenizer};

use crate::source_map::Layer;

/// Text read from HTML and where each of its bytes came from.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct Extracted {
    pub text: String,
    pub layer: Layer,
}

/// What reading a page found.
#[derive(Debug, Default)]
pub(crate) struct Page {
    /// The visible text, without the first `h1` when there is one.
    pub body: Extracted,
    /// The text of the first `h1`.
    pub h1: Option<Extracted>,
    /// The text of the `<title>` element.
    pub title: Option<Extracted>,
    /// The contents of `<script type="application/ld+json">` elements, as they are, and
    /// where they start in the page.
    pub json_ld: Vec<(usize, String)>,
}

/// Reads a whole page: visible text, title, first `h1`, JSON-LD blocks.
pub(crate) fn read_page(html: &str) -> Page {
    run(html, true)
}

/// Reads an HTML fragment: all its visible text (an `h1` is text like any other).
pub(crate) fn read_fragment(html: &str) -> Extracted {
    run(html, false).body
}

fn run(html: &str, page: bool) -> Page {
    let mut handler = Handler::new(html, page);
    let mut emitter = CallbackEmitter::new(Events(&mut handler));
    emitter.naively_switch_states(true);
    let reader = Reader { inner: emitter, pos: 0, mark: 0 };
    // The emitter produces no tokens, and reading a string cannot fail.
    let Ok(()) = Tokenizer::new_with_emitter(html, reader).finish();
    handler.finish()
}

/// Wraps html5gum's callback emitter to see every emitted string with the input range it
/// stands for; tags and attributes arrive through the callback.
struct Reader<'a, 'h> {
    inner: CallbackEmitter<Events<'a, 'h>, Infallible, usize>,
    /// The tokenizer's position in the input.
    pos: usize,
    /// Where the input not yet accounted for by an emitted string or a tag starts.
    mark: usize,
}

impl ForwardingEmitter for Reader<'_, '_> {
    type Token = Infallible;

    fn inner(&mut self) -> &mut impl Emitter<Token = Self::Token> {
        &mut self.inner
    }

    // Parse errors change nothing in what is read; not checking for them is faster.
    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn move_position(&mut self, offset: isize) {
        self.pos = self.pos.saturating_add_signed(offset);
        self.inner.move_position(offset);
    }

    fn init_string(&mut self) {
        self.mark = self.pos;
        self.inner.init_string();
    }

    // The callback's own `String` events are not used: they merge runs of text and lose
    // where each character reference stood.
    fn emit_string(&mut self, s: &[u8]) {
        let pos = self.pos;
        let handler = &mut *self.inner.callback_mut().0;
        let copied = pos >= s.len() && handler.src.get(pos - s.len()..pos) == Some(s);
        // Not a copy: a character reference or a carriage return, read since the mark.
        let from = if copied { pos - s.len() } else { self.mark.min(pos) };
        handler.text(s, from, pos - from);
        self.mark = pos;
    }

    fn emit_current_tag(&mut self) -> Option<State> {
        let next = self.inner.emit_current_tag();
        self.mark = self.pos;
        next
    }

    fn emit_current_comment(&mut self) {
        self.inner.emit_current_comment();
        self.mark = self.pos;
    }

    fn emit_current_doctype(&mut self) {
        self.inner.emit_current_doctype();
        self.mark = self.pos;
    }
}

/// Where text goes while it is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sink {
    Body,
    Title,
    H1,
    Nowhere,
}

/// Elements whose content is not the posting's text.
fn is_skipped(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"template"
            | b"noscript"
            | b"head"
            | b"svg"
            | b"math"
            | b"iframe"
            | b"object"
            | b"canvas"
            | b"select"
            | b"button"
            | b"nav"
            | b"aside"
            | b"footer"
    )
}

/// Elements that never have content or an end tag.
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"source"
            | b"track"
            | b"wbr"
    )
}

/// Line breaks an element stands for: 2 a blank line, 1 a line break, 0 none.
fn breaks(name: &[u8]) -> u8 {
    match name {
        b"p" | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"ul" | b"ol" | b"dl" | b"table" | b"section"
        | b"article" | b"main" | b"header" | b"blockquote" | b"pre" | b"form" | b"fieldset" | b"figure"
        | b"address" | b"details" | b"hr" | b"body" | b"html" => 2,
        b"div" | b"br" | b"li" | b"tr" | b"td" | b"th" | b"dt" | b"dd" | b"caption" | b"summary" | b"figcaption"
        | b"legend" | b"label" | b"option" => 1,
        _ => 0,
    }
}

/// Elements that may stand in a document's `head`.
fn in_head(name: &[u8]) -> bool {
    matches!(name, b"title" | b"meta" | b"link" | b"style" | b"script" | b"base" | b"noscript" | b"template")
}

fn is_heading(name: &[u8]) -> bool {
    matches!(name, b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6")
}

/// Text being built, with its map.
#[derive(Debug, Default)]
struct Out {
    ex: Extracted,
    /// Line breaks owed before the next text (2 = a blank line).
    pending: u8,
    /// Where in the input the markup owing them stood.
    pending_at: usize,
    /// Whether the last thing written was inserted markup (a prefix or a break).
    after_markup: bool,
}

impl Out {
    fn owe(&mut self, n: u8, at: usize) {
        if n > self.pending {
            self.pending = n;
            self.pending_at = at;
        }
    }

    fn insert(&mut self, s: &str, at: usize) {
        let from = self.ex.text.len();
        self.ex.text.push_str(s);
        self.ex.layer.push(from, s.len(), at, 0);
        self.after_markup = true;
    }

    fn pay(&mut self) {
        if self.pending == 0 {
            return;
        }
        if !self.ex.text.is_empty() {
            let have = self.ex.text.len() - self.ex.text.trim_end_matches('\n').len();
            let want = usize::from(self.pending);
            if have < want {
                let at = self.pending_at;
                self.insert(&"\n\n"[..want - have], at);
            }
        }
        self.pending = 0;
        self.after_markup = true;
    }

    /// Inserted markup (a heading or bullet prefix), after the breaks owed.
    fn prefix(&mut self, s: &str, at: usize) {
        self.pay();
        self.insert(s, at);
    }

    /// Text from the input: `s` stands for `source_len` bytes at `source` (a copy when the
    /// lengths agree and the bytes are the same). Whitespace collapses.
    fn text(&mut self, s: &str, source: usize, source_len: usize, copied: bool) {
        if !copied {
            if s.trim().is_empty() && !s.is_empty() && s.bytes().all(|b| b.is_ascii_whitespace()) {
                // A carriage return read as a line feed: whitespace like any other.
                return self.space(s, source, source_len);
            }
            self.pay();
            let from = self.ex.text.len();
            self.ex.text.push_str(s);
            self.ex.layer.push(from, s.len(), source, source_len);
            self.after_markup = false;
            return;
        }
        // Copied in as few pieces as possible: only whitespace other than a single space
        // between words is rewritten.
        let bytes = s.as_bytes();
        let (mut from, mut i) = (0, 0);
        while i < bytes.len() {
            if !bytes[i].is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let end = i + bytes[i..].iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len() - i);
            if end == i + 1 && bytes[i] == b' ' && (i > from || self.may_space()) {
                i = end;
                continue;
            }
            self.copy(&s[from..i], source + from);
            self.space(&s[i..end], source + i, end - i);
            (from, i) = (end, end);
        }
        self.copy(&s[from..], source + from);
    }

    fn copy(&mut self, part: &str, source: usize) {
        if part.is_empty() {
            return;
        }
        self.pay();
        let from = self.ex.text.len();
        self.ex.text.push_str(part);
        self.ex.layer.push(from, part.len(), source, part.len());
        self.after_markup = false;
    }

    /// Whether a space may follow what was written: not at the start of a line, after
    /// markup or where a break is owed.
    fn may_space(&self) -> bool {
        !self.after_markup
            && self.pending == 0
            && self.ex.text.as_bytes().last().is_some_and(|b| !b.is_ascii_whitespace())
    }

    /// A run of whitespace: nothing at the start of a line or after markup, else one space,
    /// one line break, or a blank line.
    fn space(&mut self, run: &str, source: usize, source_len: usize) {
        if !self.may_space() {
            return;
        }
        let newlines = run.bytes().filter(|&b| b == b'\n').count();
        let collapsed = match newlines {
            0 => " ",
            1 => "\n",
            _ => "\n\n",
        };
        let from = self.ex.text.len();
        self.ex.text.push_str(collapsed);
        self.ex.layer.push(from, collapsed.len(), source, source_len);
    }
}

/// The callback: follows tags and routes text.
struct Handler<'h> {
    src: &'h [u8],
    page: bool,
    body: Out,
    title: Out,
    h1: Out,
    json_ld: Vec<(usize, String)>,
    /// Where the content of the JSON-LD script being read starts.
    json_ld_from: Option<usize>,
    /// The first bytes of a character whose last bytes are still to come, and where they are.
    partial: Vec<u8>,
    partial_at: usize,
    /// Skipped elements still open, by name.
    skipped: Vec<Vec<u8>>,
    /// The start tag being read: its name, where it starts, and what its attributes say.
    tag: Vec<u8>,
    tag_at: usize,
    attr: Vec<u8>,
    ld_json: bool,
    navigation: bool,
    in_title: bool,
    /// 0 before the first `h1`, 1 inside it, 2 after it.
    h1_state: u8,
    /// Nesting of headings inside the first `h1` (an `h1` in an `h1` is tag soup).
    h1_depth: u32,
}

impl<'h> Handler<'h> {
    fn new(html: &'h str, page: bool) -> Self {
        Self {
            src: html.as_bytes(),
            page,
            body: Out::default(),
            title: Out::default(),
            h1: Out::default(),
            json_ld: Vec::new(),
            json_ld_from: None,
            partial: Vec::new(),
            partial_at: 0,
            skipped: Vec::new(),
            tag: Vec::new(),
            tag_at: 0,
            attr: Vec::new(),
            ld_json: false,
            navigation: false,
            in_title: false,
            h1_state: 0,
            h1_depth: 0,
        }
    }

    fn sink(&self) -> Sink {
        if self.json_ld_from.is_some() {
            Sink::Nowhere
        } else if self.in_title {
            Sink::Title
        } else if !self.skipped.is_empty() {
            Sink::Nowhere
        } else if self.h1_state == 1 {
            Sink::H1
        } else {
            Sink::Body
        }
    }

    fn out(&mut self) -> Option<&mut Out> {
        match self.sink() {
            Sink::Body => Some(&mut self.body),
            Sink::Title => Some(&mut self.title),
            Sink::H1 => Some(&mut self.h1),
            Sink::Nowhere => None,
        }
    }

    /// A string the tokenizer emitted, standing for `len` input bytes at `at`.
    ///
    /// The tokenizer may emit a character's bytes one at a time (after a character
    /// reference it reconsumes a byte): an incomplete character waits for the rest.
    fn text(&mut self, s: &[u8], at: usize, len: usize) {
        if !self.partial.is_empty() {
            let mut joined = std::mem::take(&mut self.partial);
            let from = self.partial_at;
            if from + joined.len() != at {
                // Not continued: cannot happen for a `&str`, but never lose text.
                self.route(&String::from_utf8_lossy(&joined), from, joined.len(), false);
                return self.text(s, at, len);
            }
            joined.extend_from_slice(s);
            return self.text(&joined, from, at + len - from);
        }
        let copied = self.src.get(at..at + len) == Some(s);
        match std::str::from_utf8(s) {
            Ok(text) => self.route(text, at, len, copied),
            Err(e) if e.error_len().is_none() && copied => {
                let ok = e.valid_up_to();
                let head = std::str::from_utf8(&s[..ok]).unwrap_or_default();
                self.route(head, at, ok, true);
                self.partial = s[ok..].to_vec();
                self.partial_at = at + ok;
            }
            Err(_) => self.route(&String::from_utf8_lossy(s), at, len, false),
        }
    }

    fn route(&mut self, text: &str, at: usize, len: usize, copied: bool) {
        if let Some(out) = self.out() {
            out.text(text, at, len, copied);
        }
    }

    fn start_tag(&mut self, self_closing: bool, end_at: usize) {
        let name = std::mem::take(&mut self.tag);
        let at = self.tag_at;
        if self.page && name == b"title" && self.skipped.iter().all(|s| s == b"head") && !self_closing {
            self.in_title = true;
        } else if self.page && name == b"script" && self.ld_json && !self_closing {
            self.json_ld_from = Some(end_at);
        } else if (is_skipped(&name) || self.navigation) && !self_closing && !is_void(&name) {
            // A fragment's `head` is tag soup: its content is read.
            if name != b"head" || self.page {
                self.skipped.push(name.clone());
            }
        } else {
            // Content that cannot stand in the head ends it, as in a browser.
            if self.skipped.len() == 1 && self.skipped[0] == b"head" && !in_head(&name) {
                self.skipped.clear();
            }
            if !self.skipped.is_empty() {
                self.tag = name;
                return;
            }
            if self.page && name == b"h1" && self.h1_state == 0 {
                self.h1_state = 1;
                self.body.owe(2, at);
                self.tag = name;
                return;
            }
            if self.h1_state == 1 && is_heading(&name) {
                self.h1_depth += 1;
            }
            if let Some(out) = self.out() {
                out.owe(breaks(&name), at);
                if is_heading(&name) {
                    out.prefix("## ", at);
                } else if name == b"li" {
                    out.prefix("- ", at);
                } else if matches!(name.as_slice(), b"b" | b"strong") {
                    out.prefix("**", at);
                }
            }
        }
        self.tag = name;
    }

    fn end_tag(&mut self, name: &[u8], at: usize) {
        if self.in_title && name == b"title" {
            self.in_title = false;
            return;
        }
        if name == b"script"
            && let Some(from) = self.json_ld_from.take()
        {
            let content = self.src.get(from..at.max(from)).map(String::from_utf8_lossy).unwrap_or_default();
            self.json_ld.push((from, content.into_owned()));
            return;
        }
        if let Some(i) = self.skipped.iter().rposition(|s| s == name) {
            self.skipped.truncate(i);
            return;
        }
        if !self.skipped.is_empty() {
            return;
        }
        if self.h1_state == 1 && is_heading(name) {
            if self.h1_depth == 0 {
                self.h1_state = 2;
                self.body.owe(2, at);
                return;
            }
            self.h1_depth -= 1;
        }
        if let Some(out) = self.out() {
            if matches!(name, b"b" | b"strong") && !out.ex.text.ends_with("**") {
                out.insert("**", at);
                out.after_markup = false;
            }
            out.owe(breaks(name), at);
        }
    }

    fn finish(&mut self) -> Page {
        if !self.partial.is_empty() {
            let rest = std::mem::take(&mut self.partial);
            self.route(&String::from_utf8_lossy(&rest), self.partial_at, rest.len(), false);
        }
        let take = |out: &mut Out| {
            let ex = std::mem::take(&mut out.ex);
            (!ex.text.trim().is_empty()).then_some(ex)
        };
        Page {
            body: std::mem::take(&mut self.body.ex),
            h1: take(&mut self.h1),
            title: take(&mut self.title),
            json_ld: std::mem::take(&mut self.json_ld),
        }
    }
}

/// The callback html5gum calls, handing events to the handler the caller keeps.
struct Events<'a, 'h>(&'a mut Handler<'h>);

impl Callback<Infallible, usize> for Events<'_, '_> {
    fn handle_event(&mut self, event: CallbackEvent<'_>, span: Span<usize>) -> Option<Infallible> {
        self.0.event(event, span);
        None
    }
}

impl Handler<'_> {
    fn event(&mut self, event: CallbackEvent<'_>, span: Span<usize>) {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                self.tag.clear();
                self.tag.extend_from_slice(name);
                self.tag_at = span.start;
                self.ld_json = false;
                self.navigation = false;
            }
            CallbackEvent::AttributeName { name } => {
                self.attr.clear();
                self.attr.extend_from_slice(name);
            }
            CallbackEvent::AttributeValue { value } => {
                let value = value.trim_ascii();
                if self.attr == b"type" {
                    self.ld_json = value.eq_ignore_ascii_case(b"application/ld+json");
                } else if self.attr == b"role" {
                    self.navigation = value.eq_ignore_ascii_case(b"navigation");
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => self.start_tag(self_closing, span.end),
            CallbackEvent::EndTag { name } => self.end_tag(name, span.start),
            CallbackEvent::String { .. }
            | CallbackEvent::Comment { .. }
            | CallbackEvent::Doctype { .. }
            | CallbackEvent::Error(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::source_map::Piece;

    fn piece(text: u32, text_len: u32, source: u32, source_len: u32) -> Piece {
        Piece { text, text_len, source, source_len }
    }

    /// After a character reference the tokenizer hands over the next character byte by byte.
    #[test]
    fn a_character_split_by_the_tokenizer_is_read_whole() {
        let read = super::read_fragment("\u{e9}&amp;\u{e9}<b>\u{e9}</b>");
        assert_eq!(read.text, "\u{e9}&\u{e9}**\u{e9}**");
        assert_eq!(
            read.layer.pieces,
            // é, &amp;, é, ** for <b> at 9, é, ** for </b> at 14.
            [
                piece(0, 2, 0, 2),
                piece(2, 1, 2, 5),
                piece(3, 2, 7, 2),
                piece(5, 2, 9, 0),
                piece(7, 2, 12, 2),
                piece(9, 2, 14, 0)
            ]
        );
    }
}
