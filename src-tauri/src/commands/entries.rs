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
    guarded(|| session.list_entries(before, limit))
}

/// One entry.
#[tauri::command(async)]
#[specta::specta]
pub fn get_entry(session: State<'_, Session>, id: EntryId) -> Result<EntryView, ApiError> {
    guarded(|| session.get_entry(id))
}

/// Saves a reflection (new when `id` is null).
#[tauri::command(async)]
#[specta::specta]
pub fn save_reflection(
    session: State<'_, Session>,
    id: Option<EntryId>,
    draft: ReflectionDraft,
) -> Result<Saved, ApiError> {
    guarded(|| session.save_reflection(id, &draft))
}

/// Saves a setback (new when `id` is null).
#[tauri::command(async)]
#[specta::specta]
pub fn save_setback(session: State<'_, Session>, id: Option<EntryId>, draft: SetbackDraft) -> Result<Saved, ApiError> {
    guarded(|| session.save_setback(id, &draft))
}

/// Deletes an entry.
#[tauri::command(async)]
#[specta::specta]
pub fn delete_entry(session: State<'_, Session>, id: EntryId) -> Result<(), ApiError> {
    guarded(|| session.delete_entry(id))
}

/// Gentle warnings about a person code; never blocking.
#[tauri::command(async)]
#[specta::specta]
pub fn check_person_code(session: State<'_, Session>, code: String) -> Vec<FieldError> {
    session.check_person_code(&code)
}
