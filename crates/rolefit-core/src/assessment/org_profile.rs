//! `OrgProfile`: an organisation's answers to the needs assessment.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::ProfileError;
use crate::evidence::Answer;
use crate::model::{Checker, RecordKind};
use crate::problem::{Problem, Problems, Subject};
use crate::read::Format;
use crate::{Catalog, Id};

/// How the team builds the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Methodology {
    /// Scrum.
    Scrum,
    /// Kanban or another flow-based agile method.
    Kanban,
    /// Another agile, iteration-based process.
    Agile,
    /// A plan-driven (waterfall) process.
    Waterfall,
}

/// How fast the product's market moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum MarketPace {
    /// Settled: customers, competitors and demand change slowly.
    Stable,
    /// Changing quickly.
    ChangingFast,
}

/// Where the company is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CompanyStage {
    /// A startup or small company.
    Startup,
    /// Growing past what one person can cover in product work.
    Growing,
    /// Established and mid-sized, not in rapid growth.
    Established,
    /// A large enterprise.
    Enterprise,
}

/// Whether the product's vision and strategy already exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum VisionState {
    /// Settled: what is missing is someone to carry it out.
    Clear,
    /// Still to be worked out.
    NeedsDefining,
}

/// How complex the product is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Complexity {
    /// Simple enough for one person to handle strategy and backlog.
    Simple,
    /// Neither simple nor complex.
    Moderate,
    /// Complex enough that strategy and backlog work are each a full job.
    Complex,
}

/// Fewest products that count as "several products" (fewer is "a small product line").
pub const SEVERAL_PRODUCTS_MIN: u32 = 3;
/// Fewest departments to coordinate that count as "many departments" (marketing, sales, support).
pub const MANY_DEPARTMENTS_MIN: u32 = 3;
/// Most employees of a "small company", when no stage is given.
pub const SMALL_COMPANY_MAX_EMPLOYEES: u32 = 49;
/// Fewest employees of a "large enterprise", when no stage is given.
pub const LARGE_ENTERPRISE_MIN_EMPLOYEES: u32 = 1000;

/// The canonical signals the typed answers of an [`OrgProfile`] map onto, in slot order.
pub(crate) const TYPED_SIGNALS: [&str; 25] = [
    "agile-scrum-environment",
    "delivery-bottleneck",
    "vision-already-clear",
    "single-product",
    "stable-market",
    "rapid-iteration",
    "continuous-improvement-phase",
    "fast-shifting-priorities",
    "dedicated-dev-team",
    "well-defined-roadmap",
    "backlog-owner-needed",
    "specific-product-user-focus",
    "vision-strategy-needed",
    "market-research-needed",
    "multiple-products",
    "many-departments",
    "rapidly-changing-market",
    "new-products-or-markets",
    "long-term-planning-needed",
    "startup-stage",
    "tight-budget",
    "simple-product",
    "scaling-company",
    "large-enterprise",
    "complex-product",
];

/// The typed fields' answers: bit `s` is slot `s` of [`TYPED_SIGNALS`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TypedAnswers {
    /// The slots answered "yes".
    pub(crate) yes: u32,
    /// The slots answered at all.
    pub(crate) known: u32,
}

impl TypedAnswers {
    /// The answer in one slot.
    pub(crate) fn get(self, slot: u8) -> Answer {
        match (self.known >> slot & 1, self.yes >> slot & 1) {
            (0, _) => Answer::Unknown,
            (_, 1) => Answer::Yes,
            _ => Answer::No,
        }
    }
}

// Every slot has a bit.
const _: () = assert!(TYPED_SIGNALS.len() <= u32::BITS as usize);

/// Positions in [`TYPED_SIGNALS`].
#[derive(Clone, Copy)]
enum Slot {
    AgileScrum,
    DeliveryBottleneck,
    VisionClear,
    SingleProduct,
    StableMarket,
    RapidIteration,
    ContinuousImprovement,
    ShiftingPriorities,
    DedicatedDevTeam,
    RoadmapDefined,
    BacklogOwnerNeeded,
    ProductUserFocus,
    VisionNeeded,
    MarketResearch,
    MultipleProducts,
    ManyDepartments,
    ChangingMarket,
    NewProductsOrMarkets,
    LongTermPlanning,
    Startup,
    TightBudget,
    SimpleProduct,
    Scaling,
    LargeEnterprise,
    ComplexProduct,
}

