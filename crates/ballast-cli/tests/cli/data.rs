//! Backups, restore (also of a damaged journal), export, import and deleting everything.

use crate::support::{PASS, ballast, code, init, ok};

#[test]
fn backup_list_verify_and_restore() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    init(&dir);
    ok(&dir, &["add", "--text", "first", "--mood", "4"], None);
    // Opening the journal made the day's backup; `backup` makes another.
    let made = ok(&dir, &["backup"], None);
    assert!(made.starts_with("Backed up and verified:"), "says it was verified: {made}");
    let list: serde_json::Value = serde_json::from_str(&ok(&dir, &["backups", "--json"], None)).expect("json");
    let backups = list["backups"].as_array().expect("a list");
    assert_eq!(backups.len(), 2, "the daily backup and the one asked for: {list}");
    assert!(backups.iter().all(|b| b["verified"] == true), "each is verified");
    let newest = backups[0]["file_name"].as_str().expect("name").to_owned();
    assert!(ok(&dir, &["verify"], None).contains("journal: sound"), "verify checks the journal too");
    assert!(ok(&dir, &["verify", &newest], None).contains("verified"), "and one named backup");

    ok(&dir, &["add", "--text", "second"], None);
    let out = ballast(&dir, &["restore", &newest], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&out), 2, "restore without --confirm is refused as a usage error");
    assert_eq!(ok(&dir, &["list", "--json"], None).matches("\"id\"").count(), 2, "and nothing changed");
    let restored = ok(&dir, &["restore", &newest, "--confirm"], None);
    assert!(restored.contains("is kept as"), "names the backup made first: {restored}");
    assert_eq!(ok(&dir, &["list", "--json"], None).matches("\"id\"").count(), 1, "the backup's one entry");

    let bad = dir.join("backups").join(&newest);
    let mut bytes = std::fs::read(&bad).expect("read");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xFF;
    std::fs::write(&bad, bytes).expect("damage a backup");
    let out = ballast(&dir, &["verify"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&out), 1, "a damaged backup fails verify");
    assert!(String::from_utf8_lossy(&out.stdout).contains("did not pass its check"), "and says which");
}

#[test]
fn restore_newest_recovers_a_damaged_journal() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    init(&dir);
    ok(&dir, &["add", "--text", "kept"], None);
    ok(&dir, &["backup"], None);
    std::fs::write(dir.join("journal.db"), b"").expect("empty the journal");
    let out = ballast(&dir, &["list"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&out), 1, "a damaged journal does not open");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is empty") && err.contains("ballast restore newest --confirm"),
        "says what and what to do: {err}"
    );
    let q: Vec<_> = std::fs::read_dir(dir.join("quarantine")).expect("quarantine").collect();
    assert_eq!(q.len(), 1, "the damaged file was moved aside");
    ok(&dir, &["restore", "newest", "--confirm"], None);
    assert!(ok(&dir, &["list"], None).contains("kept"), "the entry is back");
}

