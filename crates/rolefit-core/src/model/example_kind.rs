//! Adding a record kind, shown on a kind built only for these tests: a certification a
//! role may hold. `docs/architecture.md` ("How to add a record kind") walks through the
//! same steps; this file is what they come to, checked by the compiler and the tests.
//!
//! The kind takes, besides this file: a variant of [`RecordKind`] with its properties
//! (the compiler points at each `match` in `kind.rs`), and one entry in the registry
//! (`registry.rs`, where a variant without an entry does not compile). Nothing else:
//! lookup, validation, overlay merge, diff and the document's list come from the
//! registry.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, RecordKind, Text};
use crate::Id;

/// A certification a role may hold.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Certification {
    /// Stable id.
    pub id: Id,
    /// Its name.
    pub name: Text,
    /// The roles it is for.
    pub roles: List<Id>,
    /// Where this record comes from.
    pub sources: List<Citation>,
}

impl Certification {
    /// A certification with every field, in declaration order.
    pub const fn new(id: Id, name: Text, roles: List<Id>, sources: List<Citation>) -> Self {
        Self { id, name, roles, sources }
    }
}

bake_by_constructor!(Certification::new { id, name, roles, sources });

impl Record for Certification {
    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.text(Some("name"), &self.name);
        c.each("roles", &self.roles, |c, role| c.role(None, role));
        c.citations(&self.sources);
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(self, other, Certification { id; name: Wording, roles: Value, sources: Wording })
    }

    fn leans(&self, _: &mut dyn FnMut(&Id, f64)) {}

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        Some(&mut self.sources)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::catalog::{ChangeKind, diff};
    use crate::{Catalog, Format};

    const BASE: &str = r#"
        [[sources]]
        id = "handbook"
        title = "Handbook"
        publisher = "Example"
        kind = "article"

        [[roles]]
        id = "product-owner"
        name = "Product Owner"
        summary = "Owns the backlog."
        description = "Orders the backlog."
        sources = ["handbook"]

        [[certifications]]
        id = "psm-1"
        name = "Professional Scrum Master I"
        roles = ["product-owner"]
        sources = [{ source = "handbook", locator = "Training" }]
    "#;

    #[test]
    fn the_new_kind_is_read_looked_up_and_indexed() {
        let catalog = Catalog::from_toml_str(BASE).unwrap();
        let cert = catalog.find::<Certification>("psm-1").unwrap();
        assert_eq!(cert.name, "Professional Scrum Master I");
        assert_eq!(catalog.locate("psm-1").map(|r| r.kind), Some(RecordKind::Certification));
        assert_eq!(catalog.record("psm-1").map(|r| r.name()), Some("Professional Scrum Master I"));
        assert_eq!(catalog.all::<Certification>().len(), 1);
    }

    #[test]
    fn the_new_kind_is_validated_with_every_other() {
        let bad = BASE
            .replace("roles = [\"product-owner\"]", "roles = [\"handbook\"]")
            .replace("id = \"psm-1\"", "id = \"product-owner\"");
        let err = Catalog::from_toml_str(&bad).unwrap_err();
        let problems: Vec<String> = err.problems().iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [
                "certifications[0].id: duplicate id \"product-owner\", first used at roles[0]",
                "certifications[0].roles[0]: \"handbook\" is a source, not a role",
            ]
        );
    }

    #[test]
    fn the_new_kind_diffs_and_layers() {
        let old = Catalog::from_toml_str(BASE).unwrap();
        let new = Catalog::from_toml_str(&BASE.replace("Master I\"", "Master One\"")).unwrap();
        let d = diff(&old, &new);
        assert_eq!(d.changes.len(), 1);
        assert_eq!((d.changes[0].kind, d.changes[0].change), (RecordKind::Certification, ChangeKind::Changed));
        assert_eq!(d.changes[0].fields, ["name"]);

        let overlay = r#"
            [[certifications]]
            id = "cspo"
            name = "Certified Scrum Product Owner"
            roles = ["product-owner"]
            sources = ["handbook"]
        "#;
        let layered = Catalog::builder().base(&old).overlay_str(overlay, Format::Toml, "team.toml").build().unwrap();
        assert_eq!(layered.all::<Certification>().len(), 2);
        let clash = overlay.replace("cspo", "psm-1");
        let err = Catalog::builder().base(&old).overlay_str(&clash, Format::Toml, "team.toml").build().unwrap_err();
        assert!(err.to_string().contains("team.toml: certifications[0].id: id \"psm-1\" is already used by the certification at base certifications[0]"), "{err}");
    }
}
