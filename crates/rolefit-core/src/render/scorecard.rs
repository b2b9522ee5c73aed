//! A scorecard: the verdict in words, the scores, every contribution (largest first),
//! then the questions left unanswered.

use super::words::{list, record_name, role_name};
use super::{Document, Render, Table};
use crate::catalog::Catalog;
use crate::evidence::{Answer, Origin};
use crate::model::Staffing;
use crate::scoring::{Contribution, Scorecard, Verdict};

/// The verdict, confidence, margin and coverage, the scores, the contributions (largest
/// first) and the unanswered questions, each with the catalog's names.
///
/// ```
/// use rolefit_core::render::Render;
/// use rolefit_core::{Catalog, Evidence, LeanScorer, Scorer};
///
/// let catalog = Catalog::new(Default::default())?;
/// let card = LeanScorer::new(&catalog).score(&Evidence::new(&catalog));
/// assert_eq!(
///     card.render(&catalog).to_string(),
///     "verdict: undetermined: not enough evidence for any role\n\
///      confidence 0.00 (margin 0.00, 0% of the questions answered)\n\
///      \n\
///      ┌──────┬───────┐\n\
///      │ role ┆ score │\n\
///      ╞══════╪═══════╡\n\
///      └──────┴───────┘\n",
/// );
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
impl Render for Scorecard {
    fn render_into(&self, catalog: &Catalog, doc: &mut Document) {
        doc.line(&format!("verdict: {}", headline(catalog, self)));
        doc.line(&format!(
            "confidence {:.2} (margin {:.2}, {:.0}% of the questions answered)",
            self.confidence(),
            self.margin(),
            self.coverage() * 100.0
        ));
        doc.blank();
        let mut scores = Table::new(&["role", "score"]);
        for s in self.scores() {
            scores.row(vec![role_name(catalog, &s.role), format!("{:.2}", s.score)]);
        }
        doc.table(&scores);
        let mut reasons: Vec<&Contribution> = self.contributions().iter().collect();
        reasons.sort_by(|a, b| b.effect.total_cmp(&a.effect));
        if !reasons.is_empty() {
            // A needs assessment's reasons are answers; other scorers' evidence is not.
            let answers = reasons.iter().all(|c| matches!(c.origin, Origin::Answer { answer: Answer::Yes }));
            let why = if answers { "why (answered yes)" } else { "why" };
            let mut table = Table::new(&[why, "adds to", "effect", "weight"]);
            for c in reasons {
                table.row(vec![
                    record_name(catalog, &c.fact),
                    role_name(catalog, &c.role),
                    format!("+{:.3}", c.effect),
                    format!("{:.2}", c.weight),
                ]);
            }
            doc.blank();
            doc.table(&table);
        }
        if !self.unanswered().is_empty() {
            let mut table = Table::new(&["unanswered (lowers the confidence)"]);
            for id in self.unanswered() {
                let question =
                    catalog.signal(id.as_str()).map_or_else(|| record_name(catalog, id), |s| s.question.to_string());
                table.row(vec![question]);
            }
            doc.blank();
            doc.table(&table);
        }
    }
}

/// The verdict in words: which roles, and how they are staffed.
fn headline(catalog: &Catalog, card: &Scorecard) -> String {
    let names: Vec<String> = card.recommended().iter().map(|id| role_name(catalog, id)).collect();
    // The verdict `both` covers every recommended role: two, or more with a catalog of more roles.
    let list = list(&names.iter().map(String::as_str).collect::<Vec<_>>());
    let which = if names.len() == 2 { "both".to_owned() } else { format!("all {}", names.len()) };
    match (&card.verdict(), card.staffing()) {
        (Verdict::Undetermined, _) => "undetermined: not enough evidence for any role".to_owned(),
        (Verdict::Role(_), _) => format!("{}: {list}", card.verdict()),
        (Verdict::Both, Some(Staffing::OnePerson)) => format!("{which}, one person can cover them: {list}"),
        (Verdict::Both, Some(Staffing::SeparatePeople)) => format!("{which}, as separate hires: {list}"),
        (Verdict::Both, None) => format!("{which}: {list}"),
    }
}
