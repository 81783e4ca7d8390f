//! The worker's reminder choices: on or off, a shift or a day off for each weekday, and whether
//! a due self-check is mentioned. The reminders themselves are sent by [`crate::reminders`].

use ballast_api::{ApiError, Session};
use ballast_core::reminder::Schedule;
use tauri::State;

use super::guarded;

/// The worker's reminder choices (all off until chosen).
#[tauri::command(async)]
#[specta::specta]
pub fn get_reminders(session: State<'_, Session>) -> Result<Schedule, ApiError> {
    guarded(|| ballast_api::reminders::schedule(&session))
}

/// Keeps the worker's reminder choices.
#[tauri::command(async)]
#[specta::specta]
pub fn set_reminders(
    session: State<'_, Session>,
    reminders: State<'_, crate::reminders::Reminders>,
    schedule: Schedule,
) -> Result<(), ApiError> {
    guarded(|| ballast_api::reminders::set_schedule(&session, &schedule))?;
    reminders.learn(&session);
    Ok(())
}
