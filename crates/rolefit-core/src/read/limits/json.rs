//! The limits scan of a JSON document: brackets, strings and commas, nothing built.

use super::{Exceeded, Limit, Limits, Shape, shorten};

enum Frame {
    /// An object and the raw bytes of its current key.
    Object { key: Option<(usize, usize)>, expect_key: bool },
    /// An array and how many values it has had so far.
    Array { items: usize },
}

struct Scan<'a> {
    b: &'a [u8],
    limits: &'a Limits,
    stack: Vec<Frame>,
    shape: Shape,
}

pub(super) fn scan(b: &[u8], limits: &Limits) -> Result<Shape, Exceeded> {
    let mut s = Scan { b, limits, stack: Vec::new(), shape: Shape::default() };
    s.run()?;
    Ok(s.shape)
}

impl Scan<'_> {
    fn run(&mut self) -> Result<(), Exceeded> {
        let b = self.b;
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            match c {
                b' ' | b'\t' | b'\n' | b'\r' | b':' => i += 1,
                b'"' => {
                    let (content_end, end) = string_end(b, i + 1);
                    if let Some(Frame::Object { key, expect_key: expect_key @ true }) = self.stack.last_mut() {
                        // A key: its error names the object, not the key before it.
                        *key = None;
                        *expect_key = false;
                        self.string(i, content_end - (i + 1))?;
                        if let Some(Frame::Object { key, .. }) = self.stack.last_mut() {
                            *key = Some((i + 1, content_end));
                        }
                    } else {
                        self.value_start(i)?;
                        self.string(i, content_end - (i + 1))?;
                    }
                    i = end;
                }
                b'{' | b'[' => {
                    self.value_start(i)?;
                    if self.stack.len() >= self.limits.max_depth {
                        return Err(self.exceeded(Limit::Depth, i, self.path(self.stack.len()), None));
                    }
                    self.stack.push(if c == b'{' {
                        Frame::Object { key: None, expect_key: true }
                    } else {
                        Frame::Array { items: 0 }
                    });
                    self.shape.depth = self.shape.depth.max(self.stack.len());
                    i += 1;
                }
                b'}' | b']' => {
                    self.stack.pop();
                    i += 1;
                }
                b',' => {
                    if let Some(Frame::Object { expect_key, .. }) = self.stack.last_mut() {
                        *expect_key = true;
                    }
                    i += 1;
                }
                _ => {
                    self.value_start(i)?;
                    i += 1;
                    while b.get(i).is_some_and(|c| !is_delimiter(*c)) {
                        i += 1;
                    }
                }
            }
        }
        Ok(())
    }

    /// A value begins at `at`: one more item if it is in an array.
    fn value_start(&mut self, at: usize) -> Result<(), Exceeded> {
        if let Some(Frame::Array { items }) = self.stack.last_mut() {
            *items += 1;
            let items = *items;
            self.shape.max_items = self.shape.max_items.max(items);
            if items > self.limits.max_records {
                return Err(self.exceeded(Limit::Records, at, self.path(self.stack.len() - 1), None));
            }
        }
        Ok(())
    }

    fn string(&mut self, at: usize, len: usize) -> Result<(), Exceeded> {
        self.shape.max_string_bytes = self.shape.max_string_bytes.max(len);
        if len > self.limits.max_string_bytes {
            return Err(self.exceeded(Limit::StringBytes, at, self.path(self.stack.len()), Some(len)));
        }
        Ok(())
    }

    fn exceeded(&self, limit: Limit, at: usize, path: Option<String>, found: Option<usize>) -> Exceeded {
        Exceeded::new(self.limits, limit, at, path, found)
    }

    /// The path through the first `frames` frames, as `serde_path_to_error` writes it:
    /// `roles[0].crosswalk`.
    fn path(&self, frames: usize) -> Option<String> {
        let mut path = String::new();
        for frame in self.stack.iter().take(frames) {
            match frame {
                Frame::Object { key: Some((start, end)), .. } => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(&shorten(self.b.get(*start..*end).unwrap_or_default()));
                }
                Frame::Object { key: None, .. } => {}
                Frame::Array { items } => path.push_str(&format!("[{}]", items.saturating_sub(1))),
            }
        }
        (!path.is_empty()).then_some(path)
    }
}

/// Where a string's content ends and where the string ends, from the byte after its
/// opening quote; an unterminated string runs to the end of the input.
fn string_end(b: &[u8], mut i: usize) -> (usize, usize) {
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' => i += 2,
            b'"' => return (i, i + 1),
            _ => i += 1,
        }
    }
    (b.len(), b.len())
}

fn is_delimiter(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' | b'"' | b'[' | b']' | b'{' | b'}')
}
