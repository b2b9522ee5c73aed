//! The catalog's roles as schema.org JSON-LD: one `Occupation` per role.
//!
//! # Overview
//!
//! [`to_jsonld`] turns a catalog into a [`JsonLd`] document (serialize it with any
//! serde serializer, e.g. `serde_json`) with `@context` `https://schema.org` and a
//! `@graph` of:
//!
//! - a `DefinedTermSet`, the catalog's skills as a vocabulary (`version` = the data version);
//! - one `Occupation` per role: `name`, `description`, `alternateName` (aliases),
//!   `responsibilities` (the ones the role owns or shares), `skills` (the essential and
//!   important ones, as `DefinedTerm`s with `termCode` and `inDefinedTermSet`),
//!   `occupationalCategory` (O*NET-SOC and ISCO-08 codes as `CategoryCode`s with
//!   `inCodeSet`), `estimatedSalary`, and `sameAs` (ESCO occupation URIs).
//!
//! Choices, and why (see also `docs/extending.md`):
//!
//! - Crosswalk codes of low confidence are left out: the catalog marks them as the
//!   nearest occupation, not the role's own, and JSON-LD has no place for the caveat.
//!   `sameAs` takes only high-confidence ESCO URIs, since it claims identity.
//! - A salary figure that is a median becomes a `MonetaryAmountDistribution`
//!   (`currency`, `duration`, `median`). Other statistics have no property there (a
//!   distribution has no mean, and a reported spread or ceiling is not a percentile),
//!   so an average, a spread or an "up to" figure becomes a `MonetaryAmount` whose
//!   `value` is a `QuantitativeValue` (`value`, or `minValue` / `maxValue`, with
//!   `unitText`), which `estimatedSalary` also accepts. Writing an average into
//!   `median` would misstate the data.
//! - Node ids are IRIs under a base (`urn:rolefit:` by default; [`to_jsonld_with_base`]
//!   takes another): `<base>roles/<id>`, `<base>skills`, `<base>skills/<id>`.
//!
//! Output is deterministic: catalog order throughout.
//!
//! # Examples
//!
//! ```
//! use rolefit_core::Catalog;
//! use rolefit_core::catalog::jsonld;
//!
//! let catalog = Catalog::new(Default::default())?;
//! let doc = jsonld::to_jsonld(&catalog);
//! assert_eq!(doc.context, "https://schema.org");
//! assert_eq!(doc.occupations().count(), 0);
//! # Ok::<(), rolefit_core::CatalogError>(())
//! ```

use std::borrow::Cow;

use crate::Catalog;
use crate::model::{
    Amount, Confidence, Importance, Ownership, PayComponent, PayPeriod, SalaryFigure, Statistic, Taxonomy, Text,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The base IRI of node ids when none is given.
pub const DEFAULT_BASE: &str = "urn:rolefit:";

/// A JSON-LD document: `@context` and a `@graph` of nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct JsonLd {
    /// Always `https://schema.org`.
    #[serde(rename = "@context")]
    pub context: Text,
    /// The skill vocabulary, then one occupation per role.
    #[serde(rename = "@graph")]
    pub graph: Vec<Node>,
}

impl JsonLd {
    /// The occupations, in catalog order.
    pub fn occupations(&self) -> impl Iterator<Item = &Occupation> {
        self.graph.iter().filter_map(|n| match n {
            Node::Occupation(o) => Some(&**o),
            Node::DefinedTermSet(_) => None,
        })
    }

    /// The skill vocabulary.
    ///
    /// # Panics
    ///
    /// Never for a document [`to_jsonld`] made, which always has one.
    pub fn term_set(&self) -> &DefinedTermSet {
        self.graph
            .iter()
            .find_map(|n| match n {
                Node::DefinedTermSet(s) => Some(s),
                Node::Occupation(_) => None,
            })
            .unwrap_or(&EMPTY_SET)
    }
}

static EMPTY_SET: DefinedTermSet =
    DefinedTermSet { id: Cow::Borrowed(""), name: Cow::Borrowed(""), description: Cow::Borrowed(""), version: None };

/// A node of the graph, tagged by its `@type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "@type")]
pub enum Node {
    /// The skill vocabulary.
    DefinedTermSet(DefinedTermSet),
    /// A role.
    Occupation(Box<Occupation>),
}

