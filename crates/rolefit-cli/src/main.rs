//! `rolefit`: read, compare and score against the Product Owner and Product Manager roles.
//!
//! Exit codes: 0 success (a closed pipe on standard output included); 1 the input
//! was read but is invalid (every problem is listed, up to `--max-errors`); 2 usage or
//! I/O errors, and 2 when both kinds happen; 128 + N for signal N while a file is
//! replaced. The README's "Exit codes" says the same for users.

#![forbid(unsafe_code)]

mod cmd;
mod context;
mod error;
mod input;
mod interrupt;
mod layers;
mod limits;
mod output;
mod output_file;
mod profile;
mod threads;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::context::Context;
use crate::output::Output;

/// Typed, cited data about the Product Owner and Product Manager roles, and
/// explainable scoring against them.
#[derive(Debug, Parser)]
#[command(name = "rolefit", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// A user catalog (`*.toml` or `*.json`) applied over the canonical one: an overlay
    /// that adds roles and facts, or a whole catalog with `[overlay] mode = "replace"`.
    /// Repeat it to apply several, in order.
    #[arg(long = "catalog", global = true, value_name = "FILE")]
    catalogs: Vec<PathBuf>,
    #[command(flatten)]
    limits: limits::LimitArgs,
    /// Print at most this many problems (invalid records, failed postings), then how many
    /// more there were; 0 prints them all.
    #[arg(long, global = true, value_name = "N", default_value_t = 100, allow_negative_numbers = true,
          value_parser = limits::parse_count)]
    max_errors: usize,
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
    /// What was added, removed or changed between two catalogs, and the version bump it calls for.
    Diff(cmd::diff::Args),
    /// Write the catalog (and an assessment) as one self-contained HTML page.
    Report(cmd::report::Args),
    /// Which role(s) an organisation needs (profile as TOML or JSON), with the reasons.
    Assess(cmd::assess::Args),
    /// Which role a candidate (profile as TOML or JSON) leans to, and per role what the profile
    /// states strong, stated but weak (missing) and leaves unknown.
    Fit(cmd::fit::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut ctx = Context::new((&cli.limits).into(), Output::new(cli.max_errors));
    let code = match ctx.load_layers(&cli.catalogs).and_then(|()| run(&ctx, cli.command)) {
        Ok(code) => code,
        Err(err) => {
            ctx.output().fail(&err);
            err.exit_code()
        }
    };
    ctx.output().finish();
    code
}

fn run(ctx: &Context, command: Command) -> Result<ExitCode, error::CliError> {
    match command {
        Command::Roles(args) => cmd::roles::run(ctx, args),
        Command::Show(args) => cmd::show::run(ctx, args),
        Command::Compare(args) => cmd::compare::run(ctx, args),
        Command::Schema(args) => cmd::schema::run(ctx, args),
        Command::Export(args) => cmd::export::run(ctx, args),
        Command::Validate(args) => cmd::validate::run(ctx, args),
        Command::Classify(args) => cmd::classify::run(ctx, args),
        Command::Diff(args) => cmd::diff::run(ctx, args),
        Command::Report(args) => cmd::report::run(ctx, args),
        Command::Assess(args) => cmd::assess::run(ctx, args),
        Command::Fit(args) => cmd::fit::run(ctx, args),
    }
}
