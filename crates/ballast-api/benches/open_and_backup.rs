//! What the data-safety work costs at 100,000 entries: unlocking (key derivation plus the
//! `quick_check` of every page) against unlocking an empty journal, and a verified backup against
//! a plain copy of the same file. See docs/PERFORMANCE.md.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

mod common;

use ballast_api::{DataDir, Secret};
use criterion::{Criterion, criterion_group, criterion_main};
use secrecy::SecretString;

use common::{PASS, seeded};

const ENTRIES: i32 = 100_000;

fn bench(c: &mut Criterion) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir on the build disk");
    let empty = seeded(&tmp.path().join("empty"), 0);
    let dir = DataDir::new(tmp.path().join("full"));
    let full = seeded(dir.root(), ENTRIES);
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
    group.bench_function("verified_backup_100k", |b| {
        b.iter(|| ballast_api::backups::back_up_now(&full, &mut |_| {}).expect("backup"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
