//! "On this day" on the journal screen: entries from the same date in earlier months and years.
//! Off by default (a hard day coming back can hurt); the worker turns it on in Settings. While it
//! is off, nothing is read.

use ballast_core::on_this_day::{ago_words, earlier_dates};
use ballast_core::{Cursor, EntryId, EntrySummary, start_of_day};
use chrono::NaiveDate;
use serde::Serialize;

use crate::error::ApiError;
use crate::session::Session;
use crate::setting::SettingKey;

/// The stored setting: `true` shows "On this day".
pub const ON_THIS_DAY_KEY: &str = "on_this_day";

/// This feature's settings.
pub const SETTINGS: &[SettingKey] = &[SettingKey::exact(ON_THIS_DAY_KEY, |_, v| match v {
    "true" | "false" => None,
    _ => Some("Choose on or off.".to_owned()),
})];

/// The most earlier dates shown, and the most entries of each.
const MAX_DATES: usize = 6;
const MAX_PER_DATE: usize = 5;

/// One earlier date with its entries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct EarlierDay {
    /// The local date.
    pub day: NaiveDate,
    /// How long ago, in words ("1 year ago").
    pub ago: String,
    /// Its entries, newest first (at most five).
    pub entries: Vec<EntrySummary>,
}

/// What the journal screen shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct OnThisDay {
    /// Whether the worker turned it on.
    pub on: bool,
    /// The earlier dates that have entries, newest first (none while it is off).
    pub days: Vec<EarlierDay>,
}

/// Entries from today's date in earlier months and years, when the worker turned this on.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn on_this_day(session: &Session) -> Result<OnThisDay, ApiError> {
    let clock = session.clock();
    let zone = clock.zone();
    let j = session.journal()?;
    if j.setting(ON_THIS_DAY_KEY)?.as_deref() != Some("true") {
        return Ok(OnThisDay { on: false, days: Vec::new() });
    }
    let Some(first) = j.first_entry_at()? else { return Ok(OnThisDay { on: true, days: Vec::new() }) };
    let mut days = Vec::new();
    for (months, day) in earlier_dates(clock.today(), clock.local_day(first)) {
        let start = start_of_day(day, &zone);
        let end = start_of_day(day.succ_opt().unwrap_or(day), &zone);
        let before = Cursor { occurred_at: end, id: EntryId(i64::MIN) };
        let limit = u32::try_from(MAX_PER_DATE).unwrap_or(5);
        let entries: Vec<EntrySummary> =
            j.page(Some(before), limit)?.into_iter().filter(|e| e.occurred_at >= start).collect();
        if !entries.is_empty() {
            days.push(EarlierDay { day, ago: ago_words(months), entries });
        }
        if days.len() == MAX_DATES {
            break;
        }
    }
    Ok(OnThisDay { on: true, days })
}
