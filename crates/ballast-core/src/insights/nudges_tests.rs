//! Each nudge rule at its threshold and just below it, on a fixed "today".

use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::insights::coupling::{PerGroup, RollingPoint};
use crate::{CheckInBody, CheckInId};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).expect("a valid date")
}

/// Check-ins of one instrument, a week apart, ids 1, 2, …
fn taken(id: &str, answers: &[Vec<Option<i32>>]) -> Vec<CheckIn> {
    let start = Utc.with_ymd_and_hms(2026, 9, 1, 18, 0, 0).single().expect("a valid time");
    (0..)
        .zip(answers)
        .map(|(i, a)| CheckIn {
            id: CheckInId(i + 1),
            body: CheckInBody::new(id, a.clone(), start + Duration::weeks(i)).expect("valid answers"),
        })
        .collect()
}

/// ProQOL answers: every item 3, except the burnout items not reverse-keyed (8, 10, 19, 21, 26)
/// at `x` and the reverse-keyed ones (1, 4, 15, 17, 29) at `r`. Burnout = 5x + 5(6 − r).
fn proqol(x: i32, r: i32) -> Vec<Option<i32>> {
    (1..=30)
        .map(|n| match n {
            8 | 10 | 19 | 21 | 26 => Some(x),
            1 | 4 | 15 | 17 | 29 => Some(r),
            _ => Some(3),
        })
        .collect()
}

fn none() -> (BTreeMap<NaiveDate, Day>, Coupling) {
    (BTreeMap::new(), crate::insights::coupling::coupling(&BTreeMap::new()))
}

fn rules(check_ins: &[CheckIn]) -> Vec<Rule> {
    let (days, coupling) = none();
    nudges(check_ins, &days, &coupling, today()).into_iter().map(|n| n.rule).collect()
}

#[test]
fn burnout_rising_over_three_check_ins_and_not_when_it_levels() {
    // Burnout 25, 30, 35 (x = 2, 3, 4 with r = 3).
    let rising = taken("proqol5", &[proqol(2, 3), proqol(3, 3), proqol(4, 3)]);
    let (days, coupling) = none();
    let found = nudges(&rising, &days, &coupling, today());
    let n = found.iter().find(|n| n.rule == Rule::Rising).expect("25, 30, 35 is rising");
    assert_eq!(n.id, "rising:proqol5:burnout:2026-09-15T18:00:00Z", "tied to the latest check-in's time");
    assert!(
        n.message.contains("(25, 30, 35)") && n.message.contains("self-care plan"),
        "says the scores and offers options: {}",
        n.message
    );
    let level = taken("proqol5", &[proqol(2, 3), proqol(3, 3), proqol(3, 3)]);
    assert!(!rules(&level).contains(&Rule::Rising), "25, 30, 30 is not rising");
    let two = taken("proqol5", &[proqol(2, 3), proqol(3, 3)]);
    assert!(!rules(&two).contains(&Rule::Rising), "two check-ins are not three");
}

#[test]
fn entering_the_higher_burnout_range_and_not_staying_in_it() {
    // Burnout 30 then 50 (x = 5, r = 1): enters the higher range.
    let entering = taken("proqol5", &[proqol(3, 3), proqol(5, 1)]);
    assert!(rules(&entering).contains(&Rule::EnteredBand), "30 → 50 enters the higher range");
    let staying = taken("proqol5", &[proqol(5, 1), proqol(5, 1)]);
    assert!(!rules(&staying).contains(&Rule::EnteredBand), "50 → 50 was already there");
    // Burnout 40 (x = 5, r = 3) is 41 or less: the middle range.
    let below = taken("proqol5", &[proqol(3, 3), proqol(5, 3)]);
    assert!(!rules(&below).contains(&Rule::EnteredBand), "40 stays in the middle range");
}

#[test]
fn wellbeing_at_the_cutoff_and_just_above() {
    let at = taken("who5", &[vec![Some(3), Some(3), Some(3), Some(3), Some(0)]]);
    assert!(rules(&at).contains(&Rule::WellbeingLow), "raw 12 (48) is at or below 50");
    let above = taken("who5", &[vec![Some(3), Some(3), Some(3), Some(3), Some(1)]]);
    assert!(!rules(&above).contains(&Rule::WellbeingLow), "raw 13 (52) is above");
}

#[test]
fn the_single_item_three_of_the_last_five() {
    let s = |v: i32| vec![Some(v)];
    let three = taken("single_item_burnout", &[s(4), s(3), s(1), s(3), s(1), s(3)]);
    let (days, coupling) = none();
    let found = nudges(&three, &days, &coupling, today());
    let n = found.iter().find(|n| n.rule == Rule::SingleItemRepeated).expect("the last five hold 3, 1, 3, 1, 3");
    assert!(
        n.message.contains("you chose one of statements 3 to 5") && !n.message.contains("symptom"),
        "describes the answers chosen, not what the worker has: {}",
        n.message
    );
    let two = taken("single_item_burnout", &[s(4), s(3), s(1), s(2), s(1), s(3)]);
    assert!(
        !rules(&two).contains(&Rule::SingleItemRepeated),
        "the last five hold only two at 3 or more (the 4 is sixth)"
    );
}

fn coupled(r: f64, enough: bool) -> Coupling {
    Coupling {
        enough_data: enough,
        days: PerGroup::default(),
        mean_self_worth: PerGroup::default(),
        more_days_needed: PerGroup::default(),
        rolling: vec![RollingPoint { day: today(), r: Some(r), days: 12 }],
        dependence: Vec::new(),
    }
}

#[test]
fn strong_coupling_at_one_half_and_not_below_nor_from_an_old_reading() {
    let days = BTreeMap::new();
    let at = nudges(&[], &days, &coupled(0.5, true), today());
    assert_eq!(
        at.iter().map(|n| n.id.as_str()).collect::<Vec<_>>(),
        ["strong_coupling:2026-11"],
        "r = 0.5 is strong, once a month"
    );
    assert!(
        at[0].message.contains("has closely followed") && !at[0].message.contains("0.5"),
        "the strength is said in words, not as a number: {}",
        at[0].message
    );
    let very = nudges(&[], &days, &coupled(0.82, true), today());
    assert!(very[0].message.contains("has very closely followed"), "0.82 is very closely: {}", very[0].message);
    assert!(nudges(&[], &days, &coupled(0.49, true), today()).is_empty(), "0.49 is not");
    assert!(nudges(&[], &days, &coupled(0.9, false), today()).is_empty(), "nor without enough days in each group");
    let mut old = coupled(0.9, true);
    old.rolling[0].day = today().checked_sub_days(Days::new(30)).expect("date");
    assert!(nudges(&[], &days, &old, today()).is_empty(), "a reading from 30 days ago is not lately");
}

#[test]
fn three_setback_days_within_a_week() {
    let mark = |ago: &[u64]| -> BTreeMap<NaiveDate, Day> {
        ago.iter()
            .map(|a| (today().checked_sub_days(Days::new(*a)).expect("date"), Day { setback: true, ..Day::default() }))
            .collect()
    };
    let coupling = crate::insights::coupling::coupling(&BTreeMap::new());
    let cluster = nudges(&[], &mark(&[0, 3, 6]), &coupling, today());
    assert_eq!(cluster.len(), 1, "today, 3 and 6 days ago: three within seven days");
    assert_eq!(cluster[0].id, "setback_cluster:2026-11-25", "tied to the latest setback day");
    assert!(nudges(&[], &mark(&[0, 3, 7]), &coupling, today()).is_empty(), "7 days ago is outside the week");
}
