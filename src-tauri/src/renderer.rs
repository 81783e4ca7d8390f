//! The WebKitGTK setting Ballast starts with on Linux: the DMA-BUF renderer off.
//!
//! Measured with `scripts/probe.sh` (docs/PERFORMANCE.md): with `WEBKIT_DISABLE_DMABUF_RENDERER=1`
//! the whole process tree, WebKit's processes included, holds about a quarter less memory at the
//! unlock screen (210.4 against 287.6 MiB PSS in run 1), and the screen looks the same (the
//! probe's screenshot is taken with it). The end-to-end suite starts Ballast with the renderer on,
//! since WebKitWebDriver's screenshots stall with it off; `tests/e2e/renderer.test.mjs` checks a
//! plain start. WebKit reads the variable when its first webview starts, so it is set first thing
//! in `main`, through GLib's `g_setenv`, before any thread exists: neither the Rust runtime nor
//! GLib starts one before `main`, and setting the environment is only unsound while another thread
//! may read it (which is why `std::env::set_var` is `unsafe` in Rust 2024). Re-executing Ballast
//! with the variable set, the other way, cost about 80 ms of start-up here.
//! A value the worker set themselves, `0` included, is left alone.

/// The variable, and the value Ballast starts WebKit with.
pub const VARIABLE: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";

/// First thing in `main`, on the main thread before any other exists: sets the variable unless
/// it is set already. If GLib cannot, WebKit's defaults are used (a little more memory).
#[cfg(target_os = "linux")]
pub fn start_lean() {
    if glib::setenv(VARIABLE, "1", false).is_err() {
        eprintln!("Ballast could not set {VARIABLE}; it goes on with WebKit's defaults.");
    }
}

/// Other systems have no such setting.
#[cfg(not(target_os = "linux"))]
pub fn start_lean() {}
