//! Reading the files the commands are given, within the limits, remembering each so no
//! output replaces it.

use std::cell::RefCell;
use std::io::Read;
use std::path::Path;

use rolefit::{CatalogError, Format};

use crate::context::Context;
use crate::error::CliError;

/// The files this run has read, by device and inode.
#[derive(Debug, Default)]
pub struct Inputs {
    read: RefCell<Vec<FileId>>,
}

impl Inputs {
    pub fn remember(&self, file: &std::fs::File) {
        if let Some(id) = file.metadata().ok().and_then(|meta| FileId::of(&meta)) {
            self.read.borrow_mut().push(id);
        }
    }

    /// An error if `path` is a file this run has read: rolefit never writes to its inputs.
    pub fn refuse_as_output(&self, path: &Path) -> Result<(), CliError> {
        let Some(id) = std::fs::metadata(path).ok().and_then(|meta| FileId::of(&meta)) else { return Ok(()) };
        if self.read.borrow().contains(&id) {
            return Err(CliError::Usage(format!(
                "{}: is an input of this command; rolefit never writes to its inputs",
                path.display()
            )));
        }
        Ok(())
    }
}

/// A file's identity, whatever name reaches it.
#[cfg_attr(not(unix), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct FileId {
    device: u64,
    inode: u64,
}

impl FileId {
    #[cfg(unix)]
    fn of(meta: &std::fs::Metadata) -> Option<Self> {
        use std::os::unix::fs::MetadataExt;
        Some(Self { device: meta.dev(), inode: meta.ino() })
    }

    /// Without inodes a file cannot be recognised under another name; the output is
    /// still written beside the target and renamed, never in place.
    #[cfg(not(unix))]
    fn of(_: &std::fs::Metadata) -> Option<Self> {
        None
    }
}

/// The whole of a file, or of standard input for `-`, refused past `--max-input-bytes`
/// without reading more than one byte beyond it.
pub fn read_text(ctx: &Context, path: &Path) -> Result<String, CliError> {
    let limits = ctx.limits();
    let too_large = |why: String| CliError::Invalid(format!("{}: {why}", path.display()));
    let cap = u64::try_from(limits.max_input_bytes).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin().lock().take(cap).read_to_end(&mut bytes).map_err(|e| CliError::io(path, e))?;
    } else {
        let file = std::fs::File::open(path).map_err(|e| CliError::io(path, e))?;
        ctx.inputs().remember(&file);
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
        return Err(too_large(crate::limits::input_too_large(limits)));
    }
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
pub fn read_document<T: serde::de::DeserializeOwned>(ctx: &Context, path: &Path) -> Result<T, CliError> {
    let format = format_of(path)?;
    let text = read_text(ctx, path)?;
    format
        .parse_with(&text, ctx.limits())
        .map_err(|e| CliError::Invalid(format!("{}: {}", path.display(), crate::limits::describe(&e))))
}

/// A catalog error as the CLI prints it: one line per problem, each naming the file.
pub fn catalog_error(path: &Path, err: CatalogError) -> CliError {
    match &err {
        CatalogError::Invalid(problems) => CliError::problems(Some(path), "catalog", problems.as_slice()),
        CatalogError::Parse(e) => CliError::Invalid(format!("{}: {}", path.display(), crate::limits::describe(e))),
        _ => CliError::Invalid(format!("{}: {err}", path.display())),
    }
}
