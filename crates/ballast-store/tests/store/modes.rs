//! Owner-only files whatever the umask: with the umask at 000 (so anything made without an explicit
//! mode would be readable and writable by everyone), every folder Ballast makes is 0700 and every
//! file 0600: the journal with its -wal and -shm, the vault, the lock file, backups and their vault
//! copy, quarantined files and their note, atomically written files and staged exports.

#![cfg(unix)]

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use ballast_core::{Clock, EntryBody, FixedClock, ReflectionDraft};
use ballast_store::durable::{Staged, write_atomic};
use ballast_store::{DataDir, Journal, Part, Reason};
use chrono::{TimeZone, Utc};
use secrecy::SecretString;

fn walk(path: &Path, out: &mut Vec<(std::path::PathBuf, u32, bool)>) {
    let meta = std::fs::symlink_metadata(path).expect("metadata");
    out.push((path.to_owned(), meta.permissions().mode() & 0o777, meta.is_dir()));
    if meta.is_dir() {
        for item in std::fs::read_dir(path).expect("read dir") {
            walk(&item.expect("entry").path(), out);
        }
    }
}

#[test]
fn every_file_ballast_writes_is_owner_only_under_a_permissive_umask() {
    let old = rustix::process::umask(rustix::fs::Mode::empty());
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = DataDir::new(tmp.path().join("data"));
    let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("date"));
    let (mut j, _) =
        Journal::create(&dir, &SecretString::from("harbour lantern quietly".to_owned()), clock.now()).expect("set up");
    let body = EntryBody::Reflection(
        ReflectionDraft { text: Some("kept".into()), ..Default::default() }.validate(&clock).expect("valid"),
    );
    j.insert(&body, clock.now()).expect("save (the -wal and -shm now exist)");
    j.backup(Reason::Manual, clock.now(), &mut |_| {}).expect("a backup and the vault copy");
    let exports = tmp.path().join("export");
    let mut staged = Staged::new(&exports).expect("an export folder");
    std::io::Write::write_all(staged.add("ballast-export.json").expect("staged"), b"{}").expect("write");
    staged.finish().expect("the export renamed into place");
    write_atomic(&tmp.path().join("summary.md"), b"# summary").expect("a summary");
    assert!(dir.wal().exists() && dir.shm().exists(), "the journal's -wal and -shm are there to be checked");
    let mut found = Vec::new();
    // While open (a clean close removes them).
    walk(&dir.wal(), &mut found);
    walk(&dir.shm(), &mut found);
    drop(j);
    // A damaged journal set aside: quarantine/ with its note.
    Journal::set_aside(&dir, Part::Database, clock.now()).expect("set aside");
    rustix::process::umask(old);

    walk(dir.root(), &mut found);
    walk(&exports, &mut found);
    found.push((
        tmp.path().join("summary.md"),
        std::fs::metadata(tmp.path().join("summary.md")).expect("md").permissions().mode() & 0o777,
        false,
    ));
    let names: Vec<String> = found
        .iter()
        .map(|(p, _, _)| p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
        .collect();
    for want in ["journal.db", "journal.db-wal", "vault.json", "ballast.lock", "README.txt", "ballast-export.json"] {
        assert!(names.iter().any(|n| n == want), "the test reaches {want} (found {names:?})");
    }
    assert!(names.iter().any(|n| n.ends_with(".db") && n.starts_with("ballast-")), "and a backup");
    for (path, mode, is_dir) in found {
        let want = if is_dir { 0o700 } else { 0o600 };
        assert_eq!(mode, want, "{} must be {want:o} under umask 000, is {mode:o}", path.display());
    }
}

#[test]
fn a_symlink_at_the_target_is_replaced_never_written_through() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let outside = tmp.path().join("someone-elses.txt");
    std::fs::write(&outside, b"theirs").expect("a file outside");
    let folder = tmp.path().join("export");
    std::fs::create_dir(&folder).expect("folder");
    let target = folder.join("ballast-export.json");
    std::os::unix::fs::symlink(&outside, &target).expect("a symlink where the export goes");
    let mut staged = Staged::new(&folder).expect("staging");
    std::io::Write::write_all(staged.add("ballast-export.json").expect("staged"), b"{}").expect("write");
    staged.finish().expect("finish");
    assert_eq!(std::fs::read(&outside).expect("outside"), b"theirs", "the export did not write through the symlink");
    let meta = std::fs::symlink_metadata(&target).expect("target");
    assert!(meta.file_type().is_file(), "the target is now Ballast's own file, not the link");
    assert_eq!(std::fs::read(&target).expect("target"), b"{}", "holding the export");
    let summary = folder.join("summary.md");
    std::os::unix::fs::symlink(&outside, &summary).expect("a symlink where the summary goes");
    write_atomic(&summary, b"# summary").expect("summary");
    assert_eq!(std::fs::read(&outside).expect("outside"), b"theirs", "nor did the summary");
}
