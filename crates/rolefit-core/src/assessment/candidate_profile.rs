//! `CandidateProfile`: a person's skills and experience, for candidate fit.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::ProfileError;
use crate::evidence::Proficiency;
use crate::model::{Checker, Ownership, RecordKind};
use crate::problem::{Problems, Subject};
use crate::read::Format;
use crate::{Catalog, Id};

/// A candidate's skills and, optionally, the work they have done: the input of
/// [`CandidateFit`](crate::CandidateFit).
///
/// ```toml
/// name = "A. Candidate"
///
/// [skills]
/// backlog-prioritisation = "expert"
/// stakeholder-communication = 4
///
/// [experience]
/// order-the-backlog = "owns"
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(
    title = "rolefit candidate profile",
    description = "A candidate's skills (skill id -> proficiency, a name or a level from 1 to 5) and, optionally, experience (responsibility id -> how much of that work was theirs)."
)]
pub struct CandidateProfile {
    /// A name for reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Skill id → how well the candidate holds it.
    pub skills: BTreeMap<Id, Proficiency>,
    /// Responsibility id → how much of that work was the candidate's.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub experience: BTreeMap<Id, Ownership>,
}

impl CandidateProfile {
    /// Reads a profile and checks it against the catalog, reporting every problem at once.
    pub fn read(text: &str, format: Format, catalog: &Catalog) -> Result<Self, ProfileError> {
        let profile: Self = format.parse(text)?;
        profile.check(catalog)?;
        Ok(profile)
    }

    /// Checks that every skill id is a skill of the catalog and every experience id a responsibility.
    pub fn check(&self, catalog: &Catalog) -> Result<(), ProfileError> {
        let mut problems = Vec::new();
        let mut c = Checker::new(catalog, &mut problems);
        for id in self.skills.keys() {
            c.key("skills", id.as_str(), |c| c.checked_reference(None, id, RecordKind::Skill));
        }
        for id in self.experience.keys() {
            c.key("experience", id.as_str(), |c| c.checked_reference(None, id, RecordKind::Responsibility));
        }
        if problems.is_empty() { Ok(()) } else { Err(ProfileError::Invalid(Problems::new(Subject::Profile, problems))) }
    }
}
