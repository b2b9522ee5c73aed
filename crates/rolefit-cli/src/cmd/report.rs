//! `rolefit report`: the catalog (and optionally an assessment) as one self-contained
//! HTML page: no external assets, no script, readable on paper.

mod chart;
mod escape;
mod page;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rolefit::{NeedsAssessment, OrgProfile};

use crate::error::CliError;
use crate::input;
use crate::output;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the HTML page (`-` for standard output). The file is replaced
    /// atomically: readers see the old page or the new one, never half of one.
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
    /// An organisation profile (`*.toml` or `*.json`, as `rolefit assess` reads) to
    /// assess; the page then opens with the scorecard as a chart, with its reasons.
    #[arg(long, value_name = "FILE")]
    assess: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode, CliError> {
    let catalog = super::catalog();
    let assessment = match &args.assess {
        Some(path) => {
            // Read as `rolefit assess` reads it: the same limits and the same error lines.
            let profile: OrgProfile = super::assess::read_checked(path, |p: &OrgProfile| p.check(catalog))?;
            let card = NeedsAssessment::new(catalog).assess(&profile);
            let name = profile.name.clone().unwrap_or_else(|| file_name(path));
            Some(page::Assessment { name, card })
        }
        None => None,
    };
    let html = page::render(catalog, assessment.as_ref());
    if args.output == Path::new("-") {
        output::print(&html)?;
    } else {
        write_atomically(&args.output, html.as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

/// Writes a temporary file beside `path` and renames it over `path`, so the page is
/// never seen half written and a failed run leaves the old page in place.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path.file_name().ok_or_else(|| CliError::Usage(format!("{}: not a file name", path.display())))?;
    input::refuse_input_as_output(path)?;
    let guard = crate::interrupt::Guard::arm();
    let mut attempt = 0u32;
    let (tmp, mut file) = loop {
        let tmp = dir.join(format!(".{}.{}.{attempt}.tmp", name.to_string_lossy(), std::process::id()));
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => break (tmp, file),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            // Name the file the user asked for; the temporary name means nothing to them.
            Err(e) => return Err(CliError::io(path, e)),
        }
    };
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    drop(file);
    let result = written.and_then(|()| guard.check()).and_then(|()| std::fs::rename(&tmp, path));
    if let Err(e) = result {
        let _ = std::fs::remove_file(&tmp);
        guard.exit_if_interrupted(path);
        return Err(CliError::io(path, e));
    }
    Ok(())
}
