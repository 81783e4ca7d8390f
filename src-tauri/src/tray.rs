//! Ballast in the tray, so reminders can come while its window is closed. The tray's menu has
//! Open, Lock and Quit, and its tooltip says only "Ballast". Closing the window always locks the
//! journal first; then, when reminders are on and the tray was made, Ballast goes on running in
//! the tray (Open, or starting Ballast again, brings the window back); otherwise it quits.
//!
//! Where there is no tray (Linux without libayatana-appindicator, or a desktop with no tray
//! area, where the icon is made but cannot be seen), closing the window with reminders on still
//! hides it: starting Ballast again shows it, as a second launch always does. The Settings hint
//! says reminders come only while Ballast is running.

use std::sync::atomic::{AtomicBool, Ordering};

use ballast_api::dto::LockReason;
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

use crate::auto_lock::lock_now;

/// Whether the tray icon was made.
#[derive(Default)]
pub struct Tray(AtomicBool);

impl Tray {
    /// Whether the tray icon was made this run.
    pub fn present(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Makes the tray icon and its menu. A failure (no tray library, say) is logged and leaves
/// Ballast without one; a panic in the platform's tray library is caught, for the same end.
pub fn make<R: Runtime>(app: &AppHandle<R>) {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| build(app))) {
        Ok(Ok(())) => app.state::<Tray>().0.store(true, Ordering::SeqCst),
        Ok(Err(e)) => tracing::warn!(error = %e, "no tray icon: closing the window quits Ballast"),
        Err(_) => tracing::warn!("the tray library failed: closing the window quits Ballast"),
    }
}

fn build<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let open = MenuItem::with_id(app, "open", "Open Ballast", true, None::<&str>)?;
    let lock = MenuItem::with_id(app, "lock", "Lock", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &lock, &quit])?;
    let mut tray = TrayIconBuilder::with_id("ballast").tooltip("Ballast").menu(&menu).on_menu_event(|app, event| {
        match event.id().as_ref() {
            "open" => show_window(app),
            "lock" => lock_now(app, LockReason::Asked),
            "quit" => {
                lock_now(app, LockReason::Asked);
                app.exit(0);
            }
            _ => {}
        }
    });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}

/// Shows, unminimises and focuses the window.
pub fn show_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// The window is being closed: lock the journal, then keep running hidden in the tray when
/// reminders are on and there is a tray, else let it close (and Ballast quit).
pub fn on_close_requested<R: Runtime>(window: &tauri::Window<R>, api: &tauri::CloseRequestApi) {
    let app = window.app_handle();
    // Read before locking: the choice lives in the journal. Once locked, what the reminders
    // learned at the last unlock decides.
    let reminders_on = app.state::<crate::reminders::Reminders>().on();
    lock_now(app, LockReason::Closed);
    if reminders_on && app.state::<Tray>().present() {
        api.prevent_close();
        let _ = window.hide();
        tracing::info!("the window was closed: Ballast runs on in the tray");
    }
}
