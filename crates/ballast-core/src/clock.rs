//! The one place that reads the wall clock and the worker's time zone. Everything that needs
//! "now" or "which local day" takes a `&dyn Clock`, so tests run on a fixed clock in a zone of
//! their choosing (one with a daylight-saving change, say). `chrono::Local` is read only here
//! (clippy's `disallowed-types` and `disallowed-methods` say so everywhere else).

use chrono::{DateTime, FixedOffset, LocalResult, MappedLocalTime, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};

/// A source of the current instant and of the worker's local time.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;

    /// The worker's time zone: which local day an instant falls on, where a local day starts.
    fn zone(&self) -> Zone {
        Zone::System
    }

    /// The local day of `t`.
    fn local_day(&self, t: DateTime<Utc>) -> NaiveDate {
        t.with_timezone(&self.zone()).date_naive()
    }

    /// The local day of now.
    fn today(&self) -> NaiveDate {
        self.local_day(self.now())
    }
}

/// A time zone: the computer's own, a fixed offset, or (for tests) one change of offset at an
/// instant, as a daylight-saving change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// The computer's zone, with its daylight-saving rules.
    System,
    /// Always this offset.
    Fixed(FixedOffset),
    /// `before` until the instant `at`, `after` from then on.
    Change {
        /// The offset before the change.
        before: FixedOffset,
        /// The offset from the change on.
        after: FixedOffset,
        /// When the offset changes.
        at: DateTime<Utc>,
    },
}

impl Zone {
    fn at_utc(&self, utc: &NaiveDateTime) -> FixedOffset {
        match self {
            #[allow(clippy::disallowed_types)] // the one permitted use
            Self::System => chrono::Local.offset_from_utc_datetime(utc).fix(),
            Self::Fixed(o) => *o,
            Self::Change { before, after, at } => {
                if *utc < at.naive_utc() {
                    *before
                } else {
                    *after
                }
            }
        }
    }
}

impl TimeZone for Zone {
    type Offset = FixedOffset;

    fn from_offset(offset: &FixedOffset) -> Self {
        Self::Fixed(*offset)
    }

    fn offset_from_local_date(&self, local: &NaiveDate) -> MappedLocalTime<FixedOffset> {
        self.offset_from_local_datetime(&local.and_hms_opt(0, 0, 0).unwrap_or_default())
    }

    fn offset_from_local_datetime(&self, local: &NaiveDateTime) -> MappedLocalTime<FixedOffset> {
        match self {
            #[allow(clippy::disallowed_types)] // the one permitted use
            Self::System => chrono::Local.offset_from_local_datetime(local).map(|o| o.fix()),
            Self::Fixed(o) => LocalResult::Single(*o),
            Self::Change { before, after, .. } => {
                // Each offset that maps this wall-clock time to an instant where it holds.
                let mut fits: Vec<(NaiveDateTime, FixedOffset)> = [*before, *after]
                    .into_iter()
                    .filter_map(|o| {
                        let utc = *local - chrono::Duration::seconds(i64::from(o.local_minus_utc()));
                        (self.at_utc(&utc) == o).then_some((utc, o))
                    })
                    .collect();
                fits.sort_by_key(|(utc, _)| *utc);
                fits.dedup_by_key(|(_, o)| *o);
                match fits.as_slice() {
                    [] => LocalResult::None,
                    [(_, o)] => LocalResult::Single(*o),
                    [(_, earliest), (_, latest), ..] => LocalResult::Ambiguous(*earliest, *latest),
                }
            }
        }
    }

    fn offset_from_utc_date(&self, utc: &NaiveDate) -> FixedOffset {
        self.at_utc(&utc.and_hms_opt(0, 0, 0).unwrap_or_default())
    }

    fn offset_from_utc_datetime(&self, utc: &NaiveDateTime) -> FixedOffset {
        self.at_utc(utc)
    }
}

