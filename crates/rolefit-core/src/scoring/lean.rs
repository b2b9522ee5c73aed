//! The `lean` strategy: evidence piles up toward the roles its records lean to.

use super::card_builder::read_evidence;
use super::lean_table::LeanTable;
use super::policy::Thresholds;
use super::scorecard::{Contribution, Scorecard, StaffingEvidence, same_id, zero_scores};
use super::scorer::{OwnEvidence, Scorer, Strategy};
use super::weights::Weights;
use crate::Catalog;
use crate::error::ProfileError;
use crate::evidence::{Answer, Evidence, Origin};
use crate::model::{RecordKind, RecordRef, Staffing};

/// The default half-saturation mass of [`LeanScorer`]: one fully supported record that
/// leans fully to a role gives that role 0.5.
pub const DEFAULT_HALF: f64 = 1.0;

/// The `lean` strategy, before it is prepared for a catalog: the catalog's leans (or
/// [`Weights`] over them) and the half-saturation mass. See [`LeanScorer`] for the formula.
///
/// ```
/// use rolefit_core::scoring::{Lean, Strategy};
/// use rolefit_core::{Catalog, Evidence, Scorer};
/// let catalog = Catalog::new(Default::default())?;
/// let lean = Lean::new().with_half(2.0);
/// let scorer = lean.prepare(&catalog)?; // once per catalog
/// assert_eq!(scorer.name(), "lean");
/// assert!(scorer.score(&Evidence::new(&catalog)).scores().is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Lean {
    weights: Option<Weights>,
    half: f64,
}

impl Default for Lean {
    fn default() -> Self {
        Self { weights: None, half: DEFAULT_HALF }
    }
}

impl Lean {
    /// The strategy with the catalog's own leans.
    pub fn new() -> Self {
        Self::default()
    }

    /// The strategy with `weights` overriding the catalog's leans.
    #[must_use]
    pub fn with_weights(mut self, weights: Weights) -> Self {
        self.weights = Some(weights);
        self
    }

    /// Sets the mass at which a role scores 0.5 (default [`DEFAULT_HALF`]); smaller
    /// values reach high scores with less evidence. Not positive and finite: ignored.
    #[must_use]
    pub fn with_half(mut self, half: f64) -> Self {
        if half > 0.0 && half.is_finite() {
            self.half = half;
        }
        self
    }

    /// The strategy prepared for `catalog`; fails, listing every problem, when the
    /// weights name records or roles the catalog does not have.
    pub fn for_catalog<'c>(&self, catalog: &'c Catalog) -> Result<LeanScorer<'c>, ProfileError> {
        let table = match &self.weights {
            Some(weights) => LeanTable::with_weights(catalog, weights)?,
            None => LeanTable::new(catalog),
        };
        Ok(LeanScorer::prepared(catalog, table, self.half))
    }
}

impl Strategy for Lean {
    fn prepare<'c>(&'c self, catalog: &'c Catalog) -> Result<Box<dyn Scorer + Send + Sync + 'c>, ProfileError> {
        Ok(Box::new(self.for_catalog(catalog)?))
    }

    fn name(&self) -> &str {
        "lean"
    }
}

/// The `lean` strategy prepared for one catalog: for each role, the mass of the evidence
/// leaning to it, saturated into `[0, 1]`.
///
/// ```text
/// mass(role)  = Σ over evidence items  strength × weight(record, role)
/// score(role) = mass(role) / (mass(role) + half)
/// effect      = strength × weight(record, role) / (mass(role) + half)
/// ```
///
/// `weight(record, role)` comes from the [`LeanTable`] (the catalog's leans, or
/// [`Weights`] overrides). The score grows with every piece of evidence for a role and
/// never reaches 1; evidence for one role does not lower another's. It suits inputs that
/// pile up evidence without a fixed list of questions, such as answers to any subset of
/// the assessment and phrases found in a text.
///
/// Preparing builds, once, the table and the contribution each record makes to each role
/// it leans to; scoring clones those. The needs assessment hands it a profile's answers
/// as sets of signals (`score_signals_into`), the same formula
/// without building evidence.
///
/// ```
/// use rolefit_core::{Catalog, Evidence, LeanScorer, Scorecard, Scorer};
/// let catalog = Catalog::new(Default::default())?;
/// let lean = LeanScorer::new(&catalog);
/// assert_eq!(lean.score(&Evidence::new(&catalog)), Scorecard::neutral(&catalog));
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
#[derive(Debug, Clone)]
pub struct LeanScorer<'c> {
    catalog: &'c Catalog,
    table: LeanTable,
    half: f64,
    /// Per table row, its contributions to the roles it leans to, strength 1 (effect 0).
    templates: Vec<Contribution>,
    /// The role position of each template.
    template_roles: Vec<usize>,
    /// Per table row, its range in `templates`.
    spans: Vec<(usize, usize)>,
    /// The signals (bit i for signal i) whose "yes" says one person can cover the roles,
    /// when the catalog has at most 64 signals.
    one_person: u64,
    /// The signals whose "yes" says the roles need separate people.
    separate_people: u64,
}

