//! The catalog every command reads: the canonical one with the global `--catalog`
//! overlays applied in order, built once in `main` before any command runs.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rolefit::{Catalog, CatalogBuilder, CatalogData, OverlayError};

use crate::error::CliError;
use crate::input;

/// The name errors give the canonical catalog.
pub const CANONICAL: &str = "canonical";

/// The `--catalog` files, read, with the names errors give them.
static LAYERS: OnceLock<Vec<(CatalogData, String)>> = OnceLock::new();
/// The canonical catalog with the layers applied, when there are any.
static EFFECTIVE: OnceLock<Catalog> = OnceLock::new();

/// Reads the `--catalog` files and builds the catalog the commands use. An unreadable
/// file is an I/O error (exit 2); an invalid one lists every problem (exit 1).
pub fn set(files: &[PathBuf]) -> Result<(), CliError> {
    if files.is_empty() {
        return Ok(());
    }
    let mut layers = Vec::with_capacity(files.len());
    for path in files {
        layers.push((input::read_document::<CatalogData>(path)?, path.display().to_string()));
    }
    let catalog = builder(&layers).build().map_err(overlay_error)?;
    let _ = EFFECTIVE.set(catalog);
    let _ = LAYERS.set(layers);
    Ok(())
}

/// The catalog the commands read.
pub fn effective() -> &'static Catalog {
    EFFECTIVE.get().unwrap_or_else(rolefit::canonical)
}

/// Canonical, then each layer.
fn builder(layers: &[(CatalogData, String)]) -> CatalogBuilder {
    layers.iter().fold(Catalog::builder().base_named(rolefit::canonical(), CANONICAL), |b, (data, origin)| {
        b.overlay(data.clone(), origin.clone())
    })
}

/// Whether a document is an overlay (it has an `[overlay]` table or `[extend]` rows)
/// rather than a whole catalog.
pub fn is_overlay(data: &CatalogData) -> bool {
    data.overlay.is_some() || data.extend.is_some()
}

/// Reads a catalog file: a whole catalog on its own, or an overlay applied on top of
/// the effective catalog (canonical and the `--catalog` files).
pub fn read_file(path: &Path) -> Result<Catalog, CliError> {
    from_document(input::read_document::<CatalogData>(path)?, path)
}

/// A catalog document read from `path`, as [`read_file`] takes it.
pub fn from_document(data: CatalogData, path: &Path) -> Result<Catalog, CliError> {
    if is_overlay(&data) {
        let layers = LAYERS.get().map_or(&[][..], Vec::as_slice);
        builder(layers).overlay(data, path.display().to_string()).build().map_err(overlay_error)
    } else {
        Catalog::new(data).map_err(|e| input::catalog_error(path, e))
    }
}

/// Reads the catalog a command argument names: `canonical`, or a file as [`read_file`] reads it.
pub fn read_operand(operand: &str) -> Result<Catalog, CliError> {
    if operand == CANONICAL { Ok(rolefit::canonical().clone()) } else { read_file(Path::new(operand)) }
}

/// An overlay error as the CLI prints it: every problem on its own line, naming its file.
pub fn overlay_error(err: OverlayError) -> CliError {
    match &err {
        OverlayError::Invalid(problems) => {
            let n = problems.len();
            let mut message = format!("{n} problem{} in the layered catalog", if n == 1 { "" } else { "s" });
            for p in problems {
                message.push_str(&format!("\n  {p}"));
            }
            CliError::Invalid(message)
        }
        _ => CliError::Invalid(err.to_string()),
    }
}