#[test]
fn export_import_and_delete_all() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    init(&a);
    init(&b);
    ok(&a, &["add", "--text", "travels with me", "--mood", "7"], None);
    let out = tmp.path().join("out");
    let printed = ok(&a, &["export", "--out", out.to_str().expect("utf-8")], None);
    assert!(printed.contains("Exported 1 entries"), "says how many: {printed}");
    for f in ["ballast-export.json", "entries.csv", "settings.csv", "entries.md"] {
        assert!(out.join(f).exists(), "{f} is written");
    }
    let file = out.join("ballast-export.json");
    let printed = ok(&b, &["import", file.to_str().expect("utf-8")], None);
    assert!(printed.contains("Imported 1 records"), "one record: {printed}");
    assert!(ok(&b, &["list"], None).contains("travels with me"), "the entry is in b");

    let mut doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    doc["entries"][0]["mood"] = 12.into();
    std::fs::write(&file, serde_json::to_vec(&doc).expect("json")).expect("write");
    let bad = ballast(&b, &["import", file.to_str().expect("utf-8")], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&bad), 4, "an invalid import exits 4");
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("entries[0].mood"),
        "and lists the problem by record and field"
    );

    let refused = ballast(&a, &["delete-all"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&refused), 2, "delete-all needs --confirm");
    assert!(a.join("journal.db").exists(), "and nothing was removed");
    let printed = ok(&a, &["delete-all", "--confirm"], None);
    assert!(printed.contains("journal.db") && printed.contains("vault.json"), "says what was removed: {printed}");
    assert!(printed.contains("final backup"), "and that a final backup was kept: {printed}");
    assert!(!a.join("journal.db").exists() && !a.join("vault.json").exists(), "the journal and its key are gone");
    let out = ballast(&a, &["list"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("ballast restore newest"), "says how to undo it");
    ok(&a, &["restore", "newest", "--confirm"], None);
    assert!(ok(&a, &["list"], None).contains("travels with me"), "the final backup undoes it");
    let printed = ok(&a, &["delete-all", "--confirm", "--no-final-backup", "--remove-backups"], None);
    assert!(printed.contains("backups"), "the backups are listed as removed: {printed}");
    assert!(!a.exists(), "nothing is left of the data folder");
}

/// The recovery key a command printed, if any.
fn printed_key(out: &str) -> String {
    out.lines()
        .map(str::trim)
        .find(|l| l.len() == 39 && l.matches('-').count() == 7)
        .expect("a recovery key is printed")
        .to_owned()
}

#[test]
fn change_passphrase_with_rekey_and_a_new_recovery_key() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    let first_key = init(&dir);
    ok(&dir, &["add", "--text", "kept through re-keying"], None);
    ok(&dir, &["backup"], None);
    let new_pass = "a different lantern entirely";
    let out = ballast(
        &dir,
        &["change-passphrase", "--rekey"],
        &[("BALLAST_PASSPHRASE", PASS), ("BALLAST_NEW_PASSPHRASE", new_pass)],
        None,
    );
    assert_eq!(code(&out), 0, "change-passphrase --rekey succeeds: {}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout).into_owned();
    let second_key = printed_key(&said);
    assert_ne!(second_key, first_key, "a new recovery key is printed once");
    assert!(said.contains("no longer open it"), "and says what re-keying means: {said}");
    let old = ballast(&dir, &["list"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&old), 3, "the old passphrase is refused (exit 3)");
    let old_key = ballast(&dir, &["list"], &[("BALLAST_RECOVERY_KEY", &first_key)], None);
    assert_eq!(code(&old_key), 3, "the old recovery key is refused");
    let listed = ballast(&dir, &["list"], &[("BALLAST_PASSPHRASE", new_pass)], None);
    assert!(
        String::from_utf8_lossy(&listed.stdout).contains("kept through re-keying"),
        "the new passphrase reads every entry"
    );
    let verified = ballast(&dir, &["verify"], &[("BALLAST_RECOVERY_KEY", &second_key)], None);
    assert_eq!(
        code(&verified),
        0,
        "the journal and every backup verify with the new key: {}",
        String::from_utf8_lossy(&verified.stderr)
    );

    let out = ballast(&dir, &["new-recovery-key"], &[("BALLAST_PASSPHRASE", new_pass)], None);
    assert_eq!(code(&out), 0, "new-recovery-key succeeds: {}", String::from_utf8_lossy(&out.stderr));
    let third_key = printed_key(&String::from_utf8_lossy(&out.stdout));
    assert_eq!(
        code(&ballast(&dir, &["list"], &[("BALLAST_RECOVERY_KEY", &second_key)], None)),
        3,
        "the previous key is retired"
    );
    assert_eq!(
        code(&ballast(&dir, &["list"], &[("BALLAST_RECOVERY_KEY", &third_key)], None)),
        0,
        "the new one opens it"
    );
    let refused = ballast(&dir, &["new-recovery-key"], &[("BALLAST_RECOVERY_KEY", &third_key)], None);
    assert_eq!(code(&refused), 4, "a new recovery key needs the passphrase, and says so");
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("passphrase"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
}
