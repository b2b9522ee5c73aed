//! One module per command. Each has its clap `Args` and `run(&Context, Args)`.

pub mod assess;
pub mod classify;
pub mod compare;
pub mod diff;
pub mod export;
pub mod fit;
pub mod report;
pub mod roles;
pub mod schema;
pub mod show;
pub mod validate;
