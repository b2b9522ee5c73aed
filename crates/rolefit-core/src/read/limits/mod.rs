//! Limits on the documents rolefit reads from people it does not know.
//!
//! A catalog uploaded to an HR tool, a profile posted to a web form and a job ad
//! scraped from a board are all untrusted. [`Limits`] bounds what reading one may
//! cost: its size, how deeply it nests, how long its lists and strings are. The
//! document is scanned once, without building anything, before a parser sees it, so
//! a document over a limit is refused before it can use much memory or stack, with
//! an error that names the limit and where it was crossed:
//!
//! ```
//! use rolefit_core::read::Limit;
//! use rolefit_core::{Catalog, Format, Limits};
//!
//! let deep = format!("{{\"roles\": {}{}}}", "[".repeat(100), "]".repeat(100));
//! let err = Catalog::from_str_with(&deep, Format::Json, &Limits::default()).unwrap_err();
//! assert!(err.to_string().contains("nesting deeper than the limit of 32 levels (max_depth)"));
//!
//! let strict = Limits::default().with_max_records(2);
//! let err = Format::Json.parse_with::<serde_json::Value>("[1, 2, 3]", &strict).unwrap_err();
//! assert_eq!(err.limit, Some(Limit::Records));
//! assert_eq!(err.to_string(), "line 1, column 8: more than 2 items in one list, over the limit (max_records)");
//! ```

mod json;
mod scan;
#[cfg(test)]
mod tests;
mod toml;

/// Bounds on a document: what reading one may cost.
///
/// [`Limits::default`] fits real use with a wide margin (the canonical catalog is
/// 144 KB, nests 7 levels, has at most 115 records in a list and no string over
/// 1 KB). [`Format::parse`](crate::Format::parse) and every `from_*_str` constructor apply the defaults;
/// [`Format::parse_with`](crate::Format::parse_with) and [`Catalog::from_str_with`](crate::Catalog::from_str_with)
/// take other ones.
///
/// ```
/// use rolefit_core::Limits;
/// let limits = Limits::default().with_max_input_bytes(1 << 20).with_max_depth(16);
/// assert_eq!(limits.max_input_bytes, 1 << 20);
/// assert_eq!(limits.max_records, Limits::DEFAULT.max_records);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Limits {
    /// The largest document, in bytes (default 16 MiB).
    pub max_input_bytes: usize,
    /// The deepest nesting of lists and tables, the document itself being level 1
    /// (default 32). JSON's parser stops at 128 levels and TOML's at about 80 whatever
    /// this says.
    pub max_depth: usize,
    /// The most items in one list: records in a catalog list, or entries of any array
    /// (default 100,000).
    pub max_records: usize,
    /// The longest string or key, in bytes as written in the document, escapes
    /// included (default 64 KiB; a valid catalog text is at most
    /// [`TEXT_MAX_LEN`](crate::model::TEXT_MAX_LEN) bytes).
    pub max_string_bytes: usize,
    /// The longest line of a line-oriented input such as JSON Lines, in bytes (default
    /// 17 MiB: a 16 MiB text and room for its JSON escapes). Streaming readers
    /// (`rolefit-text`'s JSON Lines classifier) take it; documents ignore it.
    pub max_line_bytes: usize,
}

impl Limits {
    /// The defaults, as a constant.
    pub const DEFAULT: Self = Self {
        max_input_bytes: 16 << 20,
        max_depth: 32,
        max_records: 100_000,
        max_string_bytes: 64 << 10,
        max_line_bytes: (16 << 20) + (1 << 20),
    };

    /// No limit of rolefit's own; the parsers' own recursion limits still apply.
    ///
    /// For trusted input only, such as a dataset in the same repository.
    pub const fn unlimited() -> Self {
        Self {
            max_input_bytes: usize::MAX,
            max_depth: usize::MAX,
            max_records: usize::MAX,
            max_string_bytes: usize::MAX,
            max_line_bytes: usize::MAX,
        }
    }

