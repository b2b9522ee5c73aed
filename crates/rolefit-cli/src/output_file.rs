//! Writing an output file (`report --output FILE`): the whole new file or the old one,
//! never half of one, and never over a file this run read.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::context::Context;
use crate::error::CliError;

/// Writes a temporary file beside `path` and renames it over `path`, so the page is
/// never seen half written and a failed run leaves the old page in place.
pub fn replace(ctx: &Context, path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| CliError::Usage(format!("{}: not a file name", path.display())))?;
    ctx.inputs().refuse_as_output(path)?;
    let guard = crate::interrupt::Guard::arm();
    let mut attempt = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{}.{}.{attempt}.tmp", name.to_string_lossy(), std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => break (tmp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            // Name the file the user asked for; the temporary name means nothing to them.
            Err(e) => return Err(CliError::io(path, e)),
        }
    };
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    let result = written.and_then(|()| guard.check()).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        guard.exit_if_interrupted(path);
        return Err(CliError::io(path, e));
    }
    Ok(())
}