/// An organisation's situation: typed answers to the needs assessment ("which role do we need?").
///
/// Every circumstance the source articles discuss has a field; leave a field out (or set
/// it to `None`) when the answer is unknown. Unknown answers add nothing toward any role
/// and lower the scorecard's coverage and confidence; they are never read as "no".
/// [`NeedsAssessment`](crate::NeedsAssessment) maps the fields onto the catalog's
/// assessment signals (the table is in `docs/scoring.md`), and [`answers`](Self::answers)
/// answers any signal by id, e.g. the extra signals of a user catalog; an entry there
/// overrides what the typed fields say about that signal.
///
/// ```toml
/// name = "Acme Payments"
/// methodology = "scrum"
/// products = 1
/// vision = "clear"
/// delivery_is_bottleneck = true
/// market = "stable"
///
/// [answers]
/// dedicated-dev-team = "yes"
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
#[schemars(
    title = "rolefit organisation profile",
    description = "An organisation's answers to the needs assessment. Leave out what is not known: unknown answers lower the confidence and are never read as no. `answers` answers any signal of the catalog by id and overrides the typed fields for that signal."
)]
pub struct OrgProfile {
    /// A name for reports.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How the team builds the product (agile methods point to a Product Owner).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub methodology: Option<Methodology>,
    /// How many products the organisation builds (at least 1; 3 or more is a portfolio).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub products: Option<u32>,
    /// How fast the market moves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market: Option<MarketPace>,
    /// How many departments product work must coordinate (marketing, sales, support...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub departments_to_coordinate: Option<u32>,
    /// The company's stage; when absent, `employees` decides small or large.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<CompanyStage>,
    /// How many people the company employs (at least 1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employees: Option<u32>,
    /// Whether the vision and strategy already exist.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vision: Option<VisionState>,
    /// Whether a well-defined roadmap exists that mainly needs executing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roadmap_defined: Option<bool>,
    /// Whether getting features built and shipped is the main problem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delivery_is_bottleneck: Option<bool>,
    /// Whether the organisation is about to launch new products or enter new markets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_products_or_markets: Option<bool>,
    /// Whether a lot of market research and competitive analysis is needed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub market_research_needed: Option<bool>,
    /// Whether planning must look years ahead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub long_term_planning_needed: Option<bool>,
    /// Whether the team iterates quickly and releases often.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub releases_often: Option<bool>,
    /// Whether the product is live and refined continually from customer feedback.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub live_and_improving: Option<bool>,
    /// Whether priorities change often, at short notice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub priorities_shift_often: Option<bool>,
    /// Whether a dedicated development team needs someone working with it every day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dedicated_dev_team: Option<bool>,
    /// Whether one person already owns and orders the backlog (`false` points to a Product Owner).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backlog_has_owner: Option<bool>,
    /// Whether the need is deep insight into one product's users rather than a whole market.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub product_user_insight_needed: Option<bool>,
    /// Whether the budget allows only one product hire.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub one_hire_budget: Option<bool>,
    /// How complex the product is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complexity: Option<Complexity>,
    /// Answers by signal id; they override the typed fields for the same signal.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub answers: BTreeMap<Id, Answer>,
}

