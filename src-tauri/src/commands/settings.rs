//! The worker's settings.

use ballast_api::dto::Settings;
use ballast_api::{ApiError, Session};
use tauri::State;

use super::guarded;

/// The settings.
#[tauri::command(async)]
#[specta::specta]
pub fn get_settings(session: State<'_, Session>) -> Result<Settings, ApiError> {
    guarded(|| ballast_api::settings::current(&session))
}

/// Saves the settings.
#[tauri::command(async)]
#[specta::specta]
pub fn save_settings(session: State<'_, Session>, settings: Settings) -> Result<(), ApiError> {
    guarded(|| ballast_api::settings::save(&session, settings))
}
