//! A candidate-fit report: the lean and the facts that decide it, then per role what the
//! profile states strong, stated weak (missing) and leaves unknown.

use super::words::{importance, list, ownership, record_name, role_name};
use super::{Document, Render, Table};
use crate::Id;
use crate::assessment::{FitReport, Need};
use crate::catalog::Catalog;
use crate::evidence::Origin;
use crate::scoring::Verdict;

/// The lean (verdict, reason, evidence, margin, confidence), the deciding facts, a summary
/// row per role, then per role the stated needs (strong or weak, that is missing) and how
/// many needs the profile leaves unknown. Starts with the candidate's name, if the report
/// has one.
///
/// ```
/// use rolefit_core::render::Render;
/// use rolefit_core::{CandidateFit, CandidateProfile, Catalog};
/// # let catalog = Catalog::from_toml_str(r#"
/// #   [[sources]]
/// #   id = "guide"
/// #   title = "A guide"
/// #   publisher = "Example"
/// #   kind = "article"
/// #   [[roles]]
/// #   id = "po"
/// #   name = "Product Owner"
/// #   summary = "s"
/// #   description = "d"
/// #   sources = ["guide"]
/// # "#)?;
/// let profile = CandidateProfile { name: Some("Ada".into()), ..Default::default() };
/// let report = CandidateFit::new(&catalog).assess(&profile)?;
/// let text = report.render(&catalog).to_string();
/// assert!(text.starts_with("Ada\nleans to: undetermined"), "{text}");
/// assert!(text.contains("Product Owner: the profile states none of what the role needs"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Render for FitReport {
    fn render_into(&self, catalog: &Catalog, doc: &mut Document) {
        let lean = &self.lean;
        let role = |id: &Option<Id>| id.as_ref().map_or_else(|| "-".to_owned(), |id| role_name(catalog, id));
        let names: Vec<String> = lean.recommended.iter().map(|id| role_name(catalog, id)).collect();
        let verdict = match lean.verdict {
            Verdict::Undetermined => "undetermined".to_owned(),
            Verdict::Both => format!("both: {}", list(&names.iter().map(String::as_str).collect::<Vec<_>>())),
            Verdict::Role(_) => names.join(", "),
        };
        doc.line(&format!("leans to: {verdict} ({})", lean.reason.describe()));
        doc.line(&format!(
            "evidence: {:.2} for {} over {}, {:.2} the other way; margin {:.2}, confidence {:.2} (share of what tells them apart that the profile states)",
            lean.toward_leader,
            role(&lean.leader),
            role(&lean.runner_up),
            lean.toward_runner_up,
            lean.margin,
            lean.confidence
        ));
        if !lean.deciding.is_empty() {
            doc.blank();
            let mut deciding = Table::new(&["deciding fact", "stated", "points to", "effect"]);
            for d in &lean.deciding {
                let toward = if d.effect > 0.0 { &lean.leader } else { &lean.runner_up };
                deciding.row(vec![
                    record_name(catalog, &d.fact),
                    stated(&d.stated),
                    role(toward),
                    format!("{:.2}", d.effect.abs()),
                ]);
            }
            doc.table(&deciding);
        }
        doc.blank();
        let mut scores =
            Table::new(&["role", "shown met", "stated", "met of stated", "strong", "weak (missing)", "unknown"]);
        for role in &self.roles {
            scores.row(vec![
                role_name(catalog, &role.role),
                format!("{:.2}", role.score),
                format!("{:.2}", role.stated),
                format!("{:.2}", role.met),
                role.strong.len().to_string(),
                role.weak.len().to_string(),
                role.unknown.len().to_string(),
            ]);
        }
        doc.table(&scores);
        for role in &self.roles {
            let name = role_name(catalog, &role.role);
            let mut table = Table::new(&[&format!("{name}: stated need"), "needed", "candidate", "standing"]);
            let rows = role.strong.iter().map(|f| (f, "strong")).chain(role.weak.iter().map(|f| (f, "weak (missing)")));
            for (fact, standing) in rows {
                table.row(vec![
                    record_name(catalog, &fact.fact),
                    need(fact.need),
                    stated(&fact.stated),
                    standing.to_owned(),
                ]);
            }
            doc.blank();
            if role.strong.is_empty() && role.weak.is_empty() {
                doc.line(&format!("{name}: the profile states none of what the role needs"));
            } else {
                doc.table(&table);
            }
            doc.line(&format!("{name}: {} more needs not stated (unknown, not missing)", role.unknown.len()));
        }
    }

    fn title(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

/// A need in a word: the importance of a skill, the role's stake in a piece of work.
fn need(need: Need) -> String {
    match need {
        Need::Importance(i) => importance(i).to_owned(),
        Need::Ownership(o) => ownership(o).to_owned(),
    }
}

/// What the profile states about a fact, in a word.
fn stated(origin: &Origin) -> String {
    match origin {
        Origin::Skill { proficiency } => proficiency.to_string(),
        Origin::Experience { level } => ownership(*level).to_owned(),
        other => format!("{other:?}"),
    }
}
