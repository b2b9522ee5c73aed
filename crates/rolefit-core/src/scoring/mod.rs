//! Explainable, pluggable scoring: evidence in, scorecard out.
//!
//! # Overview
//!
//! ```text
//! Strategy ──prepare(&catalog)──▶ Scorer (for that catalog) ──score(&evidence)──▶ Scorecard
//! ```
//!
//! - [`Strategy`]: a way of scoring, for any catalog; prepared once per catalog into a
//!   [`Scorer`], which owns what it computed from the catalog (a table, totals,
//!   contribution templates). Built in: [`Lean`] → [`LeanScorer`] (`lean`, saturating)
//!   and [`Coverage`] → [`CoverageScorer`] (`coverage`, share of a role's needs); closures
//!   through [`scorer_fn`]; scorers combine in an [`Ensemble`].
//! - [`Evidence`](crate::Evidence) (in [`evidence`](crate::evidence)) is built against a
//!   catalog and keeps it; a scorer prepared for another catalog finds its records there
//!   by id ([`OwnEvidence`]), so positions of one catalog are never read as another's.
//! - [`LeanTable`]: how strongly each record leans to each role; [`Weights`] override it
//!   from a user file.
//! - [`Scorecard`]: per role a score, a [`Verdict`], margin, coverage, confidence and the
//!   [`Contribution`]s that add up to each score; read-only, made by a
//!   [`ScorecardBuilder`].
//! - [`VerdictPolicy`]: from scores to verdict; [`Thresholds`] is the built-in one.
//!
//! `docs/scoring.md` gives the formulas and how to write a strategy.

mod card_builder;
mod coverage;
mod ensemble;
mod explanation;
mod labels;
mod lean;
mod lean_table;
mod policy;
mod scorecard;
mod scorer;
mod weights;

pub use card_builder::ScorecardBuilder;
pub use coverage::{Coverage, CoverageScorer};
pub use ensemble::Ensemble;
pub use explanation::Explanation;
pub(crate) use lean::SignalAnswers;
pub use lean::{DEFAULT_HALF, Lean, LeanScorer};
pub use lean_table::LeanTable;
pub use policy::{Decision, Thresholds, VerdictPolicy};
pub use scorecard::{Contribution, RoleScore, Scorecard, StaffingEvidence, Verdict};
pub use scorer::{Named, OwnEvidence, PreparedFn, Scorer, ScorerFn, Strategy, WithPolicy, scorer_fn};
pub use weights::Weights;
