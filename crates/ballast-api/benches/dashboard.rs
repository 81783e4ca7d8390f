//! The Trends dashboard (every statistic and every SVG, over everything) for a five-year journal
//! (about 4,000 reflections, 100 setbacks and 250 check-ins from the deterministic sample
//! generator, imported), against reading the same rows with a bare `SELECT *` that touches every
//! value. Target ≤ 3×. See docs/PERFORMANCE.md.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

mod common;

use std::sync::Arc;

use ballast_api::trends::Span;
use ballast_api::{DataDir, Session};
use ballast_core::FixedClock;
use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use secrecy::SecretString;

fn dashboard(c: &mut Criterion) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir on the build disk");
    let end = Utc.with_ymd_and_hms(2026, 11, 25, 20, 0, 0).single().expect("date");
    let session = Session::new(DataDir::new(tmp.path().join("journal")), Arc::new(FixedClock(end)));
    session.set_up(&SecretString::from(common::PASS.to_owned())).expect("set up");
    let file = tmp.path().join("sample.json");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("sample file"));
    let made = ballast_api::sample::write(&mut out, 1826, end, 42).expect("write the sample");
    drop(out);
    session.import_file(&file, &mut |_| {}).expect("import the sample");
    eprintln!("five years: {made:?}; {} rows", session.scan_rows().expect("scan"));

    let mut group = c.benchmark_group("dashboard_5y");
    group.sample_size(20);
    group.bench_function("trends_all", |b| b.iter(|| session.trends(Span::All).expect("trends")));
    group.bench_function("bare_select", |b| b.iter(|| session.scan_rows().expect("scan")));
    group.finish();
}

criterion_group!(benches, dashboard);
criterion_main!(benches);
