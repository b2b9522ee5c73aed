//! The catalog every command reads: the canonical one with the global `--catalog`
//! overlays applied in order, and the catalogs a command names itself (`diff OLD NEW`,
//! `validate FILE`).

use std::path::{Path, PathBuf};

use rolefit::{Catalog, CatalogBuilder, CatalogData, CatalogError};

use crate::context::Context;
use crate::error::CliError;
use crate::input;

/// The name errors give the canonical catalog.
pub const CANONICAL: &str = "canonical";

/// The `--catalog` files, read, with the names errors give them.
#[derive(Debug, Default)]
pub struct Layers {
    layers: Vec<(CatalogData, String)>,
}

impl Layers {
    /// Reads the `--catalog` files (an unreadable one is an I/O error, exit 2).
    pub fn read(ctx: &Context, files: &[PathBuf]) -> Result<Self, CliError> {
        let mut layers = Vec::with_capacity(files.len());
        for path in files {
            layers.push((input::read_document::<CatalogData>(ctx, path)?, path.display().to_string()));
        }
        Ok(Self { layers })
    }

    /// The canonical catalog with every layer applied; an invalid result lists every problem (exit 1).
    pub fn build(&self) -> Result<Catalog, CliError> {
        self.builder().build().map_err(overlay_error)
    }

    /// The layers' names for a message: ` (after --catalog a.toml, b.json)`, or nothing.
    pub fn described(&self) -> String {
        if self.layers.is_empty() {
            return String::new();
        }
        let names: Vec<&str> = self.layers.iter().map(|(_, name)| name.as_str()).collect();
        format!(" (the canonical catalog with --catalog {})", names.join(", "))
    }

    /// Canonical, then each layer.
    fn builder(&self) -> CatalogBuilder {
        self.layers.iter().fold(Catalog::builder().base_named(rolefit::canonical(), CANONICAL), |b, (data, origin)| {
            b.overlay(data.clone(), origin.clone())
        })
    }
}

/// Whether a document is an overlay (it has an `[overlay]` table or `[extend]` rows)
/// rather than a whole catalog.
pub fn is_overlay(data: &CatalogData) -> bool {
    data.overlay.is_some() || data.extend.is_some()
}

/// Reads a catalog file: a whole catalog on its own, or an overlay applied on top of
/// the catalog the commands use (canonical and the `--catalog` files).
pub fn read_file(ctx: &Context, path: &Path) -> Result<Catalog, CliError> {
    from_document(ctx, input::read_document::<CatalogData>(ctx, path)?, path)
}

/// A catalog document read from `path`, as [`read_file`] takes it.
pub fn from_document(ctx: &Context, data: CatalogData, path: &Path) -> Result<Catalog, CliError> {
    if is_overlay(&data) {
        ctx.layers().builder().overlay(data, path.display().to_string()).build().map_err(overlay_error)
    } else {
        Catalog::new(data).map_err(|e| input::catalog_error(path, e))
    }
}

/// Reads the catalog a command argument names: `canonical`, or a file as [`read_file`] reads it.
pub fn read_operand(ctx: &Context, operand: &str) -> Result<Catalog, CliError> {
    if operand == CANONICAL { Ok(rolefit::canonical().clone()) } else { read_file(ctx, Path::new(operand)) }
}

/// An overlay error as the CLI prints it: every problem on its own line, naming its file.
fn overlay_error(err: CatalogError) -> CliError {
    match &err {
        CatalogError::Invalid(problems) => CliError::problems(None, "layered catalog", problems.as_slice()),
        CatalogError::Parse(e) => CliError::Invalid(crate::limits::describe(e)),
        _ => CliError::Invalid(err.to_string()),
    }
}
