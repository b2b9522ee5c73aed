//! The catalog document: what a catalog file holds, before validation.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::{
    AssessmentSignal, Dimension, Disagreement, Kpi, LexiconEntry, List, Practice, Responsibility, Role, SalaryFigure,
    Skill, Source, Text,
};
use crate::overlay::{Extensions, OverlaySettings};

/// A catalog document as written in a file: every record, unvalidated.
///
/// Turn it into a [`Catalog`](crate::Catalog) with [`Catalog::new`](crate::Catalog::new),
/// which checks it and reports every problem at once. Every list may be left out of a
/// file and then is empty.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core))]
#[serde(deny_unknown_fields)]
#[schemars(title = "rolefit catalog")]
pub struct CatalogData {
    /// Version of the data (semver), e.g. `"1.0.0"`.
    #[serde(default)]
    #[schemars(pattern(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[\s\S]+)?$"))]
    pub data_version: Option<Text>,
    /// The works the facts come from.
    #[serde(default)]
    pub sources: List<Source>,
    /// The roles.
    #[serde(default)]
    pub roles: List<Role>,
    /// Pieces of work and who owns them.
    #[serde(default)]
    pub responsibilities: List<Responsibility>,
    /// Key performance indicators.
    #[serde(default)]
    pub kpis: List<Kpi>,
    /// Skills, knowledge and abilities.
    #[serde(default)]
    pub skills: List<Skill>,
    /// Aspects the roles are compared on.
    #[serde(default)]
    pub dimensions: List<Dimension>,
    /// Pay figures.
    #[serde(default)]
    pub salaries: List<SalaryFigure>,
    /// Circumstances that point toward a role.
    #[serde(default)]
    pub signals: List<AssessmentSignal>,
    /// Ways the roles work together.
    #[serde(default)]
    pub practices: List<Practice>,
    /// Points on which the sources disagree.
    #[serde(default)]
    pub disagreements: List<Disagreement>,
    /// Phrases that recognise facts in free text.
    #[serde(default)]
    pub lexicon: List<LexiconEntry>,
    /// Marks the document as an overlay on a base catalog, and says how it applies.
    /// Only overlays have it; see [`Catalog::builder`](crate::Catalog::builder).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overlay: Option<OverlaySettings>,
    /// Rows an overlay attaches to records it does not own (a new role's stake in a
    /// base responsibility). Only overlays have it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extend: Option<Extensions>,
}
