//! The journal list at 100,000 entries: the first page against a page 90,000 entries deep. Keyset
//! paging should make both cost about the same. See docs/PERFORMANCE.md.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

mod common;

use ballast_core::Cursor;
use criterion::{Criterion, criterion_group, criterion_main};

const ENTRIES: i32 = 100_000;

fn list(c: &mut Criterion) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir on the build disk");
    let session = common::seeded(&tmp.path().join("journal"), ENTRIES);
    let mut cursor: Option<Cursor> = None;
    for _ in 0..(90_000 / 500) {
        cursor = ballast_api::entries::list_entries(&session, cursor, 500).expect("walk").next;
    }
    let deep = cursor.expect("a cursor 90,000 entries deep");

    let mut group = c.benchmark_group("list_page_100k");
    group.bench_function("first_page_50", |b| {
        b.iter(|| ballast_api::entries::list_entries(&session, None, 50).expect("page"))
    });
    group.bench_function("page_50_at_90000", |b| {
        b.iter(|| ballast_api::entries::list_entries(&session, Some(deep), 50).expect("page"))
    });
    group.finish();
}

criterion_group!(benches, list);
criterion_main!(benches);
