//! User overrides of how strongly facts lean to roles.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Id;
use crate::error::ProfileError;
use crate::read::Format;

/// Per fact and role, a weight to use instead of the catalog's: tune scoring from your
/// own data without forking the catalog.
///
/// A weights file maps fact ids to tables of role id → weight in `[0, 1]`. Roles a fact
/// does not list keep the catalog's weight; 0 switches a fact off for a role.
///
/// ```toml
/// # We find Scrum a weaker sign of a Product Owner than the articles do,
/// # and we read a startup as a Product Manager's job only.
/// [facts.agile-scrum-environment]
/// product-owner = 0.4
///
/// [facts.startup-stage]
/// product-owner = 0.0
/// product-manager = 0.6
/// ```
///
/// Load one with [`Weights::read`] and hand it to
/// [`LeanScorer::with_weights`](crate::LeanScorer::with_weights) or
/// [`CoverageScorer::with_weights`](crate::CoverageScorer::with_weights), which check every
/// id against the catalog and report every problem at once.
///
/// ```
/// use rolefit_core::{Format, Weights};
/// let weights = Weights::read("[facts.scrum]\nproduct-owner = 0.4\n", Format::Toml)?;
/// assert_eq!(weights.facts.len(), 1);
/// # Ok::<(), rolefit_core::ProfileError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    title = "rolefit scoring weights",
    description = "Weight overrides: fact id -> role id -> weight in [0, 1], used instead of the catalog's lean of that fact toward that role. Roles a fact does not list keep the catalog's weight; 0 switches the fact off for the role."
)]
pub struct Weights {
    /// Fact id → role id → weight in `[0, 1]`.
    #[serde(default)]
    #[schemars(with = "BTreeMap<Id, BTreeMap<Id, Weight>>")]
    pub facts: BTreeMap<Id, BTreeMap<Id, f64>>,
}

/// A weight in `[0, 1]`.
// Only its schema is used: a named definition, so that code generators keep the bounds on
// the values of a map (pydantic's models drop them from an inline value schema).
#[derive(JsonSchema)]
#[allow(dead_code)]
struct Weight(#[schemars(range(min = 0.0, max = 1.0))] f64);

impl Weights {
    /// Reads a weights document; ids are checked against a catalog when the weights are applied.
    pub fn read(text: &str, format: Format) -> Result<Self, ProfileError> {
        Ok(format.parse(text)?)
    }

    /// Sets the weight of one fact for one role.
    pub fn set(&mut self, fact: Id, role: Id, weight: f64) -> &mut Self {
        self.facts.entry(fact).or_default().insert(role, weight);
        self
    }
}
