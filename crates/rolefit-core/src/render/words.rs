//! How records and levels are named for people: a role by its name, a level in a word,
//! a list as a sentence.
//!
//! ```
//! use rolefit_core::model::Importance;
//! use rolefit_core::render::words;
//!
//! assert_eq!(words::importance(Importance::Essential), "essential");
//! assert_eq!(words::list(&["Product Owner", "Product Manager", "Scrum Master"]),
//!            "Product Owner, Product Manager and Scrum Master");
//! ```

use crate::catalog::Catalog;
use crate::id::Id;
use crate::model::{Importance, Ownership};

/// A role's name, or its id if the catalog has no such role.
pub fn role_name(catalog: &Catalog, id: &Id) -> String {
    catalog.role(id.as_str()).map_or_else(|| id.to_string(), |r| r.name.to_string())
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

/// "A", "A and B", "A, B and C" ("No roles" for none).
pub fn list(words: &[&str]) -> String {
    match words {
        [] => String::from("No roles"),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
