//! The unsaved form kept across a lock.

use ballast_api::{ApiError, Session};
use ballast_core::FormDraft;
use tauri::State;

use super::guarded;

/// Keeps the open form, encrypted, before locking.
#[tauri::command(async)]
#[specta::specta]
pub fn save_draft(session: State<'_, Session>, draft: FormDraft) -> Result<(), ApiError> {
    guarded(|| session.save_draft(&draft))
}

/// Hands back the kept form after unlock, once.
#[tauri::command(async)]
#[specta::specta]
pub fn take_draft(session: State<'_, Session>) -> Result<Option<FormDraft>, ApiError> {
    guarded(|| session.take_draft())
}
