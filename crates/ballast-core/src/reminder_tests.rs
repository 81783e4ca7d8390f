//! The reminder rules on a fixed clock: a Monday shift from 14:00 with its reminder at 22:30, a
//! Friday night shift from 22:00 reminded at 07:30 the next morning, and every other day off.
//! March 2026: the 2nd is a Monday, the 6th a Friday.

use super::*;
use chrono::FixedOffset;

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("a valid time").with_timezone(&Utc)
}

fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").expect("a valid time")
}

fn zone(hours: i32) -> Zone {
    Zone::Fixed(FixedOffset::east_opt(hours * 3600).expect("an offset"))
}

const UTC: Zone = Zone::Fixed(FixedOffset::east_opt(0).expect("UTC"));

fn schedule() -> Schedule {
    let mut week = [None; 7];
    week[0] = Some(Shift { starts: time("14:00"), remind_at: time("22:30") });
    week[4] = Some(Shift { starts: time("22:00"), remind_at: time("07:30") });
    Schedule { on: true, week, check_ins: true }
}

fn nothing() -> Facts {
    Facts::default()
}

fn logged(at: &str) -> Facts {
    Facts { last_logged: Some(utc(at)), check_in_due: None }
}

fn after_shift(s: &Schedule, f: &Facts, sent: &Sent, now: &str, z: &Zone) -> Vec<Reminder> {
    due(s, f, sent, utc(now), z).into_iter().filter(|r| matches!(r, Reminder::AfterShift(_))).collect()
}

#[test]
fn fires_at_its_time_when_nothing_was_logged_since_the_shift_began() {
    let s = schedule();
    let r = after_shift(&s, &nothing(), &Sent::default(), "2026-03-02T22:31:00Z", &UTC);
    assert_eq!(r.len(), 1, "a minute after 22:30 on a shift day with nothing logged, the reminder comes: {r:?}");
    assert_eq!(r[0].text(), AFTER_SHIFT, "with its fixed words");
    let before = logged("2026-03-02T09:00:00Z");
    assert_eq!(
        after_shift(&s, &before, &Sent::default(), "2026-03-02T22:31:00Z", &UTC).len(),
        1,
        "an entry from the morning, before the shift began, does not count as logging this shift"
    );
}

#[test]
fn does_not_fire_when_something_was_logged_since_the_shift_began() {
    let s = schedule();
    let f = logged("2026-03-02T19:00:00Z");
    assert!(
        after_shift(&s, &f, &Sent::default(), "2026-03-02T22:31:00Z", &UTC).is_empty(),
        "the worker already logged during the shift: no reminder"
    );
}

#[test]
fn does_not_fire_early_late_or_twice() {
    let s = schedule();
    let none = Sent::default();
    assert!(after_shift(&s, &nothing(), &none, "2026-03-02T22:29:00Z", &UTC).is_empty(), "not before its time");
    assert!(
        after_shift(&s, &nothing(), &none, "2026-03-03T00:31:00Z", &UTC).is_empty(),
        "two hours late (a computer that slept through it) says nothing"
    );
    let mut sent = Sent::default();
    for r in due(&s, &nothing(), &none, utc("2026-03-02T22:31:00Z"), &UTC) {
        r.mark(&mut sent);
    }
    assert!(
        after_shift(&s, &nothing(), &sent, "2026-03-02T22:45:00Z", &UTC).is_empty(),
        "once a shift, not every minute"
    );
    assert!(
        !after_shift(&s, &nothing(), &sent, "2026-03-09T22:31:00Z", &UTC).is_empty(),
        "next Monday's shift has its own reminder"
    );
}

#[test]
fn respects_days_off_and_being_turned_off() {
    let s = schedule();
    for day in ["2026-03-03", "2026-03-04", "2026-03-05", "2026-03-08"] {
        for hour in ["07:31", "22:31"] {
            let now = format!("{day}T{hour}:00Z");
            assert!(
                after_shift(&s, &nothing(), &Sent::default(), &now, &UTC).is_empty(),
                "{now} is a day off: no reminder"
            );
        }
    }
    let off = Schedule { on: false, ..schedule() };
    let f = Facts { last_logged: None, check_in_due: Some("who5 never".into()) };
    assert!(
        due(&off, &f, &Sent::default(), utc("2026-03-02T22:31:00Z"), &UTC).is_empty(),
        "turned off means nothing at all"
    );
    assert!(!Schedule::default().on, "reminders are off until the worker turns them on");
}

#[test]
fn a_night_shift_reminds_the_next_morning() {
    let s = schedule();
    let r = after_shift(&s, &nothing(), &Sent::default(), "2026-03-07T07:31:00Z", &UTC);
    assert_eq!(
        r,
        vec![Reminder::AfterShift(NaiveDate::from_ymd_opt(2026, 3, 6).expect("date").and_time(time("22:00")))],
        "Saturday morning, for Friday night's shift"
    );
    let f = logged("2026-03-06T23:30:00Z");
    assert!(
        after_shift(&s, &f, &Sent::default(), "2026-03-07T07:31:00Z", &UTC).is_empty(),
        "logged during the night: no reminder"
    );
    assert!(
        after_shift(&s, &nothing(), &Sent::default(), "2026-03-06T22:31:00Z", &UTC).is_empty(),
        "not on the Friday evening itself"
    );
}

