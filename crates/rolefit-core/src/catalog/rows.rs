//! Attaching an overlay's `[extend]` rows to records it does not own.

use std::collections::HashMap;

use super::merge::{Merge, Place};
use super::validate::place;
use crate::Id;
use crate::model::overlay::{
    Extensions, ImportanceExtension, KpiRoleExtension, LeanExtension, OwnershipExtension, ValueExtension,
};
use crate::model::{
    AssessmentSignal, Citation, Dimension, DimensionValue, Kpi, Record, RecordRef, Registered, Responsibility,
    RoleImportance, RoleLean, RoleOwnership, Skill,
};
use crate::problem::ValuePath;
use crate::suggestion::did_you_mean;

/// Attaches every row of an overlay's `[extend]` section (document `o`) to the merged
/// document, reporting rows that do not fit.
pub(super) fn attach_all(merge: &mut Merge, ext: &Extensions, o: usize) {
    let mut index: HashMap<Id, RecordRef> = HashMap::new();
    merge.data.each_id(|id, at| {
        index.entry(id.clone()).or_insert(at);
    });
    attach(merge, &ext.ownership, &index, o);
    attach(merge, &ext.importance, &index, o);
    attach(merge, &ext.leans, &index, o);
    attach(merge, &ext.values, &index, o);
    attach(merge, &ext.kpi_roles, &index, o);
}

fn attach<R: Row>(merge: &mut Merge, rows: &[R], index: &HashMap<Id, RecordRef>, o: usize) {
    let kind = R::Target::KIND;
    for (j, row) in rows.iter().enumerate() {
        let p = ValuePath::from("extend").field(R::SECTION).index(j);
        let target = row.target();
        let at = match index.get(target) {
            Some(at) if at.kind == kind => *at,
            Some(at) => {
                let message = format!("{target:?} is a {}, not a {}", at.kind.noun(), kind.noun());
                merge.report(o, p.field(R::TARGET_FIELD), message);
                continue;
            }
            None => {
                let near = index.iter().filter(|(_, at)| at.kind == kind).map(|(id, _)| id.as_str());
                let suggestion = did_you_mean(target.as_str(), near);
                merge.report(o, p.field(R::TARGET_FIELD), format!("unknown {} {target:?}{suggestion}", kind.noun()));
                continue;
            }
        };
        let record = place(at);
        if row.sources().is_empty() && R::RECORD_SOURCES {
            merge.report(o, p.field("sources"), "no source cited; every attached row needs at least one");
        }
        let listed =
            R::Target::list(&merge.data).get(at.index).and_then(|r| R::roles(r).iter().position(|x| *x == row.role()));
        if let Some(k) = listed {
            let there = merge.describe(&record.field(R::LIST_FIELD).index(k));
            merge.report(
                o,
                p.field("role"),
                format!(
                    "{} {target:?} already lists role {:?} at {there}; to change it, list {target:?} in \
                     overlay.overrides and give the whole record",
                    kind.noun(),
                    row.role().as_str()
                ),
            );
            continue;
        }
        let Some(target_record) = R::Target::list_mut(&mut merge.data).to_mut().get_mut(at.index) else { continue };
        let n = row.push(target_record);
        let mut row_path = p.clone();
        if let Some(suffix) = R::ROW_SUFFIX {
            row_path = row_path.field(suffix);
        }
        let mut added = vec![(record.field(R::LIST_FIELD).index(n), Place { origin: o, path: row_path })];
        if R::RECORD_SOURCES
            && let Some(sources) = target_record.citations_mut()
        {
            for (k, s) in row.sources().iter().enumerate() {
                if !sources.contains(s) {
                    sources.to_mut().push(s.clone());
                    let merged = record.field("sources").index(sources.len() - 1);
                    added.push((merged, Place { origin: o, path: p.field("sources").index(k) }));
                }
            }
        }
        merge.rows.extend(added);
    }
}

/// A row of the `[extend]` section: which record it attaches to and how.
trait Row {
    /// The kind of record it attaches to.
    type Target: Registered;
    /// Its list under `extend` (`ownership`).
    const SECTION: &'static str;
    /// The row's field naming that record (`responsibility`).
    const TARGET_FIELD: &'static str;
    /// The record's list the row joins (`ownership`).
    const LIST_FIELD: &'static str;
    /// A field the joined entry's paths map to under the row's own path (a KPI's role
    /// is a bare id; the row's is its `role` field).
    const ROW_SUFFIX: Option<&'static str> = None;
    /// Whether the row's citations join the record's own (else the entry keeps them).
    const RECORD_SOURCES: bool = true;

