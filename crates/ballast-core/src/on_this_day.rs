//! "On this day": the earlier local dates that share today's day of the month (the same date a
//! month ago, two months ago, … a year ago), and how long ago each was, in words. Off unless the
//! worker turns it on, since a hard day coming back can hurt.

use chrono::{Datelike, Months, NaiveDate};

/// The most earlier dates looked at (ten years of months).
pub const MAX_MONTHS_BACK: u32 = 120;

/// The same day of the month in each earlier month back to `first` (the journal's first day),
/// with how many months ago each is: whole years first (a year ago, two years ago, …), then the
/// other months, newest first. A month without that day (the 31st in April, the 29th of February
/// outside leap years) is left out.
#[must_use]
pub fn earlier_dates(today: NaiveDate, first: NaiveDate) -> Vec<(u32, NaiveDate)> {
    let mut all = months_back(today, first);
    all.sort_by_key(|(m, _)| (m % 12 != 0, *m));
    all
}

fn months_back(today: NaiveDate, first: NaiveDate) -> Vec<(u32, NaiveDate)> {
    (1..=MAX_MONTHS_BACK)
        .map_while(|m| {
            let month_start = today.with_day(1)?.checked_sub_months(Months::new(m))?;
            (month_start >= first.with_day(1)?).then_some((m, month_start))
        })
        .filter_map(|(m, start)| start.with_day(today.day()).map(|d| (m, d)))
        .filter(|(_, d)| *d >= first)
        .collect()
}

/// How long ago, in words: "1 month ago", "1 year ago", "2 years and 3 months ago".
#[must_use]
pub fn ago_words(months: u32) -> String {
    let plural = |n: u32, one: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {one}s") };
    match (months / 12, months % 12) {
        (0, m) => format!("{} ago", plural(m, "month")),
        (y, 0) => format!("{} ago", plural(y, "year")),
        (y, m) => format!("{} and {} ago", plural(y, "year"), plural(m, "month")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("a date")
    }

    #[test]
    fn the_same_day_of_each_earlier_month_back_to_the_first_entry() {
        let dates = earlier_dates(d(2026, 12, 2), d(2025, 11, 15));
        assert_eq!(dates.first(), Some(&(12, d(2025, 12, 2))), "a year ago first");
        assert_eq!(dates.get(1), Some(&(1, d(2026, 11, 2))), "then a month ago, and the other months");
        assert_eq!(dates.len(), 12, "not before the first entry (2 November 2025 is)");
    }

    #[test]
    fn months_without_that_day_are_left_out() {
        let dates = earlier_dates(d(2026, 3, 31), d(2025, 1, 1));
        assert!(dates.iter().all(|(_, x)| x.day() == 31), "only real 31sts");
        assert!(!dates.iter().any(|(_, x)| x.month() == 2), "February has no 31st");
        let leap = earlier_dates(d(2028, 2, 29), d(2020, 1, 1));
        let februaries: Vec<i32> = leap.iter().filter(|(_, x)| x.month() == 2).map(|(_, x)| x.year()).collect();
        assert_eq!(februaries, [2024, 2020], "a 29 February only in leap years");
    }

    #[test]
    fn how_long_ago_in_words() {
        assert_eq!(ago_words(1), "1 month ago");
        assert_eq!(ago_words(5), "5 months ago");
        assert_eq!(ago_words(12), "1 year ago");
        assert_eq!(ago_words(27), "2 years and 3 months ago");
    }
}
