//! Opening with a migration that fails: the data and the pre-migration backup are both kept.

use ballast_core::{EntryBody, ReflectionDraft, SystemClock};
use chrono::{TimeZone, Utc};
use rusqlite_migration::M;
use secrecy::SecretString;

use super::*;

#[test]
fn a_failed_migration_keeps_the_data_and_the_backup_made_before_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = DataDir::new(tmp.path().join("data"));
    let pass = SecretString::from("harbour lantern quietly".to_owned());
    let now = Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("a valid date");
    {
        let (mut j, _) = Journal::create(&dir, &pass, now).expect("set up");
        let body = ReflectionDraft { text: Some("before the upgrade".into()), ..Default::default() }
            .validate(&SystemClock)
            .expect("valid");
        j.insert(&EntryBody::Reflection(body), now).expect("save");
    }
    let mut broken = crate::migrations::STEPS.to_vec();
    broken.push(M::up("CREATE TABLE later (x); CREATE TABLE settings (clash);"));
    let lock = JournalLock::acquire(&dir).expect("lock");
    let key = Vault::load(&dir.vault()).and_then(|v| v.unlock(&Secret::Passphrase(pass.clone()))).expect("key");
    let err = Journal::open_migrating(dir.clone(), key, lock, now, &broken).expect_err("the second step fails");
    assert!(matches!(err, StoreError::Migration(_)), "reported as a failed migration, got {err:?}");

    let backups = backup::list(&dir).expect("list");
    assert_eq!(backups.len(), 1, "a backup was made before migrating");
    assert_eq!(backups[0].reason, Reason::BeforeMigration, "and says why");
    let key = Vault::load(&dir.vault()).and_then(|v| v.unlock(&Secret::Passphrase(pass.clone()))).expect("key");
    let verified = backup::verify(&dir.backups().join(&backups[0].file_name), &key).expect("the backup verifies");
    assert_eq!(verified.counts.get("entries"), Some(&1), "holding the entry");

    let j = Journal::open(&dir, &Secret::Passphrase(pass), now).expect("the journal still opens as it was");
    let page = j.page(None, 10).expect("list");
    assert_eq!(page.len(), 1, "the entry survived the failed migration");
    let version: i64 = j.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
    assert_eq!(version, crate::migrations::latest_version(), "the version did not move past the failed step");
    assert!(j.conn.prepare("SELECT * FROM later").is_err(), "nothing of the failed step stayed");
}
