//! The supervision summary screen: the exact preview, share ticks, writing the file where the
//! worker chooses in the native save dialog (opened from Rust, so the webview needs no file-system
//! permission), and the share log.

use ballast_api::report::{SummaryPreview, SummaryRequest, SummaryWords, SummaryWritten, with_extension};
use ballast_api::{ApiError, Session};
use ballast_core::EntryId;
use ballast_core::share::{Format, Shared};
use std::path::PathBuf;

use tauri::State;

use super::guarded;

/// The summary exactly as the file will hold it, with the entries of the range to tick.
#[tauri::command(async)]
#[specta::specta]
pub fn get_summary_preview(session: State<'_, Session>, request: SummaryRequest) -> Result<SummaryPreview, ApiError> {
    guarded(|| ballast_api::report::preview(&session, &request))
}

/// The note and name kept from the last summary.
#[tauri::command(async)]
#[specta::specta]
pub fn get_summary_words(session: State<'_, Session>) -> Result<SummaryWords, ApiError> {
    guarded(|| ballast_api::report::words(&session))
}

/// Marks an entry's text as shared in summaries, or not.
#[tauri::command(async)]
#[specta::specta]
pub fn set_entry_shared(session: State<'_, Session>, id: EntryId, share: bool) -> Result<(), ApiError> {
    guarded(|| ballast_api::report::set_share_text(&session, id, share))
}

/// Asks where to save a file: the native save dialog, given at start-up by the real app (the mock
/// runtime of the shell's tests has none). Takes the suggested folder, the file name and its
/// format; `None` when the worker closes the dialog without choosing.
pub struct SaveDialog(pub Box<dyn Fn(PathBuf, String, Format) -> Option<PathBuf> + Send + Sync>);

/// Checks the choices, asks where to save with the native dialog, then writes the summary there
/// (refused if it would differ from the preview with `fingerprint`); `None` when the worker
/// closes the dialog without choosing.
#[tauri::command(async)]
#[specta::specta]
pub fn export_summary(
    ask: State<'_, SaveDialog>,
    session: State<'_, Session>,
    request: SummaryRequest,
    format: Format,
    fingerprint: String,
) -> Result<Option<SummaryWritten>, ApiError> {
    guarded(|| {
        ballast_api::report::check(&request)?;
        let name = format!("supervision-summary-{}-to-{}.{}", request.from, request.to, format.extension());
        let Some(chosen) = (ask.0)(ballast_api::transfer::export::suggested_export_folder(&session), name, format)
        else {
            return Ok(None);
        };
        ballast_api::report::write(&session, &request, &with_extension(chosen, format), Some(&fingerprint)).map(Some)
    })
}

/// The share log, newest first.
#[tauri::command(async)]
#[specta::specta]
pub fn get_share_log(session: State<'_, Session>) -> Result<Vec<Shared>, ApiError> {
    guarded(|| ballast_api::report::share_log(&session))
}

/// Clears the share log; returns how many records it held.
#[tauri::command(async)]
#[specta::specta]
pub fn clear_share_log(session: State<'_, Session>) -> Result<u32, ApiError> {
    guarded(|| ballast_api::report::clear_share_log(&session).map(|n| u32::try_from(n).unwrap_or(u32::MAX)))
}
