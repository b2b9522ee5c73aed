//! Writing an output file (`report --output FILE`): the whole new file or the old one,
//! never half of one, never over a file this run read, and never over anything but a
//! regular file.
//!
//! The policy, for every command that writes a file:
//! - a missing file is created (mode 0666 less the umask, as any new file);
//! - an existing regular file is replaced atomically (a temporary file beside it, synced,
//!   renamed over it) and keeps its permission bits; a read-only one (no write bit) or
//!   one with other hard links is refused rather than replaced behind the user's back;
//! - a symbolic link is written through: the file it points to is replaced, the link
//!   stays (a dangling link is refused);
//! - a directory, FIFO, socket or device is refused: renaming over it would replace it
//!   with a regular file (`/dev/null` would stop being a device).
//!
//! Refusals are usage errors (exit 2) and leave everything as it was.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::context::Context;
use crate::error::CliError;
use crate::interrupt::Guard;

/// Pages are written in pieces this large, checking for an interruption between them.
const CHUNK: usize = 64 << 10;

/// Replaces `path` with `bytes` under the policy above.
pub fn replace(ctx: &Context, path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let target = resolve(path)?;
    ctx.inputs().refuse_as_output(&target)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(check_existing(path, &meta)?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(CliError::io(path, e)),
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let guard = Guard::arm();
    let (tmp, mut file) = create_temporary(&dir).map_err(|e| {
        CliError::io(path, std::io::Error::new(e.kind(), format!("cannot create a file in {}: {e}", dir.display())))
    })?;
    let written = (|| {
        if let Some(permissions) = existing {
            file.set_permissions(permissions)?;
        }
        for chunk in bytes.chunks(CHUNK) {
            guard.check()?;
            file.write_all(chunk)?;
        }
        file.sync_all()?;
        guard.check()?;
        std::fs::rename(&tmp, &target)
    })();
    drop(file);
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        guard.exit_if_interrupted(ctx, path);
        return Err(CliError::io(path, e));
    }
    Ok(())
}

/// The file a path names: itself, or what its symbolic links lead to.
fn resolve(path: &Path) -> Result<PathBuf, CliError> {
    let refuse = |why: &str| {
        CliError::Usage(format!("{}: {why}; rolefit writes --output only to regular files", path.display()))
    };
    if path.as_os_str().to_string_lossy().ends_with('/') {
        return Err(refuse("names a directory"));
    }
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                refuse("is a symbolic link to nothing")
            } else {
                CliError::io(path, e)
            }
        }),
        _ => Ok(path.to_path_buf()),
    }
}

/// The permission bits to give the new file, or why the existing one must stay.
fn check_existing(path: &Path, meta: &std::fs::Metadata) -> Result<std::fs::Permissions, CliError> {
    let refuse = |why: String| CliError::Usage(format!("{}: {why}", path.display()));
    if !meta.is_file() {
        return Err(refuse(format!(
            "is {}, not a regular file; rolefit writes --output only to regular files",
            kind(meta)
        )));
    }
    if meta.permissions().readonly() {
        return Err(refuse("is read-only; make it writable to replace it, or choose another file".to_owned()));
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(refuse(format!(
                "has {} hard links; replacing it would leave the others with the old contents",
                meta.nlink()
            )));
        }
    }
    Ok(meta.permissions())
}

/// What a file that is not a regular one is, in words.
fn kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "not a regular file"
}

/// A new file in `dir` with a short name of rolefit's own (a target's name may already be
/// as long as a file name can be).
fn create_temporary(dir: &Path) -> std::io::Result<(PathBuf, std::fs::File)> {
    let mut attempt = 0u32;
    loop {
        let tmp = dir.join(format!(".rolefit.{}.{attempt}.tmp", std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}
