//! The worker's reminder choices (off until turned on; a shift or a day off for each weekday;
//! whether a due self-check is mentioned), kept in the journal's settings like every other
//! choice, and what the reminder rules need to know of the journal ([`facts`]): when something
//! was last logged, and whether a self-check has come due. The rules themselves, and the words,
//! are `ballast_core::reminder`'s.

use ballast_core::cadence::Due;
use ballast_core::reminder::{Facts, Schedule, Shift};

use crate::check_ins;
use crate::error::ApiError;
use crate::session::{Session, invalid};
use crate::setting::SettingKey;

/// The stored on/off of reminders: `true` or `false`.
pub const ON_KEY: &str = "reminders";
/// The family of stored shifts, one a weekday: `reminder_shift.mon` = "14:00 22:30".
pub const SHIFT_PREFIX: &str = "reminder_shift.";
/// The stored on/off of the self-check note: `true` or `false`.
pub const CHECK_INS_KEY: &str = "reminder_check_ins";
/// The weekdays' stored names, Monday first.
pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

const ON_OR_OFF: &str = "Choose on or off.";
const SHIFT_TIMES: &str =
    "Give the shift's start and the reminder's time, each as hours and minutes (14:00 22:30), or leave the day off.";

fn on_or_off(_: &str, v: &str) -> Option<String> {
    (v != "true" && v != "false").then(|| ON_OR_OFF.to_owned())
}

/// This feature's settings. A day with no stored shift is a day off.
pub const SETTINGS: &[SettingKey] = &[
    SettingKey::exact(ON_KEY, on_or_off),
    SettingKey::exact(CHECK_INS_KEY, on_or_off),
    SettingKey::family(SHIFT_PREFIX, |key, v| {
        let day = key.strip_prefix(SHIFT_PREFIX).unwrap_or_default();
        if !DAYS.contains(&day) {
            return Some(crate::setting::UNKNOWN_SETTING.to_owned());
        }
        (v != "off" && Shift::parse(v).is_none()).then(|| SHIFT_TIMES.to_owned())
    }),
];

/// The worker's reminder choices (all off until chosen).
///
/// # Errors
/// [`ApiError::Locked`].
pub fn schedule(session: &Session) -> Result<Schedule, ApiError> {
    read_schedule(&*session.journal()?)
}

fn read_schedule(j: &ballast_store::Journal) -> Result<Schedule, ApiError> {
    let flag = |key: &str| -> Result<bool, ApiError> { Ok(j.setting(key)?.is_some_and(|v| v == "true")) };
    let mut week = [None; 7];
    for (slot, day) in week.iter_mut().zip(DAYS) {
        *slot = j.setting(&format!("{SHIFT_PREFIX}{day}"))?.as_deref().and_then(Shift::parse);
    }
    Ok(Schedule { on: flag(ON_KEY)?, week, check_ins: flag(CHECK_INS_KEY)? })
}

/// Keeps the worker's reminder choices. A shift whose reminder comes at its very start is
/// refused (a reminder before the shift has begun has nothing to ask about).
///
/// # Errors
/// [`ApiError::Locked`]; [`ApiError::Invalid`] for such a shift, naming the day's field.
pub fn set_schedule(session: &Session, schedule: &Schedule) -> Result<(), ApiError> {
    for (shift, day) in schedule.week.iter().zip(DAYS) {
        if shift.is_some_and(|s| s.starts == s.remind_at) {
            return Err(invalid(&format!("remind_{day}"), "Choose a reminder time after the shift starts."));
        }
    }
    let mut j = session.journal()?;
    j.set_setting(ON_KEY, if schedule.on { "true" } else { "false" })?;
    j.set_setting(CHECK_INS_KEY, if schedule.check_ins { "true" } else { "false" })?;
    for (shift, day) in schedule.week.iter().zip(DAYS) {
        j.set_setting(&format!("{SHIFT_PREFIX}{day}"), &shift.map_or_else(|| "off".to_owned(), Shift::to_stored))?;
    }
    Ok(())
}

/// What the reminder rules need of the journal now (read in the background, so it does not
/// count as the worker's activity): when an entry was last written or a
/// self-check last taken, and, if a scheduled self-check is suggested, a name for this time it
/// came due (its id and when it was last taken), so it is mentioned once.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn facts(session: &Session) -> Result<Facts, ApiError> {
    let j = session.journal_quietly()?;
    let statuses = check_ins::statuses(&j, session.clock())?;
    let last_entry = j.last_written_at()?;
    let last_check_in = statuses.iter().filter_map(|s| s.last_taken).max();
    let check_in_due = statuses.iter().find(|s| s.due == Due::Now).map(|s| {
        let last = s.last_taken.map_or_else(|| "never".to_owned(), |t| t.to_rfc3339());
        format!("{} {last}", s.instrument.id)
    });
    Ok(Facts { last_logged: last_entry.max(last_check_in), check_in_due })
}

/// The worker's reminder choices, read in the background: as [`schedule`], but it does not count
/// as the worker's activity.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn schedule_quietly(session: &Session) -> Result<Schedule, ApiError> {
    read_schedule(&*session.journal_quietly()?)
}
