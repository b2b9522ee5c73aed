//! The rules a record's fields obey, for [`Record::check`](super::Record::check)
//! implementations: texts, references, citations, weights.

use std::borrow::Cow;
use std::collections::HashSet;

use super::citation::locator_problem;
use super::kind::RecordKind;
use super::text_rules::TEXT_MAX_LEN;
use super::{Citation, Text};
use crate::Id;
use crate::problem::{Problem, Segment, ValuePath};
use crate::suggestion::did_you_mean;

/// The records a [`Checker`] resolves references against: a catalog, or the ids of a
/// document being validated.
pub(crate) trait KnownIds {
    /// The kind of the record with this id, if there is one.
    fn kind_of(&self, id: &str) -> Option<RecordKind>;

    /// Every id with its record's kind, for suggesting the nearest one ("did you mean").
    fn each_id(&self, f: &mut dyn FnMut(&str, RecordKind));
}

/// The end of an "unknown X" message: the known id nearest to `id` among the records of
/// the kinds `expected` accepts, if one is near (`; did you mean "..."?`), else nothing.
pub(crate) fn suggestion(known: &dyn KnownIds, id: &str, expected: impl Fn(RecordKind) -> bool) -> String {
    let mut ids = Vec::new();
    known.each_id(&mut |known, kind| {
        if expected(kind) {
            ids.push(known.to_owned());
        }
    });
    did_you_mean(id, ids.iter().map(String::as_str)).to_string()
}

/// Checks one record's fields, reporting each problem at its path under the record's
/// (`responsibilities[3]` + `ownership[0].role`).
///
/// The path is kept as a stack of steps and only written out when a problem is
/// reported, so checking a valid catalog allocates nothing per field.
pub struct Checker<'a> {
    known: &'a dyn KnownIds,
    path: Vec<Segment>,
    problems: &'a mut Vec<Problem>,
}

impl<'a> Checker<'a> {
    /// A checker resolving ids against `known` and adding problems to `problems`.
    pub(crate) fn new(known: &'a dyn KnownIds, problems: &'a mut Vec<Problem>) -> Self {
        Self { known, path: Vec::new(), problems }
    }

    /// Checks `f` with `field` and then the map key `key` added to the path
    /// (`answers.agile-scrum`).
    pub fn key(&mut self, field: &'static str, key: &str, f: impl FnOnce(&mut Self)) {
        self.path.push(Segment::Field(Cow::Borrowed(field)));
        self.path.push(Segment::Key(key.to_owned()));
        f(self);
        self.path.truncate(self.path.len() - 2);
    }

    /// A reference read from outside a catalog (a profile's id): well formed, then as
    /// [`reference`](Self::reference).
    pub fn checked_reference(&mut self, field: Option<&'static str>, id: &Id, want: RecordKind) {
        match id.check() {
            Err(e) => self.report(field, e.to_string()),
            Ok(()) => self.reference(field, id, want),
        }
    }

    /// Starts checking the record at `index` of the list `list`.
    pub(crate) fn start(&mut self, list: &'static str, index: usize) {
        self.path.clear();
        self.path.push(Segment::Field(Cow::Borrowed(list)));
        self.path.push(Segment::Index(index));
    }

    /// The kind of the record with this id, if the catalog has one.
    pub fn kind_of(&self, id: &str) -> Option<RecordKind> {
        self.known.kind_of(id)
    }

    /// The end of an "unknown X" message for `id`: see [`suggestion`].
    pub(crate) fn suggestion(&self, id: &str, expected: impl Fn(RecordKind) -> bool) -> String {
        suggestion(self.known, id, expected)
    }

    /// Reports a problem at the current path, or at `field` under it.
    pub fn report(&mut self, field: Option<&'static str>, message: impl Into<String>) {
        let mut path = self.path.clone();
        if let Some(field) = field {
            path.push(Segment::Field(Cow::Borrowed(field)));
        }
        self.problems.push(Problem::new(ValuePath::from_segments(path), message));
    }

    /// Checks `f` with `field` added to the path.
    pub fn field(&mut self, field: &'static str, f: impl FnOnce(&mut Self)) {
        self.path.push(Segment::Field(Cow::Borrowed(field)));
        f(self);
        self.path.pop();
    }

