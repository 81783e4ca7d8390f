//! What the data-safety work costs at 100,000 entries: unlocking (key derivation plus the
//! `quick_check` of every page) against unlocking an empty journal, and a verified backup against
//! a plain copy of the same file. See docs/PERFORMANCE.md.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

use std::sync::Arc;

use ballast_api::{DataDir, Secret, Session};
use ballast_core::{FixedClock, ReflectionDraft};
use chrono::{Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use secrecy::SecretString;

const ENTRIES: i32 = 100_000;
const PASS: &str = "harbour lantern quietly";

fn journal(tmp: &std::path::Path, name: &str, entries: i32) -> (Session, DataDir) {
    let start = Utc.with_ymd_and_hms(2021, 1, 1, 9, 0, 0).single().expect("date");
    let dir = DataDir::new(tmp.join(name));
    let session = Session::new(dir.clone(), Arc::new(FixedClock(start)));
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
    (session, dir)
}

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir on the build disk");
    let (empty, _) = journal(tmp.path(), "empty", 0);
    let (full, dir) = journal(tmp.path(), "full", ENTRIES);
    let pass = || Secret::Passphrase(SecretString::from(PASS.to_owned()));

    let mut group = c.benchmark_group("open_and_backup_100k");
    group.sample_size(10);
    group.bench_function("unlock_empty", |b| {
        b.iter(|| {
            empty.lock();
            empty.unlock(&pass()).expect("unlock");
        });
    });
    group.bench_function("unlock_100k", |b| {
        b.iter(|| {
            full.lock();
            full.unlock(&pass()).expect("unlock");
        });
    });
    full.lock();
    let copy_to = tmp.path().join("plain-copy.db");
    group.bench_function("plain_copy_100k", |b| b.iter(|| std::fs::copy(dir.database(), &copy_to).expect("copy")));
    full.unlock(&pass()).expect("unlock");
    group.bench_function("verified_backup_100k", |b| b.iter(|| full.back_up_now(&mut |_| {}).expect("backup")));
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
