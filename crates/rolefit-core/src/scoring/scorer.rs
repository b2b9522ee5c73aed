//! Strategies and their prepared form: a [`Strategy`] is prepared once for a catalog
//! into a [`Scorer`], which turns evidence about that catalog into a scorecard.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use super::explanation::Explanation;
use super::policy::VerdictPolicy;
use super::scorecard::Scorecard;
use crate::Catalog;
use crate::error::ProfileError;
use crate::evidence::Evidence;

/// Evidence about the catalog a scorer was prepared for: what [`Scorer::score`] hands to
/// [`Scorer::score_own`], after finding the records in that catalog when the evidence
/// was built against another. Only `score` makes one, so an implementation never reads
/// one catalog's positions as another's.
#[derive(Debug)]
pub struct OwnEvidence<'a, 'c>(&'a Evidence<'c>);

impl<'c> Deref for OwnEvidence<'_, 'c> {
    type Target = Evidence<'c>;

    fn deref(&self) -> &Evidence<'c> {
        self.0
    }
}

/// Calls `f` with the evidence as evidence about `catalog`: as it is when it was built
/// against that catalog (or a clone of it), else with its records found there by id.
fn own<R>(catalog: &Catalog, evidence: &Evidence<'_>, f: impl FnOnce(&OwnEvidence<'_, '_>) -> R) -> R {
    if evidence.catalog().id() == catalog.id() {
        f(&OwnEvidence(evidence))
    } else {
        f(&OwnEvidence(&evidence.for_catalog(catalog)))
    }
}

/// A scoring strategy prepared for one catalog: turns [`Evidence`] into a [`Scorecard`].
///
/// A scorer owns whatever it computed from its catalog to score fast (a lean table,
/// totals, contribution templates); it is made once per catalog by its
/// [`Strategy`] or a constructor (`LeanScorer::new(&catalog)`) and used for many
/// inputs. Evidence built against another catalog is not misread: [`score`](Self::score)
/// finds its records in this scorer's catalog by id first.
///
/// Two methods are required: [`catalog`](Self::catalog) and
/// [`score_own`](Self::score_own). [`name`](Self::name), [`explain`](Self::explain) and
/// [`score_into`](Self::score_into) have defaults, and the combinators
/// ([`with_policy`](Self::with_policy), [`named`](Self::named), [`boxed`](Self::boxed))
/// are default methods for sized scorers, so `dyn Scorer` works. `&S`, `Box<S>` and
/// `Arc<S>` are scorers when `S` is; several combine in an [`Ensemble`](super::Ensemble).
///
/// Scoring is infallible: catalogs are validated when they are built, strategies when
/// they are prepared, and a scorer skips evidence it cannot use. Build [`Scorecard`]s
/// with [`ScorecardBuilder`](super::ScorecardBuilder) so that scores stay in `[0, 1]` and
/// the contributions add up to them.
///
/// ```
/// use rolefit_core::scoring::{Ensemble, OwnEvidence, ScorecardBuilder};
/// use rolefit_core::{Catalog, Evidence, LeanScorer, RecordKind, Scorecard, Scorer};
///
/// /// Counts only what the catalog says about skills.
/// struct SkillsOnly<'c>(&'c Catalog);
///
/// impl Scorer for SkillsOnly<'_> {
///     fn catalog(&self) -> &Catalog {
///         self.0
///     }
///
///     fn name(&self) -> &str {
///         "skills-only"
///     }
///
///     fn score_own(&self, evidence: &OwnEvidence<'_, '_>) -> Scorecard {
///         let mut card = ScorecardBuilder::new(evidence);
///         for item in evidence.items().iter().filter(|i| i.record.kind == RecordKind::Skill) {
///             let Some(skill) = self.0.skills().get(item.record.index) else { continue };
///             for need in skill.importance.iter() {
///                 card.add_to(need.role.as_str(), item, need.level.weight());
///             }
///         }
///         card.finish_saturating(1.0)
///     }
/// }
///
/// let catalog = Catalog::new(Default::default())?;
/// let both = Ensemble::new(&catalog).with(SkillsOnly(&catalog), 1.0).with(LeanScorer::new(&catalog), 1.0);
/// let card = both.score(&Evidence::new(&catalog));
/// assert!(card.scores().is_empty());
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
pub trait Scorer {
    /// The catalog this scorer was prepared for.
    fn catalog(&self) -> &Catalog;

