//! A minimal Tauri 2 window: an empty page that says when it is painted, with Ballast's Tauri
//! version, window size and security settings. `scripts/probe.sh` measures it beside Ballast.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

/// The page's first frame is painted: says so on standard error, as Ballast does under the probe.
#[tauri::command]
fn painted() {
    eprintln!("probe: painted");
}

fn main() {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![painted])
        .run(tauri::generate_context!())
        .expect("the window system could not start");
}
