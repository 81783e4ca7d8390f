//! Set-up, unlock, lock, activity and the lock watch.

use ballast_api::dto::{AppStatus, LockReason, SecretText, SetUp};
use ballast_api::{ApiError, Secret, Session};
use tauri::State;
use tauri::ipc::Channel;

use super::guarded;
use crate::auto_lock::LockWatch;

/// Where the app stands: set-up, locked or unlocked, and the data directory.
#[tauri::command(async)]
#[specta::specta]
pub fn app_status(session: State<'_, Session>) -> AppStatus {
    session.status()
}

/// Sets up a new journal; returns the recovery key to show once.
#[tauri::command(async)]
#[specta::specta]
pub fn set_up_journal(session: State<'_, Session>, passphrase: SecretText) -> Result<SetUp, ApiError> {
    guarded(|| session.set_up(&passphrase.0))
}

/// Unlocks with the passphrase.
#[tauri::command(async)]
#[specta::specta]
pub fn unlock_journal(session: State<'_, Session>, passphrase: SecretText) -> Result<(), ApiError> {
    guarded(|| session.unlock(&Secret::Passphrase(passphrase.0)))
}

/// Unlocks with the recovery key.
#[tauri::command(async)]
#[specta::specta]
pub fn unlock_with_recovery_key(session: State<'_, Session>, recovery_key: SecretText) -> Result<(), ApiError> {
    guarded(|| session.unlock(&Secret::RecoveryKey(recovery_key.0)))
}

/// Locks the journal; returns once no command can reach it (without waiting for one running).
#[tauri::command(async)]
#[specta::specta]
pub fn lock_journal(session: State<'_, Session>) -> Result<(), ApiError> {
    session.lock();
    Ok(())
}

/// The worker is active in the window: the idle deadline starts again.
#[tauri::command(async)]
#[specta::specta]
pub fn note_activity(session: State<'_, Session>) -> Result<(), ApiError> {
    guarded(|| session.note_activity())
}

/// Tells the window, on `on_lock`, whenever the journal locks without being asked (idle, sleep,
/// the desktop session locked, the window minimised), so it can show the lock screen.
#[tauri::command(async)]
#[specta::specta]
pub fn watch_lock(watch: State<'_, LockWatch>, on_lock: Channel<LockReason>) {
    watch.set(on_lock);
}

/// The window's first screen is painted. Under the start-up probe (`BALLAST_PROBE` set; see
/// `scripts/probe.sh`) this says so on standard error; otherwise it does nothing.
#[tauri::command(async)]
#[specta::specta]
pub fn first_screen_painted() {
    if std::env::var_os("BALLAST_PROBE").is_some() {
        eprintln!("probe: painted");
    }
}
