use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{List, Text};
use crate::Id;

/// Where a fact comes from: an article, a framework or a taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
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

/// The kind of a [`Source`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
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
