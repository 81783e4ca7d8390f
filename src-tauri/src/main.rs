//! Ballast's desktop entry point.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    ballast_desktop_lib::renderer::start_lean();
    ballast_desktop_lib::run();
}
