//! Re-keying: after it, entries, the kept draft and every backup read with the new secrets; the
//! old passphrase, the old recovery key and an old copy of the vault open nothing current; a
//! failure halfway leaves the journal as it was; an interruption between the two renames is
//! finished at the next unlock.

use std::path::Path;
use std::sync::Arc;

use ballast_api::keys::{self, BackupChoice};
use ballast_api::{ApiError, DataDir, Secret, Session};
use ballast_core::{FixedClock, FormDraft, ReflectionDraft};
use ballast_store::Journal;
use chrono::{TimeZone, Utc};
use secrecy::SecretString;

const OLD: &str = "harbour lantern quietly";
const NEW: &str = "a different lantern entirely";

fn phrase(p: &str) -> Secret {
    Secret::Passphrase(SecretString::from(p.to_owned()))
}

fn recovery(k: &str) -> Secret {
    Secret::RecoveryKey(SecretString::from(k.to_owned()))
}

/// A journal with three entries, a kept draft and two backups; returns it and its recovery key.
fn journal(tmp: &Path) -> (Session, String) {
    let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("date"));
    let session = Session::new(DataDir::new(tmp.join("data")), Arc::new(clock));
    let key = session.set_up(&SecretString::from(OLD.to_owned())).expect("set up").recovery_key;
    for n in 0..3 {
        let d = ReflectionDraft { text: Some(format!("entry {n}")), ..Default::default() };
        ballast_api::entries::save_reflection(&session, None, &d).expect("save");
        ballast_api::backups::back_up_now(&session, &mut |_| {}).expect("backup");
    }
    let draft = FormDraft::Reflection {
        entry_id: None,
        fields: ReflectionDraft { text: Some("half a thought".into()), ..Default::default() },
    };
    ballast_api::drafts::save_draft(&session, &draft).expect("draft");
    (session, key)
}

fn texts(session: &Session) -> Vec<String> {
    let page = ballast_api::entries::list_entries(session, None, 100).expect("list");
    page.entries.iter().map(|e| e.preview.clone()).collect()
}

/// Whether an old vault (`vault`) opens `db` (the journal, or a backup) with `secret`.
fn old_vault_opens(tmp: &Path, vault: &[u8], db: &Path, secret: &Secret) -> bool {
    let dir =
        DataDir::new(tmp.join(format!("probe-{}", db.file_name().map(|n| n.to_string_lossy()).unwrap_or_default())));
    std::fs::create_dir_all(dir.root()).expect("probe dir");
    std::fs::write(dir.vault(), vault).expect("old vault");
    std::fs::copy(db, dir.database()).expect("copy");
    let wal = db.with_file_name(format!("{}-wal", db.file_name().map(|n| n.to_string_lossy()).unwrap_or_default()));
    if wal.exists() {
        std::fs::copy(&wal, dir.wal()).expect("copy the write-ahead log too");
    }
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 19, 0, 0).single().expect("date");
    Journal::open(&dir, secret, now).is_ok()
}

#[test]
fn after_a_rekey_only_the_new_secrets_open_the_journal_and_its_backups() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (session, old_recovery) = journal(tmp.path());
    let dir = session.dir().clone();
    let before = texts(&session);
    let old_vault = std::fs::read(dir.vault()).expect("the vault as an old laptop image would hold it");
    let old_backup_vault = std::fs::read(dir.backup_vault()).expect("the copy kept with the backups");
    assert!(old_vault_opens(tmp.path(), &old_vault, &dir.database(), &phrase(OLD)), "the probe itself can succeed");

    let new = keys::rekey(&session, &phrase(OLD), &SecretString::from(NEW.to_owned()), BackupChoice::KeepReadable)
        .expect("re-key");
    assert_ne!(new.recovery_key, old_recovery, "a new recovery key, shown once");
    assert_eq!(texts(&session), before, "the open journal reads the same after the re-key");

    session.lock();
    assert_eq!(session.unlock(&phrase(OLD)), Err(ApiError::WrongPassphrase), "the old passphrase is refused");
    assert_eq!(session.unlock(&recovery(&old_recovery)), Err(ApiError::WrongRecoveryKey), "the old recovery key too");
    session.unlock(&recovery(&new.recovery_key)).expect("the new recovery key opens it");
    session.lock();
    session.unlock(&phrase(NEW)).expect("the new passphrase opens it");
    assert_eq!(texts(&session), before, "every entry is there");
    let kept = ballast_api::drafts::take_draft(&session).expect("draft");
    assert!(matches!(kept, Some(FormDraft::Reflection { .. })), "the kept draft is there");
    let backups = ballast_api::backups::list_backups(&session).expect("backups").backups;
    assert!(backups.len() >= 4, "the three backups and the one made before the re-key: {}", backups.len());
    for b in &backups {
        ballast_api::backups::verify_backup(&session, &b.file_name).expect("every backup reads with the new key");
        let path = dir.backups().join(&b.file_name);
        for (vault, secret) in [(&old_vault, phrase(OLD)), (&old_backup_vault, recovery(&old_recovery))] {
            assert!(
                !old_vault_opens(tmp.path(), vault, &path, &secret),
                "an old vault copy opens no backup ({})",
                b.file_name
            );
        }
    }
    assert!(!old_vault_opens(tmp.path(), &old_vault, &dir.database(), &phrase(OLD)), "nor the journal");
    let leftovers: Vec<_> = std::fs::read_dir(dir.root())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("rekey"))
        .collect();
    assert!(leftovers.is_empty(), "nothing of the re-key is left behind: {leftovers:?}");
}

