//! Set-up, unlock, lock and the passphrase.

use ballast_api::dto::{AppStatus, SetUp};
use ballast_api::{ApiError, Secret, Session};
use secrecy::SecretString;
use tauri::State;

use super::guarded;

/// Where the app stands: set-up, locked or unlocked, and the data directory.
#[tauri::command(async)]
#[specta::specta]
pub fn app_status(session: State<'_, Session>) -> AppStatus {
    session.status()
}

/// Sets up a new journal; returns the recovery key to show once.
#[tauri::command(async)]
#[specta::specta]
pub fn set_up_journal(session: State<'_, Session>, passphrase: String) -> Result<SetUp, ApiError> {
    guarded(|| session.set_up(&SecretString::from(passphrase)))
}

/// Unlocks with the passphrase.
#[tauri::command(async)]
#[specta::specta]
pub fn unlock_journal(session: State<'_, Session>, passphrase: String) -> Result<(), ApiError> {
    guarded(|| session.unlock(&Secret::Passphrase(SecretString::from(passphrase))))
}

/// Unlocks with the recovery key.
#[tauri::command(async)]
#[specta::specta]
pub fn unlock_with_recovery_key(session: State<'_, Session>, recovery_key: String) -> Result<(), ApiError> {
    guarded(|| session.unlock(&Secret::RecoveryKey(SecretString::from(recovery_key))))
}

/// Locks the journal.
#[tauri::command(async)]
#[specta::specta]
pub fn lock_journal(session: State<'_, Session>) -> Result<(), ApiError> {
    session.lock();
    Ok(())
}

/// Changes the passphrase.
#[tauri::command(async)]
#[specta::specta]
pub fn change_passphrase(session: State<'_, Session>, current: String, next: String) -> Result<(), ApiError> {
    guarded(|| session.change_passphrase(&SecretString::from(current), &SecretString::from(next)))
}
