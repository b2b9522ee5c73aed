//! The limits scan of a TOML document: headers, keys, strings and brackets, nothing
//! built but the tree of table names.
//!
//! TOML nests through table headers (`[a.b]`), arrays of tables (`[[roles]]`, whose
//! elements are counted per parent element), dotted keys and inline arrays and
//! tables. The scan follows all of them, so it measures a valid document as the
//! parser would build it; the one thing it does not decode is a quoted key with
//! escapes, which it compares as written (and so may undercount, never overcount).

use std::collections::HashMap;

use super::{Exceeded, Limit, Limits, Shape, shorten};

enum Frame {
    /// An inline array, at this depth, with this many values so far.
    Array { depth: usize, items: usize },
    /// An inline table, at this depth; `key_extra` levels for its current dotted key.
    Table { depth: usize, key_extra: usize, expect_key: bool },
}

/// A table named by a header.
#[derive(Default)]
struct Node {
    /// It is an array of tables (`[[name]]`).
    array: bool,
    /// Elements so far, if it is an array of tables.
    elements: usize,
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    limits: &'a Limits,
    shape: Shape,
    stack: Vec<Frame>,
    /// Depth of the table the last header opened (the root table: 1).
    table_depth: usize,
    /// The tree of header names; node 0 is the root table.
    nodes: Vec<Node>,
    /// (parent node, parent's element number, key) -> child node.
    children: HashMap<(usize, usize, Vec<u8>), usize>,
}

