//! The document formats rolefit reads.

use std::path::Path;

/// A document format rolefit reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// JSON.
    Json,
    /// TOML.
    Toml,
}

impl Format {
    /// The format a file name implies by its extension (`.json`, `.toml`), if any.
    ///
    /// ```
    /// use rolefit_core::Format;
    /// assert_eq!(Format::from_path("team.TOML".as_ref()), Some(Format::Toml));
    /// assert_eq!(Format::from_path("team.yaml".as_ref()), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Self::Json),
            "toml" => Some(Self::Toml),
            _ => None,
        }
    }
}
