//! `cargo run -p rolefit-datagen [check]`: regenerate the derived files, or only validate the dataset.

use std::fs;
use std::process::ExitCode;

use rolefit_core::RecordKind;

fn main() -> ExitCode {
    let root = rolefit_datagen::workspace_root();
    let check_only = match std::env::args().nth(1).as_deref() {
        None => false,
        Some("check") => true,
        Some(other) => {
            eprintln!("usage: rolefit-datagen [check]\nunknown argument {other:?}");
            return ExitCode::from(2);
        }
    };
    if check_only {
        return match rolefit_datagen::load_catalog(&root) {
            Ok(c) => {
                let counts: Vec<String> = RecordKind::ALL
                    .iter()
                    .map(|&kind| format!("{} {}", c.data().len_of(kind), kind.list_name()))
                    .collect();
                println!("dataset is valid: {}", counts.join(", "));
                ExitCode::SUCCESS
            }
            Err(errors) => report(&errors),
        };
    }
    let files = match rolefit_datagen::outputs(&root) {
        Ok(files) => files,
        Err(errors) => return report(&errors),
    };
    for (path, contents) in files {
        let full = root.join(&path);
        if fs::read_to_string(&full).ok().as_deref() == Some(contents.as_str()) {
            continue;
        }
        if let Some(dir) = full.parent()
            && let Err(e) = fs::create_dir_all(dir)
        {
            eprintln!("{}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
        if let Err(e) = fs::write(&full, contents) {
            eprintln!("{}: {e}", full.display());
            return ExitCode::FAILURE;
        }
        println!("wrote {}", path.display());
    }
    ExitCode::SUCCESS
}

fn report(errors: &[String]) -> ExitCode {
    eprintln!("{} problem(s):", errors.len());
    for e in errors {
        eprintln!("  {e}");
    }
    ExitCode::FAILURE
}
