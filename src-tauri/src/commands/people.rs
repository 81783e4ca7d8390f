//! The people supported (by person code) and the tags: lists, one person's way, renames.

use ballast_api::people::RenameReport;
use ballast_api::{ApiError, Session};
use ballast_core::people::{PersonCode, Step, TagCount};
use tauri::State;

use super::guarded;

/// Every person code with its counts, the most recently seen first.
#[tauri::command(async)]
#[specta::specta]
pub fn list_person_codes(session: State<'_, Session>) -> Result<Vec<PersonCode>, ApiError> {
    guarded(|| ballast_api::people::person_codes(&session))
}

/// One code's entries, oldest first.
#[tauri::command(async)]
#[specta::specta]
pub fn person_journey(session: State<'_, Session>, code: String) -> Result<Vec<Step>, ApiError> {
    guarded(|| ballast_api::people::person_journey(&session, &code))
}

/// Renames (or merges) a person code on every entry.
#[tauri::command(async)]
#[specta::specta]
pub fn rename_person_code(
    session: State<'_, Session>,
    current: String,
    next: String,
) -> Result<RenameReport, ApiError> {
    guarded(|| ballast_api::people::rename_person_code(&session, &current, &next))
}

/// Every tag with its count, the most used first.
#[tauri::command(async)]
#[specta::specta]
pub fn list_tags(session: State<'_, Session>) -> Result<Vec<TagCount>, ApiError> {
    guarded(|| ballast_api::tags::tags(&session))
}

/// Renames (or merges) a tag on every entry.
#[tauri::command(async)]
#[specta::specta]
pub fn rename_tag(session: State<'_, Session>, current: String, next: String) -> Result<RenameReport, ApiError> {
    guarded(|| ballast_api::tags::rename_tag(&session, &current, &next))
}

/// Every strength word used, the most used first.
#[tauri::command(async)]
#[specta::specta]
pub fn list_strength_words(session: State<'_, Session>) -> Result<Vec<TagCount>, ApiError> {
    guarded(|| ballast_api::tags::strength_words(&session))
}