/// What the needs assessment knows of a profile: answer sets over the catalog's signals.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SignalAnswers {
    /// The signals answered "yes" (bit i for signal i).
    pub(crate) yes: u64,
    /// The signals answered at all.
    pub(crate) known: u64,
}

impl<'c> LeanScorer<'c> {
    /// The most signals the answer sets of [`score_signals_into`](Self::score_signals_into) hold.
    pub(crate) const MAX_SIGNALS: usize = u64::BITS as usize;

    /// The strategy prepared for `catalog`, with the catalog's own leans.
    pub fn new(catalog: &'c Catalog) -> Self {
        Self::prepared(catalog, LeanTable::new(catalog), DEFAULT_HALF)
    }

    /// The strategy prepared for `catalog`, with `weights` overriding its leans; fails,
    /// listing every problem, when an id or a weight does not fit the catalog.
    pub fn with_weights(catalog: &'c Catalog, weights: &Weights) -> Result<Self, ProfileError> {
        Ok(Self::prepared(catalog, LeanTable::with_weights(catalog, weights)?, DEFAULT_HALF))
    }

    fn prepared(catalog: &'c Catalog, table: LeanTable, half: f64) -> Self {
        let (mut templates, mut template_roles, mut spans) = (Vec::new(), Vec::new(), Vec::new());
        for (row, record) in table.rows().enumerate() {
            let start = templates.len();
            if let (Some(weights), Some(any)) = (table.row(row), catalog.get(record)) {
                for ((r, &weight), role) in weights.iter().enumerate().zip(catalog.roles()) {
                    if weight > 0.0 && weight.is_finite() {
                        templates.push(Contribution {
                            fact: any.key().clone(),
                            kind: record.kind,
                            role: role.id.clone(),
                            strength: 1.0,
                            weight,
                            effect: 0.0,
                            origin: Origin::Answer { answer: Answer::Yes },
                        });
                        template_roles.push(r);
                    }
                }
            }
            spans.push((start, templates.len()));
        }
        let (mut one_person, mut separate_people) = (0_u64, 0_u64);
        for (index, signal) in catalog.signals().iter().enumerate().take(Self::MAX_SIGNALS) {
            let bit = 1_u64 << index;
            match signal.staffing {
                Some(Staffing::OnePerson) => one_person |= bit,
                Some(Staffing::SeparatePeople) => separate_people |= bit,
                None => {}
            }
        }
        Self { catalog, table, half, templates, template_roles, spans, one_person, separate_people }
    }

    /// Sets the mass at which a role scores 0.5 (default [`DEFAULT_HALF`]). Not positive
    /// and finite: ignored.
    #[must_use]
    pub fn with_half(mut self, half: f64) -> Self {
        if half > 0.0 && half.is_finite() {
            self.half = half;
        }
        self
    }

    /// The lean table in use.
    pub fn table(&self) -> &LeanTable {
        &self.table
    }

    /// The mass at which a role scores 0.5.
    pub fn half(&self) -> f64 {
        self.half
    }

