//! Self-checks: where each stands, taking one (with its unfinished draft), the history and the
//! schedule.

use ballast_api::check_ins::{CheckInView, InstrumentStatus};
use ballast_api::{ApiError, Session};
use ballast_core::CheckInId;
use tauri::State;

use super::guarded;

/// Every instrument with its schedule, whether it is suggested now, and any unfinished check-in.
#[tauri::command(async)]
#[specta::specta]
pub fn check_in_overview(session: State<'_, Session>) -> Result<Vec<InstrumentStatus>, ApiError> {
    guarded(|| ballast_api::check_ins::overview(&session))
}

/// Scores and keeps a check-in.
#[tauri::command(async)]
#[specta::specta]
pub fn record_check_in(
    session: State<'_, Session>,
    instrument: String,
    answers: Vec<Option<i32>>,
) -> Result<CheckInView, ApiError> {
    guarded(|| ballast_api::check_ins::record(&session, &instrument, answers))
}

/// The check-ins of one instrument (or all), newest first.
#[tauri::command(async)]
#[specta::specta]
pub fn list_check_ins(session: State<'_, Session>, instrument: Option<String>) -> Result<Vec<CheckInView>, ApiError> {
    guarded(|| ballast_api::check_ins::list(&session, instrument.as_deref()))
}

/// One check-in.
#[tauri::command(async)]
#[specta::specta]
pub fn get_check_in(session: State<'_, Session>, id: CheckInId) -> Result<CheckInView, ApiError> {
    guarded(|| ballast_api::check_ins::get(&session, id))
}

/// Deletes a check-in.
#[tauri::command(async)]
#[specta::specta]
pub fn delete_check_in(session: State<'_, Session>, id: CheckInId) -> Result<(), ApiError> {
    guarded(|| ballast_api::check_ins::delete(&session, id))
}

/// Keeps an unfinished check-in.
#[tauri::command(async)]
#[specta::specta]
pub fn save_check_in_draft(
    session: State<'_, Session>,
    instrument: String,
    answers: Vec<Option<i32>>,
    position: u32,
) -> Result<(), ApiError> {
    guarded(|| ballast_api::check_ins::save_draft(&session, &instrument, answers, position))
}

/// Forgets an unfinished check-in.
#[tauri::command(async)]
#[specta::specta]
pub fn discard_check_in_draft(session: State<'_, Session>, instrument: String) -> Result<(), ApiError> {
    guarded(|| ballast_api::check_ins::discard_draft(&session, &instrument))
}

/// Sets how many days apart a self-check is suggested (0 turns it off).
#[tauri::command(async)]
#[specta::specta]
pub fn set_check_in_every(session: State<'_, Session>, instrument: String, days: u32) -> Result<(), ApiError> {
    guarded(|| ballast_api::check_ins::set_every(&session, &instrument, days))
}
