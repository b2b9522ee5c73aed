//! Building a catalog from a base catalog and overlays applied in order.

use super::Catalog;
use super::merge::Merge;
use super::rows::attach_all;
use crate::error::CatalogError;
use crate::model::CatalogData;
use crate::read::{Format, ParseError};

/// Builds a catalog from a base catalog and overlays applied in order.
///
/// Each document carries an origin name (a file name, `canonical`) that every error
/// names. The merged catalog is validated by the same rules as any catalog, and all
/// problems are reported at once. See [`Catalog::builder`].
///
/// ```
/// use rolefit_core::{Catalog, Format};
///
/// let base = Catalog::from_toml_str(r#"
///     [[sources]]
///     id = "handbook"
///     title = "Team handbook"
///     publisher = "Example Ltd"
///     kind = "article"
///
///     [[roles]]
///     id = "product-owner"
///     name = "Product Owner"
///     summary = "Owns the backlog."
///     description = "Orders the backlog."
///     sources = ["handbook"]
///
///     [[responsibilities]]
///     id = "backlog-ordering"
///     name = "Order the backlog"
///     description = "Decide what comes next."
///     category = "backlog"
///     ownership = [{ role = "product-owner", level = "owns" }]
///     sources = ["handbook"]
/// "#)?;
///
/// let overlay = r#"
///     [overlay]
///     mode = "extend"
///
///     [[roles]]
///     id = "scrum-master"
///     name = "Scrum Master"
///     summary = "Serves the team's process."
///     description = "Coaches the team in Scrum."
///     sources = ["handbook"]
///
///     [[extend.ownership]]
///     responsibility = "backlog-ordering"
///     role = "scrum-master"
///     level = "contributes"
///     sources = ["handbook"]
/// "#;
///
/// let catalog = Catalog::builder()
///     .base_named(&base, "base.toml")
///     .overlay_str(overlay, Format::Toml, "team.toml")
///     .build()?;
/// assert!(catalog.role("scrum-master").is_some());
/// assert_eq!(catalog.responsibility("backlog-ordering").map(|r| r.ownership.len()), Some(2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct CatalogBuilder {
    base: Option<(CatalogData, String)>,
    layers: Vec<(Result<CatalogData, ParseError>, String)>,
}

impl Catalog {
    /// Starts building a catalog from a base and overlays; see [`CatalogBuilder`].
    pub fn builder() -> CatalogBuilder {
        CatalogBuilder::default()
    }
}

impl CatalogBuilder {
    /// A builder with no base: the first overlay starts from an empty catalog.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the base catalog, named `base` in errors.
    pub fn base(self, catalog: &Catalog) -> Self {
        self.base_named(catalog, "base")
    }

    /// Sets the base catalog with the name errors give it (`canonical`).
    pub fn base_named(mut self, catalog: &Catalog, origin: impl Into<String>) -> Self {
        self.base = Some((catalog.data().clone(), origin.into()));
        self
    }

    /// Adds an overlay document, applied after the ones added before it. `origin` names
    /// it in errors (usually its file name).
    pub fn overlay(mut self, data: CatalogData, origin: impl Into<String>) -> Self {
        self.layers.push((Ok(data), origin.into()));
        self
    }

    /// Reads an overlay document and adds it; a document that cannot be read makes
    /// [`build`](Self::build) fail with [`CatalogError::Parse`], naming the document.
    pub fn overlay_str(mut self, text: &str, format: Format, origin: impl Into<String>) -> Self {
        self.layers.push((format.parse(text), origin.into()));
        self
    }

    /// Merges the overlays into the base in order and validates the result, reporting
    /// every problem with its document and path.
    pub fn build(self) -> Result<Catalog, CatalogError> {
        let mut merge = Merge::default();
        if let Some((data, origin)) = self.base {
            merge.set_base(data, origin);
        }
        for (layer, origin) in self.layers {
            match layer {
                Ok(data) => {
                    if let (o, Some(rows)) = merge.apply(data, origin) {
                        attach_all(&mut merge, &rows, o);
                    }
                }
                Err(error) => return Err(CatalogError::Parse(error.in_origin(origin))),
            }
        }
        merge.finish()
    }
}
