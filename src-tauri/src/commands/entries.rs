//! Journal entries: list, open, save, delete, and the person-code check.

use ballast_api::dto::{EntryPage, EntryView, Saved};
use ballast_api::{ApiError, Session};
use ballast_core::{Cursor, EntryId, FieldError, ReflectionDraft, SetbackDraft};
use tauri::State;

use super::guarded;

/// A page of the list, newest first.
#[tauri::command(async)]
#[specta::specta]
pub fn list_entries(session: State<'_, Session>, before: Option<Cursor>, limit: u32) -> Result<EntryPage, ApiError> {
    guarded(|| ballast_api::entries::list_entries(&session, before, limit))
}

/// One entry.
#[tauri::command(async)]
#[specta::specta]
pub fn get_entry(session: State<'_, Session>, id: EntryId) -> Result<EntryView, ApiError> {
    guarded(|| ballast_api::entries::get_entry(&session, id))
}

/// Saves a reflection (new when `id` is null).
#[tauri::command(async)]
#[specta::specta]
pub fn save_reflection(
    session: State<'_, Session>,
    id: Option<EntryId>,
    draft: ReflectionDraft,
) -> Result<Saved, ApiError> {
    guarded(|| ballast_api::entries::save_reflection(&session, id, &draft))
}

/// Saves a setback (new when `id` is null).
#[tauri::command(async)]
#[specta::specta]
pub fn save_setback(session: State<'_, Session>, id: Option<EntryId>, draft: SetbackDraft) -> Result<Saved, ApiError> {
    guarded(|| ballast_api::entries::save_setback(&session, id, &draft))
}

/// Deletes an entry.
#[tauri::command(async)]
#[specta::specta]
pub fn delete_entry(session: State<'_, Session>, id: EntryId) -> Result<(), ApiError> {
    guarded(|| ballast_api::entries::delete_entry(&session, id))
}

/// Gentle warnings about a person code; never blocking.
#[tauri::command(async)]
#[specta::specta]
pub fn check_person_code(code: String) -> Vec<FieldError> {
    ballast_api::entries::check_person_code(&code)
}

/// Entries from today's date in earlier months and years, when the worker turned this on.
#[tauri::command(async)]
#[specta::specta]
pub fn on_this_day(session: State<'_, Session>) -> Result<ballast_api::on_this_day::OnThisDay, ApiError> {
    guarded(|| ballast_api::on_this_day::on_this_day(&session))
}
