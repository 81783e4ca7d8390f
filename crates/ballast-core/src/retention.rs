//! Which backups to keep: the newest backup of each of the 7 most recent days that have one, of
//! each of the 4 most recent ISO weeks, and of each of the 12 most recent months (days, weeks and
//! months in UTC). Every backup from the last 24 hours is kept too, so a backup made minutes ago
//! (before a restore, say) is never removed by the next one. A backup kept for any reason is kept;
//! the rest may go. Backups with a time in the future (a clock that jumped) are always kept, so a
//! wrong clock never removes good copies.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Utc};

/// How many days, weeks and months keep a backup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Most recent days with a backup.
    pub daily: usize,
    /// Most recent ISO weeks with a backup.
    pub weekly: usize,
    /// Most recent months with a backup.
    pub monthly: usize,
}

/// Ballast's policy: 7 daily, 4 weekly, 12 monthly.
pub const POLICY: Policy = Policy { daily: 7, weekly: 4, monthly: 12 };

/// The period a backup falls in: a day, an ISO week or a month.
type Bucket = fn(&DateTime<Utc>) -> (i32, u32);

/// The indexes into `times` of the backups to keep under `policy` at `now`.
pub fn keep(times: &[DateTime<Utc>], now: DateTime<Utc>, policy: Policy) -> BTreeSet<usize> {
    let mut order: Vec<usize> = (0..times.len()).collect();
    order.sort_by(|&a, &b| times[b].cmp(&times[a]).then(b.cmp(&a)));
    let recent = now - chrono::Duration::hours(24);
    let mut kept: BTreeSet<usize> = order.iter().copied().filter(|&i| times[i] > recent).collect();
    let buckets: [(usize, Bucket); 3] = [
        (policy.daily, |t| (t.year(), t.ordinal())),
        (policy.weekly, |t| (t.iso_week().year(), t.iso_week().week())),
        (policy.monthly, |t| (t.year(), t.month())),
    ];
    for (limit, bucket) in buckets {
        let mut seen = BTreeSet::new();
        for &i in &order {
            if seen.len() == limit {
                break;
            }
            if seen.insert(bucket(&times[i])) {
                kept.insert(i);
            }
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDate, TimeZone};

    use super::*;

    fn day(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 9, 0, 0).single().expect("a valid date")
    }

    #[test]
    fn a_simulated_year_of_daily_unlocks_keeps_7_daily_4_weekly_12_monthly() {
        // One backup each morning from 2026-01-01 to 2026-12-31, pruning after each, as Ballast does.
        let mut kept: Vec<DateTime<Utc>> = Vec::new();
        let mut now = day(2026, 1, 1);
        while now <= day(2026, 12, 31) {
            kept.push(now);
            let keep_set = keep(&kept, now, POLICY);
            kept = keep_set.into_iter().map(|i| kept[i]).collect();
            now += Duration::days(1);
        }
        let dates: Vec<NaiveDate> = kept.iter().map(DateTime::date_naive).collect();
        let mut want: Vec<NaiveDate> = Vec::new();
        // Daily: 25-31 December.
        want.extend((25..=31).map(|d| NaiveDate::from_ymd_opt(2026, 12, d).expect("date")));
        // Weekly: the newest of ISO weeks 53 (28 Dec-3 Jan, newest 31 Dec), 52 (27 Dec), 51 (20 Dec),
        // 50 (13 Dec); 27 Dec is already kept as a day.
        want.extend([(12, 13), (12, 20)].map(|(m, d)| NaiveDate::from_ymd_opt(2026, m, d).expect("date")));
        // Monthly: the last day of January to November (December's is 31 Dec).
        want.extend(
            [(1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30), (7, 31), (8, 31), (9, 30), (10, 31), (11, 30)]
                .map(|(m, d)| NaiveDate::from_ymd_opt(2026, m, d).expect("date")),
        );
        want.sort();
        assert_eq!(dates, want, "after a year: 7 days, the newest of 4 weeks and of 12 months");
    }

    #[test]
    fn a_day_keeps_everything_for_24_hours_then_its_newest_and_the_future_is_never_pruned() {
        let morning = day(2026, 5, 1);
        let evening = morning + Duration::hours(10);
        let future = day(2027, 1, 1);
        let times = [morning, evening, future];
        assert_eq!(keep(&times, evening, POLICY).len(), 3, "within 24 hours nothing goes");
        let kept = keep(&times, morning + Duration::days(2), POLICY);
        assert_eq!(kept.into_iter().collect::<Vec<_>>(), vec![1, 2], "then the newest of the day, and the future one");
    }

    #[test]
    fn nothing_is_pruned_while_there_are_few_backups() {
        let times: Vec<_> = (0..5).map(|i| day(2026, 3, 1) + Duration::days(i * 40)).collect();
        assert_eq!(keep(&times, day(2026, 12, 1), POLICY).len(), 5, "five months, five keepers");
    }
}
