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
/// Fewest development teams on one product that count as "several development teams".
pub const SEVERAL_DEV_TEAMS_MIN: u32 = 2;
/// Most employees of a "small company", when no stage is given.
pub const SMALL_COMPANY_MAX_EMPLOYEES: u32 = 49;
/// Fewest employees of a "large enterprise", when no stage is given.
pub const LARGE_ENTERPRISE_MIN_EMPLOYEES: u32 = 1000;

/// The one table from [`OrgProfile`]'s typed fields to the catalog's assessment signals:
/// each row a signal id and how the profile answers it (`None`: unknown). A catalog
/// without a row's signal leaves that field unused; its other signals are answered
/// through [`OrgProfile::answers`].
///
/// The macro makes of the table the list of ids ([`TYPED_SIGNALS`]) and
/// [`OrgProfile::typed_answers`], which answers every row in one pass.
macro_rules! typed_signals {
    ($( $signal:literal => |$p:ident| $answer:expr ),* $(,)?) => {
        /// The signals the typed fields answer, in the table's order (bit `s` of [`TypedAnswers`]).
        pub(crate) const TYPED_SIGNALS: &[&str] = &[$($signal),*];

        impl OrgProfile {
            /// The typed fields' answers to [`TYPED_SIGNALS`], as sets of their positions.
            pub(crate) fn typed_answers(&self) -> TypedAnswers {
                let mut a = TypedAnswers::default();
                let mut slot = 0_u32;
                $(
                    let answer: Option<bool> = { let $p = self; $answer };
                    a.yes |= u32::from(answer == Some(true)) << slot;
                    a.known |= u32::from(answer.is_some()) << slot;
                    slot += 1;
                )*
                let _ = slot;
                a
            }
        }
    };
}

typed_signals! {
    "agile-scrum-environment" => |p| p.methodology.map(|m| m != Methodology::Waterfall),
    "delivery-bottleneck" => |p| p.delivery_is_bottleneck,
    "vision-already-clear" => |p| p.vision.map(|v| v == VisionState::Clear),
    // Zero products is refused by `check`; read it as unknown rather than guess.
    "single-product" => |p| p.products.filter(|n| *n > 0).map(|n| n < SEVERAL_PRODUCTS_MIN),
    "stable-market" => |p| p.market.map(|m| m == MarketPace::Stable),
    "rapid-iteration" => |p| p.releases_often,
    "continuous-improvement-phase" => |p| p.live_and_improving,
    "fast-shifting-priorities" => |p| p.priorities_shift_often,
    "dedicated-dev-team" => |p| p.dedicated_dev_team,
    "well-defined-roadmap" => |p| p.roadmap_defined,
    "backlog-owner-needed" => |p| p.backlog_has_owner.map(|b| !b),
    "specific-product-user-focus" => |p| p.product_user_insight_needed,
    "vision-strategy-needed" => |p| p.vision.map(|v| v == VisionState::NeedsDefining),
    "market-research-needed" => |p| p.market_research_needed,
    "multiple-products" => |p| p.products.filter(|n| *n > 0).map(|n| n >= SEVERAL_PRODUCTS_MIN),
    "many-departments" => |p| p.departments_to_coordinate.map(|n| n >= MANY_DEPARTMENTS_MIN),
    "rapidly-changing-market" => |p| p.market.map(|m| m == MarketPace::ChangingFast),
    "new-products-or-markets" => |p| p.new_products_or_markets,
    "long-term-planning-needed" => |p| p.long_term_planning_needed,
    // The stage decides; without one, headcount tells small from large (not whether the
    // company is growing).
    "startup-stage" => |p| match (p.stage, p.employees.filter(|n| *n > 0)) {
        (Some(stage), _) => Some(stage == CompanyStage::Startup),
        (None, n) => n.map(|n| n <= SMALL_COMPANY_MAX_EMPLOYEES),
    },
    "tight-budget" => |p| p.one_hire_budget,
    "simple-product" => |p| p.complexity.map(|c| c == Complexity::Simple),
    "scaling-company" => |p| p.stage.map(|stage| stage == CompanyStage::Growing),
    "large-enterprise" => |p| match (p.stage, p.employees.filter(|n| *n > 0)) {
        (Some(stage), _) => Some(stage == CompanyStage::Enterprise),
        (None, n) => n.map(|n| n >= LARGE_ENTERPRISE_MIN_EMPLOYEES),
    },
    "complex-product" => |p| p.complexity.map(|c| c == Complexity::Complex),
    "several-dev-teams" => |p| p.dev_teams.filter(|n| *n > 0).map(|n| n >= SEVERAL_DEV_TEAMS_MIN),
}

/// The typed fields' answers: bit `s` is row `s` of the table above.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct TypedAnswers {
    /// The rows answered "yes".
    pub(crate) yes: u32,
    /// The rows answered at all.
    pub(crate) known: u32,
}

impl TypedAnswers {
    /// The answer in one row.
    pub(crate) fn get(self, slot: u8) -> Answer {
        match (self.known >> slot & 1, self.yes >> slot & 1) {
            (0, _) => Answer::Unknown,
            (_, 1) => Answer::Yes,
            _ => Answer::No,
        }
    }
}

// Every row has a bit.
const _: () = assert!(TYPED_SIGNALS.len() <= u32::BITS as usize);

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
    #[schemars(range(min = 1))]
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
    #[schemars(range(min = 1))]
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
    /// How many development teams build the product (at least 1; 2 or more share its backlog
    /// work and call for separate people).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub dev_teams: Option<u32>,
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

    /// The counts, each with its field and what it counts: one list for
    /// [`check`](Self::check) and [`has_zero_count`](Self::has_zero_count), so a new count
    /// cannot be checked by one and missed by the other.
    fn counts(&self) -> [(&'static str, Option<u32>, &'static str); 3] {
        [
            ("products", self.products, "products"),
            ("employees", self.employees, "employees"),
            ("dev_teams", self.dev_teams, "development teams"),
        ]
    }

    /// Whether a count is 0, which [`check`](Self::check) refuses and the typed answers
    /// would otherwise read as unknown.
    pub(crate) fn has_zero_count(&self) -> bool {
        self.counts().iter().any(|(_, count, _)| *count == Some(0))
    }

    /// Checks the profile against the catalog: counts in range, every id in `answers` a signal.
    pub fn check(&self, catalog: &Catalog) -> Result<(), ProfileError> {
        let mut problems = Vec::new();
        for (field, count, what) in self.counts() {
            if count == Some(0) {
                problems.push(Problem::new(field.into(), format!("0 {what}; expected at least 1")));
            }
        }
        let mut c = Checker::new(catalog, &mut problems);
        for id in self.answers.keys() {
            c.key("answers", id.as_str(), |c| c.checked_reference(None, id, RecordKind::Signal));
        }
        if problems.is_empty() { Ok(()) } else { Err(ProfileError::Invalid(Problems::new(Subject::Profile, problems))) }
    }
}
