//! How well someone holds a skill.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How well someone holds a skill, on a five-level scale (after the Dreyfus model).
///
/// Written in a file as a name (`"competent"`) or as the level number, 1 to 5.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Proficiency {
    /// 1: knows the basics, needs guidance.
    Novice,
    /// 2: does routine tasks with some help.
    Beginner,
    /// 3: works independently on normal tasks.
    Competent,
    /// 4: handles hard cases, sees the whole picture.
    Proficient,
    /// 5: an authority others learn from.
    Expert,
}

impl Proficiency {
    /// All levels, lowest first.
    pub const ALL: [Self; 5] = [Self::Novice, Self::Beginner, Self::Competent, Self::Proficient, Self::Expert];

    /// The level number, 1 to 5.
    pub fn level(self) -> u8 {
        self as u8 + 1
    }

    /// The level with this number, 1 to 5.
    pub fn from_level(level: u64) -> Option<Self> {
        usize::try_from(level).ok().and_then(|l| l.checked_sub(1)).and_then(|i| Self::ALL.get(i).copied())
    }

    /// The name, as written in files.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Novice => "novice",
            Self::Beginner => "beginner",
            Self::Competent => "competent",
            Self::Proficient => "proficient",
            Self::Expert => "expert",
        }
    }

    /// The evidence strength of the skill at this level: level / 5.
    pub fn strength(self) -> f64 {
        f64::from(self.level()) / 5.0
    }
}

impl fmt::Display for Proficiency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Proficiency {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

const EXPECTED: &str = "a proficiency level from 1 to 5 or one of novice, beginner, competent, proficient, expert";

impl<'de> Deserialize<'de> for Proficiency {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Proficiency;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Proficiency, E> {
                Proficiency::from_level(v).ok_or_else(|| E::invalid_value(serde::de::Unexpected::Unsigned(v), &self))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Proficiency, E> {
                u64::try_from(v)
                    .ok()
                    .and_then(Proficiency::from_level)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Signed(v), &self))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Proficiency, E> {
                Proficiency::ALL
                    .into_iter()
                    .find(|p| p.as_str() == v)
                    .ok_or_else(|| E::invalid_value(serde::de::Unexpected::Str(v), &self))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

impl JsonSchema for Proficiency {
    fn schema_name() -> Cow<'static, str> {
        "Proficiency".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "How well someone holds a skill: a name, or the level number from 1 (novice) to 5 (expert).",
            "oneOf": [
                { "type": "string", "enum": ["novice", "beginner", "competent", "proficient", "expert"] },
                { "type": "integer", "minimum": 1, "maximum": 5 },
            ],
        })
    }
}