    /// These limits with another [`max_input_bytes`](Self::max_input_bytes).
    #[must_use]
    pub const fn with_max_input_bytes(mut self, bytes: usize) -> Self {
        self.max_input_bytes = bytes;
        self
    }

    /// These limits with another [`max_depth`](Self::max_depth).
    #[must_use]
    pub const fn with_max_depth(mut self, levels: usize) -> Self {
        self.max_depth = levels;
        self
    }

    /// These limits with another [`max_records`](Self::max_records).
    #[must_use]
    pub const fn with_max_records(mut self, items: usize) -> Self {
        self.max_records = items;
        self
    }

    /// These limits with another [`max_string_bytes`](Self::max_string_bytes).
    #[must_use]
    pub const fn with_max_string_bytes(mut self, bytes: usize) -> Self {
        self.max_string_bytes = bytes;
        self
    }

    /// These limits with another [`max_line_bytes`](Self::max_line_bytes).
    #[must_use]
    pub const fn with_max_line_bytes(mut self, bytes: usize) -> Self {
        self.max_line_bytes = bytes;
        self
    }
}

impl Default for Limits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// Which of the [`Limits`] a document went over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Limit {
    /// [`Limits::max_input_bytes`].
    InputBytes,
    /// [`Limits::max_depth`].
    Depth,
    /// [`Limits::max_records`].
    Records,
    /// [`Limits::max_string_bytes`].
    StringBytes,
    /// [`Limits::max_line_bytes`].
    LineBytes,
}

impl Limit {
    /// The name of the [`Limits`] field (`max_depth`); the CLI flag is the same with
    /// hyphens (`--max-depth`).
    pub fn field_name(self) -> &'static str {
        match self {
            Self::InputBytes => "max_input_bytes",
            Self::Depth => "max_depth",
            Self::Records => "max_records",
            Self::StringBytes => "max_string_bytes",
            Self::LineBytes => "max_line_bytes",
        }
    }
}

/// The size of a document in the terms of [`Limits`]: what a scan measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Shape {
    /// Bytes.
    pub(crate) bytes: usize,
    /// The deepest nesting: 1 for the document itself, one more for each list or
    /// table inside it. In TOML, table headers and dotted keys nest too.
    pub(crate) depth: usize,
    /// The most items in one list (in TOML, an array or an array of tables).
    pub(crate) max_items: usize,
    /// The longest string or key, in bytes as written (escapes included; in TOML a
    /// bare key counts as a string).
    pub(crate) max_string_bytes: usize,
}

/// A limit crossed at a byte offset.
pub(crate) struct Exceeded {
    pub(crate) limit: Limit,
    pub(crate) offset: usize,
    pub(crate) path: Option<String>,
    pub(crate) message: String,
}

impl Exceeded {
    pub(crate) fn new(
        limits: &Limits,
        limit: Limit,
        offset: usize,
        path: Option<String>,
        found: Option<usize>,
    ) -> Self {
        let message = match limit {
            Limit::InputBytes => format!(
                "input is {}, over the limit of {}",
                counted(found.unwrap_or(0), "byte"),
                counted(limits.max_input_bytes, "byte")
            ),
            Limit::Depth => format!("nesting deeper than the limit of {}", counted(limits.max_depth, "level")),
            Limit::Records => format!("more than {} in one list, over the limit", counted(limits.max_records, "item")),
            Limit::StringBytes => format!(
                "string of {}, over the limit of {}",
                counted(found.unwrap_or(0), "byte"),
                counted(limits.max_string_bytes, "byte")
            ),
            Limit::LineBytes => format!("line over the limit of {}", counted(limits.max_line_bytes, "byte")),
        };
        Self { limit, offset, path, message }
    }
}

/// `1 level`, `32 levels`: a limit's number with its noun.
fn counted(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}

/// Shortens a key for an error message.
pub(crate) fn shorten(key: &[u8]) -> String {
    const MAX: usize = 64;
    let key = String::from_utf8_lossy(key);
    match key.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}...", &key[..i]),
        None => key.into_owned(),
    }
}
