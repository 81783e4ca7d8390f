//! A full disk: a real, small filesystem (a 4 MiB tmpfs, mounted for the test; this needs root,
//! as CI runs) holds the data directory and the export folder. Saves, a backup and an export on
//! the full disk each get the calm full-disk message; every save acknowledged before is still
//! there, no partial export or backup is left, and once space is freed everything works again.

#![cfg(target_os = "linux")]

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use ballast_api::{ApiError, DataDir, Session};
use ballast_core::{FixedClock, ReflectionDraft};
use chrono::{TimeZone, Utc};
use secrecy::SecretString;

use crate::support::PASS;

struct Mounted(std::path::PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn files_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|r| r.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
        .unwrap_or_default()
}

#[test]
fn a_full_disk_gets_its_own_words_and_loses_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let mnt = tmp.path().join("small");
    std::fs::create_dir(&mnt).expect("mount point");
    let mounted = Command::new("mount").args(["-t", "tmpfs", "-o", "size=4m"]).arg("tmpfs").arg(&mnt).status();
    assert!(
        mounted.is_ok_and(|s| s.success()),
        "this test mounts a small tmpfs and needs root (as CI runs); run scripts/test.sh as root"
    );
    let _unmount = Mounted(mnt.clone());
    let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("date"));
    let session = Session::new(DataDir::new(mnt.join("data")), Arc::new(clock));
    session.set_up(&SecretString::from(PASS.to_owned())).expect("set up on the small disk");

    // Room taken up front and given back at the end; then saves fill the disk until one is refused.
    let filler = mnt.join("filler");
    std::fs::write(&filler, vec![0u8; 3 << 19]).expect("a 1.5 MiB filler");
    let mut acknowledged = Vec::new();
    let refusal = loop {
        let text = format!("{} {}", acknowledged.len(), "a long evening written down ".repeat(1500));
        match ballast_api::entries::save_reflection(
            &session,
            None,
            &ReflectionDraft { text: Some(text), ..Default::default() },
        ) {
            Ok(saved) => acknowledged.push(saved.id),
            Err(e) => break e,
        }
        assert!(acknowledged.len() < 500, "a 4 MiB disk fills well before 500 saves of 42 KB");
    };
    assert_eq!(refusal, ApiError::DiskFull, "a save on a full disk says the disk is full, not 'something went wrong'");
    assert_eq!(
        refusal.sentence(),
        "Your disk is full; nothing was saved and nothing was lost. Free some space, then try again.",
        "in calm words"
    );

    let backup = ballast_api::backups::back_up_now(&session, &mut |_| {}).expect_err("no room for a backup");
    assert_eq!(backup, ApiError::DiskFull, "a backup on a full disk says the disk is full");
    let backups = session.dir().backups();
    assert!(
        files_in(&backups).iter().all(|f| !f.ends_with(".part")),
        "no partial backup is left: {:?}",
        files_in(&backups)
    );
    let out = mnt.join("export");
    let export = ballast_api::transfer::export::export_to(&session, &out).expect_err("no room for an export");
    assert_eq!(export, ApiError::DiskFull, "an export on a full disk says the disk is full");
    assert_eq!(files_in(&out), Vec::<String>::new(), "a failed export leaves no file, not even an empty one");

    let req = ballast_api::report::SummaryRequest {
        from: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("date"),
        to: chrono::NaiveDate::from_ymd_opt(2026, 11, 30).expect("date"),
        include_codes: false,
        include_tags: false,
        note: None,
        author: None,
    };
    let summary = ballast_api::report::write(&session, &req, &mnt.join("summary.md"), None).expect_err("no room");
    assert_eq!(summary, ApiError::DiskFull, "a summary on a full disk says the disk is full");
    assert!(!mnt.join("summary.md").exists(), "and leaves no file");

    // Every acknowledged save is still there, read back with the disk still full.
    for id in &acknowledged {
        ballast_api::entries::get_entry(&session, *id).expect("an acknowledged save survives the full disk");
    }
    session.lock();
    session.unlock(&crate::support::pass()).expect("the journal opens again on the full disk");
    let listed = ballast_api::entries::list_entries(&session, None, 500).expect("list").entries.len();
    assert_eq!(listed, acknowledged.len(), "exactly the acknowledged saves are kept, no more and no fewer");

    // Space freed: saving works again.
    std::fs::remove_file(&filler).expect("free space");
    ballast_api::entries::save_reflection(
        &session,
        None,
        &ReflectionDraft { text: Some("after".into()), ..Default::default() },
    )
    .expect("a save works once there is room");
}
