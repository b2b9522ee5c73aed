//! Catalog diffs: nothing between a catalog and itself; exactly the edits between a
//! catalog and an edited copy, with the bump they call for.

use std::borrow::Cow;
use std::collections::BTreeMap;

use proptest::prelude::*;
use rolefit_core::catalog::*;
use rolefit_core::model::*;
use rolefit_core::read::*;

use rolefit_core::*;

fn canonical() -> &'static Catalog {
    rolefit_data::catalog()
}

#[test]
fn a_catalog_has_no_diff_with_itself() {
    let d = diff(canonical(), canonical());
    assert!(d.is_empty());
    assert_eq!(d.bump, Bump::None);
    assert_eq!(d.suggested_version, d.old_version);
}

#[test]
fn a_new_data_version_alone_is_not_a_change() {
    let mut data = canonical().data().clone();
    data.data_version = Some("9.9.9".into());
    let d = diff(canonical(), &Catalog::new(data).unwrap());
    assert!(d.is_empty());
    assert_eq!(d.new_version.as_deref(), Some("9.9.9"));
}

#[test]
fn the_example_overlay_is_all_additions_and_value_changes() {
    let overlay =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/data/scrum-master.toml")).unwrap();
    let team = Catalog::builder().base(canonical()).overlay_str(&overlay, Format::Toml, "sm.toml").build().unwrap();
    let d = diff(canonical(), &team);
    assert_eq!(d.bump, Bump::Minor);
    assert_eq!(d.of(ChangeKind::Removed).count(), 0);
    let added: Vec<(RecordKind, &str)> = d.of(ChangeKind::Added).map(|c| (c.kind, c.id.as_str())).collect();
    assert!(added.contains(&(RecordKind::Role, "scrum-master")));
    assert!(added.contains(&(RecordKind::Lexicon, "scrum-master")));
    let sprint = d.changes.iter().find(|c| c.id == "sprint-cycle-facilitation").unwrap();
    assert_eq!(sprint.fields, ["ownership", "sources"]);
    let velocity = d.changes.iter().find(|c| c.id == "sprint-velocity").unwrap();
    assert_eq!(velocity.fields, ["roles", "sources"]);
    // The reverse is a removal: a major bump.
    assert_eq!(diff(&team, canonical()).bump, Bump::Major);
}

#[test]
fn the_diff_serializes_for_programs() {
    let mut data = canonical().data().clone();
    data.practices.to_mut().remove(0);
    let d = diff(canonical(), &Catalog::new(data).unwrap());
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["bump"], "major");
    assert_eq!(json["changes"][0]["kind"], "practice");
    assert_eq!(json["changes"][0]["change"], "removed");
    assert!(json["changes"][0].get("fields").is_none());
    assert_eq!(serde_json::from_value::<CatalogDiff>(json).unwrap(), d);
}

/// One random edit to a catalog document, by position (taken modulo the list length).
#[derive(Debug, Clone)]
enum Edit {
    /// Changes the wording of a record of the kind at this position in `KINDS`.
    Reword { kind: usize, index: usize },
    /// Adds an alias to a role (a value change).
    Alias { index: usize },
    /// Adds a phrase to a lexicon entry.
    Phrase { index: usize },
    /// Adds a practice.
    AddPractice,
    /// Removes a record nothing refers to: a practice, salary figure or disagreement.
    Remove { kind: usize, index: usize },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (0usize..10, any::<prop::sample::Index>()).prop_map(|(kind, i)| Edit::Reword { kind, index: i.index(1000) }),
        1 => any::<prop::sample::Index>().prop_map(|i| Edit::Alias { index: i.index(1000) }),
        1 => any::<prop::sample::Index>().prop_map(|i| Edit::Phrase { index: i.index(1000) }),
        1 => Just(Edit::AddPractice),
        1 => (0usize..3, any::<prop::sample::Index>()).prop_map(|(kind, i)| Edit::Remove { kind, index: i.index(1000) }),
    ]
}

