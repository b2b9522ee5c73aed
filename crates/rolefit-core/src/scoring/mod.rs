//! Explainable, pluggable scoring: evidence in, scorecard out.
//!
//! # Overview
//!
//! ```text
//! OrgProfile / CandidateProfile / text ──adapter──▶ Evidence ──Scorer::score──▶ Scorecard
//! ```
//!
//! - [`Evidence`](crate::Evidence) (in [`evidence`](crate::evidence)): records of the catalog, each
//!   with a strength in `[0, 1]` and an [`Origin`](crate::Origin).
//! - [`Scorer`]: the strategy trait; one required method. Built in: [`LeanScorer`]
//!   (`lean`, saturating) and [`CoverageScorer`] (`coverage`, share of a role's needs);
//!   combine them with [`Ensemble`], plug closures in with [`scorer_fn`].
//! - [`LeanTable`]: how strongly each record leans to each role, built once per catalog;
//!   [`Weights`] override it from a user file.
//! - [`Scorecard`]: per role a score, a [`Verdict`], margin, coverage, confidence and the
//!   [`Contribution`]s that add up to each score.
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
pub use coverage::CoverageScorer;
pub use ensemble::Ensemble;
pub use explanation::Explanation;
pub use lean::{DEFAULT_HALF, LeanScorer};
pub use lean_table::LeanTable;
pub use policy::{Decision, Thresholds, VerdictPolicy};
pub use scorecard::{Contribution, RoleScore, Scorecard, StaffingEvidence, Verdict};
pub use scorer::{Named, Scorer, ScorerFn, WithPolicy, scorer_fn};
pub use weights::Weights;

pub(crate) use scorecard::{same_id, zero_scores};
