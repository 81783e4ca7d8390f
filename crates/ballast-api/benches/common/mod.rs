//! What the benches share: a journal seeded through `Session` with reflections half an hour apart,
//! and the five-year sample journal the dashboard and summary benches read.

// Each bench compiles this module and uses only part of it.
#![allow(dead_code)]

use std::sync::Arc;

use ballast_api::{DataDir, Session};
use ballast_core::{FixedClock, ReflectionDraft};
use chrono::{Duration, TimeZone, Utc};
use secrecy::SecretString;

/// The passphrase of every bench journal.
pub const PASS: &str = "harbour lantern quietly";

/// A journal at `root` with `entries` reflections, unlocked, on a fixed clock.
pub fn seeded(root: &std::path::Path, entries: i32) -> Session {
    let start = Utc.with_ymd_and_hms(2021, 1, 1, 9, 0, 0).single().expect("date");
    let session = Session::new(DataDir::new(root), Arc::new(FixedClock(start)));
    session.set_up(&SecretString::from(PASS.to_owned())).expect("set up");
    for i in 0..entries {
        let draft = ReflectionDraft {
            occurred_at: Some((start + Duration::minutes(30 * i64::from(i))).to_rfc3339()),
            mood: Some(i % 11),
            text: Some(format!("entry {i}: a steady session with some notes about the day")),
            ..Default::default()
        };
        ballast_api::entries::save_reflection(&session, None, &draft).expect("seed");
    }
    session
}

/// When the five-year journal ends (and the clock it is read on).
pub fn five_years_end() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).single().expect("date")
}

/// A journal at `tmp/journal` holding five years of the deterministic sample (seed 42: about 4,000
/// reflections, 100 setbacks and 250 check-ins), imported through the normal import, on a clock
/// fixed at [`five_years_end`]; and what the sample made.
pub fn five_years(tmp: &std::path::Path) -> (Session, ballast_api::sample::Summary) {
    let end = five_years_end();
    let session = Session::new(DataDir::new(tmp.join("journal")), Arc::new(FixedClock(end)));
    session.set_up(&SecretString::from(PASS.to_owned())).expect("set up");
    let file = tmp.join("sample.json");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("sample file"));
    let made = ballast_api::sample::write(&mut out, 1826, end, 42).expect("write the sample");
    drop(out);
    ballast_api::transfer::import::import_file(&session, &file, &mut |_| {}).expect("import the sample");
    (session, made)
}
