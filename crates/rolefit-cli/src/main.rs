//! `rolefit`: read, compare and score against the Product Owner and Product Manager roles.
//!
//! Exit codes: 0 success; 1 the input was read but is invalid (every problem is
//! listed); 2 usage or I/O errors.

#![forbid(unsafe_code)]

mod cmd;
mod error;
mod input;
mod limits;
mod output;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Typed, cited data about the Product Owner and Product Manager roles, and
/// explainable scoring against them.
#[derive(Debug, Parser)]
#[command(name = "rolefit", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    limits: limits::LimitArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the roles in the catalog.
    Roles(cmd::roles::Args),
    /// Show one record (role, responsibility, KPI, skill, signal, ...) by id.
    Show(cmd::show::Args),
    /// Compare two roles dimension by dimension, and their responsibilities, KPIs and skills.
    Compare(cmd::compare::Args),
    /// Print a JSON Schema (draft 2020-12), or list them.
    Schema(cmd::schema::Args),
    /// Export the catalog.
    Export(cmd::export::Args),
    /// Check a catalog file (JSON or TOML) and list every problem.
    Validate(cmd::validate::Args),
    /// Classify job postings: Product Owner, Product Manager, both, or undetermined, and why.
    Classify(cmd::classify::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    limits::set(&cli.limits);
    let result = match cli.command {
        Command::Roles(args) => cmd::roles::run(args),
        Command::Show(args) => cmd::show::run(args),
        Command::Compare(args) => cmd::compare::run(args),
        Command::Schema(args) => cmd::schema::run(args),
        Command::Export(args) => cmd::export::run(args),
        Command::Validate(args) => cmd::validate::run(args),
        Command::Classify(args) => cmd::classify::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("rolefit: {err}");
            err.exit_code()
        }
    }
}
