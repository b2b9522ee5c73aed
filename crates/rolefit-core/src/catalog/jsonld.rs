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
//!   important ones, as `DefinedTerm`s with `termCode` and `inDefinedTermSet`, then the
//!   role's SFIA skill levels, as `DefinedTerm`s of the SFIA set), `occupationalCategory`
//!   (O*NET-SOC and ISCO-08 codes as `CategoryCode`s with `inCodeSet`), `estimatedSalary`,
//!   and `sameAs` (ESCO occupation URIs);
//! - each code set the occupations cite, once, with an `@id` the codes point at: a
//!   `CategoryCodeSet` per occupational taxonomy, a `DefinedTermSet` for SFIA.
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
//! - SFIA is a framework of skills at levels of responsibility, not of occupations, so its
//!   codes (`PROD-4`) are skills of the occupation, not its `occupationalCategory`. This
//!   is how the Product Owner, which no occupational taxonomy has, gets its crosswalk.
//! - Node ids are IRIs under a base (`urn:rolefit:` by default; [`to_jsonld_with_base`]
//!   takes another, checked by [`BaseIri::new`]): `<base>roles/<id>`, `<base>skills`,
//!   `<base>skills/<id>`, `<base>code-sets/<taxonomy>`, `<base>code-sets/<taxonomy>/<code>`.
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
//!
//! // Another base: an absolute IRI that the ids can be appended to.
//! let base = jsonld::BaseIri::new("https://example.org/rolefit/")?;
//! let doc = jsonld::to_jsonld_with_base(&catalog, &base);
//! assert_eq!(doc.term_set().id, "https://example.org/rolefit/skills");
//! assert!(jsonld::BaseIri::new("not an iri").is_err());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use crate::Catalog;
use crate::model::{
    Amount, Confidence, Importance, Ownership, PayComponent, PayPeriod, SalaryFigure, Statistic, Taxonomy, Text,
};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The base IRI of node ids when none is given.
pub const DEFAULT_BASE: &str = "urn:rolefit:";

/// A base IRI for node ids: an absolute IRI (a scheme, then no space, control character or
/// character IRIs exclude, every `%` starting an escape) that ends in `/`, `#` or `:`, so
/// that the ids appended to it stay a path, a fragment or a name of their own.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BaseIri(String);

impl BaseIri {
    /// `iri`, if it is an absolute IRI ending in `/`, `#` or `:`.
    pub fn new(iri: &str) -> Result<Self, BaseIriError> {
        let error = |problem| Err(BaseIriError { iri: iri.to_owned(), problem });
        let scheme_end = iri.find(':').unwrap_or(0);
        let scheme = &iri[..scheme_end];
        if !scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            || !scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        {
            return error(BaseIriProblem::NoScheme);
        }
        if iri.len() == scheme_end + 1 {
            return error(BaseIriProblem::NothingAfterScheme);
        }
        let mut fragment = false;
        for (at, c) in iri.char_indices() {
            let excluded = c.is_whitespace() || c.is_control() || "<>\"{}|\\^`".contains(c);
            if excluded || (c == '#' && fragment) {
                return error(BaseIriProblem::Character { at, c });
            }
            fragment |= c == '#';
            if c == '%' && !iri.as_bytes().get(at + 1..at + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                return error(BaseIriProblem::Percent { at });
            }
        }
        if !iri.ends_with(['/', '#', ':']) {
            return error(BaseIriProblem::End);
        }
        Ok(Self(iri.to_owned()))
    }

    /// The IRI.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for BaseIri {
    fn default() -> Self {
        Self(DEFAULT_BASE.to_owned())
    }
}

impl FromStr for BaseIri {
    type Err = BaseIriError;

    fn from_str(iri: &str) -> Result<Self, Self::Err> {
        Self::new(iri)
    }
}

impl fmt::Display for BaseIri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A value given as a base IRI that is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("base IRI {iri:?}: {problem}")]
#[non_exhaustive]
pub struct BaseIriError {
    /// The value given.
    pub iri: String,
    /// What is wrong with it.
    pub problem: BaseIriProblem,
}

/// What makes a value not a base IRI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BaseIriProblem {
    /// It does not start with a scheme and a colon.
    #[error("no scheme; an absolute IRI starts with one, such as \"https:\" or \"urn:\"")]
    NoScheme,
    /// It is a scheme alone.
    #[error("nothing after the scheme")]
    NothingAfterScheme,
    /// A character no IRI may hold (or a second `#`).
    #[error("{c:?} at byte {at} is not allowed in an IRI")]
    Character {
        /// Where, in bytes.
        at: usize,
        /// The character.
        c: char,
    },
    /// A `%` not followed by two hexadecimal digits.
    #[error("\"%\" at byte {at} does not start an escape like \"%20\"")]
    Percent {
        /// Where, in bytes.
        at: usize,
    },
    /// It does not end in `/`, `#` or `:`.
    #[error(
        "it must end in \"/\", \"#\" or \":\", so that the ids made under it (<base>roles/<id>) stay apart from it"
    )]
    End,
}

