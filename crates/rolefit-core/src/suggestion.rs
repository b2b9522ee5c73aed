//! "Did you mean …?": the known id nearest to an unknown one, for error messages.
//!
//! An unknown id is most often a typo or a spelling variant of a real one
//! (`prioritization-skill` for `prioritisation-skill`), so every error about an unknown id
//! names the nearest id of the kind that was expected, when one is near enough to be
//! what was meant.

use std::fmt;

/// How many edits (insertions, deletions, substitutions, swaps of neighbours) an unknown
/// id may be from a known one for the known one to be suggested, as a share of the
/// unknown id's length: a third, so that most of what was typed still stands; at least
/// one edit, so that short ids get suggestions too.
const MAX_EDITS_PER_CHAR: usize = 3;

/// The id of `known` nearest to `unknown` by Damerau-Levenshtein distance, if it is
/// within a third of `unknown`'s length (at least 1 edit). On a tie, the smallest id, so
/// that the answer does not depend on the order `known` comes in. `unknown` itself is
/// never suggested.
pub(crate) fn nearest<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (unknown.chars().count() / MAX_EDITS_PER_CHAR).max(1);
    known
        .into_iter()
        .filter(|id| *id != unknown)
        .map(|id| (strsim::damerau_levenshtein(unknown, id), id))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, id)| id)
}

/// The end of an unknown-id message: `; did you mean "prioritisation-skill"?`, or nothing
/// when no known id is near.
pub(crate) fn did_you_mean<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> DidYouMean<'a> {
    DidYouMean(nearest(unknown, known))
}

/// The suggestion part of a message; see [`did_you_mean`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DidYouMean<'a>(Option<&'a str>);

impl fmt::Display for DidYouMean<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(id) => write!(f, "; did you mean {id:?}?"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SKILLS: [&str; 4] = ["prioritisation-skill", "organisation-skill", "problem-solving", "time-management"];

    #[test]
    fn a_spelling_variant_gets_the_catalog_spelling() {
        assert_eq!(nearest("prioritization-skill", SKILLS), Some("prioritisation-skill"));
        assert_eq!(nearest("organization-skill", SKILLS), Some("organisation-skill"));
        assert_eq!(nearest("problem-sovling", SKILLS), Some("problem-solving"));
    }

    #[test]
    fn nothing_near_gets_no_suggestion() {
        assert_eq!(nearest("rocket-science", SKILLS), None);
        assert_eq!(nearest("", SKILLS), None);
        assert_eq!(nearest("x", SKILLS), None);
        assert_eq!(nearest("prioritization-skill", []), None);
    }

    #[test]
    fn the_limit_is_a_third_of_the_length() {
        // 9 characters: up to 3 edits.
        assert_eq!(nearest("time-mgmt", ["time-mxxx"]), Some("time-mxxx"));
        assert_eq!(nearest("time-mgmt", ["time-xxxx"]), None);
        // Short ids still get one edit.
        assert_eq!(nearest("po", ["pm"]), Some("pm"));
    }

    #[test]
    fn ties_go_to_the_smallest_id_whatever_the_order() {
        assert_eq!(nearest("abcd", ["abce", "abcf"]), Some("abce"));
        assert_eq!(nearest("abcd", ["abcf", "abce"]), Some("abce"));
    }

    #[test]
    fn the_message_tail() {
        assert_eq!(
            did_you_mean("prioritization-skill", SKILLS).to_string(),
            "; did you mean \"prioritisation-skill\"?"
        );
        assert_eq!(did_you_mean("rocket-science", SKILLS).to_string(), "");
    }
}
