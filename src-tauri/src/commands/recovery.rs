//! After damage at unlock: what was found, and the two ways forward.

use ballast_api::dto::{DamageReport, SecretInput};
use ballast_api::{ApiError, Session};
use tauri::State;

use super::guarded;

/// The damage found at the last unlock, if any.
#[tauri::command(async)]
#[specta::specta]
pub fn damage_report(session: State<'_, Session>) -> Option<DamageReport> {
    ballast_api::recovery::damage_report(&session)
}

/// Restores the newest backup that passes verification (or the one named) and unlocks.
#[tauri::command(async)]
#[specta::specta]
pub fn recover_journal(
    session: State<'_, Session>,
    secret: SecretInput,
    backup: Option<String>,
) -> Result<(), ApiError> {
    guarded(|| ballast_api::recovery::recover(&session, &secret.into(), backup.as_deref()))
}

/// Starts an empty journal with the same key, keeping the damaged one in quarantine, and unlocks.
#[tauri::command(async)]
#[specta::specta]
pub fn start_empty_journal(session: State<'_, Session>, secret: SecretInput) -> Result<(), ApiError> {
    guarded(|| ballast_api::recovery::start_empty(&session, &secret.into()))
}
