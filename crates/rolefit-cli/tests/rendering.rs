//! The command line prints results through the library's renderers: what `compare`,
//! `fit` and `assess` print equals what an embedder gets from `rolefit::render`.

use std::process::{Command, Stdio};

use rolefit::render::Render;
use rolefit::{CandidateFit, CandidateProfile, Format, NeedsAssessment, OrgProfile};

use crate::{repo, stderr, stdout};

/// The command's standard output with tables laid out in `columns` (no terminal: `COLUMNS` decides).
fn printed(args: &[&str], columns: u16, markdown: bool) -> String {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolefit"));
    cmd.args(args).env("COLUMNS", columns.to_string()).stdin(Stdio::null());
    if markdown {
        cmd.args(["--format", "markdown"]);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
}

fn rendered<T: Render>(value: &T, title: Option<&str>, columns: u16, markdown: bool) -> String {
    let mut rendering = value.render(rolefit::canonical()).width(columns);
    if let Some(title) = title {
        rendering = rendering.title(title);
    }
    if markdown { rendering.markdown().to_string() } else { rendering.to_string() }
}

#[test]
fn compare_prints_the_librarys_rendering() {
    let cmp = rolefit::canonical().compare("product-owner", "product-manager").unwrap();
    for (columns, markdown) in [(60, false), (150, false), (120, true)] {
        let expected = rendered(&cmp, None, columns, markdown);
        assert_eq!(printed(&["compare", "product-owner", "product-manager"], columns, markdown), expected);
    }
}

#[test]
fn fit_prints_the_librarys_rendering() {
    let catalog = rolefit::canonical();
    for file in ["examples/data/candidate-po.toml", "examples/data/candidate-pm.json"] {
        let path = repo(file);
        let format = if file.ends_with(".json") { Format::Json } else { Format::Toml };
        let profile = CandidateProfile::read(&std::fs::read_to_string(&path).unwrap(), format, catalog).unwrap();
        let report = CandidateFit::new(catalog).assess(&profile).unwrap();
        let title = profile.name.clone().unwrap();
        for (columns, markdown) in [(70, false), (120, false), (120, true)] {
            let expected = rendered(&report, Some(&title), columns, markdown);
            assert_eq!(printed(&["fit", path.to_str().unwrap()], columns, markdown), expected, "{file}");
        }
    }
}

#[test]
fn assess_prints_the_librarys_rendering() {
    let catalog = rolefit::canonical();
    let path = repo("examples/data/startup.toml");
    let profile = OrgProfile::read(&std::fs::read_to_string(&path).unwrap(), Format::Toml, catalog).unwrap();
    let card = NeedsAssessment::new(catalog).assess(&profile).unwrap();
    let title = profile.name.clone().unwrap();
    for (columns, markdown) in [(70, false), (120, false), (120, true)] {
        let expected = rendered(&card, Some(&title), columns, markdown);
        assert_eq!(printed(&["assess", path.to_str().unwrap()], columns, markdown), expected);
    }
}
