//! What every command works with: the catalog (canonical plus the `--catalog` layers),
//! the limits on input, the files read so far, and where results and errors go.
//!
//! `main` builds one [`Context`] from the global options and hands it to the command;
//! nothing in the CLI keeps global state of its own (the signal flags in `interrupt`
//! aside, as signals belong to the process).

use std::borrow::Cow;
use std::path::PathBuf;

use rolefit::render::Document;
use rolefit::{Catalog, Limits};

use crate::error::CliError;
use crate::input::Inputs;
use crate::layers::Layers;
use crate::limits::InputLimits;
use crate::output::{Output, OutputFormat};

/// The state of one run, shared by reference with the command.
pub struct Context {
    catalog: Cow<'static, Catalog>,
    layers: Layers,
    limits: InputLimits,
    inputs: Inputs,
    output: Output,
}

impl Context {
    /// A context over the canonical catalog.
    pub fn new(limits: InputLimits, output: Output) -> Self {
        Self {
            catalog: Cow::Borrowed(rolefit::canonical()),
            layers: Layers::default(),
            limits,
            inputs: Inputs::default(),
            output,
        }
    }

    /// Reads the `--catalog` files and applies them over the catalog in order. An
    /// unreadable file is an I/O error (exit 2); an invalid one lists every problem (exit 1).
    pub fn load_layers(&mut self, files: &[PathBuf]) -> Result<(), CliError> {
        if files.is_empty() {
            return Ok(());
        }
        let layers = Layers::read(self, files)?;
        self.catalog = Cow::Owned(layers.build()?);
        self.layers = layers;
        Ok(())
    }

    /// The catalog the commands read: the canonical one, baked into the binary, with the
    /// global `--catalog` overlays applied in order.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// The catalog, for a command that needs roles: an error if it has none (an empty
    /// catalog given as a `--catalog` replacement).
    pub fn catalog_with_roles(&self) -> Result<&Catalog, CliError> {
        if self.catalog.roles().is_empty() {
            return Err(CliError::Invalid(format!("the catalog has no roles{}", self.layers.described())));
        }
        Ok(&self.catalog)
    }

    /// The `--catalog` layers, read, to apply another overlay on top of them.
    pub fn layers(&self) -> &Layers {
        &self.layers
    }

    /// The limits on every document and posting this run reads.
    pub fn limits(&self) -> &Limits {
        self.limits.limits()
    }

    /// The JSON Lines line limit (`classify --jsonl`).
    pub fn line_limit(&self) -> usize {
        self.limits.line_limit()
    }

    /// The files this run has read, so none is written.
    pub fn inputs(&self) -> &Inputs {
        &self.inputs
    }

    /// Standard output and standard error.
    pub fn output(&self) -> &Output {
        &self.output
    }

    /// Prints a result: `value` as JSON, or the document `render` writes as a table or Markdown.
    pub fn emit<T: serde::Serialize + ?Sized>(
        &self,
        format: OutputFormat,
        value: &T,
        render: impl FnOnce(&mut Document),
    ) -> Result<(), CliError> {
        self.output.emit(format, value, render)
    }

    /// Prints text as it is.
    pub fn print(&self, text: &str) -> Result<(), CliError> {
        self.output.print(text)
    }
}
