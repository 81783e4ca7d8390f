//! Home, the screen after unlock: the entries of the worker's today, the newest nudge that
//! applies, and mood and self-worth over the last 30 days, in one call so the screen shows at
//! once. (Whether a self-check is due comes from `check_ins::overview`, as on the journal.)

use ballast_core::{Cursor, EntryId, EntrySummary};
use serde::Serialize;

use crate::error::ApiError;
use crate::session::Session;
use crate::trends::{self, ChartTheme, ChartView, NudgeView};

/// The days Home's picture looks back over, today included.
pub const HOME_DAYS: u32 = 30;
/// The most of today's entries Home lists (the journal has the rest).
pub const TODAY_LISTED: usize = 20;

/// The Home screen.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct HomeView {
    /// Today's entries (the worker's local day), newest first, at most [`TODAY_LISTED`].
    pub today: Vec<EntrySummary>,
    /// Whether today has more entries than are listed.
    pub more_today: bool,
    /// The newest nudge that applies and has not been set aside.
    pub nudge: Option<NudgeView>,
    /// Mood and self-worth over the last [`HOME_DAYS`] days.
    pub mood: ChartView,
}

/// What Home shows, its chart in `theme`'s colours.
///
/// # Errors
/// [`ApiError::Locked`]; [`ApiError::Internal`] when the chart cannot be drawn.
pub fn home(session: &Session, theme: ChartTheme) -> Result<HomeView, ApiError> {
    let clock = session.clock();
    let today = clock.today();
    let zone = clock.zone();
    let start = trends::start_of(today, &zone);
    let end = trends::start_of(today.succ_opt().unwrap_or(today), &zone);
    // Keyset paging from the start of tomorrow: strictly before it, newest first (an entry dated
    // later, after a clock change, is left to the journal's list).
    let before = Cursor { occurred_at: end, id: EntryId(i64::MIN) };
    let limit = u32::try_from(TODAY_LISTED + 1).unwrap_or(u32::MAX);
    let mut listed: Vec<EntrySummary> =
        session.journal()?.page(Some(before), limit)?.into_iter().filter(|e| e.occurred_at >= start).collect();
    let more_today = listed.len() > TODAY_LISTED;
    listed.truncate(TODAY_LISTED);
    let (nudge, mood) = trends::glance(session, HOME_DAYS)?;
    Ok(HomeView { today: listed, more_today, nudge, mood: mood.in_theme(theme) })
}
