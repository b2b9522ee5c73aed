use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, Text};
use crate::Id;

/// A role the catalog describes, such as `product-owner` or `product-manager`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct Role {
    /// Stable id.
    pub id: Id,
    /// Display name, e.g. "Product Owner".
    pub name: Text,
    /// One sentence that tells the role apart.
    pub summary: Text,
    /// A longer description.
    pub description: Text,
    /// Other titles the role goes by (also used to recognise it in job titles).
    #[serde(default)]
    pub aliases: List<Text>,
    /// Whom the role reports to, as sources state it. The titles of a role's managers
    /// are not its aliases.
    #[serde(default)]
    pub reports_to: List<ReportingLine>,
    /// Codes of this role, or the nearest occupation, in other taxonomies.
    #[serde(default)]
    pub crosswalk: List<CrosswalkCode>,
    /// Where this record comes from: its sources, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

/// Where a role sits in another taxonomy, and how sure that mapping is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct CrosswalkCode {
    /// The taxonomy and its version.
    pub taxonomy: Taxonomy,
    /// The code there, or none when the taxonomy has no matching entry (the reason says so).
    #[serde(default)]
    pub code: Option<Text>,
    /// The label of the code in that taxonomy.
    #[serde(default)]
    pub label: Option<Text>,
    /// A resolvable URI for the code, where the taxonomy has one (ESCO).
    #[serde(default)]
    pub uri: Option<Text>,
    /// How well the code matches the role.
    pub confidence: Confidence,
    /// Why the code was chosen, or why there is none.
    pub reason: Text,
    /// Where this mapping comes from: its sources, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

/// Ids no role may have, because a scorecard's verdict uses them beside role ids.
pub const RESERVED_ROLE_IDS: &[&str] = &["both", "undetermined"];

impl Role {
    /// A role with every field, in declaration order.
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        id: Id,
        name: Text,
        summary: Text,
        description: Text,
        aliases: List<Text>,
        reports_to: List<ReportingLine>,
        crosswalk: List<CrosswalkCode>,
        sources: List<Citation>,
    ) -> Self {
        Self { id, name, summary, description, aliases, reports_to, crosswalk, sources }
    }
}

bake_by_constructor!(Role::new { id, name, summary, description, aliases, reports_to, crosswalk, sources });

/// Whom a [`Role`] reports to, as a source states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct ReportingLine {
    /// The title of the person the role reports to, e.g. "VP of Product".
    pub title: Text,
    /// Where this comes from: its sources, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

impl ReportingLine {
    /// A reporting line with every field, in declaration order.
    pub const fn new(title: Text, sources: List<Citation>) -> Self {
        Self { title, sources }
    }
}

bake_by_constructor!(ReportingLine::new { title, sources });

impl CrosswalkCode {
    /// A mapping with every field, in declaration order.
    pub const fn new(
        taxonomy: Taxonomy,
        code: Option<Text>,
        label: Option<Text>,
        uri: Option<Text>,
        confidence: Confidence,
        reason: Text,
        sources: List<Citation>,
    ) -> Self {
        Self { taxonomy, code, label, uri, confidence, reason, sources }
    }
}

bake_by_constructor!(CrosswalkCode::new { taxonomy, code, label, uri, confidence, reason, sources });

impl Record for Role {
    const RESERVED_IDS: &'static [&'static str] = RESERVED_ROLE_IDS;

    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.text(Some("name"), &self.name);
        c.text(Some("summary"), &self.summary);
        c.text(Some("description"), &self.description);
        c.each("aliases", &self.aliases, |c, alias| c.text(None, alias));
        c.each("reports_to", &self.reports_to, |c, line| {
            c.text(Some("title"), &line.title);
            c.citations(&line.sources);
        });
        c.each("crosswalk", &self.crosswalk, |c, code| {
            c.optional_text("code", &code.code);
            c.optional_text("label", &code.label);
            c.optional_text("uri", &code.uri);
            c.text(Some("reason"), &code.reason);
            c.citations(&code.sources);
        });
        c.citations(&self.sources);
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(
            self,
            other,
            Role {
                id;
                name: Wording,
                summary: Wording,
                description: Wording,
                aliases: Value,
                reports_to: Value,
                crosswalk: Value,
                sources: Wording
            }
        )
    }

    fn leans(&self, _: &mut dyn FnMut(&Id, f64)) {}

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        Some(&mut self.sources)
    }
}

/// An occupational or skills taxonomy, with its version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[non_exhaustive]
pub enum Taxonomy {
    /// O*NET-SOC 2019 (United States).
    #[serde(rename = "onet-soc-2019")]
    OnetSoc2019,
    /// ESCO v1.2 (European Union).
    #[serde(rename = "esco-1.2")]
    Esco1_2,
    /// ISCO-08 (International Labour Organization).
    #[serde(rename = "isco-08")]
    Isco08,
    /// SFIA 8 skill and level.
    #[serde(rename = "sfia-8")]
    Sfia8,
}

impl Taxonomy {
    /// The name the taxonomy is known by, with its version.
    pub fn label(self) -> &'static str {
        match self {
            Self::OnetSoc2019 => "O*NET-SOC 2019",
            Self::Esco1_2 => "ESCO v1.2",
            Self::Isco08 => "ISCO-08",
            Self::Sfia8 => "SFIA 8",
        }
    }
}

/// How sure a mapping is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
pub enum Confidence {
    /// A weak or partial match.
    Low,
    /// A reasonable match with caveats.
    Medium,
    /// A direct match.
    High,
}
