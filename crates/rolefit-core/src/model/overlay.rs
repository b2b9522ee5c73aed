//! What an overlay file says besides its records: how it applies, and the rows it
//! attaches to records it does not own.

use schemars::{JsonSchema, Schema};
use serde::{Deserialize, Serialize};

use crate::Id;
use crate::model::{Citation, Importance, List, Ownership, Text, TimeHorizon};

/// The `[overlay]` table: marks a document as an overlay and says how it applies to
/// the catalog beneath it.
///
/// ```toml
/// [overlay]
/// mode = "extend"                  # the default; "replace" drops the base catalog
/// overrides = ["backlog-ordering"] # base records this file replaces, by id
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct OverlaySettings {
    /// Whether the file adds to the base catalog or takes its place.
    #[serde(default)]
    pub mode: OverlayMode,
    /// Ids of base records that records of this file replace, in place. A record whose
    /// id the base already uses is an error unless its id is listed here.
    #[serde(default)]
    pub overrides: List<Id>,
}

/// How an overlay applies to the catalog beneath it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OverlayMode {
    /// Add records and rows to the base catalog; replace only the records listed in
    /// `overrides`.
    #[default]
    Extend,
    /// Drop the base catalog: the file is the whole catalog from here on.
    Replace,
}

/// The `[extend]` section of an overlay: rows that attach to records the overlay does
/// not own, typically a new role's stake in the base catalog's responsibilities.
///
/// A row may add a role a record does not list yet; changing a role the record
/// already lists is changing the base fact, which takes an override of the record.
/// The sources a row cites are added to the record's sources.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Extensions {
    /// A role's stake in a responsibility (`[[extend.ownership]]`).
    #[serde(default)]
    pub ownership: List<OwnershipExtension>,
    /// A role's need for a skill (`[[extend.importance]]`).
    #[serde(default)]
    pub importance: List<ImportanceExtension>,
    /// How strongly a signal points toward a role (`[[extend.leans]]`).
    #[serde(default)]
    pub leans: List<LeanExtension>,
    /// A role's value on a comparison dimension (`[[extend.values]]`).
    #[serde(default)]
    pub values: List<ValueExtension>,
    /// A role a KPI measures (`[[extend.kpi_roles]]`).
    #[serde(default)]
    pub kpi_roles: List<KpiRoleExtension>,
}

impl Extensions {
    /// Whether the section has no row at all.
    pub fn is_empty(&self) -> bool {
        self.ownership.is_empty()
            && self.importance.is_empty()
            && self.leans.is_empty()
            && self.values.is_empty()
            && self.kpi_roles.is_empty()
    }
}

/// A role's stake in a responsibility, attached from an overlay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = cited_row)]
#[non_exhaustive]
pub struct OwnershipExtension {
    /// The responsibility.
    pub responsibility: Id,
    /// The role.
    pub role: Id,
    /// How much of the work is the role's.
    pub level: Ownership,
    /// The sources that say so, each with a locator where known; at least one.
    #[serde(default)]
    pub sources: List<Citation>,
}

/// A role's need for a skill, attached from an overlay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = cited_row)]
#[non_exhaustive]
pub struct ImportanceExtension {
    /// The skill.
    pub skill: Id,
    /// The role.
    pub role: Id,
    /// How much the role needs the skill.
    pub level: Importance,
    /// The sources that say so, each with a locator where known; at least one.
    #[serde(default)]
    pub sources: List<Citation>,
}

/// How strongly an assessment signal points toward a role, attached from an overlay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = cited_row)]
#[non_exhaustive]
pub struct LeanExtension {
    /// The signal.
    pub signal: Id,
    /// The role.
    pub role: Id,
    /// The strength, in `[0, 1]`.
    #[schemars(range(min = 0.0, max = 1.0))]
    pub weight: f64,
    /// The sources that say so, each with a locator where known; at least one.
    #[serde(default)]
    pub sources: List<Citation>,
}

/// A role's value on a comparison dimension, attached from an overlay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = cited_row)]
#[non_exhaustive]
pub struct ValueExtension {
    /// The dimension.
    pub dimension: Id,
    /// The role.
    pub role: Id,
    /// The value, in the overlay author's words.
    pub value: Text,
    /// The typed range, for time-horizon dimensions.
    #[serde(default)]
    pub horizon: Option<TimeHorizon>,
    /// Where this value comes from: its sources, each with a locator where known; at least one.
    #[serde(default)]
    pub sources: List<Citation>,
}

/// A role a KPI measures, attached from an overlay.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = cited_row)]
#[non_exhaustive]
pub struct KpiRoleExtension {
    /// The KPI.
    pub kpi: Id,
    /// The role it measures.
    pub role: Id,
    /// The sources that say so, each with a locator where known; at least one.
    #[serde(default)]
    pub sources: List<Citation>,
}

impl OwnershipExtension {
    /// A row with every field, in declaration order.
    pub const fn new(responsibility: Id, role: Id, level: Ownership, sources: List<Citation>) -> Self {
        Self { responsibility, role, level, sources }
    }
}

impl ImportanceExtension {
    /// A row with every field, in declaration order.
    pub const fn new(skill: Id, role: Id, level: Importance, sources: List<Citation>) -> Self {
        Self { skill, role, level, sources }
    }
}

impl LeanExtension {
    /// A row with every field, in declaration order.
    pub const fn new(signal: Id, role: Id, weight: f64, sources: List<Citation>) -> Self {
        Self { signal, role, weight, sources }
    }
}

impl ValueExtension {
    /// A row with every field, in declaration order.
    pub const fn new(
        dimension: Id,
        role: Id,
        value: Text,
        horizon: Option<TimeHorizon>,
        sources: List<Citation>,
    ) -> Self {
        Self { dimension, role, value, horizon, sources }
    }
}

impl KpiRoleExtension {
    /// A row with every field, in declaration order.
    pub const fn new(kpi: Id, role: Id, sources: List<Citation>) -> Self {
        Self { kpi, role, sources }
    }
}

/// An attached row's schema: `sources` required and not empty, as the merge checks. The
/// Rust field keeps serde's default so that the merge reports a missing list together
/// with every other problem of the overlay instead of stopping at the first.
fn cited_row(schema: &mut Schema) {
    if let Some(required) = schema.get_mut("required").and_then(|r| r.as_array_mut()) {
        required.push("sources".into());
    }
    if let Some(sources) =
        schema.get_mut("properties").and_then(|p| p.get_mut("sources")).and_then(|s| s.as_object_mut())
    {
        sources.remove("default");
        sources.insert("minItems".into(), 1.into());
    }
}
