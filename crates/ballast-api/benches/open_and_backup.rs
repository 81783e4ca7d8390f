//! What the data-safety work costs: unlocking at 100,000 entries and at five years of the sample
//! journal (key derivation, opening, the header, schema and length checks; every page is read
//! after unlock, off the unlock's way) against the key derivation alone and against an empty
//! journal; the check of every page on its own; and a verified backup against a plain copy of the
//! same file. See docs/PERFORMANCE.md.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

mod common;

use ballast_api::{DataDir, Secret};
use criterion::{Criterion, criterion_group, criterion_main};
use secrecy::SecretString;

use common::{PASS, five_years, seeded};

const ENTRIES: i32 = 100_000;

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir on the build disk");
    let empty = seeded(&tmp.path().join("empty"), 0);
    let dir = DataDir::new(tmp.path().join("full"));
    let full = seeded(dir.root(), ENTRIES);
    let pass = || Secret::Passphrase(SecretString::from(PASS.to_owned()));

    let (years, _) = five_years(tmp.path());
    let mut group = c.benchmark_group("open_and_backup_100k");
    group.sample_size(10);
    group.bench_function("key_derivation_alone", |b| {
        b.iter(|| ballast_store::Journal::derive_key_only(&dir, &pass()).expect("derive"));
    });
    group.bench_function("unlock_five_years", |b| {
        b.iter(|| {
            years.lock();
            years.unlock(&pass()).expect("unlock");
        });
    });
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
    group.bench_function("whole_file_check_100k", |b| b.iter(|| full.check_whole_file().expect("sound")));
    full.lock();
    let copy_to = tmp.path().join("plain-copy.db");
    group.bench_function("plain_copy_100k", |b| b.iter(|| std::fs::copy(dir.database(), &copy_to).expect("copy")));
    full.unlock(&pass()).expect("unlock");
    group.bench_function("verified_backup_100k", |b| {
        b.iter(|| ballast_api::backups::back_up_now(&full, &mut |_| {}).expect("backup"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
