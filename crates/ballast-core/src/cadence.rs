//! When a self-check is next suggested: every so many days after the last one (or never, when
//! turned off), counted in the worker's local calendar days, so a check-in taken one evening is
//! suggested again from the morning of the day it falls due. "Due" is only ever an invitation;
//! nothing here counts missed check-ins.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// The most days between check-ins a worker may choose.
pub const MAX_DAYS: u32 = 365;

/// Where one self-check stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Due {
    /// Suggested now (never taken, or the days have passed).
    Now,
    /// Next suggested from this (local) day.
    Later {
        /// The day it will next be suggested.
        from: NaiveDate,
    },
    /// No schedule: any time (the single item), or turned off by the worker.
    Unscheduled,
}

/// Where a check-in every `every_days` days stands on `today`, last taken on the day `last`
/// (both local calendar days).
pub fn due(every_days: Option<u32>, last: Option<NaiveDate>, today: NaiveDate) -> Due {
    let Some(days) = every_days.filter(|d| *d > 0) else { return Due::Unscheduled };
    match last.and_then(|l| l.checked_add_days(Days::new(u64::from(days)))) {
        None => Due::Now,
        Some(from) if from <= today => Due::Now,
        Some(from) => Due::Later { from },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, day).expect("a valid date")
    }

    #[test]
    fn never_taken_is_suggested_now() {
        assert_eq!(due(Some(14), None, at(1)), Due::Now, "a check-in never taken is suggested at once");
    }

    #[test]
    fn suggested_from_the_morning_of_the_day_the_days_have_passed() {
        assert_eq!(
            due(Some(14), Some(at(1)), at(15)),
            Due::Now,
            "on the 14th day after the last, it is suggested, whatever the hour"
        );
        assert_eq!(
            due(Some(14), Some(at(1)), at(14)),
            Due::Later { from: at(15) },
            "a day before, it says when it will be suggested"
        );
    }

    #[test]
    fn off_or_any_time_is_never_due() {
        assert_eq!(due(None, None, at(1)), Due::Unscheduled, "no schedule is never due");
        assert_eq!(due(Some(0), Some(at(1)), at(30)), Due::Unscheduled, "0 days means turned off");
    }
}
