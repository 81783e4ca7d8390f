//! The coupling statistics against hand-computed values: grouping (a day with both a setback and
//! progress is a setback day), group means of day means, the too-little-data path, and the rolling
//! correlation with its window.

use chrono::{NaiveDate, TimeZone, Utc};

use super::*;
use crate::entry::{EntryBody, Outcome, Reflection, Setback, SetbackType};
use crate::insights::days::{Fact, by_day};
use crate::{PushPatience, Score};

fn at(day: u32, hour: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).single().expect("a valid time")
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, day).expect("a valid date")
}

fn reflection(day: u32, worth: Option<u8>, outcome: Option<Outcome>, tied: Option<u8>) -> EntryBody {
    EntryBody::Reflection(Reflection {
        occurred_at: at(day, 17),
        mood: None,
        self_worth: worth.and_then(Score::new),
        worth_tied_to_outcomes: tied.and_then(Score::new),
        outcome,
        push_patience: PushPatience::new(0),
        disclosure: None,
        connected_to_service: None,
        service_kind: None,
        service_held: None,
        strength_words: Vec::new(),
        strengths: None,
        person_code: None,
        tags: Vec::new(),
        text: None,
        share_text: false,
        template: None,
    })
}

fn setback(day: u32) -> EntryBody {
    EntryBody::Setback(Setback {
        occurred_at: at(day, 9),
        setback_type: SetbackType::Crisis,
        person_code: None,
        what_happened: None,
        in_my_control: None,
        outside_my_control: None,
        my_reaction: None,
        support: None,
        mood: None,
        share_text: false,
    })
}

/// Days 1–7 of the worked example (see each line).
fn first_week() -> Vec<EntryBody> {
    vec![
        reflection(1, Some(4), Some(Outcome::Setback), Some(8)), // day 1: setback, worth 4 and 6 → 5
        reflection(1, Some(6), Some(Outcome::NoChange), None),
        reflection(2, Some(7), Some(Outcome::Progress), None), // day 2: progress *and* a setback → setback, 7
        setback(2),
        reflection(3, Some(8), Some(Outcome::Progress), Some(4)), // day 3: progress, 8
        reflection(4, Some(9), Some(Outcome::Progress), None),    // day 4: progress, 9
        reflection(5, Some(6), Some(Outcome::NoChange), None),    // day 5: neither, 6
        setback(6),                                               // day 6: no self-worth rating: not counted
        reflection(7, None, Some(Outcome::Progress), None),       // day 7: no self-worth rating: not counted
    ]
}

fn close(a: Option<f64>, b: f64, why: &str) {
    let a = a.unwrap_or_else(|| panic!("{why}: expected {b}, got none"));
    assert!((a - b).abs() < 1e-12, "{why}: expected {b}, got {a}");
}

#[test]
fn too_few_days_gives_the_counts_and_says_how_many_more_are_needed() {
    let c = coupling(&by_day(first_week().iter().map(Fact::from), &Utc));
    assert_eq!(
        c.days,
        PerGroup { setback: 2, progress: 2, neither: 1 },
        "days 1 and 2 are setback days, 3 and 4 progress, 5 neither"
    );
    assert!(!c.enough_data, "two days of each is not enough");
    assert_eq!(c.more_days_needed, PerGroup { setback: 1, progress: 1, neither: 0 }, "one more of each is needed");
    close(c.mean_self_worth.setback, 6.0, "setback: mean of the day means 5 and 7");
    close(c.mean_self_worth.progress, 8.5, "progress: (8 + 9) / 2");
    close(c.mean_self_worth.neither, 6.0, "neither: day 5");
    assert_eq!(c.dependence, vec![(date(1), 8.0), (date(3), 4.0)], "the worker's own answers, by day");
}

