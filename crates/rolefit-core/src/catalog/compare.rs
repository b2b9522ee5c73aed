//! Side-by-side comparison of two roles.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Catalog;
use crate::Id;
use crate::error::QueryError;
use crate::model::{CareerPath, Importance, Ownership, Text};

/// Which of the two compared roles a fact belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Leaning {
    /// Both roles hold it to a like degree.
    Shared,
    /// It is the first role's.
    First,
    /// It is the second role's.
    Second,
    /// Neither role holds it.
    Neither,
}

/// Two roles compared fact by fact: the result of [`Catalog::compare`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comparison {
    /// The first role.
    pub first: Id,
    /// The second role.
    pub second: Id,
    /// Each dimension, with both roles' values.
    pub dimensions: Vec<DimensionRow>,
    /// Each responsibility either role has a stake in.
    pub responsibilities: Vec<ResponsibilityRow>,
    /// Each KPI that measures either role.
    pub kpis: Vec<KpiRow>,
    /// Each skill either role needs.
    pub skills: Vec<SkillRow>,
    /// Each career path from one of the two roles to the other, in either direction.
    pub career_paths: Vec<CareerPathRow>,
}

/// One dimension in a [`Comparison`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DimensionRow {
    /// The dimension.
    pub dimension: Id,
    /// Its name.
    pub name: Text,
    /// The first role's value, if the catalog states one.
    pub first: Option<Text>,
    /// The second role's value, if the catalog states one.
    pub second: Option<Text>,
}

/// One responsibility in a [`Comparison`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ResponsibilityRow {
    /// The responsibility.
    pub responsibility: Id,
    /// Its name.
    pub name: Text,
    /// The first role's stake.
    pub first: Ownership,
    /// The second role's stake.
    pub second: Ownership,
    /// Whose it is.
    pub leaning: Leaning,
}

/// One KPI in a [`Comparison`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiRow {
    /// The KPI.
    pub kpi: Id,
    /// Its name.
    pub name: Text,
    /// Whose it is.
    pub leaning: Leaning,
}

/// One skill in a [`Comparison`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SkillRow {
    /// The skill.
    pub skill: Id,
    /// Its name.
    pub name: Text,
    /// How much the first role needs it.
    pub first: Importance,
    /// How much the second role needs it.
    pub second: Importance,
    /// Whose it is.
    pub leaning: Leaning,
}

/// One career path in a [`Comparison`]: a move between the two roles and what it takes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CareerPathRow {
    /// The career path.
    pub career_path: Id,
    /// Its name.
    pub name: Text,
    /// The role the move starts from (one of the two compared).
    pub from: Id,
    /// The role the move leads to (the other one).
    pub to: Id,
    /// The move in one sentence.
    pub summary: Text,
    /// What the move takes, one entry per requirement.
    pub requires: Vec<Text>,
}

impl Comparison {
    /// The responsibilities with this leaning.
    pub fn responsibilities_leaning(&self, leaning: Leaning) -> impl Iterator<Item = &ResponsibilityRow> {
        self.responsibilities.iter().filter(move |r| r.leaning == leaning)
    }

    /// The skills with this leaning.
    pub fn skills_leaning(&self, leaning: Leaning) -> impl Iterator<Item = &SkillRow> {
        self.skills.iter().filter(move |r| r.leaning == leaning)
    }

    /// The KPIs with this leaning.
    pub fn kpis_leaning(&self, leaning: Leaning) -> impl Iterator<Item = &KpiRow> {
        self.kpis.iter().filter(move |r| r.leaning == leaning)
    }
}

/// Shared when both reach `shared_from`, or both are equal and above the floor;
/// otherwise the role with the higher level.
fn lean<T: Ord + Copy>(first: T, second: T, floor: T, shared_from: T) -> Leaning {
    if first <= floor && second <= floor {
        Leaning::Neither
    } else if (first >= shared_from && second >= shared_from) || first == second {
        Leaning::Shared
    } else if first > second {
        Leaning::First
    } else {
        Leaning::Second
    }
}

impl Catalog {
    /// Compares two roles: dimension by dimension, which responsibilities, KPIs and
    /// skills are shared or belong to one of them, and the career paths between them.
    ///
    /// A responsibility is shared when both roles own or share it, a skill when both
    /// rate it at least important; otherwise it leans to the role with the higher level.
    /// Facts neither role has a stake in are left out.
    pub fn compare(&self, first: &str, second: &str) -> Result<Comparison, QueryError> {
        let a = self.role(first).ok_or_else(|| QueryError::UnknownRole(first.to_owned()))?.id.clone();
        let b = self.role(second).ok_or_else(|| QueryError::UnknownRole(second.to_owned()))?.id.clone();

        let dimensions = self
            .dimensions()
            .iter()
            .map(|d| {
                let value = |role: &Id| d.values.iter().find(|v| &v.role == role).map(|v| v.value.clone());
                DimensionRow { dimension: d.id.clone(), name: d.name.clone(), first: value(&a), second: value(&b) }
            })
            .collect();

        let responsibilities = self
            .responsibilities()
            .iter()
            .filter_map(|r| {
                let level =
                    |role: &Id| r.ownership.iter().find(|o| &o.role == role).map_or(Ownership::None, |o| o.level);
                let (first, second) = (level(&a), level(&b));
                let leaning = lean(first, second, Ownership::None, Ownership::Shares);
                (leaning != Leaning::Neither).then(|| ResponsibilityRow {
                    responsibility: r.id.clone(),
                    name: r.name.clone(),
                    first,
                    second,
                    leaning,
                })
            })
            .collect();

        let kpis = self
            .kpis()
            .iter()
            .filter_map(|k| {
                let leaning = match (k.roles.contains(&a), k.roles.contains(&b)) {
                    (true, true) => Leaning::Shared,
                    (true, false) => Leaning::First,
                    (false, true) => Leaning::Second,
                    (false, false) => return None,
                };
                Some(KpiRow { kpi: k.id.clone(), name: k.name.clone(), leaning })
            })
            .collect();

        let skills = self
            .skills()
            .iter()
            .filter_map(|s| {
                let level = |role: &Id| {
                    s.importance.iter().find(|o| &o.role == role).map_or(Importance::NotRequired, |o| o.level)
                };
                let (first, second) = (level(&a), level(&b));
                let leaning = lean(first, second, Importance::NotRequired, Importance::Important);
                (leaning != Leaning::Neither).then(|| SkillRow {
                    skill: s.id.clone(),
                    name: s.name.clone(),
                    first,
                    second,
                    leaning,
                })
            })
            .collect();

        let career_paths = self
            .all::<CareerPath>()
            .iter()
            .filter(|p| (p.from == a && p.to == b) || (p.from == b && p.to == a))
            .map(|p| CareerPathRow {
                career_path: p.id.clone(),
                name: p.name.clone(),
                from: p.from.clone(),
                to: p.to.clone(),
                summary: p.summary.clone(),
                requires: p.requires.iter().map(|r| r.need.clone()).collect(),
            })
            .collect();

        Ok(Comparison { first: a, second: b, dimensions, responsibilities, kpis, skills, career_paths })
    }
}
