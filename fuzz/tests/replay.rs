//! Replays every checked-in corpus file (`corpus/<target>/*`) through its target, on
//! stable Rust, so a regression of anything the fuzzers once found fails `cargo test`.

use std::path::Path;

#[test]
fn every_corpus_file_passes_its_target() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut total = 0;
    for (name, target) in rolefit_fuzz::TARGETS {
        let dir = root.join(name);
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.map(|e| e.path()).unwrap_or_else(|e| panic!("{}: {e}", dir.display())))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "{}: no seed inputs", dir.display());
        for file in &files {
            let data = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            eprintln!("{name}: {}", file.display());
            target(&data);
        }
        println!("{name}: {} inputs", files.len());
        total += files.len();
    }
    println!("{total} corpus inputs replayed");
}
