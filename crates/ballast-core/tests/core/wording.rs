//! No string Ballast shows diagnoses. Scans every source the app's words come from — the UI
//! (`ui/src`), the instrument definitions (`assets/instruments`), and the Rust crates and shell
//! whose messages reach the worker — for a short list of forbidden phrases; and checks that each
//! band's words describe the answers. ("Not a diagnosis" wherever a score is shown is checked by
//! the API's check-in tests, the CLI tests and the end-to-end run.)

use std::path::{Path, PathBuf};

const FORBIDDEN: [&str; 5] = ["you are burned out", "you have burnout", "you have depression", "disorder", "diagnosed"];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for item in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("read {}: {e}", dir.display())).flatten() {
        let path = item.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if path.is_dir() {
            files(&path, out);
        } else if name.contains(".test.") {
            // Unit tests are never shown; the UI's own wording test lists these phrases.
        } else if path
            .extension()
            .is_some_and(|e| ["rs", "svelte", "ts", "toml", "html", "css"].iter().any(|x| e == *x))
        {
            out.push(path);
        }
    }
}

#[test]
fn no_string_the_app_shows_diagnoses() {
    let mut all = Vec::new();
    for dir in [
        "ui/src",
        "assets/instruments",
        "crates/ballast-core/src",
        "crates/ballast-store/src",
        "crates/ballast-api/src",
        "crates/ballast-cli/src",
        "src-tauri/src",
    ] {
        files(&root().join(dir), &mut all);
    }
    assert!(all.len() > 50, "the scan must see the app's sources, found {}", all.len());
    for path in &all {
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display())).to_lowercase();
        for phrase in FORBIDDEN {
            assert!(!text.contains(phrase), "{} contains the diagnosing phrase {phrase:?}", path.display());
        }
    }
}

#[test]
fn every_band_word_describes_rather_than_diagnoses() {
    for def in ballast_core::instrument::all() {
        for sub in &def.subscales {
            for band in &sub.bands {
                let w = band.words.to_lowercase();
                assert!(
                    w.starts_with("your") || w.starts_with("you chose"),
                    "{}/{}/{}: the words describe the answers or score: {}",
                    def.id,
                    sub.id,
                    band.id,
                    band.words
                );
                for label in
                    ["you are burn", "you are depressed", "you have symptoms", "you are suffering", "you are unwell"]
                {
                    assert!(
                        !w.contains(label),
                        "{}/{}/{}: never a label for what the worker is or has ({label})",
                        def.id,
                        sub.id,
                        band.id
                    );
                }
            }
        }
    }
}
