//! The minimal window's manifest: one command, `painted`.

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(&["painted"]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)).expect("tauri build");
}
