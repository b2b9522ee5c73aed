//! What every kind of record says about itself: the [`Record`] trait.

use std::fmt::Debug;

use serde::Serialize;

use super::check::Checker;
use super::{Citation, List};
use crate::Id;

/// How a changed field weighs on the data version (see
/// [`catalog::diff`](crate::catalog::diff)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Significance {
    /// Words and citations: every fact still says what it said (a patch).
    Wording,
    /// A value the data means, such as an ownership level or a weight (a minor bump).
    Value,
}

/// The fields that differ between two versions of a record, each with its weight.
pub type FieldChanges = Vec<(&'static str, Significance)>;

/// A kind of record: what the generic operations (lookup, indexing, validation,
/// overlay merge, diff, evidence, generation) need to know about it, implemented next
/// to the record's type.
///
/// The registry (`model/registry.rs`) lists every kind with its type and gives it
/// [`Registered`](super::Registered); every operation on "all kinds" goes through
/// [`Registered`](super::Registered) (and [`for_each_kind`](super::for_each_kind) or
/// [`RecordKind::visit`](super::RecordKind::visit)). See `docs/architecture.md`, "How to
/// add a record kind".
pub trait Record: Debug + Clone + PartialEq + Serialize + 'static {
    /// Ids no record of this kind may have (a verdict's words, for roles).
    const RESERVED_IDS: &'static [&'static str] = &[];

    /// The record's key: its id; for a kind without ids of its own (lexicon entries),
    /// the id of the record it is about.
    fn key(&self) -> &Id;

    /// What the record is called in a report (a disagreement's topic, a salary figure's id).
    fn name(&self) -> &str;

    /// Checks the record's own rules (texts, references, citations, weights), reporting
    /// each problem at a path under the record's own ([`Checker`] knows it). Id format and
    /// uniqueness are checked for every kind before this.
    fn check(&self, check: &mut Checker<'_>);

    /// The fields that differ from `other`, in field order. Implementations destructure
    /// the record without `..`, so that a new field fails to compile until it is
    /// classified.
    fn changed_fields(&self, other: &Self) -> FieldChanges;

    /// How strongly the record leans to each role, by role id, in `[0, 1]`: what scoring
    /// reads. Kinds that do not lean to roles call nothing.
    fn leans(&self, each: &mut dyn FnMut(&Id, f64));

    /// The record's own citations, which an overlay row attached to it adds to; none for
    /// kinds whose citations sit elsewhere (a dimension's are on each value).
    fn citations_mut(&mut self) -> Option<&mut List<Citation>>;

    /// Compares the records of two catalogs that share a key. A key has one record for
    /// kinds with ids; the lexicon entries of one record compare as a group.
    fn group_changes(old: &[&Self], new: &[&Self]) -> FieldChanges {
        match (old.first(), new.first()) {
            (Some(a), Some(b)) => a.changed_fields(b),
            _ => Vec::new(),
        }
    }
}

/// The fields of a record that differ between `$a` and `$b`, each with its weight. The
/// pattern lists every field (those before `;` are not compared), so adding one to the
/// model fails to compile until it is classified here.
macro_rules! changed_fields {
    ($a:expr, $b:expr, $ty:ident { $($skip:ident),* ; $($field:ident: $class:ident),* $(,)? }) => {{
        let $ty { $($skip: _,)* $($field: _),* } = $a;
        let mut out: $crate::model::record::FieldChanges = Vec::new();
        $(
            if $a.$field != $b.$field {
                out.push((stringify!($field), $crate::model::record::Significance::$class));
            }
        )*
        out
    }};
}

pub(crate) use changed_fields;
