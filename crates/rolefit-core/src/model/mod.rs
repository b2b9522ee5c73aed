//! The records a catalog is made of, and the registry that declares their kinds.
//!
//! Every record has a stable [`Id`](crate::Id), a name, a description in rolefit's own
//! words, and [`Citation`]s of the [`Source`]s it comes from. Text and lists are
//! `Cow<'static, _>` so the canonical catalog can be plain `static` data while user
//! files deserialize into owned values of the same types.
//!
//! Every kind of record is a [`RecordKind`], is listed once in the registry (which
//! gives [`CatalogData`] its list and the type [`Registered`]), and implements
//! [`Record`]; `docs/architecture.md` tells how to add a kind. Structs are `#[non_exhaustive]`: read their fields, build them with their
//! `const fn new` (or by reading a document).

mod bake;
mod career_path;
pub mod check;
mod citation;
mod dimension;
mod disagreement;
#[cfg(test)]
mod example_kind;
mod kind;
mod kpi;
mod lexicon;
pub mod overlay;
mod practice;
mod record;
mod registry;
mod responsibility;
mod role;
mod salary;
mod signal;
mod skill;
mod source;
mod text_rules;

pub use career_path::{CareerPath, PathRequirement};
pub use check::Checker;
pub(crate) use check::{KnownIds, suggestion};
pub use citation::{Citation, LOCATOR_MAX_LEN};
pub use dimension::{Dimension, DimensionValue, TimeHorizon, TimeSpan, TimeUnit};
pub use disagreement::{Disagreement, Position};
pub use kind::{RecordKind, RecordRef};
pub use kpi::{Cadence, Direction, Kpi, KpiUnit};
pub use lexicon::LexiconEntry;
pub use practice::Practice;
pub use record::{FieldChanges, Record, Significance};
pub use registry::{AnyRecord, CatalogData, KindVisitor, Registered, for_each_kind};
pub use responsibility::{Ownership, Responsibility, ResponsibilityCategory, RoleOwnership};
pub use role::{Confidence, CrosswalkCode, RESERVED_ROLE_IDS, ReportingLine, Role, Taxonomy};
pub use salary::{Amount, PayComponent, PayPeriod, SalaryFigure, Statistic};
pub use signal::{AssessmentSignal, RoleLean, SignalCategory, Staffing};
pub use skill::{Importance, RoleImportance, Skill, SkillDomain, SkillKind};
pub use source::{Source, SourceKind};
pub use text_rules::TEXT_MAX_LEN;

use std::borrow::Cow;

/// Text in a record: borrowed in the canonical catalog, owned when loaded from a file.
pub type Text = Cow<'static, str>;

/// A list in a record: borrowed in the canonical catalog, owned when loaded from a file.
pub type List<T> = Cow<'static, [T]>;
