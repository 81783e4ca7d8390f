//! The worker's settings, and their look and layout (theme, the reflection form's "More").

use ballast_api::appearance::{Appearance, ThemeChoice};
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

/// The worker's theme and whether the reflection form shows every question.
#[tauri::command(async)]
#[specta::specta]
pub fn get_appearance(session: State<'_, Session>) -> Result<Appearance, ApiError> {
    guarded(|| ballast_api::appearance::current(&session))
}

/// Keeps the worker's theme.
#[tauri::command(async)]
#[specta::specta]
pub fn set_theme(session: State<'_, Session>, theme: ThemeChoice) -> Result<(), ApiError> {
    guarded(|| ballast_api::appearance::set_theme(&session, theme))
}

/// Keeps whether the reflection form shows every question.
#[tauri::command(async)]
#[specta::specta]
pub fn set_reflection_more(session: State<'_, Session>, more: bool) -> Result<(), ApiError> {
    guarded(|| ballast_api::appearance::set_reflection_more(&session, more))
}