    fn target(&self) -> &Id;
    fn role(&self) -> &Id;
    fn sources(&self) -> &[Citation];
    /// The roles the record lists already.
    fn roles(record: &Self::Target) -> Vec<&Id>;
    /// Adds the row to the record; the position it took.
    fn push(&self, record: &mut Self::Target) -> usize;
}

fn push_to<T: Clone>(list: &mut crate::model::List<T>, item: T) -> usize {
    list.to_mut().push(item);
    list.len() - 1
}

impl Row for OwnershipExtension {
    type Target = Responsibility;
    const SECTION: &'static str = "ownership";
    const TARGET_FIELD: &'static str = "responsibility";
    const LIST_FIELD: &'static str = "ownership";

    fn target(&self) -> &Id {
        &self.responsibility
    }
    fn role(&self) -> &Id {
        &self.role
    }
    fn sources(&self) -> &[Citation] {
        &self.sources
    }
    fn roles(record: &Responsibility) -> Vec<&Id> {
        record.ownership.iter().map(|o| &o.role).collect()
    }
    fn push(&self, record: &mut Responsibility) -> usize {
        push_to(&mut record.ownership, RoleOwnership::new(self.role.clone(), self.level))
    }
}

impl Row for ImportanceExtension {
    type Target = Skill;
    const SECTION: &'static str = "importance";
    const TARGET_FIELD: &'static str = "skill";
    const LIST_FIELD: &'static str = "importance";

    fn target(&self) -> &Id {
        &self.skill
    }
    fn role(&self) -> &Id {
        &self.role
    }
    fn sources(&self) -> &[Citation] {
        &self.sources
    }
    fn roles(record: &Skill) -> Vec<&Id> {
        record.importance.iter().map(|o| &o.role).collect()
    }
    fn push(&self, record: &mut Skill) -> usize {
        push_to(&mut record.importance, RoleImportance::new(self.role.clone(), self.level))
    }
}

impl Row for LeanExtension {
    type Target = AssessmentSignal;
    const SECTION: &'static str = "leans";
    const TARGET_FIELD: &'static str = "signal";
    const LIST_FIELD: &'static str = "leans";

    fn target(&self) -> &Id {
        &self.signal
    }
    fn role(&self) -> &Id {
        &self.role
    }
    fn sources(&self) -> &[Citation] {
        &self.sources
    }
    fn roles(record: &AssessmentSignal) -> Vec<&Id> {
        record.leans.iter().map(|o| &o.role).collect()
    }
    fn push(&self, record: &mut AssessmentSignal) -> usize {
        push_to(&mut record.leans, RoleLean::new(self.role.clone(), self.weight))
    }
}

impl Row for ValueExtension {
    type Target = Dimension;
    const SECTION: &'static str = "values";
    const TARGET_FIELD: &'static str = "dimension";
    const LIST_FIELD: &'static str = "values";
    // A dimension value cites its own sources; the validator checks them in place.
    const RECORD_SOURCES: bool = false;

    fn target(&self) -> &Id {
        &self.dimension
    }
    fn role(&self) -> &Id {
        &self.role
    }
    fn sources(&self) -> &[Citation] {
        &self.sources
    }
    fn roles(record: &Dimension) -> Vec<&Id> {
        record.values.iter().map(|o| &o.role).collect()
    }
    fn push(&self, record: &mut Dimension) -> usize {
        let value = DimensionValue::new(self.role.clone(), self.value.clone(), self.horizon, self.sources.clone());
        push_to(&mut record.values, value)
    }
}

impl Row for KpiRoleExtension {
    type Target = Kpi;
    const SECTION: &'static str = "kpi_roles";
    const TARGET_FIELD: &'static str = "kpi";
    const LIST_FIELD: &'static str = "roles";
    const ROW_SUFFIX: Option<&'static str> = Some("role");

    fn target(&self) -> &Id {
        &self.kpi
    }
    fn role(&self) -> &Id {
        &self.role
    }
    fn sources(&self) -> &[Citation] {
        &self.sources
    }
    fn roles(record: &Kpi) -> Vec<&Id> {
        record.roles.iter().collect()
    }
    fn push(&self, record: &mut Kpi) -> usize {
        push_to(&mut record.roles, self.role.clone())
    }
}
