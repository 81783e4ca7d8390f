//! Saving one reflection through `ballast-api` (validated, SQLCipher-encrypted, WAL,
//! `synchronous=FULL`, in a transaction with its detail row and tags) against a bare rusqlite
//! INSERT + COMMIT with the same pragmas into an unencrypted table in the same directory.
//! Target: the first at most 2× the second. Last, the same save with SQLCipher's
//! `cipher_memory_security` on, to measure its cost. See docs/PERFORMANCE.md.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

use std::sync::Arc;

use ballast_api::{DataDir, Session};
use ballast_core::{ReflectionDraft, SystemClock};
use criterion::{Criterion, criterion_group, criterion_main};
use secrecy::SecretString;

fn draft() -> ReflectionDraft {
    ReflectionDraft {
        mood: Some(6),
        self_worth: Some(5),
        worth_tied_to_outcomes: Some(7),
        outcome: Some("progress".into()),
        push_patience: Some(0),
        person_code: Some("R7".into()),
        tags: vec!["housing".into(), "hope".into()],
        text: Some("A steady session; we talked through the housing letter and agreed next steps.".into()),
        ..Default::default()
    }
}

fn save(c: &mut Criterion) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir on the build disk");
    let session = Session::new(DataDir::new(tmp.path().join("journal")), Arc::new(SystemClock));
    session.set_up(&SecretString::from("harbour lantern quietly".to_owned())).expect("set up");
    let d = draft();

    let bare = rusqlite::Connection::open(tmp.path().join("bare.db")).expect("bare db");
    bare.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;
         CREATE TABLE t (id INTEGER PRIMARY KEY, occurred_at TEXT NOT NULL, mood INTEGER, person_code TEXT, text TEXT);",
    )
    .expect("bare schema");
    let text = d.text.clone();

    let mut group = c.benchmark_group("save_reflection");
    group.bench_function("ballast_api", |b| {
        b.iter(|| ballast_api::entries::save_reflection(&session, None, &d).expect("save"))
    });
    group.bench_function("bare_rusqlite", |b| {
        b.iter(|| {
            let tx = bare.unchecked_transaction().expect("begin");
            tx.execute(
                "INSERT INTO t (occurred_at, mood, person_code, text) VALUES ('2026-11-25T18:00:00.000000000Z', 6, 'R7', ?1)",
                [&text],
            )
            .expect("insert");
            tx.commit().expect("commit");
        });
    });
    // SQLCipher's memory security (every freed allocation wiped), on for the rest of the process.
    ballast_store::set_memory_security(true).expect("memory security on");
    group.bench_function("ballast_api_memory_security", |b| {
        b.iter(|| ballast_api::entries::save_reflection(&session, None, &d).expect("save"))
    });
    group.finish();
}

criterion_group!(benches, save);
criterion_main!(benches);
