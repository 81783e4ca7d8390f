//! What the journeys share: a journal in a temporary directory on a clock the test moves.

use std::sync::{Arc, Mutex};

use ballast_api::dto::EntryFields;
use ballast_api::{DataDir, Secret, Session};
use ballast_core::{Clock, ReflectionDraft};
use chrono::{DateTime, Duration, TimeZone, Utc};
use secrecy::SecretString;

pub const PASS: &str = "harbour lantern quietly";

/// Any instrument with answers it accepts: each one of its item's options, or skipped.
pub fn any_check_in()
-> impl proptest::strategy::Strategy<Value = (ballast_core::instrument::Instrument, Vec<Option<i32>>)> {
    use proptest::prelude::*;
    prop::sample::select(ballast_api::check_ins::instruments().to_vec()).prop_flat_map(|def| {
        let items: Vec<_> = def
            .items
            .iter()
            .map(|item| {
                prop::option::of(prop::sample::select(def.options_of(item).iter().map(|c| c.value).collect::<Vec<_>>()))
            })
            .collect();
        (Just(def), items)
    })
}

/// A clock that stays where the test puts it.
pub struct TestClock(Mutex<DateTime<Utc>>);

impl TestClock {
    pub fn at(rfc3339: &str) -> Self {
        Self(Mutex::new(DateTime::parse_from_rfc3339(rfc3339).expect("valid time").with_timezone(&Utc)))
    }

    pub fn advance(&self, by: Duration) {
        let mut t = self.0.lock().expect("clock");
        *t += by;
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().expect("clock")
    }
}

pub fn pass() -> Secret {
    Secret::Passphrase(SecretString::from(PASS.to_owned()))
}

/// A set-up journal, unlocked, with `entries` reflections whose text is `"{phrase} {n}"`.
pub struct Journey {
    pub tmp: tempfile::TempDir,
    pub dir: DataDir,
    pub clock: Arc<TestClock>,
    pub session: Session,
}

impl Journey {
    pub fn new(entries: usize, phrase: &str) -> Self {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = DataDir::new(tmp.path().join("data"));
        let start = Utc.with_ymd_and_hms(2026, 11, 25, 8, 0, 0).single().expect("valid date");
        let clock = Arc::new(TestClock(Mutex::new(start)));
        let session = Session::new(dir.clone(), clock.clone());
        session.set_up(&SecretString::from(PASS.to_owned())).expect("set up");
        for n in 0..entries {
            let draft = ReflectionDraft { text: Some(format!("{phrase} {n}")), mood: Some(5), ..Default::default() };
            ballast_api::entries::save_reflection(&session, None, &draft).expect("save");
        }
        Self { tmp, dir, clock, session }
    }

    /// The texts of every entry, newest first.
    pub fn texts(&self) -> Vec<String> {
        let page = ballast_api::entries::list_entries(&self.session, None, 500).expect("list");
        page.entries
            .iter()
            .map(|e| match ballast_api::entries::get_entry(&self.session, e.id).expect("read").fields {
                EntryFields::Reflection(r) => r.text.unwrap_or_default(),
                EntryFields::Setback(s) => s.what_happened.unwrap_or_default(),
            })
            .collect()
    }

    /// Every file under the data directory with its bytes.
    pub fn files(&self) -> Vec<(std::path::PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![self.dir.root().to_owned()];
        while let Some(d) = stack.pop() {
            for item in std::fs::read_dir(&d).expect("read dir").flatten() {
                let p = item.path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push((p.clone(), std::fs::read(&p).expect("read file")));
                }
            }
        }
        out.sort();
        out
    }
}

/// Whether `needle` occurs in `hay`.
pub fn contains(hay: &[u8], needle: &str) -> bool {
    hay.windows(needle.len()).any(|w| w == needle.as_bytes())
}