#[test]
fn enough_days_in_each_group_and_the_rolling_correlation() {
    let mut entries = first_week();
    entries.push(reflection(8, Some(3), Some(Outcome::Setback), None));
    entries.push(reflection(9, Some(10), Some(Outcome::Progress), None));
    let c = coupling(&by_day(entries.iter().map(Fact::from), &Utc));
    assert!(c.enough_data, "three setback days and three progress days");
    assert_eq!(c.more_days_needed, PerGroup::default(), "nothing more needed");
    close(c.mean_self_worth.setback, 5.0, "(5 + 7 + 3) / 3");
    close(c.mean_self_worth.progress, 9.0, "(8 + 9 + 10) / 3");

    let days: Vec<NaiveDate> = c.rolling.iter().map(|p| p.day).collect();
    assert_eq!(days, [1, 2, 3, 4, 5, 8, 9].map(date), "a point for each day with a self-worth rating");
    assert_eq!(c.rolling[3].r, None, "four days in the window are too few");
    assert_eq!(c.rolling[3].days, 4, "and the count says so");
    // The window ending on day 9 holds all seven days: x = 5 7 8 9 6 3 10, y = −1 −1 1 1 0 −1 1.
    // Σy = 0 so ȳ = 0; Sxy = Σxy = −5 −7 +8 +9 +0 −3 +10 = 12; Syy = 6;
    // Sxx = Σx² − (Σx)²/n = 364 − 48²/7 = 244/7.
    close(c.rolling[6].r, 12.0 / ((244.0_f64 / 7.0) * 6.0).sqrt(), "Pearson's r over the window");
    assert!(c.rolling[6].r.is_some_and(|r| r > 0.8), "self-worth follows outcomes strongly here");
}

#[test]
fn the_window_is_thirty_calendar_days() {
    let mut entries = Vec::new();
    for (d, worth, outcome) in [
        (1, 2, Outcome::Setback),
        (2, 8, Outcome::Progress),
        (3, 3, Outcome::Setback),
        (4, 9, Outcome::Progress),
        (5, 5, Outcome::NoChange),
    ] {
        entries.push(reflection(d, Some(worth), Some(outcome), None));
    }
    // Day 30 still sees day 1 (30 days: 1..=30); day 31 no longer does.
    entries.push(reflection(30, Some(7), Some(Outcome::Progress), None));
    entries.push(reflection(31, Some(7), Some(Outcome::Progress), None));
    let c = coupling(&by_day(entries.iter().map(Fact::from), &Utc));
    let on = |d: u32| c.rolling.iter().find(|p| p.day == date(d)).expect("a point");
    assert_eq!(on(30).days, 6, "days 1–5 and 30");
    assert_eq!(on(31).days, 6, "days 2–5, 30 and 31: day 1 has left the window");
}

#[test]
fn pearson_needs_variation() {
    assert_eq!(pearson(&[(1.0, 1.0)]), None, "one pair is not a correlation");
    assert_eq!(pearson(&[(1.0, 1.0), (2.0, 1.0), (3.0, 1.0)]), None, "no variation in y");
    close(pearson(&[(1.0, 2.0), (2.0, 4.0), (3.0, 6.0)]), 1.0, "a perfect line");
    close(pearson(&[(1.0, 3.0), (2.0, 2.0), (3.0, 1.0)]), -1.0, "a perfect falling line");
}

#[test]
fn an_evening_entry_belongs_to_the_local_day() {
    let late = EntryBody::Reflection(match reflection(1, Some(5), None, None) {
        EntryBody::Reflection(r) => {
            Reflection { occurred_at: Utc.with_ymd_and_hms(2026, 3, 2, 3, 30, 0).single().expect("t"), ..r }
        }
        EntryBody::Setback(_) => unreachable!("built as a reflection"),
    });
    let new_york = chrono::FixedOffset::west_opt(5 * 3600).expect("offset");
    let days = by_day([Fact::from(&late)], &new_york);
    assert_eq!(days.keys().copied().collect::<Vec<_>>(), [date(1)], "03:30 UTC is the evening before in New York");
}

#[test]
fn a_correlation_is_said_in_words_at_each_line() {
    let said = |r: f64| (closeness(r), followed(r));
    assert_eq!(said(0.9), ("very closely", "very closely followed".to_owned()), "0.7 and above");
    assert_eq!(said(0.5), ("closely", "closely followed".to_owned()), "0.5, the nudge's line, is closely");
    assert_eq!(closeness(0.49), "somewhat", "just below 0.5 is somewhat, not closely");
    assert_eq!(closeness(0.3), "somewhat", "0.3 is a medium correlation");
    assert_eq!(closeness(0.1), "loosely", "0.1 is a small one");
    assert_eq!(said(0.0), ("hardly", "hardly followed".to_owned()), "no link is hardly");
    assert_eq!(closeness(-0.09), "hardly", "nor is a tiny negative one");
    assert_eq!(followed(-0.2), "went slightly the other way from", "a small negative one goes the other way");
    assert_eq!(followed(-0.8), "went the other way from", "a large negative one too, without a number");
    for r in [-1.0, -0.5, 0.0, 0.25, 0.62, 1.0] {
        assert!(!followed(r).chars().any(|c| c.is_ascii_digit()), "words only, never the number: {r}");
    }
}
