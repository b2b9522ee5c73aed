//! The one form in which both lexicon phrases and texts are matched.
//!
//! A text becomes a stream of word stems, each written as `" stem "` (its own leading
//! and trailing space), with `|` where a phrase may not continue (sentence punctuation,
//! a blank line, a dash between words). A phrase becomes the same kind of stream
//! without breaks, so an Aho-Corasick match of a phrase in a text always starts and ends
//! on word boundaries, and adjacent phrases never compete for a shared space.
//!
//! Words are lowercased (ASCII by table, other letters with `char::to_lowercase`);
//! hyphens and apostrophes inside a word join its parts (`back-log` is `backlog`,
//! `team's` is `teams`); runs of whitespace, single line breaks, slashes and other
//! soft punctuation separate words. ASCII words are then stemmed by a small suffix
//! stripper (plural `-s`/`-es`/`-ies`, `-ing`, `-ed`, a final `-e`) that is the same
//! for phrases and texts: only its consistency matters, not its linguistics.

/// Written after every word and before it: the word separator of the stream.
pub(crate) const SEP: u8 = b' ';
/// Written where a phrase may not continue.
pub(crate) const BREAK: u8 = b'|';

/// Longest heading line, in words, that can open a section.
const HEADING_MAX_WORDS: u32 = 8;
/// Longest plain heading (no `#`, bold or colon), in words.
const PLAIN_HEADING_MAX_WORDS: u32 = 4;

/// One word of a text: where its stem starts in the stream and where it is in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    /// Offset of the word's leading space in the stream.
    pub norm: u32,
    /// Byte offset of the word's start in the original text.
    pub start: u32,
    /// Byte offset just past the word's end in the original text.
    pub end: u32,
}

/// The stem of a token: the bytes between its spaces in the stream.
pub(crate) fn token_stem(bytes: &[u8], t: Token) -> &[u8] {
    let from = t.norm as usize + 1;
    let rest = bytes.get(from..).unwrap_or(&[]);
    let len = rest.iter().position(|&b| b == SEP).unwrap_or(rest.len());
    &rest[..len]
}

/// A line that looks like a section heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Heading {
    /// Index of the line's first token.
    pub first_token: u32,
    /// Index just past the line's last token.
    pub end_token: u32,
}

/// A normalized text: the stream, its words, and its heading lines.
#[derive(Debug, Default, Clone)]
pub(crate) struct Normalized {
    pub bytes: Vec<u8>,
    pub tokens: Vec<Token>,
    pub headings: Vec<Heading>,
}

const WORD: u8 = 1;
const SPACE: u8 = 2;
const NEWLINE: u8 = 3;
const HYPHEN: u8 = 4;
const APOSTROPHE: u8 = 5;
const SOFT: u8 = 6;
const HARD: u8 = 7;
const NON_ASCII: u8 = 8;

/// The class of every byte.
static CLASS: [u8; 256] = {
    let mut t = [HARD; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            WORD
        } else if c >= 0x80 {
            NON_ASCII
        } else {
            match c {
                b' ' | b'\t' | b'\r' | 0x0b | 0x0c => SPACE,
                b'\n' => NEWLINE,
                b'-' => HYPHEN,
                b'\'' => APOSTROPHE,
                b'/' | b'&' | b'+' | b'_' | b'~' | b'`' | b'*' | b'#' | b'>' | b'=' | b'\\' | b'^' | b'$' | b'%'
                | b'@' => SOFT,
                _ => HARD,
            }
        };
        b += 1;
    }
    t
};

/// Normalizes a text into `out`, reusing its allocations.
///
/// Offsets are `u32`: callers keep texts under 4 GiB (the crate's limits are far lower).
pub(crate) fn normalize_into(text: &str, out: &mut Normalized) {
    out.bytes.clear();
    out.tokens.clear();
    out.headings.clear();
    out.bytes.reserve(text.len() + text.len() / 4 + 2);
    let mut n = Normalizer {
        text,
        out,
        in_word: false,
        word_norm: 0,
        word_start: 0,
        word_ascii: true,
        last_break: true,
        newlines: 0,
        line_start: 0,
        line_first_token: 0,
        after_blank_line: true,
    };
    n.run();
}

struct Normalizer<'t, 'o> {
    text: &'t str,
    out: &'o mut Normalized,
    in_word: bool,
    word_norm: usize,
    word_start: usize,
    word_ascii: bool,
    last_break: bool,
    /// Line breaks since the last word.
    newlines: u32,
    line_start: usize,
    line_first_token: usize,
    /// Whether the current line follows a blank line (or starts the text).
    after_blank_line: bool,
}

