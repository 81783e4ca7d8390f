//! The Trends dashboard (every statistic and every SVG, over everything) for a five-year journal
//! (about 4,000 reflections, 100 setbacks and 250 check-ins from the deterministic sample
//! generator, imported), against reading the same rows with a bare `SELECT *` that touches every
//! value. Target ≤ 3×. See docs/PERFORMANCE.md.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

mod common;

use ballast_api::trends::Span;
use criterion::{Criterion, criterion_group, criterion_main};

fn dashboard(c: &mut Criterion) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir on the build disk");
    let (session, made) = common::five_years(tmp.path());
    eprintln!("five years: {made:?}; {} rows", ballast_api::trends::scan_rows(&session).expect("scan"));

    let mut group = c.benchmark_group("dashboard_5y");
    group.sample_size(20);
    group
        .bench_function("trends_all", |b| b.iter(|| ballast_api::trends::trends(&session, Span::All).expect("trends")));
    group.bench_function("bare_select", |b| b.iter(|| ballast_api::trends::scan_rows(&session).expect("scan")));
    group.finish();
}

criterion_group!(benches, dashboard);
criterion_main!(benches);
