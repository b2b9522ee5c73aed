//! Reading the files the commands are given.

use std::io::Read;
use std::path::Path;

use rolefit::{Catalog, CatalogError, Format};

use crate::error::CliError;

/// The whole of a file, or of standard input for `-`.
pub fn read_text(path: &Path) -> Result<String, CliError> {
    let mut bytes = Vec::new();
    let read = if path == Path::new("-") {
        std::io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    read.map_err(|e| CliError::io(path, e))?;
    String::from_utf8(bytes).map_err(|e| {
        CliError::Invalid(format!("{}: invalid UTF-8 at byte offset {}", path.display(), e.utf8_error().valid_up_to()))
    })
}

/// The format of a document file, from its extension.
pub fn format_of(path: &Path) -> Result<Format, CliError> {
    Format::from_path(path).ok_or_else(|| {
        CliError::Usage(format!("{}: cannot tell the format; name the file *.json or *.toml", path.display()))
    })
}

/// Reads a document of any type from a JSON or TOML file.
#[allow(dead_code)] // for the profile commands (assess, fit)
pub fn read_document<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, CliError> {
    let format = format_of(path)?;
    let text = read_text(path)?;
    format.parse(&text).map_err(|e| CliError::Invalid(format!("{}: {e}", path.display())))
}

/// Reads and validates a catalog file; an invalid one lists every problem, prefixed by the file.
pub fn read_catalog(path: &Path) -> Result<Catalog, CliError> {
    let format = format_of(path)?;
    let text = read_text(path)?;
    Catalog::from_str_in(&text, format).map_err(|e| catalog_error(path, e))
}

/// A catalog error as the CLI prints it: one line per problem, each naming the file.
pub fn catalog_error(path: &Path, err: CatalogError) -> CliError {
    let file = path.display();
    match &err {
        CatalogError::Invalid(problems) => {
            let n = problems.len();
            let mut message = format!("{file}: {n} problem{} in the catalog", if n == 1 { "" } else { "s" });
            for p in problems {
                message.push_str(&format!("\n  {file}: {p}"));
            }
            CliError::Invalid(message)
        }
        _ => CliError::Invalid(format!("{file}: {err}")),
    }
}
