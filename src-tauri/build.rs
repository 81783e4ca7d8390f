//! Builds the Tauri context and the app manifest: only the commands in `src/command_names.rs`
//! may be invoked, and only those granted in `capabilities/` (a test checks the two agree).

include!("src/command_names.rs");

fn main() {
    println!("cargo::rerun-if-changed=src/command_names.rs");
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)).expect("tauri build");
}
