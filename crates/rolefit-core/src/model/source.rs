use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, Text};
use crate::Id;

/// Where a fact comes from: an article, a framework or a taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct Source {
    /// Stable id, cited by the `sources` list of every other record.
    pub id: Id,
    /// Title of the work.
    pub title: Text,
    /// Who published it.
    pub publisher: Text,
    /// What kind of work it is.
    pub kind: SourceKind,
    /// Where it can be read, if it has a stable address.
    #[serde(default)]
    pub url: Option<Text>,
    /// Edition, version or publication date, as precise as known.
    #[serde(default)]
    pub edition: Option<Text>,
    /// A note on how the catalog uses this source (what was taken, what was left out).
    #[serde(default)]
    pub note: Option<Text>,
    /// Other sources this one relies on (e.g. a salary survey an article quotes).
    #[serde(default)]
    pub cites: List<Id>,
}

impl Source {
    /// A source with every field, in declaration order.
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        id: Id,
        title: Text,
        publisher: Text,
        kind: SourceKind,
        url: Option<Text>,
        edition: Option<Text>,
        note: Option<Text>,
        cites: List<Id>,
    ) -> Self {
        Self { id, title, publisher, kind, url, edition, note, cites }
    }
}

bake_by_constructor!(Source::new { id, title, publisher, kind, url, edition, note, cites });

impl Record for Source {
    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        &self.title
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.text(Some("title"), &self.title);
        c.text(Some("publisher"), &self.publisher);
        c.optional_text("url", &self.url);
        c.optional_text("edition", &self.edition);
        c.optional_text("note", &self.note);
        c.each("cites", &self.cites, |c, id| c.reference(None, id, super::RecordKind::Source));
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(
            self,
            other,
            Source {
                id;
                title: Wording,
                publisher: Wording,
                kind: Value,
                url: Wording,
                edition: Wording,
                note: Wording,
                cites: Wording
            }
        )
    }

    fn leans(&self, _: &mut dyn FnMut(&Id, f64)) {}

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        None
    }
}

/// The kind of a [`Source`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SourceKind {
    /// A blog post or article.
    Article,
    /// A process framework such as the Scrum Guide or SAFe.
    Framework,
    /// An occupational or skills taxonomy such as O*NET, ESCO, ISCO or SFIA.
    Taxonomy,
    /// A vocabulary such as schema.org.
    Vocabulary,
    /// A salary survey or pay-data service.
    SalaryData,
}