/// A JSON-LD document: `@context` and a `@graph` of nodes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct JsonLd {
    /// Always `https://schema.org`.
    #[serde(rename = "@context")]
    pub context: Text,
    /// The skill vocabulary, one occupation per role, then the code sets they cite.
    #[serde(rename = "@graph")]
    pub graph: Vec<Node>,
}

impl JsonLd {
    /// The occupations, in catalog order.
    pub fn occupations(&self) -> impl Iterator<Item = &Occupation> {
        self.graph.iter().filter_map(|n| match n {
            Node::Occupation(o) => Some(&**o),
            Node::DefinedTermSet(_) | Node::CategoryCodeSet(_) => None,
        })
    }

    /// The catalog's skill vocabulary (the first `DefinedTermSet` of the graph; the SFIA
    /// set comes after the occupations).
    ///
    /// # Panics
    ///
    /// Never for a document [`to_jsonld`] made, which always has one.
    pub fn term_set(&self) -> &DefinedTermSet {
        self.graph
            .iter()
            .find_map(|n| match n {
                Node::DefinedTermSet(s) => Some(s),
                Node::Occupation(_) | Node::CategoryCodeSet(_) => None,
            })
            .unwrap_or(&EMPTY_SET)
    }
}

static EMPTY_SET: DefinedTermSet =
    DefinedTermSet { id: Cow::Borrowed(""), name: Cow::Borrowed(""), description: Cow::Borrowed(""), version: None };

/// A node of the graph, tagged by its `@type`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "@type")]
#[non_exhaustive]
pub enum Node {
    /// A vocabulary of skills: the catalog's, or SFIA.
    DefinedTermSet(DefinedTermSet),
    /// A role.
    Occupation(Box<Occupation>),
    /// An occupational taxonomy the occupations' codes are in.
    CategoryCodeSet(CategoryCodeSet),
}

/// A reference to a node by its id: `{"@id": "..."}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct NodeRef {
    /// The node's IRI.
    #[serde(rename = "@id")]
    pub id: Text,
}

/// schema.org `DefinedTermSet`: the catalog's skills, or SFIA's, as a vocabulary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DefinedTermSet {
    /// Its IRI, which every skill's `inDefinedTermSet` points at.
    #[serde(rename = "@id")]
    pub id: Text,
    /// Its name.
    pub name: Text,
    /// What it holds.
    pub description: Text,
    /// The catalog's data version (none for SFIA, whose name says its version).
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
    /// The skills the role needs (essential or important), then its SFIA skill levels.
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

/// schema.org `DefinedTerm`: one skill, of the catalog or of SFIA.
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
    /// What the skill is (a catalog skill's description; none for SFIA, whose text its
    /// licence keeps out of the catalog).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The skill's catalog id, or its SFIA code and level (`PROD-4`).
    pub term_code: Text,
    /// The vocabulary it belongs to.
    pub in_defined_term_set: NodeRef,
}

/// schema.org `CategoryCode`: a code in an occupational taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct CategoryCode {
    /// `CategoryCode`.
    #[serde(rename = "@type")]
    pub kind: Text,
    /// Its IRI, the same wherever the code is cited.
    #[serde(rename = "@id")]
    pub id: Text,
    /// The code (`11-2021.00`, `1223`).
    pub code_value: Text,
    /// Its label in the taxonomy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<Text>,
    /// The taxonomy, a `CategoryCodeSet` node of the graph.
    pub in_code_set: NodeRef,
}

/// schema.org `CategoryCodeSet`: an occupational taxonomy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CategoryCodeSet {
    /// Its IRI, which its codes' `inCodeSet` points at.
    #[serde(rename = "@id")]
    pub id: Text,
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
    to_jsonld_with_base(catalog, &BaseIri::default())
}

/// The taxonomies the export cites, in the order their sets close the graph: the
/// occupational ones as `occupationalCategory`, SFIA as skills.
const OCCUPATIONAL: [Taxonomy; 2] = [Taxonomy::OnetSoc2019, Taxonomy::Isco08];

