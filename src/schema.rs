//! JSON Schemas (draft 2020-12) for every type that crosses a boundary.
//!
//! The same schemas are checked in under `docs/schema/`, one file per entry of
//! [`all`], named `<name>.schema.json`. The schemas of `rolefit classify`'s output
//! (`classification`, `classification-line`) need the `text` feature (on by default).

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

/// A named JSON Schema.
#[derive(Debug, Clone)]
pub struct NamedSchema {
    /// The short name, used by `rolefit schema NAME` and in the file name.
    pub name: &'static str,
    /// What documents it describes.
    pub describes: &'static str,
    /// The schema.
    pub schema: Schema,
}

/// The schema of one type, with the draft pinned to 2020-12.
pub fn schema_for<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<T>()
}

/// The schema of one type as it is serialized, with the draft pinned to 2020-12: for
/// output-only types, whose `Option` fields are always written (as `null` when empty),
/// so every field is required.
pub fn schema_for_output<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12().for_serialize().into_generator().into_root_schema_for::<T>()
}

/// Every schema rolefit publishes, in a fixed order.
pub fn all() -> Vec<NamedSchema> {
    #[cfg_attr(not(feature = "text"), allow(unused_mut))]
    let mut schemas = vec![
        NamedSchema {
            name: "catalog",
            describes: "a catalog document (the canonical export, or a user catalog)",
            schema: schema_for::<rolefit_core::CatalogData>(),
        },
        NamedSchema {
            name: "comparison",
            describes: "two roles compared (`rolefit compare --format json`)",
            schema: schema_for::<rolefit_core::Comparison>(),
        },
        NamedSchema {
            name: "diff",
            describes: "what changed between two catalogs (`rolefit diff --format json`)",
            schema: schema_for::<rolefit_core::CatalogDiff>(),
        },
        NamedSchema {
            name: "org-profile",
            describes: "an organisation's answers to the needs assessment (`rolefit assess FILE`)",
            schema: schema_for::<rolefit_core::OrgProfile>(),
        },
        NamedSchema {
            name: "candidate-profile",
            describes: "a candidate's skills and experience (`rolefit fit FILE`)",
            schema: schema_for::<rolefit_core::CandidateProfile>(),
        },
        NamedSchema {
            name: "weights",
            describes: "weight overrides: fact id -> role id -> weight (`--weights FILE`)",
            schema: schema_for::<rolefit_core::Weights>(),
        },
        NamedSchema {
            name: "scorecard",
            describes: "scores, verdict and contributions (`rolefit assess --format json`)",
            schema: schema_for::<rolefit_core::Scorecard>(),
        },
        NamedSchema {
            name: "fit-report",
            describes: "a candidate's fit per role with matching and missing skills (`rolefit fit --format json`)",
            schema: schema_for::<rolefit_core::FitReport>(),
        },
    ];
    #[cfg(feature = "text")]
    schemas.extend([
        NamedSchema {
            name: "classification",
            describes: "one element of the array `rolefit classify FILE... --format json` prints: a file and its classification",
            schema: schema_for_output::<rolefit_text::ClassifiedFile>(),
        },
        NamedSchema {
            name: "classification-line",
            describes: "one line of `rolefit classify --jsonl` output: an id and its classification",
            schema: schema_for_output::<rolefit_text::ClassificationLine<'static>>(),
        },
    ]);
    schemas
}

/// The schema with this name.
pub fn named(name: &str) -> Option<NamedSchema> {
    all().into_iter().find(|s| s.name == name)
}
