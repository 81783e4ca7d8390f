//! Local days through the Clock, across a daylight-saving change: a journal whose clock is in a
//! zone that moves from +0 to +1 at 01:00 UTC on 29 March 2026 (as London does) puts each entry
//! on the worker's own day, and a range of days starts where the worker's day starts.

use std::sync::Arc;

use ballast_api::{DataDir, Session};
use ballast_core::{Clock, ReflectionDraft, Zone};
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use secrecy::SecretString;

use crate::support::PASS;

struct London(DateTime<Utc>);

impl Clock for London {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
    fn zone(&self) -> Zone {
        let hours = |h| FixedOffset::east_opt(h * 3600).expect("offset");
        let at = DateTime::parse_from_rfc3339("2026-03-29T01:00:00Z").expect("time").with_timezone(&Utc);
        Zone::Change { before: hours(0), after: hours(1), at }
    }
}

#[test]
fn entries_fall_on_the_workers_own_day_across_a_clock_change() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let now = DateTime::parse_from_rfc3339("2026-04-02T12:00:00Z").expect("time").with_timezone(&Utc);
    let session = Session::new(DataDir::new(tmp.path().join("data")), Arc::new(London(now)));
    session.set_up(&SecretString::from(PASS.to_owned())).expect("set up");
    let save = |at: &str, text: &str| {
        let draft = ReflectionDraft { occurred_at: Some(at.into()), text: Some(text.into()), ..Default::default() };
        ballast_api::entries::save_reflection(&session, None, &draft).expect("save");
    };
    save("2026-03-28T23:30:00Z", "late on the 28th (GMT)");
    save("2026-03-29T22:30:00Z", "late on the 29th (23:30 BST)");
    save("2026-03-29T23:30:00Z", "just after midnight on the 30th (00:30 BST)");
    let day = |d| NaiveDate::from_ymd_opt(2026, 3, d).expect("date");
    let on = |d| {
        let req = ballast_api::report::SummaryRequest {
            from: day(d),
            to: day(d),
            include_codes: false,
            include_tags: false,
            note: None,
            author: None,
        };
        let mut texts: Vec<String> = ballast_api::report::preview(&session, &req)
            .expect("preview")
            .entries
            .into_iter()
            .map(|e| e.preview)
            .collect();
        texts.sort();
        texts
    };
    assert_eq!(on(28), vec!["late on the 28th (GMT)"], "before the change UTC and local days agree");
    assert_eq!(on(29), vec!["late on the 29th (23:30 BST)"], "22:30 UTC on the 29th is still the 29th locally");
    assert_eq!(
        on(30),
        vec!["just after midnight on the 30th (00:30 BST)"],
        "23:30 UTC on the 29th is the 30th locally: the 30th starts at 23:00 UTC"
    );
    assert_eq!(
        session.clock().today(),
        NaiveDate::from_ymd_opt(2026, 4, 2).expect("date"),
        "today is the worker's local day"
    );
}
