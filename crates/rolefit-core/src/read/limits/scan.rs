//! Checking a document against [`Limits`] by scanning it once, without parsing it.

use super::{Exceeded, Limit, Limits, Shape, json, toml};
use crate::read::error::ParseError;
use crate::read::format::Format;
use crate::read::position::line_column;

impl Limits {
    /// Checks a document against these limits without parsing it.
    ///
    /// The scan reads each byte once and allocates only for table names in TOML.
    /// Syntax errors are left to the parser: a document the scan passes may still be
    /// unreadable.
    pub fn check(&self, text: &str, format: Format) -> Result<(), ParseError> {
        scan(text, format, self).map(|_| ())
    }

    /// An error for an input of `len` bytes if that is over
    /// [`max_input_bytes`](Self::max_input_bytes): for readers that know the size
    /// before reading, such as the CLI with a file's length.
    pub fn check_input_len(&self, len: u64) -> Result<(), ParseError> {
        if len > u64::try_from(self.max_input_bytes).unwrap_or(u64::MAX) {
            let message = format!("input is {len} bytes, over the limit of {} bytes", self.max_input_bytes);
            return Err(ParseError { limit: Some(Limit::InputBytes), ..ParseError::new(message) });
        }
        Ok(())
    }
}

impl Shape {
    /// Measures a document. Syntax errors do not stop the scan; what it measures of an
    /// invalid document is a best effort.
    #[cfg(test)]
    pub(crate) fn of(text: &str, format: Format) -> Self {
        scan(text, format, &Limits::unlimited()).unwrap_or_default()
    }
}

/// Scans a document, stopping at the first limit crossed.
fn scan(text: &str, format: Format, limits: &Limits) -> Result<Shape, ParseError> {
    if text.len() > limits.max_input_bytes {
        let message = Exceeded::new(limits, Limit::InputBytes, 0, None, Some(text.len())).message;
        return Err(ParseError { limit: Some(Limit::InputBytes), ..ParseError::new(message) });
    }
    let result = match format {
        Format::Json => json::scan(text.as_bytes(), limits),
        Format::Toml => toml::scan(text.as_bytes(), limits),
    };
    result.map(|shape| Shape { bytes: text.len(), ..shape }).map_err(|e| {
        let (line, column) = line_column(text, e.offset);
        ParseError { path: e.path, line, column, limit: Some(e.limit), ..ParseError::new(e.message) }
    })
}
