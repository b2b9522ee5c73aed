//! Reading the files the commands are given.

use std::io::Read;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::Mutex;

use rolefit::{Catalog, CatalogError, Format};

use crate::error::CliError;

/// The whole of a file, or of standard input for `-`, refused past `--max-input-bytes`
/// without reading more than one byte beyond it.
pub fn read_text(path: &Path) -> Result<String, CliError> {
    let limits = crate::limits::get();
    let too_large = |why: String| CliError::Invalid(format!("{}: {why}", path.display()));
    let cap = u64::try_from(limits.max_input_bytes).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin().lock().take(cap).read_to_end(&mut bytes).map_err(|e| CliError::io(path, e))?;
    } else {
        let file = std::fs::File::open(path).map_err(|e| CliError::io(path, e))?;
        remember_input(&file);
        // A regular file's length tells before anything is read.
        if let Ok(meta) = file.metadata()
            && meta.is_file()
            && let Err(e) = limits.check_input_len(meta.len())
        {
            return Err(too_large(crate::limits::describe(&e)));
        }
        file.take(cap).read_to_end(&mut bytes).map_err(|e| CliError::io(path, e))?;
    }
    if bytes.len() > limits.max_input_bytes {
        return Err(too_large(crate::limits::input_too_large(&limits)));
    }
    String::from_utf8(bytes).map_err(|e| {
        CliError::Invalid(format!("{}: invalid UTF-8 at byte offset {}", path.display(), e.utf8_error().valid_up_to()))
    })
}

/// Every file read so far, by device and inode, so no output can replace one.
static INPUTS: Mutex<Vec<(u64, u64)>> = Mutex::new(Vec::new());

fn remember_input(file: &std::fs::File) {
    if let (Ok(meta), Ok(mut inputs)) = (file.metadata(), INPUTS.lock()) {
        inputs.push((meta.dev(), meta.ino()));
    }
}

/// An error if `path` is a file this run has read: rolefit never writes to its inputs.
pub fn refuse_input_as_output(path: &Path) -> Result<(), CliError> {
    let Ok(meta) = std::fs::metadata(path) else { return Ok(()) };
    let read = INPUTS.lock().map(|inputs| inputs.contains(&(meta.dev(), meta.ino()))).unwrap_or(false);
    if read {
        return Err(CliError::Usage(format!(
            "{}: is an input of this command; rolefit never writes to its inputs",
            path.display()
        )));
    }
    Ok(())
}

/// The format of a document file, from its extension.
pub fn format_of(path: &Path) -> Result<Format, CliError> {
    Format::from_path(path).ok_or_else(|| {
        CliError::Usage(format!("{}: cannot tell the format; name the file *.json or *.toml", path.display()))
    })
}

/// Reads a document of any type from a JSON or TOML file.
pub fn read_document<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, CliError> {
    let format = format_of(path)?;
    let text = read_text(path)?;
    format
        .parse_with(&text, &crate::limits::get())
        .map_err(|e| CliError::Invalid(format!("{}: {}", path.display(), crate::limits::describe(&e))))
}

/// Reads and validates a catalog file; an invalid one lists every problem, prefixed by the file.
pub fn read_catalog(path: &Path) -> Result<Catalog, CliError> {
    let format = format_of(path)?;
    let text = read_text(path)?;
    Catalog::from_str_with(&text, format, &crate::limits::get()).map_err(|e| catalog_error(path, e))
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
        CatalogError::Parse(e) => CliError::Invalid(format!("{file}: {}", crate::limits::describe(e))),
        _ => CliError::Invalid(format!("{file}: {err}")),
    }
}
