//! The Trends screen: every statistic and chart over a chosen range, computed in Rust.

use ballast_api::trends::{ChartTheme, Span, TrendsView};
use ballast_api::{ApiError, Session};
use tauri::State;

use super::guarded;

/// The statistics and every chart over `span`, the charts in the colours of the theme on screen.
#[tauri::command(async)]
#[specta::specta]
pub fn get_trends(session: State<'_, Session>, span: Span, theme: ChartTheme) -> Result<TrendsView, ApiError> {
    guarded(|| ballast_api::trends::trends(&session, span).map(|v| v.in_theme(theme)))
}

/// Sets a nudge aside so it does not appear again.
#[tauri::command(async)]
#[specta::specta]
pub fn dismiss_nudge(session: State<'_, Session>, id: String) -> Result<(), ApiError> {
    guarded(|| ballast_api::trends::dismiss_nudge(&session, &id))
}
