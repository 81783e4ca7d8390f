//! The idle deadline behind auto-lock, kept here in Rust rather than in the webview: measured by
//! the wall clock (so the hours a suspended machine sleeps count) and by the monotonic clock (so
//! a wall clock turned back does not keep the journal open longer).

use std::time::Instant;

use chrono::{DateTime, Duration, Utc};

/// When the worker was last active, and how long the journal may stay open without activity.
#[derive(Debug)]
pub(crate) struct Idle {
    /// `None`: no auto-lock (the CLI, and tests that move the clock).
    limit: Option<Duration>,
    wall: DateTime<Utc>,
    mono: Instant,
}

impl Idle {
    pub(crate) fn new(now: DateTime<Utc>) -> Self {
        Self { limit: None, wall: now, mono: Instant::now() }
    }

    /// Sets how long the journal may stay idle; `None` turns auto-lock off.
    pub(crate) fn set_limit(&mut self, limit: Option<Duration>) {
        self.limit = limit;
    }

    /// Activity now: the deadline starts again.
    pub(crate) fn touch(&mut self, now: DateTime<Utc>) {
        self.wall = now;
        self.mono = Instant::now();
    }

    /// Whether the deadline has passed at `now`, by either clock.
    pub(crate) fn expired(&self, now: DateTime<Utc>) -> bool {
        let Some(limit) = self.limit else { return false };
        let by_wall = now.signed_duration_since(self.wall) >= limit;
        let by_mono = Duration::from_std(self.mono.elapsed()).is_ok_and(|d| d >= limit);
        by_wall || by_mono
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("valid time").with_timezone(&Utc)
    }

    #[test]
    fn the_wall_clock_counts_time_the_page_could_not() {
        let mut idle = Idle::new(at("2026-12-01T20:00:00Z"));
        assert!(!idle.expired(at("2026-12-02T08:00:00Z")), "without a limit nothing expires");
        idle.set_limit(Some(Duration::minutes(10)));
        assert!(!idle.expired(at("2026-12-01T20:09:59Z")), "just before the limit the journal stays open");
        assert!(idle.expired(at("2026-12-01T20:10:00Z")), "at the limit the journal locks");
        assert!(idle.expired(at("2026-12-02T08:00:00Z")), "a night of sleep counts, though no timer ran");
        idle.touch(at("2026-12-02T08:00:00Z"));
        assert!(!idle.expired(at("2026-12-02T08:05:00Z")), "activity starts the wait again");
    }

    #[test]
    fn a_clock_turned_back_does_not_reopen_the_wait_forever() {
        let mut idle = Idle::new(at("2026-12-01T20:00:00Z"));
        idle.set_limit(Some(Duration::minutes(10)));
        assert!(!idle.expired(at("2026-12-01T19:00:00Z")), "an hour back on the wall clock is not ten minutes");
        idle.set_limit(Some(Duration::zero()));
        assert!(
            idle.expired(at("2026-12-01T19:00:00Z")),
            "the monotonic clock still counts when the wall clock went back"
        );
    }
}
