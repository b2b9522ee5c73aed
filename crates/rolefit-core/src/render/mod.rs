//! Results as people read them: a [`Comparison`](crate::catalog::Comparison), a
//! [`Scorecard`](crate::Scorecard) or a [`FitReport`](crate::assessment::FitReport) as
//! plain text or as Markdown, the tables the `rolefit` command line prints.
//!
//! Every result that renders implements [`Render`]. [`Render::render`] takes the catalog
//! the result came from (a result holds ids; the catalog gives their names) and returns a
//! [`Rendering`], which implements [`Display`](fmt::Display): plain text by default,
//! Markdown after [`Rendering::markdown`].
//!
//! **Width.** Plain-text tables are laid out within [`Rendering::width`] columns,
//! [`DEFAULT_WIDTH`] (120) unless set: the library never asks a terminal for its size, so
//! the same result renders the same way in a test, a log or a web page. A program that
//! prints to a terminal passes the terminal's width (the command line passes the
//! terminal's, else `COLUMNS`, else 120). Markdown has no width.
//!
//! **User text.** Names and ids come from catalogs and profiles users write, so every
//! piece of text goes through [`printable`]: control characters and bidirectional-text
//! controls are written as escapes (`\u{1b}`) in both forms, and Markdown shows HTML as
//! text (`&lt;script>`).
//!
//! # Examples
//!
//! ```
//! use rolefit_core::render::Render;
//! use rolefit_core::Catalog;
//!
//! let catalog = Catalog::from_toml_str(r#"
//!     [[sources]]
//!     id = "guide"
//!     title = "A guide"
//!     publisher = "Example"
//!     kind = "article"
//!
//!     [[roles]]
//!     id = "product-owner"
//!     name = "Product Owner"
//!     summary = "Owns the backlog."
//!     description = "Orders the work of one team."
//!     sources = ["guide"]
//!
//!     [[roles]]
//!     id = "product-manager"
//!     name = "Product Manager"
//!     summary = "Owns the strategy."
//!     description = "Decides what the product is for."
//!     sources = ["guide"]
//! "#)?;
//! let comparison = catalog.compare("product-owner", "product-manager")?;
//!
//! let rendering = comparison.render(&catalog);
//! let text = rendering.width(80).to_string();
//! assert!(text.starts_with("Product Owner and Product Manager, aspect by aspect\n"));
//!
//! let markdown = rendering.markdown().to_string();
//! assert!(markdown.contains("| aspect | Product Owner | Product Manager |"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! A program can add sections of its own to a [`Document`] around a rendering with
//! [`Render::render_into`].

mod comparison;
mod document;
mod fit;
pub mod printable;
mod scorecard;
pub mod words;

use std::fmt;

pub use document::{Document, Form, Table};

use crate::catalog::Catalog;

/// The width plain-text tables are laid out in unless [`Rendering::width`] says otherwise.
pub const DEFAULT_WIDTH: u16 = 120;

/// A result that renders for people, naming roles and records as a catalog does.
pub trait Render {
    /// Writes the result into `doc`, in the document's form, with the names `catalog`
    /// gives its ids (an id the catalog lacks is written as the id).
    fn render_into(&self, catalog: &Catalog, doc: &mut Document);

    /// The line a [`Rendering`] starts with unless [`Rendering::title`] gives one: none,
    /// unless the result carries a name of its own (a fit report, the candidate's).
    fn title(&self) -> Option<&str> {
        None
    }

    /// The result for people: [`Display`](fmt::Display) writes it as plain text, or as
    /// Markdown after [`Rendering::markdown`].
    fn render<'a>(&'a self, catalog: &'a Catalog) -> Rendering<'a, Self>
    where
        Self: Sized,
    {
        Rendering { value: self, catalog, form: Form::Text, width: DEFAULT_WIDTH, title: None }
    }
}

/// A result with the catalog that names its ids, and how to write it: see [`Render::render`].
#[derive(Debug)]
#[must_use = "a rendering does nothing until it is displayed"]
pub struct Rendering<'a, T> {
    value: &'a T,
    catalog: &'a Catalog,
    form: Form,
    width: u16,
    title: Option<&'a str>,
}

// By hand: derived, they would ask `T: Clone` of the result, which is only borrowed.
impl<T> Clone for Rendering<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Rendering<'_, T> {}

impl<'a, T: Render> Rendering<'a, T> {
    /// Written as Markdown.
    pub fn markdown(self) -> Self {
        self.form(Form::Markdown)
    }

    /// Written in this form.
    pub fn form(mut self, form: Form) -> Self {
        self.form = form;
        self
    }

    /// Plain-text tables laid out within `columns` ([`DEFAULT_WIDTH`] unless set).
    pub fn width(mut self, columns: u16) -> Self {
        self.width = columns;
        self
    }

    /// Starts with this line instead of the result's own title.
    pub fn title(mut self, title: &'a str) -> Self {
        self.title = Some(title);
        self
    }

    /// The rendering as a [`Document`], to add to it.
    pub fn to_document(&self) -> Document {
        let mut doc = Document::new(self.form, self.width);
        if let Some(title) = self.title.or_else(|| self.value.title()) {
            doc.line(title);
        }
        self.value.render_into(self.catalog, &mut doc);
        doc
    }
}

impl<T: Render> fmt::Display for Rendering<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.to_document().as_str())
    }
}
