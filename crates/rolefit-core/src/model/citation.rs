//! Where a fact comes from: a source, and where in it the fact stands.
//!
//! A citation is written either as a bare source id (`"scrum-guide-2020"`), which
//! every catalog written before locators keeps reading as, or as a table naming the
//! source and the locator (`{ source = "scrum-guide-2020", locator = "The Product
//! Owner, paragraph 2" }`). It is always written back as the table, `locator` left
//! out when there is none, so a consumer reads one shape.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::Text;
use crate::Id;

/// The longest locator a citation may have, in characters.
pub const LOCATOR_MAX_LEN: usize = 160;

/// The characters that end a line (Unicode's mandatory breaks); a locator has none.
pub(crate) const LINE_BREAKS: &[char] = &['\n', '\u{b}', '\u{c}', '\r', '\u{85}', '\u{2028}', '\u{2029}'];

/// Where a fact comes from: a source and where in it the fact stands.
///
/// ```
/// use rolefit_core::Id;
/// use rolefit_core::model::Citation;
///
/// let c = Citation::new(Id::from_static("scrum-guide-2020")).at("The Product Owner, paragraph 2");
/// assert_eq!(c.source, "scrum-guide-2020");
/// assert_eq!(c.locator.as_deref(), Some("The Product Owner, paragraph 2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[non_exhaustive]
pub struct Citation {
    /// The id of the source.
    pub source: Id,
    /// Where in the source the fact stands (a section, table row or paragraph), in a
    /// few words; never a quote. None when the whole source says it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locator: Option<Text>,
}

impl Citation {
    /// A citation of a whole source, with no locator.
    pub const fn new(source: Id) -> Self {
        Self { source, locator: None }
    }

    /// A citation with every field, in declaration order.
    pub const fn from_parts(source: Id, locator: Option<Text>) -> Self {
        Self { source, locator }
    }

    /// The same citation, pointing at `locator` inside the source.
    pub fn at(mut self, locator: impl Into<Text>) -> Self {
        self.locator = Some(locator.into());
        self
    }
}

super::bake::bake_by_constructor!(Citation::from_parts { source, locator });

impl From<Id> for Citation {
    fn from(source: Id) -> Self {
        Self::new(source)
    }
}

/// Why a locator breaks the rules; none when it keeps them.
pub(crate) fn locator_problem(locator: &str) -> Option<String> {
    if locator.trim().is_empty() {
        Some("empty locator".to_owned())
    } else if locator.contains(LINE_BREAKS) {
        Some("a locator is one line; this one has a line break".to_owned())
    } else {
        let n = locator.chars().count();
        (n > LOCATOR_MAX_LEN).then(|| format!("locator is {n} characters, longer than {LOCATOR_MAX_LEN}"))
    }
}

impl<'de> Deserialize<'de> for Citation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(CitationVisitor)
    }
}

struct CitationVisitor;

const FIELDS: &[&str] = &["source", "locator"];

impl<'de> Visitor<'de> for CitationVisitor {
    type Value = Citation;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a source id, or a table with `source` and `locator`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Citation, E> {
        Ok(Citation::new(Id::from_owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Citation, E> {
        Ok(Citation::new(Id::from_owned(v)))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Citation, A::Error> {
        let mut source: Option<Id> = None;
        let mut locator: Option<Text> = None;
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            match &*key {
                "source" if source.is_some() => return Err(de::Error::duplicate_field("source")),
                "source" => source = Some(map.next_value()?),
                "locator" if locator.is_some() => return Err(de::Error::duplicate_field("locator")),
                "locator" => locator = Some(map.next_value::<String>()?.into()),
                other => return Err(de::Error::unknown_field(other, FIELDS)),
            }
        }
        let source = source.ok_or_else(|| de::Error::missing_field("source"))?;
        Ok(Citation { source, locator })
    }
}

impl JsonSchema for Citation {
    fn schema_name() -> Cow<'static, str> {
        "Citation".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let id = generator.subschema_for::<Id>();
        // At least one character outside White_Space, and no line break anywhere.
        let locator_pattern = format!(
            "^[^\\n\\u000b\\u000c\\r\\u0085\\u2028\\u2029]*{}[^\\n\\u000b\\u000c\\r\\u0085\\u2028\\u2029]*$",
            super::text_rules::NOT_BLANK
        );
        schemars::json_schema!({
            "description": "Where a fact comes from: a source id alone, or the source and where in it the fact stands.",
            "oneOf": [
                id,
                {
                    "type": "object",
                    "properties": {
                        "source": id,
                        "locator": {
                            "description": "Where in the source the fact stands (a section, table row or paragraph), in a few words; never a quote.",
                            "type": "string",
                            "pattern": locator_pattern,
                            "maxLength": LOCATOR_MAX_LEN,
                        },
                    },
                    "required": ["source"],
                    "additionalProperties": false,
                },
            ],
        })
    }
}
