//! Damage at unlock: each kind is detected with its own message and never mistaken for a wrong
//! passphrase, the damaged files are moved into `quarantine/` byte for byte, and recovery works.
//! (A `-wal` deleted after an unclean exit needs a killed process: see `crash.rs`.)

use std::path::{Path, PathBuf};

use ballast_api::ApiError;
use ballast_api::dto::JournalState;
use ballast_store::Damage;
use secrecy::SecretString;

use crate::support::{Journey, contains, pass};

const LINE: &str = "a long enough line to fill several pages ";

/// A journal with a backup of all its entries, locked cleanly (so it is one file).
fn backed_up() -> (Journey, Vec<String>) {
    let j = Journey::new(40, &LINE.repeat(8));
    ballast_api::backups::back_up_now(&j.session, &mut |_| {}).expect("back up");
    let texts = j.texts();
    j.session.lock();
    assert!(!j.dir.wal().exists(), "a clean lock leaves one file");
    (j, texts)
}

/// Every file directly inside `folder`, with its bytes.
fn quarantined(folder: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(folder)
        .expect("quarantine folder")
        .flatten()
        .map(|e| (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).expect("read")))
        .filter(|(n, _)| n != "README.txt")
        .collect();
    out.sort();
    out
}

/// Damages the database with `damage`, unlocks, and checks detection, quarantine and restore.
fn detected_kept_and_restored(damage: impl FnOnce(&Path), want: Damage) {
    let (j, texts) = backed_up();
    damage(&j.dir.database());
    let original = std::fs::read(j.dir.database()).expect("the damaged file as it is");
    // Found at unlock (a file cut short, an unreadable first page) or by the check of every page
    // that runs right after it (a damaged page in the middle).
    let err = match j.session.unlock(&pass()) {
        Err(e) => e,
        Ok(()) => {
            assert!(j.session.whole_file_check_due(), "a check of every page is due after unlock");
            j.session.check_whole_file().expect_err("the check of every page finds the damage")
        }
    };
    assert_eq!(err, ApiError::JournalDamaged(want), "detected as {want:?}");
    assert!(err.sentence().contains("nothing has been deleted"), "the message is calm and says so: {}", err.sentence());
    let report = ballast_api::recovery::damage_report(&j.session).expect("a damage report");
    let folder = PathBuf::from(report.quarantined_to.expect("the damaged file was moved aside"));
    assert!(folder.starts_with(j.dir.quarantine()), "into quarantine/");
    let kept = quarantined(&folder);
    assert!(kept.iter().all(|(_, bytes)| !contains(bytes, LINE)), "the quarantined copy holds no plaintext");
    assert_eq!(kept, vec![("journal.db".to_owned(), original)], "moved byte for byte");
    assert!(report.newest_backup.is_some() && report.can_start_empty, "both ways forward are offered");
    assert!(!j.dir.database().exists(), "nothing damaged is left in place");

    ballast_api::recovery::recover(&j.session, &pass(), None).expect("restore the newest backup");
    assert_eq!(j.texts(), texts, "every entry of the backup is back");
    assert!(ballast_api::recovery::damage_report(&j.session).is_none(), "the report clears once recovered");
    assert!(folder.exists(), "the quarantined copy is still kept after recovery");
}

fn flip(path: &Path, offsets: &[usize]) {
    let mut bytes = std::fs::read(path).expect("read");
    for &at in offsets {
        bytes[at] ^= 0xA5;
    }
    std::fs::write(path, bytes).expect("write");
}

#[test]
fn flipped_bytes_in_the_database() {
    detected_kept_and_restored(
        |db| {
            let len = usize::try_from(std::fs::metadata(db).expect("size").len()).expect("fits");
            assert!(len > 5 * 4096, "the journal spans several pages");
            flip(db, &[len / 2, len / 2 + 4096, len - 100]);
        },
        Damage::Corrupt,
    );
}

#[test]
fn flipped_bytes_in_the_first_page() {
    detected_kept_and_restored(|db| flip(db, &[40, 1000]), Damage::Unreadable);
}

#[test]
fn a_truncated_database() {
    detected_kept_and_restored(
        |db| {
            let len = std::fs::metadata(db).expect("size").len();
            std::fs::OpenOptions::new().write(true).open(db).and_then(|f| f.set_len(len / 2)).expect("truncate");
        },
        Damage::Corrupt,
    );
}

#[test]
fn a_zero_length_database() {
    detected_kept_and_restored(|db| std::fs::write(db, b"").expect("empty it"), Damage::Empty);
}

