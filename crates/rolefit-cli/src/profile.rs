//! Reading what `assess`, `fit` and `report --assess` score: a profile, checked against
//! the catalog, and the optional weights file.

use std::path::{Path, PathBuf};

use rolefit::{CandidateProfile, Catalog, OrgProfile, ProfileError, Weights};

use crate::context::Context;
use crate::error::CliError;
use crate::input;

/// A profile document the CLI reads.
pub trait Profile: serde::de::DeserializeOwned {
    /// Every problem of the profile against the catalog.
    fn check(&self, catalog: &Catalog) -> Result<(), ProfileError>;
    /// The name the profile gives itself.
    fn name(&self) -> Option<&str>;
}

impl Profile for OrgProfile {
    fn check(&self, catalog: &Catalog) -> Result<(), ProfileError> {
        OrgProfile::check(self, catalog)
    }
    fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

impl Profile for CandidateProfile {
    fn check(&self, catalog: &Catalog) -> Result<(), ProfileError> {
        CandidateProfile::check(self, catalog)
    }
    fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }
}

/// A profile read and checked, with its weights file if one was given.
pub struct Scored<P> {
    pub profile: P,
    /// The profile's name, or the file's as given.
    pub title: String,
    weights: Option<(PathBuf, Weights)>,
}

impl<P: Profile> Scored<P> {
    /// Reads the profile (checked against the context's catalog) and the weights.
    pub fn read(ctx: &Context, file: &Path, weights: Option<&Path>) -> Result<Self, CliError> {
        let profile = read_profile::<P>(ctx, file)?;
        let weights = match weights {
            // Its ids are checked when the weights are applied.
            Some(path) => Some((path.to_owned(), input::read_document(ctx, path)?)),
            None => None,
        };
        let title = profile.name().map_or_else(|| file.display().to_string(), str::to_owned);
        Ok(Self { profile, title, weights })
    }

    /// The assessor: `with` the weights if a file was given, else `default`.
    pub fn assessor<A>(
        &self,
        with: impl FnOnce(&Weights) -> Result<A, ProfileError>,
        default: impl FnOnce() -> A,
    ) -> Result<A, CliError> {
        match &self.weights {
            Some((path, weights)) => with(weights).map_err(|e| profile_error(path, "weights", e)),
            None => Ok(default()),
        }
    }
}

/// Reads a profile and checks it against the context's catalog; every problem is named with the file.
pub fn read_profile<P: Profile>(ctx: &Context, path: &Path) -> Result<P, CliError> {
    let profile: P = input::read_document(ctx, path)?;
    profile.check(ctx.catalog()).map_err(|e| profile_error(path, "profile", e))?;
    Ok(profile)
}

/// A profile error as the CLI prints it: one line per problem, each naming the file.
pub fn profile_error(path: &Path, what: &str, err: ProfileError) -> CliError {
    match &err {
        ProfileError::Invalid(problems) => CliError::problems(Some(path), what, problems.as_slice()),
        ProfileError::Parse(e) => CliError::Invalid(format!("{}: {}", path.display(), crate::limits::describe(e))),
        _ => CliError::Invalid(format!("{}: {err}", path.display())),
    }
}
