//! The inputs of scoring and their assessors: an organisation's situation
//! ([`OrgProfile`], scored by [`NeedsAssessment`]) and a person's skills
//! ([`CandidateProfile`], scored by [`CandidateFit`]).

mod candidate_profile;
mod fit;
mod fit_report;
mod lookup;
mod needs;
mod org_profile;

pub use candidate_profile::CandidateProfile;
pub use fit::{CandidateFit, required_ownership, required_proficiency};
pub use fit_report::{DecidingFact, FitReport, Lean, LeanPolicy, LeanReason, Need, RoleFit, StatedFact, UnknownFact};
pub use needs::NeedsAssessment;
pub use org_profile::OrgProfile;
pub use org_profile::{
    CompanyStage, Complexity, LARGE_ENTERPRISE_MIN_EMPLOYEES, MANY_DEPARTMENTS_MIN, MarketPace, Methodology,
    SEVERAL_PRODUCTS_MIN, SMALL_COMPANY_MAX_EMPLOYEES, VisionState,
};
