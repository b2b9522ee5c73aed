//! Stable identifiers for everything in a catalog.

use std::borrow::{Borrow, Cow};
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The pattern every [`Id`] matches: lowercase ASCII words joined by single hyphens.
pub const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The longest id a catalog accepts, in bytes.
pub const ID_MAX_LEN: usize = 64;

/// A stable, kebab-case identifier such as `product-owner` or `backlog-ordering`.
///
/// Ids name records across the whole catalog: a role, a responsibility and a skill
/// never share one, so evidence can point at any fact by its id alone.
///
/// [`Id::new`] checks the format. Deserialization accepts any string so that a
/// catalog can report every malformed id at once, with its path, when it is
/// validated; an `Id` inside a validated [`Catalog`](crate::Catalog) is always well formed.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(Cow<'static, str>);

/// Why a string is not an [`Id`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IdError {
    /// The string is empty.
    #[error("id is empty")]
    Empty,
    /// The string is longer than [`ID_MAX_LEN`].
    #[error("id {0:?} is longer than {ID_MAX_LEN} bytes")]
    TooLong(String),
    /// The string is not lowercase kebab-case.
    #[error("id {0:?} is not kebab-case (lowercase letters and digits joined by single hyphens)")]
    NotKebabCase(String),
}

impl Id {
    /// Makes an id from a string, checking that it is kebab-case.
    ///
    /// ```
    /// use rolefit_core::Id;
    /// assert_eq!(Id::new("product-owner").unwrap().as_str(), "product-owner");
    /// assert!(Id::new("Product Owner").is_err());
    /// ```
    pub fn new(id: impl Into<Cow<'static, str>>) -> Result<Self, IdError> {
        let id = id.into();
        check(&id)?;
        Ok(Self(id))
    }

    /// Makes an id from a static string without checking it.
    ///
    /// For generated, `const` data; a catalog built from it is validated all the same.
    pub const fn from_static(id: &'static str) -> Self {
        Self(Cow::Borrowed(id))
    }

    /// Wraps a string read from a document; validation checks it later.
    pub(crate) fn from_owned(id: String) -> Self {
        Self(Cow::Owned(id))
    }

    /// The id as a string slice.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Checks the format of this id (it may have come from deserialization).
    pub fn check(&self) -> Result<(), IdError> {
        check(&self.0)
    }
}

fn check(id: &str) -> Result<(), IdError> {
    if id.is_empty() {
        return Err(IdError::Empty);
    }
    if id.len() > ID_MAX_LEN {
        return Err(IdError::TooLong(id.to_owned()));
    }
    let kebab = id
        .split('-')
        .all(|word| !word.is_empty() && word.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
    if kebab { Ok(()) } else { Err(IdError::NotKebabCase(id.to_owned())) }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for Id {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Id {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::str::FromStr for Id {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::new(s.to_owned())
    }
}

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A stable kebab-case identifier, unique across the catalog.",
            "type": "string",
            "pattern": ID_PATTERN,
            "minLength": 1,
            "maxLength": ID_MAX_LEN,
        })
    }
}

#[cfg(feature = "bake")]
impl databake::Bake for Id {
    fn bake(&self, env: &databake::CrateEnv) -> databake::TokenStream {
        env.insert("rolefit_core");
        let id = self.as_str();
        databake::quote! { rolefit_core::Id::from_static(#id) }
    }
}

#[cfg(feature = "bake")]
impl databake::BakeSize for Id {
    fn borrows_size(&self) -> usize {
        self.0.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_kebab_case() {
        for ok in ["a", "product-owner", "sfia-8", "x1-y2-z3"] {
            assert!(Id::new(ok).is_ok(), "{ok}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "é"] {
            assert!(Id::new(bad).is_err(), "{bad:?}");
        }
        assert!(matches!(Id::new("a".repeat(65)), Err(IdError::TooLong(_))));
    }
}
