//! A readable tree of why a scorecard says what it says.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::scorecard::Scorecard;
use crate::Catalog;

/// A value and what it is made of, as a tree (after tantivy's `Explanation`).
///
/// [`Scorer::explain`](crate::Scorer::explain) gives one per scoring; its `Display` prints
/// an indented outline, one value per line.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Explanation {
    /// The value explained.
    pub value: f64,
    /// What the value is.
    pub label: String,
    /// The parts it is made of.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<Explanation>,
}

impl Explanation {
    /// A leaf.
    pub fn new(value: f64, label: impl Into<String>) -> Self {
        Self { value, label: label.into(), details: Vec::new() }
    }

    /// Adds a part.
    pub fn push(&mut self, detail: Explanation) {
        self.details.push(detail);
    }

    /// The explanation of a card: the verdict and confidence, then each role's score with
    /// the contributions that make it up (largest first), then the unanswered questions.
    pub fn of_scorecard(strategy: &str, catalog: &Catalog, card: &Scorecard) -> Self {
        let staffing = match card.staffing {
            Some(s) => format!(", {}", super::labels::staffing_label(s)),
            None => String::new(),
        };
        let mut root = Self::new(
            card.confidence,
            format!(
                "{strategy}: verdict {}{staffing}; confidence (margin {:.2}, coverage {:.2})",
                card.verdict, card.margin, card.coverage
            ),
        );
        for role in &card.scores {
            let name = catalog.role(role.role.as_str()).map_or(role.role.as_str(), |r| &r.name);
            let mut node = Self::new(role.score, format!("{name} [{}]", role.role));
            let mut parts: Vec<_> = card.contributions_to(role.role.as_str()).collect();
            // Largest effect first; the sort is stable, so ties keep evidence order.
            parts.sort_by(|a, b| b.effect.total_cmp(&a.effect));
            for c in parts {
                let fact = catalog.record(c.fact.as_str()).map_or_else(|| c.fact.to_string(), |f| f.name().to_owned());
                node.push(Self::new(
                    c.effect,
                    format!(
                        "{fact} [{}] {}: strength {:.2} × weight {:.2}",
                        c.fact,
                        super::labels::origin_label(&c.origin),
                        c.strength,
                        c.weight
                    ),
                ));
            }
            root.push(node);
        }
        if !card.unanswered.is_empty() {
            let mut node = Self::new(1.0 - card.coverage, "unanswered (lowers coverage)");
            for id in &card.unanswered {
                node.push(Self::new(0.0, id.to_string()));
            }
            root.push(node);
        }
        root
    }

    fn write(&self, f: &mut fmt::Formatter<'_>, depth: usize) -> fmt::Result {
        writeln!(f, "{:indent$}{:.3}  {}", "", self.value, self.label, indent = depth * 2)?;
        self.details.iter().try_for_each(|d| d.write(f, depth + 1))
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, 0)
    }
}