impl OrgProfile {
    /// Reads a profile and checks it against the catalog, reporting every problem at once.
    ///
    /// ```
    /// use rolefit_core::{Catalog, Format, OrgProfile};
    /// let catalog = Catalog::new(Default::default())?;
    /// let err = OrgProfile::read("products = 0\n[answers]\nscrum = \"yes\"\n", Format::Toml, &catalog)
    ///     .unwrap_err();
    /// assert_eq!(err.to_string(), "2 problems in the profile:\n  products: 0 products; expected at least 1\n  answers.scrum: unknown signal \"scrum\"");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn read(text: &str, format: Format, catalog: &Catalog) -> Result<Self, ProfileError> {
        let profile: Self = format.parse(text)?;
        profile.check(catalog)?;
        Ok(profile)
    }

    /// Checks the profile against the catalog: counts in range, every id in `answers` a signal.
    pub fn check(&self, catalog: &Catalog) -> Result<(), ProfileError> {
        let mut problems = Vec::new();
        if self.products == Some(0) {
            problems.push(Problem::new("products".into(), "0 products; expected at least 1"));
        }
        if self.employees == Some(0) {
            problems.push(Problem::new("employees".into(), "0 employees; expected at least 1"));
        }
        let kinds = |id: &str| catalog.locate(id).map(|r| r.kind);
        let mut c = Checker::new(&kinds, &mut problems);
        for id in self.answers.keys() {
            c.key("answers", id.as_str(), |c| c.checked_reference(None, id, RecordKind::Signal));
        }
        if problems.is_empty() { Ok(()) } else { Err(ProfileError::Invalid(Problems::new(Subject::Profile, problems))) }
    }

    /// The typed fields' answers to [`TYPED_SIGNALS`], as sets of slots.
    pub(crate) fn typed_answers(&self) -> TypedAnswers {
        let mut a = TypedAnswers::default();
        let mut set = |slot: Slot, known: Option<bool>| {
            a.yes |= u32::from(known == Some(true)) << slot as u32;
            a.known |= u32::from(known.is_some()) << slot as u32;
        };
        let not = |b: Option<bool>| b.map(|b| !b);

        set(Slot::AgileScrum, self.methodology.map(|m| m != Methodology::Waterfall));
        set(Slot::DeliveryBottleneck, self.delivery_is_bottleneck);
        set(Slot::VisionClear, self.vision.map(|v| v == VisionState::Clear));
        set(Slot::VisionNeeded, self.vision.map(|v| v == VisionState::NeedsDefining));
        // Zero products is rejected by `check`; read it as unknown rather than guess.
        let products = self.products.filter(|n| *n > 0);
        set(Slot::SingleProduct, products.map(|n| n < SEVERAL_PRODUCTS_MIN));
        set(Slot::MultipleProducts, products.map(|n| n >= SEVERAL_PRODUCTS_MIN));
        set(Slot::StableMarket, self.market.map(|m| m == MarketPace::Stable));
        set(Slot::ChangingMarket, self.market.map(|m| m == MarketPace::ChangingFast));
        set(Slot::RapidIteration, self.releases_often);
        set(Slot::ContinuousImprovement, self.live_and_improving);
        set(Slot::ShiftingPriorities, self.priorities_shift_often);
        set(Slot::DedicatedDevTeam, self.dedicated_dev_team);
        set(Slot::RoadmapDefined, self.roadmap_defined);
        set(Slot::BacklogOwnerNeeded, not(self.backlog_has_owner));
        set(Slot::ProductUserFocus, self.product_user_insight_needed);
        set(Slot::MarketResearch, self.market_research_needed);
        set(Slot::ManyDepartments, self.departments_to_coordinate.map(|n| n >= MANY_DEPARTMENTS_MIN));
        set(Slot::NewProductsOrMarkets, self.new_products_or_markets);
        set(Slot::LongTermPlanning, self.long_term_planning_needed);
        set(Slot::TightBudget, self.one_hire_budget);
        set(Slot::SimpleProduct, self.complexity.map(|c| c == Complexity::Simple));
        set(Slot::ComplexProduct, self.complexity.map(|c| c == Complexity::Complex));

        match (self.stage, self.employees.filter(|n| *n > 0)) {
            (Some(stage), _) => {
                set(Slot::Startup, Some(stage == CompanyStage::Startup));
                set(Slot::Scaling, Some(stage == CompanyStage::Growing));
                set(Slot::LargeEnterprise, Some(stage == CompanyStage::Enterprise));
            }
            // Headcount tells small from large, not whether the company is growing.
            (None, Some(n)) => {
                set(Slot::Startup, Some(n <= SMALL_COMPANY_MAX_EMPLOYEES));
                set(Slot::LargeEnterprise, Some(n >= LARGE_ENTERPRISE_MIN_EMPLOYEES));
            }
            (None, None) => {}
        }
        a
    }
}
