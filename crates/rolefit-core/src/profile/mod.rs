//! Inputs to scoring and their adapters: an organisation's situation ([`OrgProfile`],
//! scored by [`NeedsAssessment`]) and a person's skills ([`CandidateProfile`], scored by
//! [`CandidateFit`]).

mod candidate;
mod error;
mod fact_lookup;
mod fit;
mod needs;
mod org;

pub use candidate::{CandidateProfile, Proficiency};
pub use error::ProfileError;
pub use fit::{CandidateFit, EXPERIENCE_SHARE, FitReport, MissingSkill, RoleFit, SkillMatch};
pub use needs::NeedsAssessment;
pub use org::{
    CompanyStage, Complexity, LARGE_ENTERPRISE_MIN_EMPLOYEES, MANY_DEPARTMENTS_MIN, MarketPace, Methodology,
    OrgProfile, SEVERAL_PRODUCTS_MIN, SMALL_COMPANY_MAX_EMPLOYEES, VisionState,
};

use crate::error::Problem;
use crate::{Catalog, FactKind, Id};

/// Reports an id that is malformed, missing from the catalog, or of another kind than `want`.
pub(crate) fn check_reference(catalog: &Catalog, path: String, id: &Id, want: FactKind, problems: &mut Vec<Problem>) {
    if let Err(e) = id.check() {
        problems.push(Problem { path, message: e.to_string() });
        return;
    }
    match catalog.locate(id.as_str()) {
        Some(found) if found.kind == want => {}
        Some(found) => problems.push(Problem {
            path,
            message: format!("{:?} is a {}, not a {}", id.as_str(), found.kind.noun(), want.noun()),
        }),
        None => problems.push(Problem { path, message: format!("unknown {} {:?}", want.noun(), id.as_str()) }),
    }
}

/// The positions of the set bits, lowest first (for the fast paths' sets of catalog positions).
pub(crate) fn positions(mut set: u64) -> impl Iterator<Item = usize> {
    std::iter::from_fn(move || {
        let at = set.trailing_zeros();
        set &= set.wrapping_sub(1);
        (at < u64::BITS).then_some(at as usize)
    })
}
