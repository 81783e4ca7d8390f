//! Search: the journal's text, best match first, with filters.

use ballast_api::search::SearchRequest;
use ballast_api::{ApiError, Session};
use ballast_core::search::Hit;
use tauri::State;

use super::guarded;

/// The entries that match, best first (newest first when nothing is typed).
#[tauri::command(async)]
#[specta::specta]
pub fn search_journal(session: State<'_, Session>, request: SearchRequest) -> Result<Vec<Hit>, ApiError> {
    guarded(|| ballast_api::search::search(&session, &request))
}
