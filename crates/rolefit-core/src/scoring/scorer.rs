//! The `Scorer` trait: the extension point that turns evidence into a scorecard.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use super::explanation::Explanation;
use super::policy::VerdictPolicy;
use super::scorecard::Scorecard;
use crate::Catalog;
use crate::evidence::Evidence;

/// A scoring strategy: turns [`Evidence`] about a catalog's facts into a [`Scorecard`].
///
/// One method is required; [`name`](Self::name) and [`explain`](Self::explain) have
/// defaults, and the combinators ([`with_policy`](Self::with_policy),
/// [`named`](Self::named), [`boxed`](Self::boxed)) are default
/// methods for sized strategies, so `dyn Scorer` works. `&S`, `Box<S>` and `Arc<S>` are
/// scorers when `S` is; closures become scorers through [`scorer_fn`]; several combine
/// in an [`Ensemble`](super::Ensemble).
///
/// Scoring is infallible: catalogs are validated when they are built, and a strategy
/// skips evidence it cannot use. Build [`Scorecard`]s with
/// [`ScorecardBuilder`](super::ScorecardBuilder) so that scores stay in `[0, 1]` and the
/// contributions add up to them.
///
/// ```
/// use rolefit_core::scoring::{Ensemble, ScorecardBuilder};
/// use rolefit_core::{Catalog, Evidence, LeanScorer, RecordKind, Scorecard, Scorer};
///
/// /// Counts only what the catalog says about skills.
/// struct SkillsOnly;
///
/// impl Scorer for SkillsOnly {
///     fn name(&self) -> &str {
///         "skills-only"
///     }
///
///     fn score(&self, catalog: &Catalog, evidence: &Evidence) -> Scorecard {
///         let mut card = ScorecardBuilder::new(catalog, evidence);
///         for item in evidence.items().iter().filter(|i| i.record.kind == RecordKind::Skill) {
///             let Some(skill) = catalog.skills().get(item.record.index) else { continue };
///             for need in skill.importance.iter() {
///                 card.add_to(need.role.as_str(), item, need.level.weight());
///             }
///         }
///         card.finish_saturating(1.0)
///     }
/// }
///
/// let catalog = Catalog::new(Default::default())?;
/// let both = Ensemble::new().with(SkillsOnly, 1.0).with(LeanScorer::new(&catalog), 1.0);
/// let card = both.score(&catalog, &Evidence::new());
/// assert!(card.scores.is_empty());
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
pub trait Scorer {
    /// Scores the evidence against the catalog.
    fn score(&self, catalog: &Catalog, evidence: &Evidence) -> Scorecard;

    /// A short name for reports (`"lean"`, `"coverage"`); `"custom"` unless overridden.
    fn name(&self) -> &str {
        "custom"
    }

    /// Scores the evidence and says why, as a tree of values.
    fn explain(&self, catalog: &Catalog, evidence: &Evidence) -> Explanation {
        Explanation::of_scorecard(self.name(), catalog, &self.score(catalog, evidence))
    }

    /// Decides the verdict with `policy` instead of the strategy's own.
    fn with_policy<P: VerdictPolicy>(self, policy: P) -> WithPolicy<Self, P>
    where
        Self: Sized,
    {
        WithPolicy { scorer: self, policy }
    }

    /// Reports under another name.
    fn named(self, name: impl Into<Cow<'static, str>>) -> Named<Self>
    where
        Self: Sized,
    {
        Named { scorer: self, name: name.into() }
    }

    /// Boxes the strategy, to keep strategies of different types together.
    fn boxed<'s>(self) -> Box<dyn Scorer + Send + Sync + 's>
    where
        Self: Sized + Send + Sync + 's,
    {
        Box::new(self)
    }
}

impl<S: Scorer + ?Sized> Scorer for &S {
    fn score(&self, catalog: &Catalog, evidence: &Evidence) -> Scorecard {
        (**self).score(catalog, evidence)
    }
    fn name(&self) -> &str {
        (**self).name()
    }
    fn explain(&self, catalog: &Catalog, evidence: &Evidence) -> Explanation {
        (**self).explain(catalog, evidence)
    }
}

impl<S: Scorer + ?Sized> Scorer for Box<S> {
    fn score(&self, catalog: &Catalog, evidence: &Evidence) -> Scorecard {
        (**self).score(catalog, evidence)
    }
    fn name(&self) -> &str {
        (**self).name()
    }
    fn explain(&self, catalog: &Catalog, evidence: &Evidence) -> Explanation {
        (**self).explain(catalog, evidence)
    }
}

impl<S: Scorer + ?Sized> Scorer for Arc<S> {
    fn score(&self, catalog: &Catalog, evidence: &Evidence) -> Scorecard {
        (**self).score(catalog, evidence)
    }
    fn name(&self) -> &str {
        (**self).name()
    }
    fn explain(&self, catalog: &Catalog, evidence: &Evidence) -> Explanation {
        (**self).explain(catalog, evidence)
    }
}

/// A strategy made from a closure: see [`scorer_fn`].
#[derive(Clone)]
pub struct ScorerFn<F> {
    name: Cow<'static, str>,
    f: F,
}

impl<F> fmt::Debug for ScorerFn<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ScorerFn").field("name", &self.name).finish_non_exhaustive()
    }
}

/// Makes a strategy from a closure and a name (after tower's `service_fn`).
///
/// ```
/// use rolefit_core::scoring::{ScorecardBuilder, scorer_fn};
/// use rolefit_core::{Catalog, Evidence, Scorer};
///
/// // Every answered "yes" counts for every role alike.
/// let flat = scorer_fn("flat", |catalog: &Catalog, evidence: &Evidence| {
///     let mut card = ScorecardBuilder::new(catalog, evidence);
///     for item in evidence.items() {
///         for role in 0..catalog.roles().len() {
///             card.add(role, item, 1.0);
///         }
///     }
///     card.finish_saturating(2.0)
/// });
/// assert_eq!(flat.name(), "flat");
/// ```
pub fn scorer_fn<F>(name: impl Into<Cow<'static, str>>, f: F) -> ScorerFn<F>
where
    F: Fn(&Catalog, &Evidence) -> Scorecard,
{
    ScorerFn { name: name.into(), f }
}

impl<F> Scorer for ScorerFn<F>
where
    F: Fn(&Catalog, &Evidence) -> Scorecard,
{
    fn score(&self, catalog: &Catalog, evidence: &Evidence) -> Scorecard {
        (self.f)(catalog, evidence)
    }
    fn name(&self) -> &str {
        &self.name
    }
}

/// A strategy whose verdict another policy decides: see [`Scorer::with_policy`].
#[derive(Debug, Clone)]
pub struct WithPolicy<S, P> {
    scorer: S,
    policy: P,
}

impl<S: Scorer, P: VerdictPolicy> Scorer for WithPolicy<S, P> {
    fn score(&self, catalog: &Catalog, evidence: &Evidence) -> Scorecard {
        let mut card = self.scorer.score(catalog, evidence);
        card.apply_policy(&self.policy);
        card
    }
    fn name(&self) -> &str {
        self.scorer.name()
    }
}

/// A strategy under another name: see [`Scorer::named`].
#[derive(Debug, Clone)]
pub struct Named<S> {
    scorer: S,
    name: Cow<'static, str>,
}

impl<S: Scorer> Scorer for Named<S> {
    fn score(&self, catalog: &Catalog, evidence: &Evidence) -> Scorecard {
        self.scorer.score(catalog, evidence)
    }
    fn name(&self) -> &str {
        &self.name
    }
}
