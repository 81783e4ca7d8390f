//! The worker's data as a whole: export, import (with progress) and delete everything.

use std::path::PathBuf;

use ballast_api::delete_all::DeleteChoice;
use ballast_api::dto::{DeleteReport, ExportReport, ImportReport, ProgressView};
use ballast_api::{ApiError, Session};
use tauri::State;
use tauri::ipc::Channel;

use super::guarded;

/// A folder to suggest for an export: `Ballast export` in the documents folder (or home).
#[tauri::command(async)]
#[specta::specta]
pub fn suggested_export_folder(session: State<'_, Session>) -> String {
    ballast_api::transfer::export::suggested_export_folder(&session).display().to_string()
}

/// Writes the export into `folder`.
#[tauri::command(async)]
#[specta::specta]
pub fn export_journal(session: State<'_, Session>, folder: String) -> Result<ExportReport, ApiError> {
    guarded(|| ballast_api::transfer::export::export_to(&session, &PathBuf::from(folder)))
}

/// Imports an export file, checking everything first.
#[tauri::command(async)]
#[specta::specta]
pub fn import_journal(
    session: State<'_, Session>,
    file: String,
    on_progress: Channel<ProgressView>,
) -> Result<ImportReport, ApiError> {
    guarded(|| {
        ballast_api::transfer::import::import_file(&session, &PathBuf::from(file), &mut |p| {
            drop(on_progress.send(p.into()))
        })
    })
}

/// Deletes the journal as chosen, after the typed words, and forgets the reminders it held.
#[tauri::command(async)]
#[specta::specta]
pub fn delete_everything(
    session: State<'_, Session>,
    reminders: State<'_, crate::reminders::Reminders>,
    choice: DeleteChoice,
) -> Result<DeleteReport, ApiError> {
    let report = guarded(|| ballast_api::delete_all::delete_everything(&session, &choice))?;
    reminders.forget();
    Ok(report)
}