/// The catalog as JSON-LD, with node ids under `base` (`https://example.org/rolefit/`).
pub fn to_jsonld_with_base(catalog: &Catalog, base: &BaseIri) -> JsonLd {
    let base = base.as_str();
    let set_id: Text = format!("{base}skills").into();
    let code_set_id = |t: Taxonomy| -> Text { format!("{base}code-sets/{}", taxonomy_segment(t)).into() };
    let code_id = |t: Taxonomy, code: &str| -> Text { format!("{}/{}", code_set_id(t), escape_segment(code)).into() };
    let mut graph = vec![Node::DefinedTermSet(DefinedTermSet {
        id: set_id.clone(),
        name: "rolefit skills".into(),
        description: "The skills, knowledge and abilities of the rolefit catalog; each term's code is its catalog id."
            .into(),
        version: catalog.data_version().map(|v| Text::Owned(v.to_owned())),
    })];
    let mut cited = Vec::new();
    for role in catalog.roles() {
        let responsibilities = catalog
            .responsibilities()
            .iter()
            .filter(|r| r.ownership.iter().any(|o| o.role == role.id && o.level >= Ownership::Shares))
            .map(|r| r.name.clone())
            .collect();
        let catalog_skills = catalog
            .skills()
            .iter()
            .filter(|s| s.importance.iter().any(|i| i.role == role.id && i.level >= Importance::Important))
            .map(|s| DefinedTerm {
                kind: "DefinedTerm".into(),
                id: format!("{base}skills/{}", s.id).into(),
                name: s.name.clone(),
                description: Some(s.description.clone()),
                term_code: s.id.as_str().to_owned().into(),
                in_defined_term_set: NodeRef { id: set_id.clone() },
            });
        // Low-confidence codes are the nearest occupation, not the role's own (module docs).
        let sfia_levels =
            role.crosswalk.iter().filter(|c| c.taxonomy == Taxonomy::Sfia8 && c.confidence > Confidence::Low);
        let sfia_levels = sfia_levels.filter_map(|c| {
            let code = c.code.clone()?;
            Some(DefinedTerm {
                kind: "DefinedTerm".into(),
                id: code_id(Taxonomy::Sfia8, &code),
                name: c.label.clone().unwrap_or_else(|| code.clone()),
                description: None,
                term_code: code,
                in_defined_term_set: NodeRef { id: code_set_id(Taxonomy::Sfia8) },
            })
        });
        let skills: Vec<DefinedTerm> = catalog_skills.chain(sfia_levels).collect();
        let occupational_category: Vec<CategoryCode> = role
            .crosswalk
            .iter()
            .filter(|c| OCCUPATIONAL.contains(&c.taxonomy) && c.confidence > Confidence::Low)
            .filter_map(|c| {
                let code = c.code.clone()?;
                Some(CategoryCode {
                    kind: "CategoryCode".into(),
                    id: code_id(c.taxonomy, &code),
                    code_value: code,
                    name: c.label.clone(),
                    in_code_set: NodeRef { id: code_set_id(c.taxonomy) },
                })
            })
            .collect();
        cited.extend(occupational_category.iter().map(|c| c.in_code_set.id.clone()));
        cited.extend(skills.iter().map(|s| s.in_defined_term_set.id.clone()).filter(|id| *id != set_id));
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
    // Each set once, in a fixed order, and only if something cites it.
    for taxonomy in OCCUPATIONAL {
        let id = code_set_id(taxonomy);
        if cited.contains(&id) {
            graph.push(Node::CategoryCodeSet(CategoryCodeSet { id, name: taxonomy.label().into() }));
        }
    }
    let sfia = code_set_id(Taxonomy::Sfia8);
    if cited.contains(&sfia) {
        graph.push(Node::DefinedTermSet(DefinedTermSet {
            id: sfia,
            name: Taxonomy::Sfia8.label().into(),
            description: "The Skills Framework for the Information Age: skills, each at levels of responsibility \
                          from 1 to 7; a term's code is the skill's code and the level (PROD-4)."
                .into(),
            version: None,
        }));
    }
    JsonLd { context: "https://schema.org".into(), graph }
}

/// The taxonomy's name in ids: its catalog spelling.
fn taxonomy_segment(t: Taxonomy) -> &'static str {
    match t {
        Taxonomy::OnetSoc2019 => "onet-soc-2019",
        Taxonomy::Esco1_2 => "esco-1.2",
        Taxonomy::Isco08 => "isco-08",
        Taxonomy::Sfia8 => "sfia-8",
    }
}

/// `text` as one IRI path segment: every byte other than an unreserved character
/// percent-encoded, so that a code an overlay writes with a space or a slash still
/// makes one valid IRI.
fn escape_segment(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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
