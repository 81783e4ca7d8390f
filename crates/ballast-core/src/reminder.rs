//! When Ballast reminds, and with which words. Reminders are off until the worker turns them on.
//! Each weekday has a shift or is a day off; a shift says when it starts and when the
//! after-shift reminder comes (a reminder at or before the start time falls on the next day, for
//! a night shift). The reminder comes only if nothing was logged since the shift began, only
//! once for that shift, and only within [`GRACE`] of its time: a computer that slept through it
//! says nothing hours later. Times are wall-clock times in the zone the computer is in *now*, so
//! after travelling the reminder keeps to the local evening. A self-check that has come due is
//! mentioned once for each time it comes due, in the daytime, never as a count.
//!
//! The words are fixed here and hold nothing from the journal: no entry text, no code, no tag,
//! no score ([`AFTER_SHIFT`], [`CHECK_IN_DUE`]).

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveTime, TimeZone, Timelike, Utc};
use serde::{Deserialize, Serialize};

use crate::clock::Zone;

/// The after-shift reminder, as the notification shows it.
pub const AFTER_SHIFT: &str = "Time for your after-shift check-in";
/// The note that a self-check has come due.
pub const CHECK_IN_DUE: &str = "A self-check is there when you have a few quiet minutes.";
/// How long after its time a reminder may still come (a computer waking from sleep, say).
pub const GRACE: chrono::Duration = chrono::Duration::hours(2);
/// The local hours in which a self-check note may come: from 10:00 until 20:00.
pub const CHECK_IN_HOURS: std::ops::Range<u32> = 10..20;

/// One weekday's shift: when it starts and when the after-shift reminder comes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Shift {
    /// When the shift starts (local time), as "HH:MM".
    #[specta(type = String)]
    #[serde(with = "hours_minutes")]
    pub starts: NaiveTime,
    /// When the reminder comes (local time), as "HH:MM"; at or before `starts` means the next day.
    #[specta(type = String)]
    #[serde(with = "hours_minutes")]
    pub remind_at: NaiveTime,
}

/// A time of day as "HH:MM" on the wire, as the worker types it.
mod hours_minutes {
    use chrono::NaiveTime;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(t: &NaiveTime, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&t.format("%H:%M"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
        let text = String::deserialize(d)?;
        NaiveTime::parse_from_str(text.trim(), "%H:%M")
            .map_err(|_| D::Error::custom("Give a time as hours and minutes, as 14:00."))
    }
}

impl Shift {
    /// The stored form, "HH:MM HH:MM" (start, then reminder).
    pub fn to_stored(self) -> String {
        format!("{} {}", self.starts.format("%H:%M"), self.remind_at.format("%H:%M"))
    }

    /// The shift a stored "HH:MM HH:MM" names, if it is one.
    pub fn parse(stored: &str) -> Option<Self> {
        let (starts, remind_at) = stored.split_once(' ')?;
        let time = |s: &str| NaiveTime::parse_from_str(s, "%H:%M").ok();
        Some(Self { starts: time(starts)?, remind_at: time(remind_at)? })
    }

    /// Whether the reminder falls on the day after the shift's start (a night shift).
    pub fn reminds_next_day(self) -> bool {
        self.remind_at <= self.starts
    }
}

/// A worker's reminder choices.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
pub struct Schedule {
    /// Whether reminders are on at all.
    pub on: bool,
    /// Monday first; `None` is a day off.
    pub week: [Option<Shift>; 7],
    /// Whether a self-check that has come due is mentioned.
    pub check_ins: bool,
}

/// What Ballast remembers between looks at the clock (in memory, while it runs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sent {
    /// The start of the last shift reminded of (its start, as local date and time).
    pub after_shift_for: Option<chrono::NaiveDateTime>,
    /// The due period last mentioned (see [`Facts::check_in_due`]).
    pub check_in_for: Option<String>,
}

/// What the journal says, as of the last unlock and every save since.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facts {
    /// When the newest entry was written (its creation time).
    pub last_logged: Option<DateTime<Utc>>,
    /// A self-check has come due: a name for this time it came due (an instrument and the day
    /// it was last taken, say), so it is mentioned once and again only after it is taken and
    /// comes due again. `None` when none is due.
    pub check_in_due: Option<String>,
}

/// A reminder to show now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reminder {
    /// The after-shift reminder, for the shift that started at this local time.
    AfterShift(chrono::NaiveDateTime),
    /// A self-check has come due, for this due period.
    CheckInDue(String),
}

impl Reminder {
    /// The words the notification shows.
    pub fn text(&self) -> &'static str {
        match self {
            Self::AfterShift(_) => AFTER_SHIFT,
            Self::CheckInDue(_) => CHECK_IN_DUE,
        }
    }

    /// Notes this reminder as sent, so it does not come again.
    pub fn mark(&self, sent: &mut Sent) {
        match self {
            Self::AfterShift(start) => sent.after_shift_for = Some(*start),
            Self::CheckInDue(period) => sent.check_in_for = Some(period.clone()),
        }
    }
}

/// The instant a local date and time names in `zone`: in an hour that happens twice, the first;
/// in one skipped by a clock change, the first minute after the gap.
fn instant(day: NaiveDate, time: NaiveTime, zone: &Zone) -> Option<DateTime<Utc>> {
    let local = day.and_time(time);
    (0..=2)
        .find_map(|h| zone.from_local_datetime(&(local + chrono::Duration::hours(h))).earliest())
        .map(|t| t.with_timezone(&Utc))
}

/// The reminders due at `now`, given the schedule, the journal's facts and what was sent.
pub fn due(schedule: &Schedule, facts: &Facts, sent: &Sent, now: DateTime<Utc>, zone: &Zone) -> Vec<Reminder> {
    if !schedule.on {
        return Vec::new();
    }
    let mut out = Vec::new();
    if let Some(start) = after_shift(schedule, facts, sent, now, zone) {
        out.push(Reminder::AfterShift(start));
    }
    if let Some(period) = &facts.check_in_due {
        let hour = now.with_timezone(zone).hour();
        if schedule.check_ins && sent.check_in_for.as_ref() != Some(period) && CHECK_IN_HOURS.contains(&hour) {
            out.push(Reminder::CheckInDue(period.clone()));
        }
    }
    out
}

/// The shift (by its local start) whose after-shift reminder is due now, if one is.
fn after_shift(
    schedule: &Schedule,
    facts: &Facts,
    sent: &Sent,
    now: DateTime<Utc>,
    zone: &Zone,
) -> Option<chrono::NaiveDateTime> {
    let today = now.with_timezone(zone).date_naive();
    // A shift that started today, yesterday (a night shift) or the day before reminds today at
    // the latest; each is looked at in turn, the most recent first.
    (0..=2u64).filter_map(|back| today.checked_sub_days(Days::new(back))).find_map(|day| {
        let shift = schedule.week[day.weekday().num_days_from_monday() as usize]?;
        let remind_day = if shift.reminds_next_day() { day.checked_add_days(Days::new(1))? } else { day };
        let began = instant(day, shift.starts, zone)?;
        let remind = instant(remind_day, shift.remind_at, zone)?;
        let start = day.and_time(shift.starts);
        let in_window = remind <= now && now < remind + GRACE;
        let logged_since = facts.last_logged.is_some_and(|t| t >= began);
        let already = sent.after_shift_for.is_some_and(|s| s >= start);
        (in_window && !logged_since && !already).then_some(start)
    })
}

#[cfg(test)]
#[path = "reminder_tests.rs"]
mod tests;
