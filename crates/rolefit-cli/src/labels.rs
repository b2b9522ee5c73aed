//! How records and results are named for people: a role by its name, a level in a
//! word, a verdict in a sentence.

use rolefit::model::{Importance, Ownership, Staffing};
use rolefit::scoring::Contribution;
use rolefit::{Catalog, Id, Scorecard, Verdict};

/// A role's name, or its id if the catalog has no such role.
pub fn role_name(catalog: &Catalog, id: &Id) -> String {
    catalog.role(id.as_str()).map_or_else(|| id.to_string(), |r| r.name.to_string())
}

/// The name of the fact behind a contribution, or its id.
pub fn fact_name(catalog: &Catalog, c: &Contribution) -> String {
    catalog.record(c.fact.as_str()).map_or_else(|| c.fact.to_string(), |f| f.name().to_owned())
}

/// The name of the record with this id, or the id.
pub fn record_name(catalog: &Catalog, id: &Id) -> String {
    catalog.record(id.as_str()).map_or_else(|| id.to_string(), |f| f.name().to_owned())
}

/// How much a role needs a skill, in a word (`-` for not required).
pub fn importance(i: Importance) -> &'static str {
    match i {
        Importance::Essential => "essential",
        Importance::Important => "important",
        Importance::Helpful => "helpful",
        Importance::NotRequired => "-",
    }
}

/// How much a role owns a responsibility, in a word (`-` for none).
pub fn ownership(o: Ownership) -> &'static str {
    match o {
        Ownership::Owns => "owns",
        Ownership::Shares => "shares",
        Ownership::Contributes => "contributes",
        Ownership::None => "-",
    }
}

/// The verdict in words: which roles, and how they are staffed.
pub fn headline(catalog: &Catalog, card: &Scorecard) -> String {
    let names: Vec<String> = card.recommended().iter().map(|id| role_name(catalog, id)).collect();
    // The verdict `both` covers every recommended role: two, or more with a catalog of more roles.
    let list = list_words(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let which = if names.len() == 2 { "both".to_owned() } else { format!("all {}", names.len()) };
    match (&card.verdict(), card.staffing()) {
        (Verdict::Undetermined, _) => "undetermined: not enough evidence for any role".to_owned(),
        (Verdict::Role(_), _) => format!("{}: {list}", card.verdict()),
        (Verdict::Both, Some(Staffing::OnePerson)) => format!("{which}, one person can cover them: {list}"),
        (Verdict::Both, Some(Staffing::SeparatePeople)) => format!("{which}, as separate hires: {list}"),
        (Verdict::Both, None) => format!("{which}: {list}"),
    }
}

/// "A", "A and B", "A, B and C".
pub fn list_words(words: &[&str]) -> String {
    match words {
        [] => String::from("No roles"),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
