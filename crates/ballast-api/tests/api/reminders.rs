//! Reminders through the use case, on a journal in a temporary folder and a clock the test moves
//! (Wednesday 25 November 2026, from 08:00 UTC): the choices are kept in the journal and checked
//! as every setting is; what the rules are told of the journal changes when something is logged;
//! and the words a notification would show hold nothing the journal holds.

use ballast_api::reminders::{facts, schedule, set_schedule};
use ballast_core::reminder::{Reminder, Schedule, Sent, Shift, due};
use ballast_core::{Clock, ReflectionDraft, SetbackDraft, Zone};
use chrono::{Duration, FixedOffset, NaiveTime};

use ballast_api::{ApiError, Session};

use crate::support::{Journey, pass};

const UTC: Zone = Zone::Fixed(FixedOffset::east_opt(0).expect("UTC"));

fn time(s: &str) -> NaiveTime {
    NaiveTime::parse_from_str(s, "%H:%M").expect("a valid time")
}

/// Wednesdays from 09:00, reminded at 17:30; self-check notes on.
fn wednesdays() -> Schedule {
    let mut week = [None; 7];
    week[2] = Some(Shift { starts: time("09:00"), remind_at: time("17:30") });
    Schedule { on: true, week, check_ins: true }
}

fn now_due(j: &Journey, s: &Schedule) -> Vec<Reminder> {
    let f = facts(&j.session).expect("facts");
    due(s, &f, &Sent::default(), j.clock.now(), &UTC)
}

#[test]
fn choices_are_off_until_chosen_and_kept_as_chosen() {
    let j = Journey::new(0, "unused");
    assert_eq!(
        schedule(&j.session).expect("read"),
        Schedule::default(),
        "a new journal has reminders off and every day off"
    );
    set_schedule(&j.session, &wednesdays()).expect("keep");
    assert_eq!(schedule(&j.session).expect("read"), wednesdays(), "what was chosen is read back");
    let mut bad = wednesdays();
    bad.week[4] = Some(Shift { starts: time("08:00"), remind_at: time("08:00") });
    let err = set_schedule(&j.session, &bad).expect_err("refused");
    assert!(format!("{err:?}").contains("remind_fri"), "the refusal names Friday's reminder field: {err:?}");
    assert_eq!(schedule(&j.session).expect("read"), wednesdays(), "a refused change writes nothing");

    // Every stored value passes the settings registry, so an export of it imports again.
    let out = tempfile::tempdir().expect("temp dir");
    ballast_api::transfer::export::export_to(&j.session, out.path()).expect("export");
    let file = out.path().join("ballast-export.json");
    let k = Journey::new(0, "unused");
    ballast_api::transfer::import::import_file(&k.session, &file, &mut |_| {})
        .expect("an export with reminder choices imports");
    assert_eq!(schedule(&k.session).expect("read"), wednesdays(), "the choices travel with an export");
}

#[test]
fn the_reminder_comes_only_when_nothing_was_logged_since_the_shift_began() {
    let j = Journey::new(0, "unused");
    let s = wednesdays();
    j.clock.advance(Duration::minutes(9 * 60 + 31)); // 17:31
    assert!(now_due(&j, &s).iter().any(|r| matches!(r, Reminder::AfterShift(_))), "nothing logged: the reminder comes");

    let k = Journey::new(0, "unused");
    k.clock.advance(Duration::hours(4)); // 12:00, during the shift
    let draft = ReflectionDraft { text: Some("a quiet afternoon".into()), mood: Some(6), ..Default::default() };
    ballast_api::entries::save_reflection(&k.session, None, &draft).expect("save");
    k.clock.advance(Duration::minutes(5 * 60 + 31)); // 17:31
    assert!(
        !now_due(&k, &s).iter().any(|r| matches!(r, Reminder::AfterShift(_))),
        "a reflection written during the shift means no reminder"
    );
}

#[test]
fn no_notification_text_holds_entry_text_a_code_a_tag_or_a_score() {
    let j = Journey::new(0, "unused");
    let s = wednesdays();
    set_schedule(&j.session, &s).expect("keep");
    let secret = "Kestrel-Lighthouse-Words";
    let reflection = ReflectionDraft {
        text: Some(secret.into()),
        mood: Some(3),
        tags: vec!["nightshift".into()],
        ..Default::default()
    };
    ballast_api::entries::save_reflection(&j.session, None, &reflection).expect("save");
    let setback =
        SetbackDraft { setback_type: Some("relapse".into()), person_code: Some("QX42".into()), ..Default::default() };
    ballast_api::entries::save_setback(&j.session, None, &setback).expect("save");
    let who5 = ballast_api::check_ins::record(&j.session, "who5", vec![Some(1); 5]).expect("record");

    // The entries were written at 08:00, before Wednesday's 09:00 shift: at 11:00 the self-checks
    // not yet taken are due, and at 17:31 the after-shift reminder comes.
    let mut texts = Vec::new();
    for step in [Duration::hours(3), Duration::minutes(6 * 60 + 31)] {
        j.clock.advance(step);
        let f = facts(&j.session).expect("facts");
        texts.extend(due(&s, &f, &Sent::default(), j.clock.now(), &UTC).iter().map(Reminder::text));
    }
    assert!(texts.len() >= 2, "both kinds of reminder were made, so the words were really looked at: {texts:?}");
    let score = who5.scores.iter().filter_map(|sc| sc.score).map(|v| format!("{v}")).collect::<Vec<_>>();
    for text in &texts {
        for held in [secret, "nightshift", "QX42", "relapse", "who5", "WHO-5"] {
            assert!(!text.contains(held), "{text:?} holds {held:?} from the journal");
        }
        for n in &score {
            assert!(!text.contains(n.as_str()), "{text:?} holds the score {n}");
        }
        assert!(!text.chars().any(|c| c.is_ascii_digit()), "{text:?} holds no number at all");
    }
}

#[test]
fn the_reminders_looking_is_not_activity_so_the_journal_still_locks_when_idle() {
    let j = Journey::new(1, "an evening");
    let session = Session::new(j.dir.clone(), j.clock.clone()).with_auto_lock();
    j.session.lock();
    session.unlock(&pass()).expect("unlock");
    // The reminders' clock looks every 15 s; until the ten idle minutes are up it finds the journal open.
    for _ in 0..39 {
        j.clock.advance(Duration::seconds(15));
        facts(&session).expect("the journal is open while it is not yet idle");
    }
    j.clock.advance(Duration::seconds(15));
    assert_eq!(facts(&session).expect_err("idle"), ApiError::Locked, "past the idle minutes, looking finds it locked");
    assert!(session.lock_if_idle(), "the idle timer locks it: looking never counted as the worker's activity");
    assert_eq!(
        ballast_api::entries::list_entries(&session, None, 10).expect_err("locked"),
        ApiError::Locked,
        "and the next command finds it locked"
    );
}