/// A reference to a node by its id: `{"@id": "..."}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NodeRef {
    /// The node's IRI.
    #[serde(rename = "@id")]
    pub id: Text,
}

/// schema.org `DefinedTermSet`: the catalog's skills as a vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DefinedTermSet {
    /// Its IRI, which every skill's `inDefinedTermSet` points at.
    #[serde(rename = "@id")]
    pub id: Text,
    /// Its name.
    pub name: Text,
    /// What it holds.
    pub description: Text,
    /// The catalog's data version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<Text>,
}

/// schema.org `Occupation`: one role.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct Occupation {
    /// Its IRI.
    #[serde(rename = "@id")]
    pub id: Text,
    /// The role's name.
    pub name: Text,
    /// The role's description.
    pub description: Text,
    /// Other titles of the role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternate_name: Vec<Text>,
    /// The responsibilities the role owns or shares, by name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<Text>,
    /// The skills the role needs (essential or important).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<DefinedTerm>,
    /// Codes of the role in O*NET-SOC and ISCO-08.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub occupational_category: Vec<CategoryCode>,
    /// Pay figures.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub estimated_salary: Vec<Salary>,
    /// ESCO occupations that are this role.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub same_as: Vec<Text>,
}

/// schema.org `DefinedTerm`: one skill.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct DefinedTerm {
    /// `DefinedTerm`.
    #[serde(rename = "@type")]
    pub kind: Text,
    /// Its IRI.
    #[serde(rename = "@id")]
    pub id: Text,
    /// The skill's name.
    pub name: Text,
    /// What the skill is.
    pub description: Text,
    /// The skill's catalog id.
    pub term_code: Text,
    /// The rolefit skill vocabulary.
    pub in_defined_term_set: NodeRef,
}

/// schema.org `CategoryCode`: a code in an occupational taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategoryCode {
    /// `CategoryCode`.
    #[serde(rename = "@type")]
    pub kind: Text,
    /// The code (`11-2021.00`, `1223`).
    pub code_value: Text,
    /// Its label in the taxonomy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The taxonomy.
    pub in_code_set: CategoryCodeSet,
}

/// schema.org `CategoryCodeSet`: a taxonomy, by name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CategoryCodeSet {
    /// `CategoryCodeSet`.
    #[serde(rename = "@type")]
    pub kind: Text,
    /// The taxonomy and its version (`O*NET-SOC 2019`).
    pub name: Text,
}

/// A pay figure, tagged by its `@type`: a distribution where the figure is a median,
/// else an amount.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "@type")]
pub enum Salary {
    /// A median.
    MonetaryAmountDistribution(MonetaryAmountDistribution),
    /// An average, a spread or a ceiling.
    MonetaryAmount(MonetaryAmount),
}

/// schema.org `MonetaryAmountDistribution`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MonetaryAmountDistribution {
    /// What the figure is (statistic, pay covered, region, date).
    pub name: Text,
    /// ISO 4217 code.
    pub currency: Text,
    /// The pay period as an ISO 8601 duration (`P1Y`).
    pub duration: Text,
    /// The median.
    pub median: f64,
}

/// schema.org `MonetaryAmount`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MonetaryAmount {
    /// What the figure is (statistic, pay covered, region, date).
    pub name: Text,
    /// ISO 4217 code.
    pub currency: Text,
    /// The amount and its period.
    pub value: QuantitativeValue,
}

/// schema.org `QuantitativeValue`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct QuantitativeValue {
    /// `QuantitativeValue`.
    #[serde(rename = "@type")]
    pub kind: Text,
    /// A single figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The low end of a range.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_value: Option<f64>,
    /// The high end of a range, or a ceiling.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_value: Option<f64>,
    /// The pay period: `HOUR`, `MONTH` or `YEAR`.
    pub unit_text: Text,
}

/// The catalog as JSON-LD, with node ids under [`DEFAULT_BASE`].
pub fn to_jsonld(catalog: &Catalog) -> JsonLd {
    to_jsonld_with_base(catalog, DEFAULT_BASE)
}

