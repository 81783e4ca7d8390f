//! The unsaved form kept across a lock.

use ballast_api::{ApiError, Session};
use ballast_core::FormDraft;
use tauri::State;

use super::guarded;

/// Keeps the open form, encrypted, before locking.
#[tauri::command(async)]
#[specta::specta]
pub fn save_draft(session: State<'_, Session>, draft: FormDraft) -> Result<(), ApiError> {
    guarded(|| ballast_api::drafts::save_draft(&session, &draft))
}

/// Hands back the kept form after unlock, once.
#[tauri::command(async)]
#[specta::specta]
pub fn take_draft(session: State<'_, Session>) -> Result<Option<FormDraft>, ApiError> {
    guarded(|| ballast_api::drafts::take_draft(&session))
}