/// The real clock, in the computer's zone.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        #[allow(clippy::disallowed_methods)] // the one permitted call
        Utc::now()
    }
}

/// A clock that always says the same instant, for tests (in the computer's zone).
#[derive(Debug, Clone, Copy)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

/// The first instant of the local day `day` in `zone`. On a day whose midnight does not exist
/// (a clock change at midnight), the first hour that does; in an hour that happens twice, the
/// first time.
pub fn start_of_day(day: NaiveDate, zone: &Zone) -> DateTime<Utc> {
    let midnight = day.and_hms_opt(0, 0, 0).unwrap_or_default();
    (0..=3)
        .find_map(|h| zone.from_local_datetime(&(midnight + chrono::Duration::hours(h))).earliest())
        .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("valid time").with_timezone(&Utc)
    }

    fn hours(h: i32) -> FixedOffset {
        FixedOffset::east_opt(h * 3600).expect("offset")
    }

    /// London in spring 2026: GMT (+0) until 01:00 UTC on 29 March, then BST (+1).
    fn spring() -> Zone {
        Zone::Change { before: hours(0), after: hours(1), at: utc("2026-03-29T01:00:00Z") }
    }

    /// London in autumn 2026: BST (+1) until 01:00 UTC on 25 October, then GMT (+0).
    fn autumn() -> Zone {
        Zone::Change { before: hours(1), after: hours(0), at: utc("2026-10-25T01:00:00Z") }
    }

    struct Clocked(DateTime<Utc>, Zone);
    impl Clock for Clocked {
        fn now(&self) -> DateTime<Utc> {
            self.0
        }
        fn zone(&self) -> Zone {
            self.1
        }
    }

    #[test]
    fn local_days_follow_the_offset_across_a_spring_change() {
        let c = Clocked(utc("2026-03-29T23:30:00Z"), spring());
        assert_eq!(
            c.today(),
            NaiveDate::from_ymd_opt(2026, 3, 30).expect("date"),
            "23:30 UTC after the change is 00:30 on the 30th"
        );
        let before = utc("2026-03-28T23:30:00Z");
        assert_eq!(
            c.local_day(before),
            NaiveDate::from_ymd_opt(2026, 3, 28).expect("date"),
            "before the change, UTC and local agree"
        );
        let d = NaiveDate::from_ymd_opt(2026, 3, 30).expect("date");
        assert_eq!(
            start_of_day(d, &spring()),
            utc("2026-03-29T23:00:00Z"),
            "the 30th starts at 23:00 UTC, an hour early"
        );
        assert_eq!(
            start_of_day(NaiveDate::from_ymd_opt(2026, 3, 29).expect("date"), &spring()),
            utc("2026-03-29T00:00:00Z"),
            "the day of the change starts at midnight GMT"
        );
    }

    #[test]
    fn an_hour_that_happens_twice_and_a_midnight_that_does_not_exist() {
        let twice = NaiveDate::from_ymd_opt(2026, 10, 25).expect("date").and_hms_opt(1, 30, 0).expect("time");
        assert_eq!(
            autumn().from_local_datetime(&twice).earliest().map(|t| t.with_timezone(&Utc)),
            Some(utc("2026-10-25T00:30:00Z")),
            "01:30 happens twice; the first is in summer time"
        );
        // A zone that springs forward at local midnight: the day starts at 01:00.
        let at_midnight = Zone::Change { before: hours(0), after: hours(1), at: utc("2026-04-05T00:00:00Z") };
        let day = NaiveDate::from_ymd_opt(2026, 4, 5).expect("date");
        assert_eq!(
            at_midnight.from_local_datetime(&day.and_hms_opt(0, 30, 0).expect("time")),
            LocalResult::None,
            "00:30 does not exist"
        );
        assert_eq!(
            start_of_day(day, &at_midnight),
            utc("2026-04-05T00:00:00Z"),
            "the day starts at its first hour, 01:00 local"
        );
    }
}