#[test]
fn keeps_to_local_time_after_the_time_zone_changes() {
    let s = schedule();
    let none = Sent::default();
    // 21:31 UTC is 22:31 at +01:00 but 16:31 at -05:00.
    assert_eq!(after_shift(&s, &nothing(), &none, "2026-03-02T21:31:00Z", &zone(1)).len(), 1, "22:30 in Paris");
    assert!(
        after_shift(&s, &nothing(), &none, "2026-03-02T21:31:00Z", &zone(-5)).is_empty(),
        "still afternoon in New York"
    );
    assert_eq!(after_shift(&s, &nothing(), &none, "2026-03-03T03:31:00Z", &zone(-5)).len(), 1, "22:30 in New York");

    // Reminded in Paris, then the computer moves to New York the same evening: not again.
    let mut sent = Sent::default();
    for r in due(&s, &nothing(), &none, utc("2026-03-02T21:31:00Z"), &zone(1)) {
        r.mark(&mut sent);
    }
    let moved = Zone::Change {
        before: FixedOffset::east_opt(3600).expect("+1"),
        after: FixedOffset::west_opt(5 * 3600).expect("-5"),
        at: utc("2026-03-02T22:00:00Z"),
    };
    assert!(
        after_shift(&s, &nothing(), &sent, "2026-03-03T03:31:00Z", &moved).is_empty(),
        "the same shift is not reminded twice across zones"
    );
}

#[test]
fn a_reminder_in_the_hour_a_clock_change_skips_comes_just_after() {
    // London, 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 never happens.
    let mut week = [None; 7];
    week[6] = Some(Shift { starts: time("00:15"), remind_at: time("01:30") });
    let s = Schedule { on: true, week, check_ins: false };
    let london = Zone::Change {
        before: FixedOffset::east_opt(0).expect("+0"),
        after: FixedOffset::east_opt(3600).expect("+1"),
        at: utc("2026-03-29T01:00:00Z"),
    };
    assert!(
        after_shift(&s, &nothing(), &Sent::default(), "2026-03-29T01:20:00Z", &london).is_empty(),
        "02:20 BST is before 02:30"
    );
    assert_eq!(
        after_shift(&s, &nothing(), &Sent::default(), "2026-03-29T01:31:00Z", &london).len(),
        1,
        "it comes at 02:30 BST"
    );
}

#[test]
fn a_due_self_check_is_mentioned_once_in_the_daytime() {
    let s = schedule();
    let f = Facts { last_logged: None, check_in_due: Some("proqol5 2026-02-01".into()) };
    let notes = |now: &str, sent: &Sent| -> Vec<Reminder> {
        due(&s, &f, sent, utc(now), &UTC).into_iter().filter(|r| matches!(r, Reminder::CheckInDue(_))).collect()
    };
    assert!(notes("2026-03-03T08:00:00Z", &Sent::default()).is_empty(), "not early in the morning");
    assert!(notes("2026-03-03T21:00:00Z", &Sent::default()).is_empty(), "not at night");
    let r = notes("2026-03-03T11:00:00Z", &Sent::default());
    assert_eq!(r.len(), 1, "in the daytime, once");
    assert_eq!(r[0].text(), CHECK_IN_DUE, "with its fixed words");
    let mut sent = Sent::default();
    r[0].mark(&mut sent);
    assert!(notes("2026-03-04T11:00:00Z", &sent).is_empty(), "not again the next day: once, never a count");
    let again = Facts { last_logged: None, check_in_due: Some("proqol5 2026-03-05".into()) };
    assert_eq!(
        due(&s, &again, &sent, utc("2026-04-05T11:00:00Z"), &UTC).len(),
        1,
        "after it is taken and comes due again, it is mentioned again"
    );
    let quiet = Schedule { check_ins: false, ..schedule() };
    assert!(
        due(&quiet, &f, &Sent::default(), utc("2026-03-03T11:00:00Z"), &UTC).is_empty(),
        "the worker can keep self-check notes off"
    );
}

#[test]
fn the_words_hold_nothing_from_the_journal() {
    for text in [AFTER_SHIFT, CHECK_IN_DUE] {
        assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text:?}: no number, so no score or time of an entry");
        assert!(!text.contains('#') && !text.contains('@'), "{text:?}: no tag or code");
        assert!(text.len() <= 60, "{text:?}: short, calm words");
    }
    let r = Reminder::CheckInDue("who5 2026-01-01 secret".into());
    assert_eq!(r.text(), CHECK_IN_DUE, "the period's name never reaches the words");
}

#[test]
fn a_shift_is_stored_as_two_times() {
    let shift = Shift { starts: time("07:00"), remind_at: time("15:30") };
    assert_eq!(shift.to_stored(), "07:00 15:30", "start, then reminder");
    assert_eq!(Shift::parse("07:00 15:30"), Some(shift), "and read back");
    for bad in ["", "07:00", "7 15", "25:00 10:00", "07:00-15:30"] {
        assert_eq!(Shift::parse(bad), None, "{bad:?} is not a shift");
    }
    assert!(
        Shift { starts: time("22:00"), remind_at: time("07:30") }.reminds_next_day(),
        "a night shift reminds the next day"
    );
}
