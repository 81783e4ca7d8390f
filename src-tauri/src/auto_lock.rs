//! Locking without being asked, and telling the window: a timer that checks the idle deadline
//! every few seconds (kept in Rust by the wall clock, so the hours a suspended machine sleeps
//! count), the system going to sleep and the desktop session being locked (Linux, through
//! logind over D-Bus: see [`crate::logind`]), and, when the worker chose it, the window being
//! minimised. Each lock is sent to the window's [`LockWatch`] channel. The same timer runs the
//! check of every page of a journal just unlocked, and tells the window if it found damage.

use std::sync::Mutex;
use std::time::Duration;

use ballast_api::Session;
use ballast_api::dto::LockReason;
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, Runtime};

/// How often the idle deadline is checked.
pub const TICK: Duration = Duration::from_secs(2);

/// The window's channel for locks it did not ask for.
#[derive(Default)]
pub struct LockWatch(Mutex<Option<Channel<LockReason>>>);

impl LockWatch {
    /// Replaces the channel (the window asks again after a reload).
    pub fn set(&self, channel: Channel<LockReason>) {
        *self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = Some(channel);
    }

    /// Tells the window the journal locked.
    pub fn tell(&self, reason: LockReason) {
        if let Some(c) = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).as_ref() {
            let _ = c.send(reason);
        }
    }
}

/// Locks for `reason` and tells the window; does nothing while the journal is locked already.
pub fn lock_now<R: Runtime>(app: &AppHandle<R>, reason: LockReason) {
    let session = app.state::<Session>();
    let was_open = session.is_unlocked();
    session.lock_because(reason);
    if was_open {
        tracing::info!(?reason, "the journal locked");
        app.state::<LockWatch>().tell(reason);
    }
}

/// Starts the idle timer on its own thread.
pub fn start_timer<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new().name("ballast-idle".into()).spawn(move || {
        loop {
            std::thread::sleep(TICK);
            let session = app.state::<Session>();
            if session.lock_if_idle() {
                tracing::info!("the journal locked after the idle time");
                app.state::<LockWatch>().tell(LockReason::Idle);
            }
            // Every page of a journal just opened is read here, off the window's way.
            if session.whole_file_check_due() && session.check_whole_file().is_err() {
                app.state::<LockWatch>().tell(LockReason::Damaged);
            }
        }
    });
    if let Err(e) = spawned {
        // Every command still checks the deadline before it runs.
        tracing::error!(error = %e, "the idle timer could not start");
    }
}

/// Locks when the window is minimised, if the worker chose that.
pub fn on_window_event<R: Runtime>(window: &tauri::Window<R>, event: &tauri::WindowEvent) {
    if !matches!(event, tauri::WindowEvent::Resized(_) | tauri::WindowEvent::Focused(false)) {
        return;
    }
    if !window.is_minimized().unwrap_or(false) {
        return;
    }
    let app = window.app_handle();
    let chosen = ballast_api::settings::current(&app.state::<Session>()).is_ok_and(|s| s.lock_when_minimised);
    if chosen {
        lock_now(app, LockReason::Minimised);
    }
}
