//! The journal list at 100,000 entries: the first page against a page 90,000 entries deep. Keyset
//! paging should make both cost about the same. See docs/PERFORMANCE.md.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

use std::sync::Arc;

use ballast_api::{DataDir, Session};
use ballast_core::{Cursor, FixedClock, ReflectionDraft};
use chrono::{Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use secrecy::SecretString;

const ENTRIES: i32 = 100_000;

fn list(c: &mut Criterion) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir on the build disk");
    let start = Utc.with_ymd_and_hms(2021, 1, 1, 9, 0, 0).single().expect("date");
    let session = Session::new(DataDir::new(tmp.path().join("journal")), Arc::new(FixedClock(start)));
    session.set_up(&SecretString::from("harbour lantern quietly".to_owned())).expect("set up");
    for i in 0..ENTRIES {
        let draft = ReflectionDraft {
            occurred_at: Some((start + Duration::minutes(30 * i64::from(i))).to_rfc3339()),
            mood: Some(i % 11),
            text: Some(format!("entry {i}: a steady session with some notes about the day")),
            ..Default::default()
        };
        session.save_reflection(None, &draft).expect("seed");
    }
    let mut cursor: Option<Cursor> = None;
    for _ in 0..(90_000 / 500) {
        cursor = session.list_entries(cursor, 500).expect("walk").next;
    }
    let deep = cursor.expect("a cursor 90,000 entries deep");

    let mut group = c.benchmark_group("list_page_100k");
    group.bench_function("first_page_50", |b| b.iter(|| session.list_entries(None, 50).expect("page")));
    group.bench_function("page_50_at_90000", |b| b.iter(|| session.list_entries(Some(deep), 50).expect("page")));
    group.finish();
}

criterion_group!(benches, list);
criterion_main!(benches);
