//! The records a catalog is made of.
//!
//! Every record has a stable [`Id`](crate::Id), a name, a description in rolefit's own
//! words, and the ids of the [`Source`]s it comes from. Text and lists are
//! `Cow<'static, _>` so the canonical catalog can be plain `static` data while user
//! files deserialize into owned values of the same types.

pub(crate) mod citation;
mod dimension;
mod disagreement;
mod kpi;
mod lexicon;
mod practice;
mod responsibility;
mod role;
mod salary;
mod signal;
mod skill;
mod source;
pub(crate) mod text_rules;

pub use citation::{Citation, LOCATOR_MAX_LEN};
pub use dimension::{Dimension, DimensionValue, TimeHorizon, TimeSpan, TimeUnit};
pub use disagreement::{Disagreement, Position};
pub use kpi::{Cadence, Direction, Kpi, KpiUnit};
pub use lexicon::LexiconEntry;
pub use practice::Practice;
pub use responsibility::{Ownership, Responsibility, ResponsibilityCategory, RoleOwnership};
pub use role::{Confidence, CrosswalkCode, Role, Taxonomy};
pub use salary::{Amount, PayComponent, PayPeriod, SalaryFigure, Statistic};
pub use signal::{AssessmentSignal, RoleLean, SignalCategory, Staffing};
pub use skill::{Importance, RoleImportance, Skill, SkillDomain, SkillKind};
pub use source::{Source, SourceKind};

use std::borrow::Cow;

/// Text in a record: borrowed in the canonical catalog, owned when loaded from a file.
pub type Text = Cow<'static, str>;

/// A list in a record: borrowed in the canonical catalog, owned when loaded from a file.
pub type List<T> = Cow<'static, [T]>;
