//! Where extracted text came from: byte ranges of a text rolefit made (from an HTML page, a
//! JSON string) mapped back to the bytes the user gave.
//!
//! Extraction copies most bytes as they are and replaces a few: an entity (`&amp;` becomes
//! `&`), a JSON escape (`\u00e9` becomes `é`), a run of whitespace collapsed to one space.
//! It also inserts bytes that stand for markup (a line break for `<p>`). The map records
//! the extracted text as a list of *pieces*, each a range of the text and the range of the
//! input it came from:
//!
//! - a **copied** piece has the same length on both sides, and every byte maps to its twin;
//! - a **replaced** piece maps as a whole: a span that starts or ends inside it is widened to
//!   the whole input range (`&amp;` for `&`), so a span never cuts an entity or escape in two;
//! - an **inserted** piece has an empty input range, at the markup it stands for.
//!
//! Text read through several layers (an HTML description inside a JSON string inside a
//! `<script>` element of a page) keeps one list of pieces per layer, innermost first; a span
//! is mapped through each in turn.

/// One run of extracted text and the input bytes it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Start of the run in the extracted text.
    pub text: u32,
    /// Length of the run in the extracted text.
    pub text_len: u32,
    /// Start of the input bytes it came from.
    pub source: u32,
    /// Length of those input bytes (0 for inserted text).
    pub source_len: u32,
}

/// One layer of extraction: pieces sorted by their start in the extracted text, covering it
/// without gaps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Layer {
    pub pieces: Vec<Piece>,
}

impl Layer {
    /// Appends a run of text; merges it into the previous piece when both are copies that
    /// continue each other.
    pub fn push(&mut self, text: usize, text_len: usize, source: usize, source_len: usize) {
        if text_len == 0 {
            return;
        }
        let piece = Piece {
            text: text as u32,
            text_len: text_len as u32,
            source: source as u32,
            source_len: source_len as u32,
        };
        if let Some(last) = self.pieces.last_mut()
            && last.text_len == last.source_len
            && piece.text_len == piece.source_len
            && last.text + last.text_len == piece.text
            && last.source + last.source_len == piece.source
        {
            last.text_len += piece.text_len;
            last.source_len += piece.source_len;
            return;
        }
        self.pieces.push(piece);
    }

    /// Where byte offset `at` of the text lies in the input, as the start of a span
    /// (`end == false`) or its end.
    fn map(&self, at: usize, end: bool) -> usize {
        let at = at as u64;
        let piece_end = |p: &Piece| u64::from(p.text) + u64::from(p.text_len);
        // A start lies in the piece holding the byte at `at`; an end, in the piece holding
        // the byte just before it.
        let i = if end {
            self.pieces.partition_point(|p| piece_end(p) < at)
        } else {
            self.pieces.partition_point(|p| piece_end(p) <= at)
        };
        let Some(p) = self.pieces.get(i).or(self.pieces.last()) else { return at as usize };
        let (text, source) = (u64::from(p.text), u64::from(p.source));
        let mapped = if at >= piece_end(p) {
            source + u64::from(p.source_len)
        } else if at <= text {
            source
        } else if p.text_len == p.source_len {
            source + at - text
        } else if end {
            source + u64::from(p.source_len)
        } else {
            source
        };
        mapped as usize
    }
}

/// Maps byte ranges of an extracted text back to the input it was read from (see the
/// module documentation). The identity map (no layers) is a text given as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// Innermost first.
    layers: Vec<Layer>,
}

impl SourceMap {
    /// The map of a text given as it is: every span maps to itself.
    pub fn identity() -> Self {
        Self::default()
    }

    /// Whether spans map to themselves.
    pub fn is_identity(&self) -> bool {
        self.layers.is_empty()
    }

    /// A map of one layer.
    pub(crate) fn from_layer(layer: Layer) -> Self {
        Self { layers: vec![layer] }
    }

    /// This map followed by `outer`: for a text extracted from a text that `outer` maps to
    /// the input.
    pub(crate) fn then(mut self, outer: &SourceMap) -> Self {
        self.layers.extend(outer.layers.iter().cloned());
        self
    }

    /// The input range that the text's bytes `start..end` came from.
    ///
    /// A span that starts or ends inside a replaced piece (an entity, an escape) is widened
    /// to cover it; a span of inserted text maps to an empty range at its markup.
    ///
    /// ```
    /// use rolefit_text::Posting;
    ///
    /// let page = "<p>Product&nbsp;Owner &amp; Scrum</p>";
    /// let posting = Posting::from_html(page);
    /// assert_eq!(posting.body, "Product\u{a0}Owner & Scrum");
    /// let (start, end) = posting.body_map().source_span(0, "Product\u{a0}Owner".len());
    /// assert_eq!(&page[start..end], "Product&nbsp;Owner");
    /// ```
    pub fn source_span(&self, start: usize, end: usize) -> (usize, usize) {
        let (mut a, mut b) = (start, end.max(start));
        for layer in &self.layers {
            let na = layer.map(a, false);
            let nb = if b == a { na } else { layer.map(b, true).max(na) };
            (a, b) = (na, nb);
        }
        (a, b)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    /// "a&b c" from "a&amp;b  c": copy, entity, copy, collapsed space, copy.
    fn layer() -> Layer {
        let mut l = Layer::default();
        l.push(0, 1, 0, 1); // a
        l.push(1, 1, 1, 5); // &amp;
        l.push(2, 1, 6, 1); // b
        l.push(3, 1, 7, 2); // two spaces
        l.push(4, 1, 9, 1); // c
        l
    }

    #[test]
    fn copies_map_byte_for_byte_and_replacements_widen() {
        let map = SourceMap::from_layer(layer());
        assert_eq!(map.source_span(0, 1), (0, 1));
        assert_eq!(map.source_span(1, 2), (1, 6));
        assert_eq!(map.source_span(0, 3), (0, 7));
        assert_eq!(map.source_span(2, 5), (6, 10));
        assert_eq!(map.source_span(4, 5), (9, 10));
        assert_eq!(map.source_span(5, 5), (10, 10));
    }

    #[test]
    fn inserted_text_maps_to_an_empty_range() {
        let mut l = Layer::default();
        l.push(0, 2, 0, 2); // "ab"
        l.push(2, 1, 5, 0); // "\n" for a tag at 5
        l.push(3, 2, 8, 2); // "cd"
        let map = SourceMap::from_layer(l);
        assert_eq!(map.source_span(2, 3), (5, 5));
        assert_eq!(map.source_span(0, 5), (0, 10));
        assert_eq!(map.source_span(3, 5), (8, 10));
    }

    #[test]
    fn layers_compose_innermost_first() {
        // Inner: the text "xy" is bytes 1..3 of the middle text; outer shifts by 10.
        let mut inner = Layer::default();
        inner.push(0, 2, 1, 2);
        let mut outer = Layer::default();
        outer.push(0, 4, 10, 4);
        let map = SourceMap::from_layer(inner).then(&SourceMap::from_layer(outer));
        assert_eq!(map.source_span(0, 2), (11, 13));
        assert!(SourceMap::identity().is_identity());
        assert_eq!(SourceMap::identity().source_span(3, 7), (3, 7));
    }
}
