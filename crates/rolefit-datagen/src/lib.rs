//! Generates rolefit's derived files from the human-edited TOML dataset:
//!
//! - `crates/rolefit-data/src/baked.rs`: the canonical catalog as `static` data;
//! - `docs/schema/*.schema.json`: the JSON Schemas;
//! - `docs/data/catalog.json`: the canonical catalog as JSON.
//!
//! `cargo run -p rolefit-datagen` writes them; `cargo run -p rolefit-datagen -- check`
//! only validates the TOML and lists every problem. The workspace's drift tests call
//! [`outputs`] and compare with the files on disk.

#![forbid(unsafe_code)]

pub mod copy_check;

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use databake::{Bake, CrateEnv};
use rolefit_core::model::{CatalogData, KindVisitor, Registered, for_each_kind};
use rolefit_core::{Catalog, Format};

/// The command that regenerates every derived file, for error messages.
pub const REGENERATE: &str = "cargo run -p rolefit-datagen";

/// The dataset files, in the order their records are merged.
pub const DATA_FILES: &[&str] = &[
    "sources.toml",
    "roles.toml",
    "responsibilities.toml",
    "kpis.toml",
    "skills.toml",
    "dimensions.toml",
    "salaries.toml",
    "signals.toml",
    "practices.toml",
    "career_paths.toml",
    "disagreements.toml",
    "lexicon.toml",
];

/// The workspace root (two levels above this crate).
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.ancestors().nth(2).unwrap_or(manifest).to_path_buf()
}

/// The dataset directory under a workspace root.
pub fn data_dir(root: &Path) -> PathBuf {
    root.join("crates/rolefit-data/data")
}

/// Reads and merges the dataset files. Errors name the file.
pub fn load_data(dir: &Path) -> Result<CatalogData, Vec<String>> {
    let mut errors = Vec::new();
    for entry in fs::read_dir(dir).map_err(|e| vec![format!("{}: {e}", dir.display())])? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".toml") && !DATA_FILES.contains(&name.as_str()) {
            errors.push(format!(
                "{}: not a dataset file (expected one of {})",
                entry.path().display(),
                DATA_FILES.join(", ")
            ));
        }
    }
    let mut merged = CatalogData::default();
    for name in DATA_FILES {
        let path = dir.join(name);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                errors.push(format!("{}: {e}", path.display()));
                continue;
            }
        };
        match Format::Toml.parse::<CatalogData>(&text) {
            Ok(part) => append(&mut merged, part),
            Err(e) => errors.push(format!("{}: {e}", path.display())),
        }
    }
    let version_path = dir.join("DATA_VERSION");
    match fs::read_to_string(&version_path) {
        Ok(v) => merged.data_version = Some(v.trim().to_owned().into()),
        Err(e) => errors.push(format!("{}: {e}", version_path.display())),
    }
    if errors.is_empty() { Ok(merged) } else { Err(errors) }
}

fn append(into: &mut CatalogData, part: CatalogData) {
    /// Appends the records of every kind, through the record registry.
    struct Append<'a> {
        into: &'a mut CatalogData,
        part: &'a CatalogData,
    }
    impl KindVisitor for Append<'_> {
        fn visit<R: Registered>(&mut self) {
            R::list_mut(self.into).to_mut().extend(R::list(self.part).iter().cloned());
        }
    }
    for_each_kind(&mut Append { into, part: &part });
    if part.data_version.is_some() {
        into.data_version = part.data_version;
    }
}

/// Loads and validates the dataset: the canonical catalog, or every problem found.
pub fn load_catalog(root: &Path) -> Result<Catalog, Vec<String>> {
    let dir = data_dir(root);
    let data = load_data(&dir)?;
    Catalog::new(data).map_err(|e| {
        let problems = e.problems();
        if problems.is_empty() {
            vec![e.to_string()]
        } else {
            problems.iter().map(|p| format!("{}: {p}", dir.display())).collect()
        }
    })
}

/// Every derived file, as (path relative to the workspace root, contents).
pub fn outputs(root: &Path) -> Result<Vec<(PathBuf, String)>, Vec<String>> {
    let catalog = load_catalog(root)?;
    let mut files = vec![(PathBuf::from("crates/rolefit-data/src/baked.rs"), baked_rs(&catalog)?)];
    for s in rolefit::schema::all() {
        files.push((PathBuf::from(format!("docs/schema/{}.schema.json", s.name)), json(&s.schema)?));
    }
    files.push((PathBuf::from("docs/data/catalog.json"), json(&catalog)?));
    Ok(files)
}

/// Pretty JSON with a final newline, as every checked-in JSON file is written.
pub fn json<T: serde::Serialize + ?Sized>(value: &T) -> Result<String, Vec<String>> {
    serde_json::to_string_pretty(value).map(|s| s + "\n").map_err(|e| vec![e.to_string()])
}

/// The canonical catalog as Rust source.
pub fn baked_rs(catalog: &Catalog) -> Result<String, Vec<String>> {
    let env = CrateEnv::default();
    let data = catalog.data().bake(&env);
    let index = catalog.baked_index().iter().map(|(id, r)| {
        let id = id.bake(&env);
        let r = r.bake(&env);
        databake::quote! { (#id, #r) }
    });
    let version = catalog.data_version().unwrap_or("0.0.0");
    let content = Catalog::content_hash(&json(catalog)?);
    let tokens = databake::quote! {
        pub const DATA_VERSION: &str = #version;
        pub static CATALOG: rolefit_core::Catalog = rolefit_core::Catalog::from_baked(#data, const { &[#(#index),*] }, #content);
    };
    let mut file = syn::parse2::<syn::File>(tokens).map_err(|e| vec![format!("generated code does not parse: {e}")])?;
    syn::visit_mut::VisitMut::visit_file_mut(&mut ConstSlices, &mut file);
    let mut out = String::new();
    let _ = writeln!(out, "// @generated by `{REGENERATE}` from crates/rolefit-data/data/*.toml. DO NOT EDIT.");
    out.push_str(&prettyplease::unparse(&file));
    Ok(out)
}

/// Wraps every `Cow::Borrowed(&[..])` in an inline `const` block.
///
/// The records hold `Cow`s, which have drop glue, so a nested `&[..]` in a `static`
/// initializer is not promoted to `'static`; the value of a `const` block is.
struct ConstSlices;

impl syn::visit_mut::VisitMut for ConstSlices {
    fn visit_expr_mut(&mut self, expr: &mut syn::Expr) {
        syn::visit_mut::visit_expr_mut(self, expr);
        if let syn::Expr::Call(call) = expr
            && let syn::Expr::Path(func) = &*call.func
            && func.path.segments.last().is_some_and(|s| s.ident == "Borrowed")
            && let Some(arg) = call.args.first_mut()
            && let syn::Expr::Reference(r) = arg
            && matches!(*r.expr, syn::Expr::Array(_))
        {
            *arg = syn::parse_quote!(const { #r });
        }
    }
}
