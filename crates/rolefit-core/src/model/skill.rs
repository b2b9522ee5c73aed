use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, changed_fields};
use super::{Citation, List, Text};
use crate::Id;

/// A skill, knowledge area or ability, and how much each role needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct Skill {
    /// Stable id.
    pub id: Id,
    /// Short name, e.g. "Backlog prioritisation".
    pub name: Text,
    /// What the skill is, in rolefit's words.
    pub description: Text,
    /// Knowledge, skill or ability.
    pub kind: SkillKind,
    /// The domain it belongs to.
    pub domain: SkillDomain,
    /// How much each role needs it. A role not listed has no stated need.
    #[schemars(length(min = 1))]
    pub importance: List<RoleImportance>,
    /// Where this record comes from: its sources, each with a locator where known.
    #[schemars(length(min = 1))]
    pub sources: List<Citation>,
}

impl Skill {
    /// A skill with every field, in declaration order.
    #[allow(clippy::too_many_arguments)]
    pub const fn new(
        id: Id,
        name: Text,
        description: Text,
        kind: SkillKind,
        domain: SkillDomain,
        importance: List<RoleImportance>,
        sources: List<Citation>,
    ) -> Self {
        Self { id, name, description, kind, domain, importance, sources }
    }
}

bake_by_constructor!(Skill::new { id, name, description, kind, domain, importance, sources });

impl RoleImportance {
    /// A role's need.
    pub const fn new(role: Id, level: Importance) -> Self {
        Self { role, level }
    }
}

bake_by_constructor!(RoleImportance::new { role, level });

impl Record for Skill {
    fn key(&self) -> &Id {
        &self.id
    }

    fn name(&self) -> &str {
        &self.name
    }

    fn check(&self, c: &mut Checker<'_>) {
        c.text(Some("name"), &self.name);
        c.text(Some("description"), &self.description);
        c.per_role("importance", &self.importance, true, |i| &i.role, |_, _| {});
        c.citations(&self.sources);
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(
            self,
            other,
            Skill {
                id;
                name: Wording,
                description: Wording,
                kind: Value,
                domain: Value,
                importance: Value,
                sources: Wording
            }
        )
    }

    fn leans(&self, each: &mut dyn FnMut(&Id, f64)) {
        for need in self.importance.iter() {
            each(&need.role, need.level.weight());
        }
    }

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        Some(&mut self.sources)
    }
}

/// Knowledge, skill or ability, as O*NET and ESCO tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
pub enum SkillKind {
    /// Something one knows (e.g. agile methods, market dynamics).
    Knowledge,
    /// Something one can do, learned by practice (e.g. prioritising).
    Skill,
    /// A lasting capacity (e.g. quick decision-making).
    Ability,
}

/// The domain of a [`Skill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum SkillDomain {
    /// Strategy, markets, finance.
    Business,
    /// Software development and its methods.
    Technical,
    /// Communication, collaboration, leadership.
    Interpersonal,
    /// Data, research, analysis.
    Analytical,
    /// Organisation, prioritisation, planning.
    Organisational,
}

/// One role's need for a [`Skill`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct RoleImportance {
    /// The role.
    pub role: Id,
    /// How much the role needs the skill.
    pub level: Importance,
}

/// How much a role needs a skill, from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "bake", derive(databake::Bake), databake(path = rolefit_core::model))]
#[serde(rename_all = "kebab-case")]
pub enum Importance {
    /// Not needed for the role.
    NotRequired,
    /// Useful but not expected.
    Helpful,
    /// Expected.
    Important,
    /// Core to the role.
    Essential,
}

impl Importance {
    /// How strongly this level ties the skill to the role, in `[0, 1]`.
    pub fn weight(self) -> f64 {
        match self {
            Self::NotRequired => 0.0,
            Self::Helpful => 0.3,
            Self::Important => 0.65,
            Self::Essential => 1.0,
        }
    }
}
