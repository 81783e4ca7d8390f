//! A twelve-month supervision summary written as a PDF (reading the range, every statistic and
//! chart, the PDF with its charts as vectors and the embedded font, written atomically and
//! recorded in the share log) from a five-year journal (the deterministic sample generator,
//! imported), against reading the same twelve months' rows with a bare `SELECT *`. Target:
//! ≤ 0.5 s on the 2-core machine. See docs/PERFORMANCE.md.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

mod common;

use ballast_api::report::SummaryRequest;
use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};

fn summary(c: &mut Criterion) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir on the build disk");
    let (session, made) = common::five_years(tmp.path());
    let (from, to) = (NaiveDate::from_ymd_opt(2025, 11, 26).expect("day"), common::five_years_end().date_naive());
    let req = SummaryRequest { from, to, include_codes: false, include_tags: false, note: None, author: None };
    let pdf = tmp.path().join("summary.pdf");
    let written = ballast_api::report::write(&session, &req, &pdf, None).expect("a summary");
    eprintln!(
        "five years: {made:?}; twelve months: {} rows; the PDF: {} bytes",
        ballast_api::trends::scan_rows_between(&session, from, to).expect("scan"),
        written.bytes
    );

    let mut group = c.benchmark_group("summary_12m_of_5y");
    group.sample_size(10);
    group.bench_function("summary_pdf", |b| {
        b.iter(|| ballast_api::report::write(&session, &req, &pdf, None).expect("a summary"))
    });
    group.bench_function("summary_markdown", |b| {
        let md = tmp.path().join("summary.md");
        b.iter(|| ballast_api::report::write(&session, &req, &md, None).expect("a summary"));
    });
    group.bench_function("bare_select_12m", |b| {
        b.iter(|| ballast_api::trends::scan_rows_between(&session, from, to).expect("scan"))
    });
    group.finish();
}

criterion_group!(benches, summary);
criterion_main!(benches);