pub(super) fn scan(b: &[u8], limits: &Limits) -> Result<Shape, Exceeded> {
    let mut s = Scan {
        b,
        i: 0,
        limits,
        shape: Shape { depth: 1, ..Shape::default() },
        stack: Vec::new(),
        table_depth: 1,
        nodes: vec![Node::default()],
        children: HashMap::new(),
    };
    // Every TOML document is a table one level deep, even an empty one (as JSON's `{}`
    // is), so a depth limit of 0 refuses it whether or not a key follows.
    s.depth(1, 0, None)?;
    s.run()?;
    Ok(s.shape)
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.b.get(self.i + ahead).copied()
    }

    fn run(&mut self) -> Result<(), Exceeded> {
        loop {
            self.skip_blank();
            let Some(c) = self.peek() else { return Ok(()) };
            let Some(frame) = self.stack.last_mut() else {
                if c == b'[' {
                    self.header()?;
                } else {
                    self.key_value()?;
                }
                continue;
            };
            match frame {
                Frame::Array { depth, .. } => match c {
                    b']' => {
                        self.stack.pop();
                        self.i += 1;
                    }
                    b',' => self.i += 1,
                    _ => {
                        let depth = *depth;
                        self.value(depth)?;
                    }
                },
                Frame::Table { depth, key_extra, expect_key } => match c {
                    b'}' => {
                        self.stack.pop();
                        self.i += 1;
                    }
                    b',' => {
                        *expect_key = true;
                        self.i += 1;
                    }
                    _ if *expect_key => {
                        let depth = *depth;
                        let start = self.i;
                        let segments = self.key(false)?.0;
                        self.skip_spaces();
                        if self.peek() == Some(b'=') || self.i == start {
                            self.i += 1;
                        }
                        let extra = segments.saturating_sub(1);
                        if let Some(Frame::Table { key_extra, expect_key, .. }) = self.stack.last_mut() {
                            *key_extra = extra;
                            *expect_key = false;
                        }
                        self.depth(depth + extra, start, None)?;
                    }
                    _ => {
                        let depth = *depth + *key_extra;
                        self.value(depth)?;
                    }
                },
            }
        }
    }

    /// `key = value` at the top level, under the last header.
    fn key_value(&mut self) -> Result<(), Exceeded> {
        let start = self.i;
        let segments = self.key(false)?.0;
        self.skip_spaces();
        if self.peek() != Some(b'=') {
            // Not a key-value pair: the parser will say why. Skip the line.
            self.i = start + 1;
            while self.peek().is_some_and(|c| c != b'\n') {
                self.i += 1;
            }
            return Ok(());
        }
        self.i += 1;
        self.skip_spaces();
        let depth = self.table_depth + segments.saturating_sub(1);
        self.depth(depth, start, None)?;
        match self.peek() {
            None | Some(b'\n' | b'\r' | b'#') => Ok(()),
            Some(_) => self.value(depth),
        }
    }

    /// `[a.b]` or `[[a.b]]`: walks the tree of names, counting elements of arrays of tables.
    fn header(&mut self) -> Result<(), Exceeded> {
        let at = self.i;
        self.i += 1;
        let array = self.peek() == Some(b'[');
        if array {
            self.i += 1;
        }
        let segments = self.key(true)?.1;
        self.skip_spaces();
        for _ in 0..if array { 2 } else { 1 } {
            if self.peek() == Some(b']') {
                self.i += 1;
            }
        }
        let last = segments.len().saturating_sub(1);
        let dotted = |s: &[Vec<u8>]| s.iter().map(|k| shorten(k)).collect::<Vec<_>>().join(".");
        let mut node = 0;
        let mut depth = 1;
        for (k, segment) in segments.iter().enumerate() {
            let element = self.nodes.get(node).map_or(0, |n| n.elements);
            let next = self.nodes.len();
            node = *self.children.entry((node, element, segment.clone())).or_insert(next);
            if node == next {
                self.nodes.push(Node::default());
            }
            depth += 1;
            if let Some(n) = self.nodes.get_mut(node) {
                if k == last && array {
                    n.array = true;
                    n.elements += 1;
                    let elements = n.elements;
                    self.shape.max_items = self.shape.max_items.max(elements);
                    if elements > self.limits.max_records {
                        let path = Some(dotted(&segments));
                        return Err(Exceeded::new(self.limits, Limit::Records, at, path, None));
                    }
                }
                if n.array {
                    depth += 1;
                }
            }
            if depth > self.limits.max_depth {
                return self.depth(depth, at, Some(dotted(&segments[..=k])));
            }
        }
        self.depth(depth, at, None)?;
        self.table_depth = depth;
        Ok(())
    }

    /// A key, dotted or not: how many parts it has, and the parts (unquoted where that
    /// needs no decoding) if `keep`.
    fn key(&mut self, keep: bool) -> Result<(usize, Vec<Vec<u8>>), Exceeded> {
        let mut count = 0;
        let mut parts = Vec::new();
        loop {
            self.skip_spaces();
            let at = self.i;
            let part = match self.peek() {
                Some(b'"') => {
                    let (content_end, end) = self.basic_end(at + 1);
                    self.string(at, content_end - (at + 1))?;
                    self.i = end;
                    let content = self.b.get(at + 1..content_end).unwrap_or_default();
                    if content.contains(&b'\\') { self.b.get(at..end) } else { Some(content) }
                }
                Some(b'\'') => {
                    let (content_end, end) = self.literal_end(at + 1);
                    self.string(at, content_end - (at + 1))?;
                    self.i = end;
                    self.b.get(at + 1..content_end)
                }
                _ => {
                    while self.peek().is_some_and(is_bare_key_byte) {
                        self.i += 1;
                    }
                    if self.i == at {
                        break;
                    }
                    self.string(at, self.i - at)?;
                    self.b.get(at..self.i)
                }
            };
            count += 1;
            if keep {
                parts.push(part.unwrap_or_default().to_vec());
            }
            self.skip_spaces();
            if self.peek() == Some(b'.') {
                self.i += 1;
            } else {
                break;
            }
        }
        Ok((count, parts))
    }

    /// A value in a table of this depth: a string, a scalar, or an inline array or table.
    fn value(&mut self, depth: usize) -> Result<(), Exceeded> {
        let at = self.i;
        if let Some(Frame::Array { items, .. }) = self.stack.last_mut() {
            *items += 1;
            let items = *items;
            self.shape.max_items = self.shape.max_items.max(items);
            if items > self.limits.max_records {
                return Err(Exceeded::new(self.limits, Limit::Records, at, None, None));
            }
        }
        let triple = |q: u8| self.peek_at(1) == Some(q) && self.peek_at(2) == Some(q);
        let (content, end) = match self.peek() {
            Some(b'"') if triple(b'"') => (at + 3, self.multiline_end(at + 3, b'"')),
            Some(b'"') => (at + 1, self.basic_end(at + 1)),
            Some(b'\'') if triple(b'\'') => (at + 3, self.multiline_end(at + 3, b'\'')),
            Some(b'\'') => (at + 1, self.literal_end(at + 1)),
            Some(c @ (b'[' | b'{')) => {
                self.depth(depth + 1, at, None)?;
                self.stack.push(if c == b'[' {
                    Frame::Array { depth: depth + 1, items: 0 }
                } else {
                    Frame::Table { depth: depth + 1, key_extra: 0, expect_key: true }
                });
                self.i += 1;
                return Ok(());
            }
            _ => {
                self.scalar();
                return Ok(());
            }
        };
        self.string(at, end.0 - content)?;
        self.i = end.1;
        Ok(())
    }

    /// A number, boolean or date-time: up to the next delimiter, and always at least
    /// one byte so the scan moves on.
    fn scalar(&mut self) {
        let start = self.i;
        self.i += 1;
        loop {
            while self.peek().is_some_and(|c| !is_delimiter(c)) {
                self.i += 1;
            }
            // `1979-05-27 07:32:00`: a date and a time separated by a space.
            let run = self.b.get(start..self.i).unwrap_or_default();
            let date = run.len() == 10 && run.get(4) == Some(&b'-') && run.get(7) == Some(&b'-');
            if date && self.peek() == Some(b' ') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
                self.i += 1;
            } else {
                return;
            }
        }
    }

    /// Content end and string end of `"..."`, from the byte after the quote; an
    /// unterminated string ends at the end of its line.
    fn basic_end(&self, mut i: usize) -> (usize, usize) {
        while let Some(&c) = self.b.get(i) {
            match c {
                b'\\' => i += 2,
                b'"' => return (i, i + 1),
                b'\n' => return (i, i),
                _ => i += 1,
            }
        }
        (self.b.len(), self.b.len())
    }

    /// Content end and string end of `'...'`, from the byte after the quote.
    fn literal_end(&self, mut i: usize) -> (usize, usize) {
        while let Some(&c) = self.b.get(i) {
            match c {
                b'\'' => return (i, i + 1),
                b'\n' => return (i, i),
                _ => i += 1,
            }
        }
        (self.b.len(), self.b.len())
    }

    /// Content end and string end of `"""..."""` or `'''...'''`, from the byte after
    /// the opening quotes. Up to two quotes right before the closing ones are content.
    fn multiline_end(&self, mut i: usize, quote: u8) -> (usize, usize) {
        while let Some(&c) = self.b.get(i) {
            if c == b'\\' && quote == b'"' {
                i += 2;
            } else if c == quote && self.b.get(i + 1) == Some(&quote) && self.b.get(i + 2) == Some(&quote) {
                let mut content_end = i;
                while content_end < i + 2 && self.b.get(content_end + 3) == Some(&quote) {
                    content_end += 1;
                }
                return (content_end, content_end + 3);
            } else {
                i += 1;
            }
        }
        (self.b.len(), self.b.len())
    }

    fn depth(&mut self, depth: usize, at: usize, path: Option<String>) -> Result<(), Exceeded> {
        self.shape.depth = self.shape.depth.max(depth);
        if depth > self.limits.max_depth {
            return Err(Exceeded::new(self.limits, Limit::Depth, at, path, None));
        }
        Ok(())
    }

    fn string(&mut self, at: usize, len: usize) -> Result<(), Exceeded> {
        self.shape.max_string_bytes = self.shape.max_string_bytes.max(len);
        if len > self.limits.max_string_bytes {
            return Err(Exceeded::new(self.limits, Limit::StringBytes, at, None, Some(len)));
        }
        Ok(())
    }

    /// Spaces, tabs, line ends and comments.
    fn skip_blank(&mut self) {
        while let Some(c) = self.peek() {
            match c {
                b' ' | b'\t' | b'\r' | b'\n' => self.i += 1,
                b'#' => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.i += 1;
                    }
                }
                _ => return,
            }
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.i += 1;
        }
    }
}

fn is_bare_key_byte(c: u8) -> bool {
    !matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'.' | b'=' | b'[' | b']' | b'{' | b'}' | b',' | b'#' | b'"' | b'\'')
}

fn is_delimiter(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b',' | b']' | b'}' | b'#' | b'[' | b'{' | b'"' | b'\'' | b'=')
}