    /// Scores evidence about [`catalog`](Self::catalog); called by [`score`](Self::score).
    fn score_own(&self, evidence: &OwnEvidence<'_, '_>) -> Scorecard;

    /// Scores the evidence (built against this scorer's catalog or another).
    fn score(&self, evidence: &Evidence<'_>) -> Scorecard {
        own(self.catalog(), evidence, |own| self.score_own(own))
    }

    /// Like [`score`](Self::score), writing into `card`, whose allocations a scorer may
    /// reuse (for scoring many inputs in a loop). Whatever `card` held is replaced.
    fn score_into(&self, evidence: &Evidence<'_>, card: &mut Scorecard) {
        *card = self.score(evidence);
    }

    /// A short name for reports (`"lean"`, `"coverage"`); `"custom"` unless overridden.
    fn name(&self) -> &str {
        "custom"
    }

    /// Scores the evidence and says why, as a tree of values.
    fn explain(&self, evidence: &Evidence<'_>) -> Explanation {
        Explanation::of_scorecard(self.name(), self.catalog(), &self.score(evidence))
    }

    /// Decides the verdict with `policy` instead of the scorer's own.
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

    /// Boxes the scorer, to keep scorers of different types together.
    fn boxed<'s>(self) -> Box<dyn Scorer + Send + Sync + 's>
    where
        Self: Sized + Send + Sync + 's,
    {
        Box::new(self)
    }
}

macro_rules! forward_scorer {
    ($($ptr:ty),*) => {$(
        impl<S: Scorer + ?Sized> Scorer for $ptr {
            fn catalog(&self) -> &Catalog {
                (**self).catalog()
            }
            fn score_own(&self, evidence: &OwnEvidence<'_, '_>) -> Scorecard {
                (**self).score_own(evidence)
            }
            fn score(&self, evidence: &Evidence<'_>) -> Scorecard {
                (**self).score(evidence)
            }
            fn score_into(&self, evidence: &Evidence<'_>, card: &mut Scorecard) {
                (**self).score_into(evidence, card)
            }
            fn name(&self) -> &str {
                (**self).name()
            }
            fn explain(&self, evidence: &Evidence<'_>) -> Explanation {
                (**self).explain(evidence)
            }
        }
    )*};
}

forward_scorer!(&S, Box<S>, Arc<S>);

/// A scoring strategy for any catalog: what is prepared, once per catalog, into a
/// [`Scorer`] (as a query is compiled into a weight for one index).
///
/// Preparing is where a strategy may fail (weights naming records the catalog does not
/// have); the prepared scorer then scores infallibly. The built-in strategies are
/// [`Lean`](super::Lean) and [`Coverage`](super::Coverage); closures become strategies
/// through [`scorer_fn`].
pub trait Strategy {
    /// The strategy prepared for `catalog`.
    fn prepare<'c>(&'c self, catalog: &'c Catalog) -> Result<Box<dyn Scorer + Send + Sync + 'c>, ProfileError>;

    /// A short name for reports.
    fn name(&self) -> &str {
        "custom"
    }
}

macro_rules! forward_strategy {
    ($($ptr:ty),*) => {$(
        impl<S: Strategy + ?Sized> Strategy for $ptr {
            fn prepare<'c>(&'c self, catalog: &'c Catalog) -> Result<Box<dyn Scorer + Send + Sync + 'c>, ProfileError> {
                (**self).prepare(catalog)
            }
            fn name(&self) -> &str {
                (**self).name()
            }
        }
    )*};
}

forward_strategy!(&S, Box<S>, Arc<S>);

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

