//! What is wrong with an input, and where: one problem type for catalogs, overlays,
//! profiles and weights.
//!
//! A [`Problem`] names the document it is in (when there are several, as when overlays
//! are layered), the path of the bad value in that document as a typed [`ValuePath`],
//! and what is wrong, in lowercase. [`Problems`] is every problem found in one input,
//! reported at once under one headline: `2 problems in the profile:`.

use std::borrow::Cow;
use std::fmt;

/// One step of a [`ValuePath`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Segment {
    /// A field of a record or table: `.name`.
    Field(Cow<'static, str>),
    /// A position in a list: `[3]`.
    Index(usize),
    /// A key of a map whose keys are data (an id in a profile's `answers`): `.agile-scrum`.
    Key(String),
}

/// Where a value is in a document: `responsibilities[3].ownership[0].role`.
///
/// Built step by step and printed the way the rest of rolefit writes paths: fields and
/// keys joined by dots, positions in brackets. The empty path is the document itself.
///
/// ```
/// use rolefit_core::problem::ValuePath;
/// let path = ValuePath::root().field("roles").index(0).field("sources").index(2);
/// assert_eq!(path.to_string(), "roles[0].sources[2]");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct ValuePath(Vec<Segment>);

impl ValuePath {
    /// The document itself.
    pub const fn root() -> Self {
        Self(Vec::new())
    }

    /// This path, then a field.
    #[must_use]
    pub fn field(&self, name: impl Into<Cow<'static, str>>) -> Self {
        self.then(Segment::Field(name.into()))
    }

    /// This path, then a position in a list.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        self.then(Segment::Index(index))
    }

    /// This path, then a key of a map.
    #[must_use]
    pub fn key(&self, key: impl Into<String>) -> Self {
        self.then(Segment::Key(key.into()))
    }

    pub(crate) fn from_segments(segments: Vec<Segment>) -> Self {
        Self(segments)
    }

    fn then(&self, segment: Segment) -> Self {
        let mut steps = Vec::with_capacity(self.0.len() + 1);
        steps.extend_from_slice(&self.0);
        steps.push(segment);
        Self(steps)
    }

    /// The steps, from the document down.
    pub fn segments(&self) -> &[Segment] {
        &self.0
    }

    /// Whether this is the document itself.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether this path starts with `prefix`.
    pub fn starts_with(&self, prefix: &ValuePath) -> bool {
        self.0.starts_with(&prefix.0)
    }

    /// This path with its first `n` steps replaced by `prefix`: a path in a merged
    /// document mapped back into the document it came from.
    #[must_use]
    pub(crate) fn rebase(&self, n: usize, prefix: &ValuePath) -> Self {
        let mut steps = prefix.0.clone();
        steps.extend_from_slice(self.0.get(n..).unwrap_or_default());
        Self(steps)
    }
}

impl From<&'static str> for ValuePath {
    /// A path of one field.
    fn from(field: &'static str) -> Self {
        Self(vec![Segment::Field(Cow::Borrowed(field))])
    }
}

impl fmt::Display for ValuePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Field(name) if i == 0 => f.write_str(name)?,
                Segment::Key(key) if i == 0 => f.write_str(key)?,
                Segment::Field(name) => write!(f, ".{name}")?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

/// One thing wrong with an input, and where it is.
///
/// Printed as `[origin: ]path: message`: `team.toml: extend.ownership[2].role: unknown
/// role "scrum-mastr"`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Problem {
    /// The document the bad value is in, when an input has several (the origin name a
    /// [`CatalogBuilder`](crate::catalog::CatalogBuilder) was given: `team.toml`, `canonical`).
    pub origin: Option<String>,
    /// Where the bad value is in that document.
    pub path: ValuePath,
    /// What is wrong with it, in lowercase: `unknown role "product-ownr"`.
    pub message: String,
}

impl Problem {
    /// A problem at `path`.
    pub fn new(path: ValuePath, message: impl Into<String>) -> Self {
        Self { origin: None, path, message: message.into() }
    }

    /// The same problem, in the document named `origin`.
    #[must_use]
    pub fn in_origin(mut self, origin: impl Into<String>) -> Self {
        self.origin = Some(origin.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(origin) = &self.origin {
            write!(f, "{origin}: ")?;
        }
        if !self.path.is_root() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// What a list of [`Problems`] was found in, for its headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Subject {
    /// A catalog document.
    Catalog,
    /// A base catalog and overlays, merged; each problem names its document.
    LayeredCatalog,
    /// An organisation or candidate profile.
    Profile,
    /// A weights table.
    Weights,
}

impl Subject {
    /// The subject as the headline says it: `the layered catalog`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Catalog => "the catalog",
            Self::LayeredCatalog => "the layered catalog",
            Self::Profile => "the profile",
            Self::Weights => "the weights",
        }
    }
}

/// Every problem found in one input, at once, in document order.
///
/// Printed as a headline and one indented line per problem:
///
/// ```text
/// 2 problems in the profile:
///   products: 0 products; expected at least 1
///   answers.scrum: unknown signal "scrum"
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems {
    subject: Subject,
    list: Vec<Problem>,
}

impl Problems {
    /// The problems found in `subject`.
    pub fn new(subject: Subject, list: Vec<Problem>) -> Self {
        Self { subject, list }
    }

    /// What they were found in.
    pub fn subject(&self) -> Subject {
        self.subject
    }

    /// The problems, in document order.
    pub fn as_slice(&self) -> &[Problem] {
        &self.list
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The headline: `2 problems in the profile`.
    pub fn headline(&self) -> String {
        let n = self.list.len();
        let plural = if n == 1 { "" } else { "s" };
        format!("{n} problem{plural} in {}", self.subject.as_str())
    }
}

impl<'a> IntoIterator for &'a Problems {
    type Item = &'a Problem;
    type IntoIter = std::slice::Iter<'a, Problem>;

    fn into_iter(self) -> Self::IntoIter {
        self.list.iter()
    }
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:", self.headline())?;
        self.list.iter().try_for_each(|p| write!(f, "\n  {p}"))
    }
}
impl std::error::Error for Problems {}
