//! When a self-check is next suggested: every so many days after the last one (or never, when
//! turned off). "Due" is only ever an invitation; nothing here counts missed check-ins.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// The most days between check-ins a worker may choose.
pub const MAX_DAYS: u32 = 365;

/// Where one self-check stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Due {
    /// Suggested now (never taken, or the days have passed).
    Now,
    /// Next suggested on this instant.
    Later {
        /// When it will next be suggested.
        from: DateTime<Utc>,
    },
    /// No schedule: any time (the single item), or turned off by the worker.
    Unscheduled,
}

/// Where a check-in every `every_days` days stands, last taken at `last`.
pub fn due(every_days: Option<u32>, last: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Due {
    let Some(days) = every_days.filter(|d| *d > 0) else { return Due::Unscheduled };
    match last {
        None => Due::Now,
        Some(last) => {
            let from = last + Duration::days(i64::from(days));
            if from <= now { Due::Now } else { Due::Later { from } }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, 12, 0, 0).single().expect("a valid date")
    }

    #[test]
    fn never_taken_is_suggested_now() {
        assert_eq!(due(Some(14), None, at(1)), Due::Now, "a check-in never taken is suggested at once");
    }

    #[test]
    fn suggested_exactly_when_the_days_have_passed() {
        assert_eq!(due(Some(14), Some(at(1)), at(15)), Due::Now, "14 days after the last, it is suggested");
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