/// The catalog as JSON-LD, with node ids under `base` (`https://example.org/rolefit/`).
pub fn to_jsonld_with_base(catalog: &Catalog, base: &str) -> JsonLd {
    let set_id: Text = format!("{base}skills").into();
    let mut graph = vec![Node::DefinedTermSet(DefinedTermSet {
        id: set_id.clone(),
        name: "rolefit skills".into(),
        description: "The skills, knowledge and abilities of the rolefit catalog; each term's code is its catalog id."
            .into(),
        version: catalog.data_version().map(|v| Text::Owned(v.to_owned())),
    })];
    for role in catalog.roles() {
        let responsibilities = catalog
            .responsibilities()
            .iter()
            .filter(|r| r.ownership.iter().any(|o| o.role == role.id && o.level >= Ownership::Shares))
            .map(|r| r.name.clone())
            .collect();
        let skills = catalog
            .skills()
            .iter()
            .filter(|s| s.importance.iter().any(|i| i.role == role.id && i.level >= Importance::Important))
            .map(|s| DefinedTerm {
                kind: "DefinedTerm".into(),
                id: format!("{base}skills/{}", s.id).into(),
                name: s.name.clone(),
                description: s.description.clone(),
                term_code: s.id.as_str().to_owned().into(),
                in_defined_term_set: NodeRef { id: set_id.clone() },
            })
            .collect();
        let occupational_category = role
            .crosswalk
            .iter()
            .filter(|c| {
                matches!(c.taxonomy, Taxonomy::OnetSoc2019 | Taxonomy::Isco08) && c.confidence > Confidence::Low
            })
            .filter_map(|c| {
                Some(CategoryCode {
                    kind: "CategoryCode".into(),
                    code_value: c.code.clone()?,
                    name: c.label.clone(),
                    in_code_set: CategoryCodeSet { kind: "CategoryCodeSet".into(), name: c.taxonomy.label().into() },
                })
            })
            .collect();
        let same_as = role
            .crosswalk
            .iter()
            .filter(|c| c.taxonomy == Taxonomy::Esco1_2 && c.confidence == Confidence::High)
            .filter_map(|c| c.uri.clone())
            .collect();
        let estimated_salary = catalog.salaries().iter().filter(|s| s.role == role.id).map(salary).collect();
        graph.push(Node::Occupation(Box::new(Occupation {
            id: format!("{base}roles/{}", role.id).into(),
            name: role.name.clone(),
            description: role.description.clone(),
            alternate_name: role.aliases.to_vec(),
            responsibilities,
            skills,
            occupational_category,
            estimated_salary,
            same_as,
        })));
    }
    JsonLd { context: "https://schema.org".into(), graph }
}

fn salary(s: &SalaryFigure) -> Salary {
    let statistic = match s.statistic {
        Statistic::Average => "Average",
        Statistic::Median => "Median",
        Statistic::Spread => "Range of",
        Statistic::UpTo => "Up to",
    };
    let covers = match s.covers {
        PayComponent::Base => "base pay",
        PayComponent::Total => "total pay",
    };
    let mut name = format!("{statistic} {covers}");
    if let Some(region) = &s.region {
        name.push_str(&format!(", {region}"));
    }
    if let Some(as_of) = &s.as_of {
        name.push_str(&format!(", {as_of}"));
    }
    let (duration, unit) = match s.period {
        PayPeriod::Hour => ("PT1H", "HOUR"),
        PayPeriod::Month => ("P1M", "MONTH"),
        PayPeriod::Year => ("P1Y", "YEAR"),
    };
    if let (Statistic::Median, Amount::Exact(median)) = (s.statistic, s.amount) {
        return Salary::MonetaryAmountDistribution(MonetaryAmountDistribution {
            name: name.into(),
            currency: s.currency.clone(),
            duration: duration.into(),
            median,
        });
    }
    let (value, min_value, max_value) = match (s.statistic, s.amount) {
        (Statistic::UpTo, Amount::Exact(x)) => (None, None, Some(x)),
        (_, Amount::Exact(x)) => (Some(x), None, None),
        (_, Amount::Range { low, high }) => (None, Some(low), Some(high)),
    };
    Salary::MonetaryAmount(MonetaryAmount {
        name: name.into(),
        currency: s.currency.clone(),
        value: QuantitativeValue {
            kind: "QuantitativeValue".into(),
            value,
            min_value,
            max_value,
            unit_text: unit.into(),
        },
    })
}