impl Normalizer<'_, '_> {
    fn run(&mut self) {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        let mut i = 0;
        while i < len {
            let b = bytes[i];
            match CLASS[b as usize] {
                WORD => {
                    if !self.in_word {
                        if matches!(b, b'h' | b'H' | b'w' | b'W')
                            && let Some(end) = url_end(bytes, i)
                        {
                            // A link's words (`/apply/product-owner`) are not the posting's.
                            self.push_break();
                            i = end;
                            continue;
                        }
                        self.begin_word(i);
                    }
                    // The whole run of ASCII word bytes at once.
                    let run = bytes[i..].iter().position(|&c| CLASS[c as usize] != WORD).unwrap_or(len - i);
                    self.out.bytes.extend(bytes[i..i + run].iter().map(u8::to_ascii_lowercase));
                    i += run;
                }
                SPACE => {
                    self.end_word(i);
                    i += 1;
                }
                NEWLINE => {
                    self.end_word(i);
                    self.end_line(i);
                    self.newlines += 1;
                    if self.newlines >= 2 {
                        self.push_break();
                    }
                    i += 1;
                    self.line_start = i;
                }
                HYPHEN if self.in_word && self.word_follows(i + 1) => i += 1,
                HYPHEN => {
                    self.end_word(i);
                    self.push_break();
                    i += 1;
                }
                APOSTROPHE => {
                    if !(self.in_word && self.word_follows(i + 1)) {
                        self.end_word(i);
                    }
                    i += 1;
                }
                SOFT => {
                    self.end_word(i);
                    i += 1;
                }
                NON_ASCII => i = self.non_ascii(i),
                _ => {
                    self.end_word(i);
                    self.push_break();
                    i += 1;
                }
            }
        }
        self.end_word(len);
        self.end_line(len);
    }

    /// Handles the character at `i` (a non-ASCII lead byte); returns the next offset.
    fn non_ascii(&mut self, i: usize) -> usize {
        let Some(c) = self.text.get(i..).and_then(|s| s.chars().next()) else {
            // Not on a char boundary: cannot happen for a `&str`; skip the byte.
            return i + 1;
        };
        let next = i + c.len_utf8();
        if c.is_alphanumeric() || is_combining_mark(c) {
            if !self.in_word {
                self.begin_word(i);
            }
            self.word_ascii = false;
            let mut buf = [0u8; 4];
            for lower in c.to_lowercase() {
                self.out.bytes.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
            }
        } else if matches!(c, '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}') {
            // Invisible: a soft hyphen or zero-width character joins, like nothing at all.
        } else if matches!(c, '\u{2028}' | '\u{2029}') {
            self.end_word(i);
            self.push_break();
        } else if c.is_whitespace() {
            self.end_word(i);
        } else if matches!(c, '\u{2010}' | '\u{2011}') {
            if !(self.in_word && self.word_follows(next)) {
                self.end_word(i);
                self.push_break();
            }
        } else if matches!(c, '\u{2018}' | '\u{2019}' | '\u{2bc}') {
            if !(self.in_word && self.word_follows(next)) {
                self.end_word(i);
            }
        } else {
            self.end_word(i);
            self.push_break();
        }
        next
    }

    /// Whether a word character starts at `i`.
    fn word_follows(&self, i: usize) -> bool {
        match self.text.as_bytes().get(i) {
            Some(&b) if b < 0x80 => CLASS[b as usize] == WORD,
            Some(_) => self.text.get(i..).and_then(|s| s.chars().next()).is_some_and(char::is_alphanumeric),
            None => false,
        }
    }

    fn begin_word(&mut self, i: usize) {
        self.in_word = true;
        self.word_norm = self.out.bytes.len();
        self.out.bytes.push(SEP);
        self.word_start = i;
        self.word_ascii = true;
        self.last_break = false;
        if self.newlines >= 2 {
            self.after_blank_line = true;
        }
        self.newlines = 0;
    }

    fn end_word(&mut self, i: usize) {
        if !self.in_word {
            return;
        }
        self.in_word = false;
        let word_at = self.word_norm + 1;
        if self.word_ascii {
            let kept = stem(&self.out.bytes[word_at..]);
            self.out.bytes.truncate(word_at + kept);
        }
        self.out.bytes.push(SEP);
        self.out.tokens.push(Token { norm: self.word_norm as u32, start: self.word_start as u32, end: i as u32 });
    }

    fn push_break(&mut self) {
        if !self.last_break {
            self.out.bytes.push(BREAK);
            self.last_break = true;
        }
    }

    /// Closes the line `line_start..end`, recording it if it looks like a heading.
    fn end_line(&mut self, end: usize) {
        let first = self.line_first_token;
        let words = (self.out.tokens.len() - first) as u32;
        self.line_first_token = self.out.tokens.len();
        if words == 0 {
            return;
        }
        let blank_before = std::mem::replace(&mut self.after_blank_line, false);
        if words > HEADING_MAX_WORDS {
            return;
        }
        let line = self.text.get(self.line_start..end).unwrap_or("").trim();
        if is_heading(line, words, blank_before) {
            self.out.headings.push(Heading { first_token: first as u32, end_token: self.out.tokens.len() as u32 });
        }
    }
}

