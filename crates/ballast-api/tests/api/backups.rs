//! Backups through the use cases: the day's backup at unlock, "back up now", verification,
//! restore with typed confirmation, and that every backup is encrypted.

use ballast_api::ApiError;
use chrono::Duration;

use crate::support::{Journey, contains, pass};

#[test]
fn the_first_unlock_of_a_day_makes_one_verified_backup() {
    let j = Journey::new(3, "morning");
    assert!(
        ballast_api::backups::list_backups(&j.session).expect("list").backups.is_empty(),
        "set-up alone makes no backup"
    );
    j.session.lock();
    j.session.unlock(&pass()).expect("unlock");
    let list = ballast_api::backups::list_backups(&j.session).expect("list").backups;
    assert_eq!(list.len(), 1, "the first unlock of the day makes a backup");
    assert_eq!((list[0].reason.as_str(), list[0].verified), ("daily", true), "a verified daily backup");
    j.session.lock();
    j.session.unlock(&pass()).expect("unlock again");
    assert_eq!(
        ballast_api::backups::list_backups(&j.session).expect("list").backups.len(),
        1,
        "at most one automatic backup a day"
    );
    j.clock.advance(Duration::days(1));
    j.session.lock();
    j.session.unlock(&pass()).expect("unlock the next day");
    assert_eq!(
        ballast_api::backups::list_backups(&j.session).expect("list").backups.len(),
        2,
        "the next day makes another"
    );
    assert!(j.session.status().backup_problem.is_none(), "no problem is reported when backups succeed");
}

#[test]
fn restore_needs_its_word_backs_up_first_and_round_trips() {
    let j = Journey::new(3, "before");
    let mut pages = Vec::new();
    let first = ballast_api::backups::back_up_now(&j.session, &mut |p| pages.push(p)).expect("back up now");
    assert!(pages.last().is_some_and(|p| p.done == p.total && p.total > 0), "progress reaches the end: {pages:?}");
    let before = j.texts();
    j.clock.advance(Duration::minutes(5));
    let draft = ballast_core::ReflectionDraft { text: Some("after".into()), ..Default::default() };
    ballast_api::entries::save_reflection(&j.session, None, &draft).expect("save after the backup");
    let after = j.texts();

    let refused =
        ballast_api::backups::restore(&j.session, &first.file_name, "yes", &mut |_| {}).expect_err("needs the word");
    assert_eq!(refused, ApiError::NotConfirmed("restore"), "the typed confirmation is checked by the API too");
    assert_eq!(j.texts(), after, "a refused restore changes nothing");

    j.clock.advance(Duration::minutes(5));
    let safety =
        ballast_api::backups::restore(&j.session, &first.file_name, " Restore ", &mut |_| {}).expect("restore");
    assert_eq!(safety.reason, "before_restore", "the journal is backed up before it is replaced");
    assert_eq!(j.texts(), before, "the restored journal is the backup's");
    assert_eq!(
        ballast_api::backups::integrity_problems(&j.session).expect("check"),
        Vec::<String>::new(),
        "sound after the swap"
    );

    j.clock.advance(Duration::minutes(5));
    ballast_api::backups::restore(&j.session, &safety.file_name, "restore", &mut |_| {})
        .expect("restore the safety copy");
    assert_eq!(j.texts(), after, "restoring the safety copy undoes the restore");
    j.session.lock();
    j.session.unlock(&pass()).expect("reopens after restores");
    assert_eq!(j.texts(), after, "and it persists");
}

#[test]
fn a_damaged_backup_fails_verification_and_is_never_restored() {
    let j = Journey::new(20, "kept safe");
    let b = ballast_api::backups::back_up_now(&j.session, &mut |_| {}).expect("back up");
    let path = j.dir.backups().join(&b.file_name);
    let verified = ballast_api::backups::verify_backup(&j.session, path.to_str().expect("utf-8"))
        .expect("a fresh backup verifies");
    assert_eq!(verified.counts.get("entries"), Some(&20), "row counts are reported");
    let mut bytes = std::fs::read(&path).expect("read");
    let at = bytes.len() / 2;
    bytes[at] ^= 0x55;
    std::fs::write(&path, &bytes).expect("damage the backup");
    let err = ballast_api::backups::verify_backup(&j.session, path.to_str().expect("utf-8"))
        .expect_err("a flipped byte fails verification");
    assert!(matches!(err, ApiError::BackupFailed(_)), "reported as a failed backup, got {err:?}");
    let before = j.texts();
    let err =
        ballast_api::backups::restore(&j.session, &b.file_name, "restore", &mut |_| {}).expect_err("not restored");
    assert!(matches!(err, ApiError::BackupFailed(_)), "restore refuses it, got {err:?}");
    assert_eq!(j.texts(), before, "the journal is untouched");
    assert_eq!(
        ballast_api::backups::list_backups(&j.session).expect("list").backups.len(),
        1,
        "no safety copy was needed for a refused file"
    );
}

#[test]
fn a_file_that_is_not_a_backup_of_this_journal_fails_verification() {
    let j = Journey::new(1, "mine");
    let other = Journey::new(1, "theirs");
    let theirs = ballast_api::backups::back_up_now(&other.session, &mut |_| {}).expect("their backup");
    let err = ballast_api::backups::verify_backup(
        &j.session,
        other.dir.backups().join(theirs.file_name).to_str().expect("utf-8"),
    )
    .expect_err("another key");
    assert!(matches!(err, ApiError::BackupFailed(ref m) if m.contains("key")), "says it cannot be read, got {err:?}");
    let junk = j.tmp.path().join("junk.db");
    std::fs::write(&junk, vec![7u8; 10_000]).expect("junk");
    assert!(
        matches!(
            ballast_api::backups::verify_backup(&j.session, junk.to_str().expect("utf-8")),
            Err(ApiError::BackupFailed(_))
        ),
        "random bytes fail"
    );
}

#[test]
fn backups_and_the_vault_copy_hold_no_plaintext() {
    let phrase = "quiet harbour lighthouse";
    let j = Journey::new(5, phrase);
    ballast_api::backups::back_up_now(&j.session, &mut |_| {}).expect("back up");
    j.session.lock();
    let files = j.files();
    assert!(files.iter().any(|(p, _)| p.starts_with(j.dir.backups())), "there are backup files to check");
    for (path, bytes) in files {
        assert!(!contains(&bytes, phrase), "{} must not contain journal text", path.display());
    }
}