/// Makes a strategy from a closure and a name (after tower's `service_fn`); the closure
/// gets the catalog and evidence about it.
///
/// ```
/// use rolefit_core::scoring::{ScorecardBuilder, Strategy, scorer_fn};
/// use rolefit_core::{Catalog, Evidence, Scorer};
///
/// // Every piece of evidence counts for every role alike.
/// let flat = scorer_fn("flat", |catalog: &Catalog, evidence: &Evidence<'_>| {
///     let mut card = ScorecardBuilder::new(evidence);
///     for item in evidence.items() {
///         for role in 0..catalog.roles().len() {
///             card.add(role, item, 1.0);
///         }
///     }
///     card.finish_saturating(2.0)
/// });
/// let catalog = Catalog::new(Default::default())?;
/// let scorer = flat.for_catalog(&catalog);
/// assert_eq!(scorer.name(), "flat");
/// assert!(scorer.score(&Evidence::new(&catalog)).scores().is_empty());
/// # Ok::<(), rolefit_core::CatalogError>(())
/// ```
pub fn scorer_fn<F>(name: impl Into<Cow<'static, str>>, f: F) -> ScorerFn<F>
where
    F: Fn(&Catalog, &Evidence<'_>) -> Scorecard,
{
    ScorerFn { name: name.into(), f }
}

impl<F> ScorerFn<F>
where
    F: Fn(&Catalog, &Evidence<'_>) -> Scorecard,
{
    /// The closure prepared for `catalog` (which cannot fail).
    pub fn for_catalog<'c>(&'c self, catalog: &'c Catalog) -> PreparedFn<'c, F> {
        PreparedFn { strategy: self, catalog }
    }
}

impl<F> Strategy for ScorerFn<F>
where
    F: Fn(&Catalog, &Evidence<'_>) -> Scorecard + Send + Sync,
{
    fn prepare<'c>(&'c self, catalog: &'c Catalog) -> Result<Box<dyn Scorer + Send + Sync + 'c>, ProfileError> {
        Ok(Box::new(self.for_catalog(catalog)))
    }

    fn name(&self) -> &str {
        &self.name
    }
}

/// A closure strategy prepared for a catalog: see [`ScorerFn::for_catalog`].
#[derive(Debug)]
pub struct PreparedFn<'c, F> {
    strategy: &'c ScorerFn<F>,
    catalog: &'c Catalog,
}

impl<F> Scorer for PreparedFn<'_, F>
where
    F: Fn(&Catalog, &Evidence<'_>) -> Scorecard,
{
    fn catalog(&self) -> &Catalog {
        self.catalog
    }
    fn score_own(&self, evidence: &OwnEvidence<'_, '_>) -> Scorecard {
        (self.strategy.f)(self.catalog, evidence)
    }
    fn name(&self) -> &str {
        &self.strategy.name
    }
}

/// A scorer whose verdict another policy decides: see [`Scorer::with_policy`].
#[derive(Debug, Clone)]
pub struct WithPolicy<S, P> {
    scorer: S,
    policy: P,
}

impl<S: Scorer, P: VerdictPolicy> Scorer for WithPolicy<S, P> {
    fn catalog(&self) -> &Catalog {
        self.scorer.catalog()
    }
    fn score_own(&self, evidence: &OwnEvidence<'_, '_>) -> Scorecard {
        let mut card = self.scorer.score_own(evidence);
        card.apply_policy(&self.policy);
        card
    }
    fn name(&self) -> &str {
        self.scorer.name()
    }
}

/// A scorer under another name: see [`Scorer::named`].
#[derive(Debug, Clone)]
pub struct Named<S> {
    scorer: S,
    name: Cow<'static, str>,
}

impl<S: Scorer> Scorer for Named<S> {
    fn catalog(&self) -> &Catalog {
        self.scorer.catalog()
    }
    fn score_own(&self, evidence: &OwnEvidence<'_, '_>) -> Scorecard {
        self.scorer.score_own(evidence)
    }
    fn score_into(&self, evidence: &Evidence<'_>, card: &mut Scorecard) {
        self.scorer.score_into(evidence, card);
    }
    fn name(&self) -> &str {
        &self.name
    }
}
