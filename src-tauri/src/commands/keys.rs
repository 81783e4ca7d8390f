//! The secrets: changing the passphrase, re-keying, a new recovery key.

use ballast_api::dto::SecretText;
use ballast_api::keys::{self, BackupChoice, NewRecoveryKey};
use ballast_api::{ApiError, Secret, Session};
use tauri::State;

use super::guarded;

/// Changes the passphrase (the same data key, re-wrapped).
#[tauri::command(async)]
#[specta::specta]
pub fn change_passphrase(session: State<'_, Session>, current: SecretText, next: SecretText) -> Result<(), ApiError> {
    guarded(|| keys::change_passphrase(&session, &Secret::Passphrase(current.0), &next.0))
}

/// Changes the passphrase and re-encrypts the journal under a new key; returns the new recovery
/// key to show once.
#[tauri::command(async)]
#[specta::specta]
pub fn rekey_journal(
    session: State<'_, Session>,
    current: SecretText,
    next: SecretText,
    backups: BackupChoice,
) -> Result<NewRecoveryKey, ApiError> {
    guarded(|| keys::rekey(&session, &Secret::Passphrase(current.0), &next.0, backups))
}

/// Makes a new recovery key (re-keying under the same passphrase); returns it to show once.
#[tauri::command(async)]
#[specta::specta]
pub fn new_recovery_key(
    session: State<'_, Session>,
    passphrase: SecretText,
    backups: BackupChoice,
) -> Result<NewRecoveryKey, ApiError> {
    guarded(|| keys::new_recovery_key(&session, &passphrase.0, backups))
}
