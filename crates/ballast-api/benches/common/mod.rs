//! What the benches share: a journal seeded through `Session` with reflections half an hour apart.

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
        session.save_reflection(None, &draft).expect("seed");
    }
    session
}