/// If a URL starts at `i` (`http://`, `https://`, `www.`), where it ends: at whitespace
/// or a closing bracket or quote.
fn url_end(b: &[u8], i: usize) -> Option<usize> {
    let rest = &b[i..];
    let prefix = |p: &[u8]| rest.len() > p.len() && rest[..p.len()].eq_ignore_ascii_case(p);
    if !(prefix(b"http://") || prefix(b"https://") || prefix(b"www.")) {
        return None;
    }
    let len = rest
        .iter()
        .position(|&c| c.is_ascii_whitespace() || matches!(c, b')' | b']' | b'>' | b'"' | b'<' | b'}' | b'|'))
        .unwrap_or(rest.len());
    Some(i + len)
}

/// Whether a short line (trimmed, `words` words) reads as a section heading.
fn is_heading(line: &str, words: u32, blank_before: bool) -> bool {
    let b = line.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else { return false };
    if first == b'#' {
        return true;
    }
    let bold = |m: &[u8]| line.starts_with(std::str::from_utf8(m).unwrap_or("**")) && b.len() > 4;
    if (bold(b"**") || bold(b"__")) && (line.ends_with("**") || line.ends_with("__") || last == b':') {
        return true;
    }
    if last == b':' {
        return true;
    }
    let bullet = matches!(first, b'-' | b'*' | b'+' | b'>')
        || line.starts_with('\u{2022}')
        || line.starts_with('\u{b7}')
        || (first.is_ascii_digit() && b.get(1).is_some_and(|c| matches!(c, b'.' | b')')));
    blank_before && words <= PLAIN_HEADING_MAX_WORDS && !bullet && !matches!(last, b'.' | b',' | b';' | b'!' | b'?')
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// Strips common English suffixes from a lowercase ASCII word; returns the stem length.
///
/// The same rules run on phrases and texts, so a phrase in any of these forms finds
/// the others: `story`/`stories`, `backlog`/`backlogs`, `groom`/`grooming`/`groomed`,
/// `plan`/`planning`/`planned`, `prioritise`/`prioritised`/`prioritising`.
pub(crate) fn stem(w: &[u8]) -> usize {
    let mut n = w.len();
    if n <= 3 {
        return n;
    }
    let ends = |n: usize, s: &[u8]| n >= s.len() && &w[n - s.len()..n] == s;
    // Plurals: `stories` -> `stori`, `classes` -> `class`, `backlogs` -> `backlog`.
    if (ends(n, b"ies") && n > 4) || ends(n, b"sses") {
        n -= 2;
    } else if ends(n, b"s") && !ends(n, b"ss") && !ends(n, b"us") && !ends(n, b"is") {
        n -= 1;
    }
    // `-ing` and `-ed`, leaving a stem of three letters or more with a vowel in it.
    let has_vowel = |n: usize| w[..n].iter().any(|&b| is_vowel(b));
    let cut = if ends(n, b"ing") && n >= 6 && has_vowel(n - 3) {
        3
    } else if ends(n, b"ed") && n >= 5 && has_vowel(n - 2) {
        2
    } else {
        0
    };
    if cut > 0 {
        n -= cut;
        let (a, b) = (w[n - 2], w[n - 1]);
        if a == b && !is_vowel(b) && !matches!(b, b'l' | b's' | b'z') {
            n -= 1;
        }
    }
    // Letters that change with the suffix: `define`/`defin-ed`, `story`/`stori-es`, `apply`/`appli-ed`.
    if n >= 4 && matches!(w[n - 1], b'e' | b'y' | b'i') {
        n -= 1;
    }
    n
}

/// Gaps between a phrase's words beyond which only two forms are generated.
const MAX_VARIANT_GAPS: usize = 4;

/// The matching forms of a phrase: its stream, plus the variants with the gaps between
/// its words (spaces or hyphens) joined or split, since `user-centric`, `user centric`
/// and `usercentric` are one wording. Empty when the phrase has no word or holds
/// sentence punctuation, which a text would break on.
pub(crate) fn phrase_patterns(phrase: &str) -> Vec<Vec<u8>> {
    let mut scratch = Normalized::default();
    normalize_into(phrase, &mut scratch);
    if scratch.tokens.is_empty() || scratch.bytes.contains(&BREAK) {
        return Vec::new();
    }
    let mut patterns = vec![scratch.bytes.clone()];
    let spaced: String = phrase.chars().map(|c| if matches!(c, '-' | '\'' | '\u{2019}') { ' ' } else { c }).collect();
    normalize_into(&spaced, &mut scratch);
    let words: Vec<String> =
        scratch.tokens.iter().map(|t| spaced.get(t.start as usize..t.end as usize).unwrap_or("").to_owned()).collect();
    let gaps = words.len().saturating_sub(1);
    let masks: Vec<u32> = if gaps <= MAX_VARIANT_GAPS { (0..1 << gaps).collect() } else { vec![0] };
    for mask in masks {
        let mut joined = String::with_capacity(phrase.len());
        for (k, word) in words.iter().enumerate() {
            if k > 0 && mask & (1 << (k - 1)) == 0 {
                joined.push(' ');
            }
            joined.push_str(word);
        }
        normalize_into(&joined, &mut scratch);
        if !scratch.tokens.is_empty() && !scratch.bytes.contains(&BREAK) && !patterns.contains(&scratch.bytes) {
            patterns.push(scratch.bytes.clone());
        }
    }
    patterns
}