type Expected = BTreeMap<(RecordKind, String), (ChangeKind, Vec<&'static str>)>;

fn changed(expected: &mut Expected, kind: RecordKind, id: &Id, field: &'static str) {
    let entry = expected.entry((kind, id.to_string())).or_insert((ChangeKind::Changed, Vec::new()));
    if entry.0 == ChangeKind::Changed && !entry.1.contains(&field) {
        entry.1.push(field);
    }
}

fn removed(expected: &mut Expected, kind: RecordKind, id: &Id) {
    let key = (kind, id.to_string());
    if expected.get(&key).is_some_and(|e| e.0 == ChangeKind::Added) {
        expected.remove(&key);
    } else {
        expected.insert(key, (ChangeKind::Removed, Vec::new()));
    }
}

fn reword(text: &mut Text, n: usize) {
    *text = Cow::Owned(format!("{text} (edit {n})"));
}

/// Applies the edits and returns what a diff must list.
fn apply(data: &mut CatalogData, edits: &[Edit]) -> Expected {
    let mut expected = Expected::new();
    for (n, e) in edits.iter().enumerate() {
        match *e {
            Edit::Reword { kind, index } => {
                macro_rules! reword_in {
                    ($list:ident, $kind:ident, $field:ident) => {{
                        let len = data.$list.len();
                        if len > 0 {
                            let r = &mut data.$list.to_mut()[index % len];
                            reword(&mut r.$field, n);
                            changed(&mut expected, RecordKind::$kind, &r.id, stringify!($field));
                        }
                    }};
                }
                match kind {
                    0 => reword_in!(sources, Source, title),
                    1 => reword_in!(roles, Role, summary),
                    2 => reword_in!(responsibilities, Responsibility, description),
                    3 => reword_in!(kpis, Kpi, definition),
                    4 => reword_in!(skills, Skill, name),
                    5 => reword_in!(dimensions, Dimension, description),
                    6 => {
                        let len = data.salaries.len();
                        if len > 0 {
                            let r = &mut data.salaries.to_mut()[index % len];
                            r.note = Some(Cow::Owned(format!("{} (edit {n})", r.note.as_deref().unwrap_or("note"))));
                            changed(&mut expected, RecordKind::Salary, &r.id, "note");
                        }
                    }
                    7 => reword_in!(signals, Signal, question),
                    8 => reword_in!(practices, Practice, name),
                    _ => reword_in!(disagreements, Disagreement, topic),
                }
            }
            Edit::Alias { index } => {
                let len = data.roles.len();
                let r = &mut data.roles.to_mut()[index % len];
                r.aliases.to_mut().push(Cow::Owned(format!("Alias {n}")));
                changed(&mut expected, RecordKind::Role, &r.id, "aliases");
            }
            Edit::Phrase { index } => {
                let len = data.lexicon.len();
                let entry = &mut data.lexicon.to_mut()[index % len];
                entry.phrases.to_mut().push(Cow::Owned(format!("phrase {n}")));
                let fact = entry.fact.clone();
                changed(&mut expected, RecordKind::Lexicon, &fact, "phrases");
            }
            Edit::AddPractice => {
                let id = Id::new(format!("added-practice-{n}")).unwrap();
                let source = data.sources[0].id.clone();
                data.practices.to_mut().push(Practice::new(
                    id.clone(),
                    "An added practice".into(),
                    "Added by the test.".into(),
                    vec![Citation::new(source)].into(),
                ));
                expected.insert((RecordKind::Practice, id.to_string()), (ChangeKind::Added, Vec::new()));
            }
            Edit::Remove { kind, index } => {
                macro_rules! remove_from {
                    ($list:ident, $kind:ident) => {{
                        let len = data.$list.len();
                        if len > 0 {
                            let r = data.$list.to_mut().remove(index % len);
                            removed(&mut expected, RecordKind::$kind, &r.id);
                        }
                    }};
                }
                match kind {
                    0 => remove_from!(practices, Practice),
                    1 => remove_from!(salaries, Salary),
                    _ => remove_from!(disagreements, Disagreement),
                }
            }
        }
    }
    expected
}

fn field_order(kind: RecordKind) -> &'static [&'static str] {
    match kind {
        RecordKind::Role => &["name", "summary", "description", "aliases", "crosswalk", "sources"],
        _ => &[],
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_diff_lists_exactly_the_edits(edits in proptest::collection::vec(edit(), 0..12)) {
        let mut data = canonical().data().clone();
        let expected = apply(&mut data, &edits);
        let edited = Catalog::new(data).unwrap();
        prop_assert!(diff(&edited, &edited).is_empty());
        let d = diff(canonical(), &edited);

        let mut got = Expected::new();
        for c in &d.changes {
            let fields: Vec<&'static str> = c.fields.iter().map(|f| match f {
                Cow::Borrowed(s) => *s,
                Cow::Owned(_) => panic!("field names are static"),
            }).collect();
            got.insert((c.kind, c.id.to_string()), (c.change, fields));
        }
        // A diff lists fields in the record's order; the edits in the order they came.
        let mut want = expected.clone();
        for ((kind, _), (_, fields)) in want.iter_mut() {
            let order = field_order(*kind);
            fields.sort_by_key(|f| order.iter().position(|o| o == f));
        }
        prop_assert_eq!(&got, &want);

        let bump = d.changes.iter().map(|c| c.bump).max().unwrap_or(Bump::None);
        prop_assert_eq!(d.bump, bump);
        let want_bump = if want.values().any(|(c, _)| *c == ChangeKind::Removed) {
            Bump::Major
        } else if want.iter().any(|((kind, _), (c, fields))| {
            *c == ChangeKind::Added || *kind == RecordKind::Lexicon || fields.contains(&"aliases")
        }) {
            Bump::Minor
        } else if want.is_empty() {
            Bump::None
        } else {
            Bump::Patch
        };
        prop_assert_eq!(d.bump, want_bump);
        // Changes come by kind, then by id.
        let keys: Vec<(RecordKind, &str)> = d.changes.iter().map(|c| (c.kind, c.id.as_str())).collect();
        let mut sorted = keys.clone();
        sorted.sort();
        prop_assert_eq!(keys, sorted);
    }
}
