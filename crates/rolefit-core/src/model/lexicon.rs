use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use std::collections::BTreeSet;

use super::bake::bake_by_constructor;
use super::check::Checker;
use super::record::{FieldChanges, Record, Significance, changed_fields};
use super::{Citation, List, Text};
use crate::Id;

/// The phrases by which a fact is recognised in free text, such as a job posting.
///
/// Matching ignores case, plurals, hyphens and runs of whitespace, so one entry
/// per wording is enough: `"groom the backlog"` also finds "Grooming the back-log".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::model::text_rules::texts)]
#[non_exhaustive]
pub struct LexiconEntry {
    /// The fact the phrases point at: a role, responsibility, KPI, skill or signal.
    pub fact: Id,
    /// The phrases.
    #[schemars(length(min = 1))]
    pub phrases: List<Text>,
}

impl LexiconEntry {
    /// The phrases that recognise the record `fact`.
    pub const fn new(fact: Id, phrases: List<Text>) -> Self {
        Self { fact, phrases }
    }

    /// The kinds of record phrases may point at, as a list for messages.
    fn targets() -> String {
        let nouns: Vec<&str> =
            super::RecordKind::ALL.iter().filter(|k| k.recognised_in_text()).map(|k| k.noun()).collect();
        match nouns.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            Some((last, _)) => (*last).to_owned(),
            None => String::new(),
        }
    }
}

bake_by_constructor!(LexiconEntry::new { fact, phrases });

impl Record for LexiconEntry {
    fn key(&self) -> &Id {
        &self.fact
    }

    fn name(&self) -> &str {
        self.fact.as_str()
    }

    fn check(&self, c: &mut Checker<'_>) {
        match c.kind_of(self.fact.as_str()) {
            Some(kind) if kind.recognised_in_text() => {}
            Some(kind) => c.report(
                Some("fact"),
                format!("{:?} is a {}; phrases can point at a {}", self.fact, kind.noun(), Self::targets()),
            ),
            None => {
                let suggestion = c.suggestion(self.fact.as_str(), super::RecordKind::recognised_in_text);
                c.report(Some("fact"), format!("unknown fact {:?}{suggestion}", self.fact));
            }
        }
        if self.phrases.is_empty() {
            c.report(Some("phrases"), "no phrase listed");
        }
        c.each("phrases", &self.phrases, |c, phrase| c.text(None, phrase));
    }

    fn changed_fields(&self, other: &Self) -> FieldChanges {
        changed_fields!(self, other, LexiconEntry { fact; phrases: Value })
    }

    /// The entries of one record compare as the set of their phrases: any change is a
    /// value change, since it changes what text analysis finds.
    fn group_changes(old: &[&Self], new: &[&Self]) -> FieldChanges {
        let phrases = |entries: &[&Self]| -> BTreeSet<String> {
            entries.iter().flat_map(|e| e.phrases.iter().map(|p| p.to_string())).collect()
        };
        if phrases(old) == phrases(new) { Vec::new() } else { vec![("phrases", Significance::Value)] }
    }

    fn leans(&self, _: &mut dyn FnMut(&Id, f64)) {}

    fn citations_mut(&mut self) -> Option<&mut List<Citation>> {
        None
    }
}
