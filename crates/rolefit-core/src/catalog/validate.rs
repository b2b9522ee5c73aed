//! The rules every catalog obeys, checked all at once.

use std::borrow::Cow;
use std::collections::HashMap;

use super::Catalog;
use crate::model::{CatalogData, Checker, KindVisitor, KnownIds, RecordKind, RecordRef, Registered, for_each_kind};
use crate::problem::{Problem, Segment, ValuePath};

/// Every problem with a document, in document order; empty when it is a valid catalog.
pub(crate) fn problems(data: &CatalogData) -> Vec<Problem> {
    let mut problems = Vec::new();
    let ids = check_ids(data, &mut problems);
    {
        let mut checker = Checker::new(&ids, &mut problems);
        for_each_kind(&mut CheckRecords { data, checker: &mut checker });
    }
    check_document(data, &mut problems);
    problems
}

/// The ids of a document being validated, each at its first place.
impl KnownIds for HashMap<&str, RecordRef> {
    fn kind_of(&self, id: &str) -> Option<RecordKind> {
        self.get(id).map(|at| at.kind)
    }

    fn each_id(&self, f: &mut dyn FnMut(&str, RecordKind)) {
        for (id, at) in self {
            f(id, at.kind);
        }
    }
}

impl KnownIds for Catalog {
    fn kind_of(&self, id: &str) -> Option<RecordKind> {
        self.locate(id).map(|at| at.kind)
    }

    fn each_id(&self, f: &mut dyn FnMut(&str, RecordKind)) {
        for (id, at) in self.ids() {
            f(id.as_str(), at.kind);
        }
    }
}

/// The path of a record: `skills[4]`.
pub(crate) fn place(at: RecordRef) -> ValuePath {
    ValuePath::from_segments(vec![Segment::Field(Cow::Borrowed(at.kind.list_name())), Segment::Index(at.index)])
}

/// Checks every id's format, reserved words and uniqueness across the catalog; returns
/// the first place of each id.
fn check_ids<'d>(data: &'d CatalogData, problems: &mut Vec<Problem>) -> HashMap<&'d str, RecordRef> {
    let mut ids: HashMap<&str, RecordRef> = HashMap::new();
    let reserved = |kind: RecordKind| -> &'static [&'static str] {
        struct Reserved(&'static [&'static str]);
        impl KindVisitor for Reserved {
            fn visit<R: Registered>(&mut self) {
                self.0 = R::RESERVED_IDS;
            }
        }
        let mut r = Reserved(&[]);
        kind.visit(&mut r);
        r.0
    };
    data.each_id(|id, at| {
        let path = place(at).field("id");
        if let Err(e) = id.check() {
            problems.push(Problem::new(path, e.to_string()));
            return;
        }
        if reserved(at.kind).contains(&id.as_str()) {
            problems.push(Problem::new(
                path.clone(),
                format!("{id:?} is reserved: a verdict uses it to name no single role"),
            ));
        }
        match ids.get(id.as_str()) {
            Some(first) => {
                let message = format!("duplicate id {id:?}, first used at {}", place(*first));
                problems.push(Problem::new(path, message));
            }
            None => {
                ids.insert(id.as_str(), at);
            }
        }
    });
    ids
}

/// Runs each record's own rules.
struct CheckRecords<'c, 'a> {
    data: &'c CatalogData,
    checker: &'c mut Checker<'a>,
}

impl KindVisitor for CheckRecords<'_, '_> {
    fn visit<R: Registered>(&mut self) {
        for (index, record) in R::list(self.data).iter().enumerate() {
            self.checker.start(R::KIND.list_name(), index);
            record.check(self.checker);
        }
    }
}

/// The rules of the document beyond its records.
fn check_document(data: &CatalogData, problems: &mut Vec<Problem>) {
    if data.overlay.is_some() {
        problems.push(Problem::new(
            "overlay".into(),
            "this document is an overlay; apply it to a base catalog (Catalog::builder, or rolefit --catalog)",
        ));
    }
    if data.extend.is_some() {
        problems.push(Problem::new(
            "extend".into(),
            "extend rows attach to a base catalog's records; apply this document as an overlay \
             (Catalog::builder, or rolefit --catalog)",
        ));
    }
    if let Some(v) = &data.data_version
        && !is_semver(v)
    {
        problems
            .push(Problem::new("data_version".into(), format!("{v:?} is not a semantic version such as \"1.2.0\"")));
    }
}

/// What [`is_semver`] accepts, as the schemas' `pattern`.
pub(crate) const SEMVER_PATTERN: &str = r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[\s\S]+)?$";

/// `MAJOR.MINOR.PATCH`, each a number without leading zeros, with an optional `-pre` tag.
fn is_semver(v: &str) -> bool {
    let core = v.split_once('-').map_or(v, |(core, pre)| if pre.is_empty() { "" } else { core });
    let parts: Vec<&str> = core.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) && (p.len() == 1 || !p.starts_with('0')))
}