    /// Checks each item of the list `field` with `f`, its position added to the path.
    pub fn each<'t, T>(&mut self, field: &'static str, items: &'t [T], mut f: impl FnMut(&mut Self, &'t T)) {
        self.path.push(Segment::Field(Cow::Borrowed(field)));
        for (i, item) in items.iter().enumerate() {
            self.path.push(Segment::Index(i));
            f(self, item);
            self.path.pop();
        }
        self.path.pop();
    }

    /// A text: not blank, at most [`TEXT_MAX_LEN`] bytes. `field` none checks the value at
    /// the current path (an item of a list of texts).
    pub fn text(&mut self, field: Option<&'static str>, text: &str) {
        if text.trim().is_empty() {
            self.report(field, "empty text");
        } else if text.len() > TEXT_MAX_LEN {
            self.report(field, format!("text is {} bytes, longer than {TEXT_MAX_LEN}", text.len()));
        }
    }

    /// An optional text: when present, as [`text`](Self::text).
    pub fn optional_text(&mut self, field: &'static str, text: &Option<Text>) {
        if let Some(t) = text {
            self.text(Some(field), t);
        }
    }

    /// A reference to a record of kind `want`.
    pub fn reference(&mut self, field: Option<&'static str>, id: &Id, want: RecordKind) {
        match self.kind_of(id.as_str()) {
            Some(kind) if kind == want => {}
            Some(kind) => self.report(field, format!("{id:?} is a {}, not a {}", kind.noun(), want.noun())),
            None => {
                let suggestion = self.suggestion(id.as_str(), |kind| kind == want);
                self.report(field, format!("unknown {} {id:?}{suggestion}", want.noun()));
            }
        }
    }

    /// A reference to a role.
    pub fn role(&mut self, field: Option<&'static str>, id: &Id) {
        self.reference(field, id, RecordKind::Role);
    }

    /// The record's `sources`: at least one citation, each of a source, each locator one
    /// short line.
    pub fn citations(&mut self, sources: &[Citation]) {
        if sources.is_empty() {
            self.report(Some("sources"), "no source cited; every fact needs at least one");
        }
        self.each("sources", sources, |c, citation| {
            if let Some(locator) = &citation.locator
                && let Some(problem) = locator_problem(locator)
            {
                c.report(Some("locator"), problem);
            }
            // The citation's own path, whichever way it was written (a bare id or a table).
            c.reference(None, &citation.source, RecordKind::Source);
        });
    }

    /// A weight: finite and in `[0, 1]`.
    pub fn weight(&mut self, field: &'static str, w: f64) {
        if !w.is_finite() {
            self.report(Some(field), format!("weight {w} is not a finite number"));
        } else if !(0.0..=1.0).contains(&w) {
            self.report(Some(field), format!("weight {w} is outside [0, 1]"));
        }
    }

    /// An amount of money: finite and positive. `field` none checks the current path.
    pub fn amount(&mut self, field: Option<&'static str>, x: f64) {
        if !x.is_finite() {
            self.report(field, format!("amount {x} is not a finite number"));
        } else if x <= 0.0 {
            self.report(field, format!("amount {x} is not positive"));
        }
    }

    /// A per-role table (`ownership`, `values`): at least one row when `required`, each
    /// row's `role` a role of the catalog and then the row's own rules (`row`), and at
    /// most one row per role.
    pub fn per_role<'t, T>(
        &mut self,
        field: &'static str,
        rows: &'t [T],
        required: bool,
        role: impl Fn(&'t T) -> &'t Id,
        mut row: impl FnMut(&mut Self, &'t T),
    ) {
        if required && rows.is_empty() {
            self.report(Some(field), "no role listed");
        }
        self.each(field, rows, |c, item| {
            c.role(Some("role"), role(item));
            row(c, item);
        });
        let mut seen = HashSet::new();
        self.each(field, rows, |c, row| {
            let id = role(row);
            if !seen.insert(id.as_str()) {
                c.report(Some("role"), format!("role {id:?} is listed twice"));
            }
        });
    }
}
