//! Backups: the list, "back up now" and restore, with progress streamed to the UI.

use ballast_api::dto::{BackupList, BackupView, ProgressView};
use ballast_api::{ApiError, Session};
use tauri::State;
use tauri::ipc::Channel;

use super::guarded;

/// The verified backups, newest first.
#[tauri::command(async)]
#[specta::specta]
pub fn list_backups(session: State<'_, Session>) -> Result<BackupList, ApiError> {
    guarded(|| ballast_api::backups::list_backups(&session))
}

/// Makes a verified backup now.
#[tauri::command(async)]
#[specta::specta]
pub fn back_up_now(session: State<'_, Session>, on_progress: Channel<ProgressView>) -> Result<BackupView, ApiError> {
    guarded(|| ballast_api::backups::back_up_now(&session, &mut |p| drop(on_progress.send(p.into()))))
}

/// Restores a listed backup after the typed confirmation; returns the backup made first.
#[tauri::command(async)]
#[specta::specta]
pub fn restore_backup(
    session: State<'_, Session>,
    file_name: String,
    confirmation: String,
    on_progress: Channel<ProgressView>,
) -> Result<BackupView, ApiError> {
    guarded(|| {
        ballast_api::backups::restore(&session, &file_name, &confirmation, &mut |p| drop(on_progress.send(p.into())))
    })
}
