//! Home, the screen after unlock: today's entries, the newest nudge and the last 30 days.

use ballast_api::home::HomeView;
use ballast_api::trends::ChartTheme;
use ballast_api::{ApiError, Session};
use tauri::State;

use super::guarded;

/// What Home shows, its chart in the colours of the theme on screen.
#[tauri::command(async)]
#[specta::specta]
pub fn get_home(session: State<'_, Session>, theme: ChartTheme) -> Result<HomeView, ApiError> {
    guarded(|| ballast_api::home::home(&session, theme))
}