#[test]
fn a_random_file_in_place_of_the_database() {
    detected_kept_and_restored(
        |db| std::fs::write(db, (0..64 * 1024u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<_>>()).expect("write"),
        Damage::Unreadable,
    );
}

#[test]
fn a_missing_database_can_start_empty_and_keeps_the_backups() {
    let (j, _) = backed_up();
    std::fs::remove_file(j.dir.database()).expect("remove");
    let err = j.session.unlock(&pass()).expect_err("missing");
    assert_eq!(err, ApiError::JournalDamaged(Damage::Missing), "a missing file is named as such");
    assert!(
        ballast_api::recovery::damage_report(&j.session).expect("report").quarantined_to.is_none(),
        "nothing to move aside"
    );
    ballast_api::recovery::start_empty(&j.session, &pass()).expect("start empty with the same key");
    assert!(j.texts().is_empty(), "an empty journal");
    assert_eq!(
        ballast_api::backups::list_backups(&j.session).expect("list").backups.len(),
        1,
        "the old backups are still listed"
    );
    let name = ballast_api::backups::list_backups(&j.session).expect("list").backups[0].file_name.clone();
    ballast_api::backups::restore(&j.session, &name, "restore", &mut |_| {})
        .expect("and still restore with the same key");
    assert_eq!(j.texts().len(), 40, "the backup's entries are back");
}

#[test]
fn a_damaged_vault_is_set_aside_and_its_copy_brings_the_journal_back() {
    let (j, texts) = backed_up();
    let vault = std::fs::read_to_string(j.dir.vault()).expect("vault");
    // Change one character of a wrapped key: still valid JSON and base64, so only the checksum
    // can tell this from a wrong passphrase.
    let at = vault.find("\"ciphertext\": \"").expect("a wrapped key") + 20;
    let mut damaged = vault.into_bytes();
    damaged[at] = if damaged[at] == b'A' { b'B' } else { b'A' };
    std::fs::write(j.dir.vault(), &damaged).expect("damage the vault");
    let err = j.session.unlock(&pass()).expect_err("damaged vault");
    assert_eq!(err, ApiError::VaultDamaged, "told apart from a wrong passphrase");
    let report = ballast_api::recovery::damage_report(&j.session).expect("report");
    let folder = PathBuf::from(report.quarantined_to.expect("moved aside"));
    assert_eq!(quarantined(&folder), vec![("vault.json".to_owned(), damaged)], "the vault, byte for byte");
    assert!(!report.can_start_empty, "a new key means setting up again, so that is not offered here");
    assert_eq!(j.session.status().state, JournalState::NeedsRecovery, "the app offers recovery, not set-up");
    ballast_api::recovery::recover(&j.session, &pass(), None).expect("the copy kept with the backups takes its place");
    assert_eq!(j.texts(), texts, "every entry is there");
}

#[test]
fn a_wrong_passphrase_on_a_healthy_journal_never_quarantines() {
    let (j, _) = backed_up();
    let before = j.files();
    let wrong = ballast_api::Secret::Passphrase(SecretString::from("not the right one at all".to_owned()));
    for _ in 0..3 {
        assert_eq!(j.session.unlock(&wrong).err(), Some(ApiError::WrongPassphrase), "just a wrong passphrase");
    }
    assert!(!j.dir.quarantine().exists(), "no quarantine folder is made");
    assert!(ballast_api::recovery::damage_report(&j.session).is_none(), "no damage is reported");
    let after: Vec<_> = j.files().into_iter().filter(|(p, _)| !p.ends_with("ballast.lock")).collect();
    let before: Vec<_> = before.into_iter().filter(|(p, _)| !p.ends_with("ballast.lock")).collect();
    assert_eq!(after, before, "every file is exactly as it was");
}

#[test]
fn after_a_damaged_vault_setting_up_anew_keeps_the_old_files_aside() {
    let (j, _) = backed_up();
    std::fs::write(j.dir.vault(), b"{ not a vault").expect("damage the vault");
    assert_eq!(j.session.unlock(&pass()).err(), Some(ApiError::VaultDamaged), "damaged vault");
    let old_db = std::fs::read(j.dir.database()).expect("the database is still in place");
    j.session.set_up(&SecretString::from("a brand new passphrase".to_owned())).expect("set up anew");
    assert!(j.texts().is_empty(), "a new, empty journal");
    let orphaned: Vec<PathBuf> = std::fs::read_dir(j.dir.quarantine())
        .expect("quarantine")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with("-orphaned"))
        .collect();
    assert_eq!(orphaned.len(), 1, "the old journal and its backups were moved aside together");
    assert_eq!(std::fs::read(orphaned[0].join("journal.db")).expect("kept"), old_db, "the old database, byte for byte");
    assert!(orphaned[0].join("backups").is_dir(), "with the old backups, which only the old key opens");
}
