//! `cargo run -p rolefit-datagen --bin copy-check -- ARTICLES_DIR [CATALOG_FILE]`
//!
//! Prints every run of six or more words that a text of the catalog shares with an
//! article of `ARTICLES_DIR`, with the record and field it is in, and exits 1 when there
//! is any. The catalog is the canonical dataset (`crates/rolefit-data/data/*.toml`) unless
//! a catalog file (`*.json` or `*.toml`) is given. Exit 2: bad arguments or unreadable input.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rolefit_core::{CatalogData, Format};
use rolefit_datagen::copy_check::{self, RUN_WORDS};

const USAGE: &str = "usage: copy-check ARTICLES_DIR [CATALOG_FILE]";

fn main() -> ExitCode {
    let args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    let (articles_dir, catalog_file) = match args.as_slice() {
        [dir] => (dir, None),
        [dir, file] => (dir, Some(file)),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(articles_dir, catalog_file.map(PathBuf::as_path)) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(problems) => {
            for p in problems {
                eprintln!("copy-check: {p}");
            }
            ExitCode::from(2)
        }
    }
}

/// The number of shared runs found.
fn run(articles_dir: &Path, catalog_file: Option<&Path>) -> Result<usize, Vec<String>> {
    let articles = copy_check::read_articles(articles_dir).map_err(|e| vec![e])?;
    let (what, data) = match catalog_file {
        Some(file) => (file.display().to_string(), read_catalog(file)?),
        None => {
            let dir = rolefit_datagen::data_dir(&rolefit_datagen::workspace_root());
            (dir.display().to_string(), rolefit_datagen::load_data(&dir)?)
        }
    };
    let found = copy_check::check(&data, &articles).map_err(|e| vec![e])?;
    for run in &found {
        println!("{run}");
    }
    eprintln!(
        "{what}: {} run(s) of {RUN_WORDS} or more words shared with the {} article(s) in {}",
        found.len(),
        articles.len(),
        articles_dir.display()
    );
    Ok(found.len())
}

fn read_catalog(file: &Path) -> Result<CatalogData, Vec<String>> {
    let format = Format::from_path(file)
        .ok_or_else(|| vec![format!("{}: expected a .json or .toml catalog file", file.display())])?;
    let text = std::fs::read_to_string(file).map_err(|e| vec![format!("{}: {e}", file.display())])?;
    format.parse(&text).map_err(|e| vec![format!("{}: {e}", file.display())])
}
