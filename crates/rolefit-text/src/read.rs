//! Reading plain-text postings from files.

use std::io::Read;

use crate::error::TextError;

/// Reads a whole posting from a reader (a file, standard input), at most `limit` bytes.
///
/// Invalid UTF-8 is an error naming `name` and the byte offset of the first bad byte:
/// evidence spans are byte offsets, and after lossy decoding they would point into a
/// text that is not the file. Only `limit + 1` bytes are ever read, so a huge file is
/// refused without being loaded.
///
/// ```
/// use rolefit_text::read_text;
///
/// let ok = read_text(&b"Product Owner"[..], "post.txt", 100)?;
/// assert_eq!(ok, "Product Owner");
/// let err = read_text(&b"caf\xff"[..], "post.txt", 100).unwrap_err();
/// assert_eq!(err.to_string(), "post.txt: invalid UTF-8 at byte offset 3");
/// # Ok::<(), rolefit_text::TextError>(())
/// ```
pub fn read_text<R: Read>(reader: R, name: &str, limit: usize) -> Result<String, TextError> {
    let mut bytes = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|source| TextError::Io { context: format!("reading {name}"), source })?;
    if bytes.len() > limit {
        return Err(TextError::FileTooLong { path: name.to_owned(), limit });
    }
    String::from_utf8(bytes)
        .map_err(|e| TextError::FileNotUtf8 { path: name.to_owned(), offset: e.utf8_error().valid_up_to() })
}