#[test]
fn removing_the_backups_leaves_none_under_the_old_key() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (session, _) = journal(tmp.path());
    keys::rekey(&session, &phrase(OLD), &SecretString::from(OLD.to_owned()), BackupChoice::Remove).expect("re-key");
    let backups = ballast_api::backups::list_backups(&session).expect("backups").backups;
    assert!(backups.is_empty(), "every backup under the old key is gone: {backups:?}");
    session.lock();
    session.unlock(&phrase(OLD)).expect("the same passphrase opens the re-keyed journal");
}

#[test]
fn a_failure_halfway_leaves_the_journal_as_it_was() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (session, old_recovery) = journal(tmp.path());
    let dir = session.dir().clone();
    let before = texts(&session);
    // Something in the way of re-encrypting the newest backup: the journal has been copied aside
    // by then, but nothing has been replaced.
    let newest = ballast_api::backups::list_backups(&session).expect("backups").backups[0].file_name.clone();
    let blocker = dir.backups().join(format!("{newest}.rekeying"));
    std::fs::create_dir(&blocker).expect("a folder in the way");
    std::fs::write(blocker.join("keep"), b"x").expect("not empty");
    let err = keys::rekey(&session, &phrase(OLD), &SecretString::from(NEW.to_owned()), BackupChoice::KeepReadable);
    assert!(err.is_err(), "the re-key fails");
    std::fs::remove_dir_all(&blocker).expect("clear the way");
    assert_eq!(texts(&session), before, "the open journal is as it was");
    session.lock();
    session.unlock(&phrase(OLD)).expect("the old passphrase still opens it");
    session.lock();
    session.unlock(&recovery(&old_recovery)).expect("and the old recovery key");
    assert_eq!(texts(&session), before, "with every entry");
    for b in ballast_api::backups::list_backups(&session).expect("backups").backups {
        ballast_api::backups::verify_backup(&session, &b.file_name).expect("every backup still reads with the old key");
    }
    assert!(
        !dir.root().join("vault.json.rekeyed").exists() && !dir.root().join("journal.db.rekeying").exists(),
        "nothing half-done is left"
    );
}

#[test]
fn an_interruption_between_the_two_renames_is_finished_at_the_next_unlock() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (session, _) = journal(tmp.path());
    let dir = session.dir().clone();
    let before = texts(&session);
    let old_vault = std::fs::read(dir.vault()).expect("old vault");
    keys::rekey(&session, &phrase(OLD), &SecretString::from(NEW.to_owned()), BackupChoice::KeepReadable)
        .expect("re-key");
    session.lock();
    // As if the machine stopped after the journal was renamed into place but before its vault.
    std::fs::rename(dir.vault(), dir.root().join("vault.json.rekeyed")).expect("new vault back aside");
    std::fs::write(dir.vault(), &old_vault).expect("old vault in place");
    session.unlock(&phrase(NEW)).expect("the next unlock finishes the re-key");
    assert_eq!(texts(&session), before, "and every entry is there");
    assert!(!dir.root().join("vault.json.rekeyed").exists(), "the new vault is in place");
}

#[test]
fn a_new_recovery_key_retires_the_old_one() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (session, old_recovery) = journal(tmp.path());
    let wrong = keys::new_recovery_key(
        &session,
        &SecretString::from("not my passphrase at all".to_owned()),
        BackupChoice::KeepReadable,
    );
    assert_eq!(wrong.err(), Some(ApiError::WrongPassphrase), "it needs the passphrase");
    let new = keys::new_recovery_key(&session, &SecretString::from(OLD.to_owned()), BackupChoice::KeepReadable)
        .expect("new key");
    session.lock();
    assert_eq!(
        session.unlock(&recovery(&old_recovery)),
        Err(ApiError::WrongRecoveryKey),
        "the old recovery key is retired"
    );
    session.unlock(&recovery(&new.recovery_key)).expect("the new one works");
    session.lock();
    session.unlock(&phrase(OLD)).expect("and the passphrase is unchanged");
}
