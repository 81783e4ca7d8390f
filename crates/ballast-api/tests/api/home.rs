//! Home through the use case: the entries of the worker's own today (in their time zone, not
//! UTC's), none from yesterday or from a later day; a note when there are more than it lists; and
//! the 30-day chart in the colours of the theme on screen.

use std::sync::Arc;

use ballast_api::home::{TODAY_LISTED, home};
use ballast_api::trends::ChartTheme;
use ballast_api::{DataDir, Session};
use ballast_core::{Clock, ReflectionDraft, SetbackDraft, Zone};
use chrono::{DateTime, FixedOffset, Utc};
use secrecy::SecretString;

use crate::support::PASS;

/// 21:00 on 3 December in a zone 10 hours ahead of UTC (11:00 UTC).
struct AheadOfUtc;

impl Clock for AheadOfUtc {
    fn now(&self) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-03T11:00:00Z").expect("time").with_timezone(&Utc)
    }
    fn zone(&self) -> Zone {
        Zone::Fixed(FixedOffset::east_opt(10 * 3600).expect("offset"))
    }
}

fn journal() -> (tempfile::TempDir, Session) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let session = Session::new(DataDir::new(tmp.path().join("data")), Arc::new(AheadOfUtc));
    session.set_up(&SecretString::from(PASS.to_owned())).expect("set up");
    (tmp, session)
}

fn reflect(session: &Session, at: &str, text: &str) {
    let draft =
        ReflectionDraft { occurred_at: Some(at.into()), text: Some(text.into()), mood: Some(6), ..Default::default() };
    ballast_api::entries::save_reflection(session, None, &draft).expect("save");
}

#[test]
fn home_lists_the_workers_own_today_and_nothing_else() {
    let (_tmp, session) = journal();
    reflect(&session, "2026-12-02T13:30:00Z", "23:30 on the 2nd, local: yesterday");
    reflect(&session, "2026-12-02T14:30:00Z", "00:30 on the 3rd, local: today, though still the 2nd in UTC");
    reflect(&session, "2026-12-03T10:00:00Z", "20:00 on the 3rd: today");
    reflect(&session, "2026-12-03T14:30:00Z", "00:30 on the 4th, local: a later day");
    let setback = SetbackDraft {
        occurred_at: Some("2026-12-03T09:00:00Z".into()),
        setback_type: Some("crisis".into()),
        what_happened: Some("a hard call".into()),
        ..Default::default()
    };
    ballast_api::entries::save_setback(&session, None, &setback).expect("a setback");

    let view = home(&session, ChartTheme::Light).expect("home");
    let previews: Vec<&str> = view.today.iter().map(|e| e.preview.as_str()).collect();
    assert_eq!(
        previews,
        ["20:00 on the 3rd: today", "a hard call", "00:30 on the 3rd, local: today, though still the 2nd in UTC"],
        "today is the worker's local day, newest first, both kinds of entry"
    );
    assert!(!view.more_today, "everything of today is listed");
    assert!(
        view.mood.summary.contains("on 2 days"),
        "the picture covers the last 30 local days: {}",
        view.mood.summary
    );
}

#[test]
fn a_busy_day_lists_the_newest_and_says_there_is_more() {
    let (_tmp, session) = journal();
    for n in 0..=TODAY_LISTED {
        reflect(&session, &format!("2026-12-03T{:02}:{:02}:00Z", n / 60, n % 60), &format!("entry {n}"));
    }
    let view = home(&session, ChartTheme::Light).expect("home");
    assert_eq!(view.today.len(), TODAY_LISTED, "Home lists at most {TODAY_LISTED}");
    assert!(view.more_today, "and says more of today is in the journal");
    assert_eq!(view.today[0].preview, format!("entry {TODAY_LISTED}"), "the newest first");
}

#[test]
fn the_chart_takes_the_theme_on_screen() {
    let (_tmp, session) = journal();
    reflect(&session, "2026-12-03T10:00:00Z", "a day");
    let light = home(&session, ChartTheme::Light).expect("home").mood.svg;
    let dark = home(&session, ChartTheme::Dark).expect("home").mood.svg;
    let contrast = home(&session, ChartTheme::Contrast).expect("home").mood.svg;
    assert!(light.contains("fill=\"#FFFFFF\""), "light is drawn on white");
    assert!(
        dark.contains("fill=\"#1C2423\"") && !dark.contains("fill=\"#FFFFFF\""),
        "dark is drawn on the dark surface"
    );
    assert!(contrast.contains("fill=\"#000000\""), "high contrast is drawn on black");
}

#[test]
fn home_needs_an_open_journal() {
    let (_tmp, session) = journal();
    session.lock();
    assert!(home(&session, ChartTheme::Light).is_err(), "a locked journal shows nothing of itself on Home");
}