    /// Scores a needs assessment's answers, given as sets of the catalog's signals (at
    /// most [`MAX_SIGNALS`](Self::MAX_SIGNALS)), into `card`: what [`score`](Scorer::score)
    /// gives for evidence of strength 1 for each "yes", 0 for each other answer, and each
    /// unanswered signal marked unknown.
    pub(crate) fn score_signals_into(&self, answers: SignalAnswers, card: &mut Scorecard) {
        let signals = self.catalog.signals();
        let n = signals.len().min(Self::MAX_SIGNALS);
        let asked = if n == 0 { 0 } else { u64::MAX >> (Self::MAX_SIGNALS - n) };
        let (yes, known) = (answers.yes & asked, answers.known & asked);
        card.coverage = if n == 0 { 0.0 } else { f64::from(known.count_ones()) / n as f64 };
        // Each "yes" adds strength 1: the sums are counts.
        card.staffing_evidence = StaffingEvidence {
            one_person: f64::from((yes & self.one_person).count_ones()),
            separate_people: f64::from((yes & self.separate_people).count_ones()),
        };
        card.unanswered.clear();
        card.unanswered.extend(positions(asked & !known).map(|i| signals[i].id.clone()));
        const YES: Origin = Origin::Answer { answer: Answer::Yes };
        let rows = positions(yes).filter_map(|i| self.table.row_of(RecordRef::new(RecordKind::Signal, i)));
        self.score_rows(rows.map(|row| (row, 1.0, &YES)), card);
    }

    /// The formula, over items given as (table row, strength, origin), into `card`
    /// (whose coverage, staffing evidence and unanswered questions are set already).
    fn score_rows<'o, I>(&self, items: I, card: &mut Scorecard)
    where
        I: Iterator<Item = (usize, f64, &'o Origin)> + Clone,
    {
        let roles = self.catalog.roles();
        if !(card.scores.len() == roles.len() && card.scores.iter().zip(roles).all(|(s, r)| same_id(&s.role, &r.id))) {
            card.scores = zero_scores(self.catalog);
        }
        // The masses, summed in evidence order.
        for slot in &mut card.scores {
            slot.score = 0.0;
        }
        let mut parts = 0;
        for (row, strength, _) in items.clone() {
            let (start, end) = self.spans[row];
            for (t, &r) in self.templates[start..end].iter().zip(&self.template_roles[start..end]) {
                let mass = strength * t.weight;
                if mass > 0.0 && mass.is_finite() {
                    card.scores[r].score += mass;
                    parts += 1;
                }
            }
        }
        card.contributions.clear();
        // Cloned from the templates made when preparing, then strength, effect and
        // origin set: cheaper than building each contribution field by field.
        card.contributions.reserve(parts);
        for (row, strength, origin) in items {
            let (start, end) = self.spans[row];
            for (t, &r) in self.templates[start..end].iter().zip(&self.template_roles[start..end]) {
                let mass = strength * t.weight;
                if mass > 0.0 && mass.is_finite() {
                    let mut c = t.clone();
                    c.strength = strength;
                    c.effect = mass / (card.scores[r].score + self.half);
                    if c.origin != *origin {
                        c.origin = origin.clone();
                    }
                    card.contributions.push(c);
                }
            }
        }
        for slot in &mut card.scores {
            slot.score = (slot.score / (slot.score + self.half)).clamp(0.0, 1.0);
        }
        card.summarize();
        card.apply_thresholds(&Thresholds::default());
    }

    fn score_evidence_into(&self, evidence: &Evidence<'_>, card: &mut Scorecard) {
        read_evidence(evidence, card);
        // A record that does not lean (or that the catalog does not have) adds nothing.
        let rows = evidence
            .items()
            .iter()
            .filter_map(|item| Some((self.table.row_of(item.record)?, item.strength, &item.origin)));
        self.score_rows(rows, card);
    }
}

/// The positions of the set bits, lowest first.
pub(crate) fn positions(mut set: u64) -> impl Iterator<Item = usize> + Clone {
    std::iter::from_fn(move || {
        let at = set.trailing_zeros();
        set &= set.wrapping_sub(1);
        (at < u64::BITS).then_some(at as usize)
    })
}

impl Scorer for LeanScorer<'_> {
    fn catalog(&self) -> &Catalog {
        self.catalog
    }

    fn name(&self) -> &str {
        "lean"
    }

    fn score_own(&self, evidence: &OwnEvidence<'_, '_>) -> Scorecard {
        let mut card = Scorecard::default();
        self.score_evidence_into(evidence, &mut card);
        card
    }

    fn score_into(&self, evidence: &Evidence<'_>, card: &mut Scorecard) {
        if evidence.catalog().id() == self.catalog.id() {
            self.score_evidence_into(evidence, card);
        } else {
            *card = self.score(evidence);
        }
    }
}
