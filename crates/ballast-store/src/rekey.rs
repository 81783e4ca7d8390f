//! Re-keying: the journal re-encrypted under a new random data key, so that no old copy of
//! `vault.json` (in `backups/`, `quarantine/`, an old laptop image) nor the old passphrase or
//! recovery key opens anything current. The database is copied into a new file under the new key
//! (`sqlcipher_export`), verified, and swapped in the way restore swaps; a new vault (the chosen
//! passphrase and a new recovery key) replaces the old; the backups are re-encrypted to the new key
//! (the default, so they stay readable) or removed.
//!
//! Crash safety: the new file (`journal.db.rekeying`) and the new vault (`vault.json.rekeyed`) are
//! written and synced before anything is replaced; the journal is renamed into place first, the
//! vault second. Opening finishes or forgets an interrupted re-key ([`finish_interrupted`]): with
//! the new file still aside, nothing was replaced and both are removed; without it, the journal is
//! on the new key and the new vault is renamed into place.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use secrecy::SecretString;

use crate::backup::{self, Reason};
use crate::connection::{self, Mode};
use crate::data_dir::DataDir;
use crate::error::{BackupProblem, Result, StoreError, io};
use crate::journal::Journal;
use crate::vault::{DataKey, RecoveryKey, Secret, Vault};
use crate::{durable, quarantine};

/// The suffix of a file being re-encrypted.
pub(crate) const REKEYING: &str = ".rekeying";

/// What becomes of the backups when the journal is re-keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BackupsAfterRekey {
    /// Each backup re-encrypted to the new key, verified, and put back: they stay readable with
    /// the new passphrase or recovery key (and only with them).
    ReEncrypt,
    /// Every backup removed, with the old vault copy: nothing under the old key is kept there.
    Remove,
}

fn aside(dir: &DataDir) -> PathBuf {
    dir.root().join(format!("journal.db{REKEYING}"))
}

fn next_vault(dir: &DataDir) -> PathBuf {
    dir.root().join("vault.json.rekeyed")
}

/// Copies the database open on `src` into a new file `to` keyed with `key`, and verifies the copy
/// has the same rows. `to` is created owner-only; on failure it is removed.
fn export_to(src: &Connection, to: &Path, key: &DataKey) -> Result<()> {
    if to.exists() {
        std::fs::remove_file(to).map_err(io(to))?;
    }
    crate::private::create_file(to).map_err(io(to))?;
    let copied = (|| -> Result<()> {
        let hex = connection::raw_key(key);
        let path = to.to_string_lossy().into_owned();
        src.execute("ATTACH DATABASE ?1 AS rekeyed KEY ?2", rusqlite::params![path, hex.as_str()])?;
        let exported = src.query_row("SELECT sqlcipher_export('rekeyed')", [], |_| Ok(())).and_then(|()| {
            let version: i64 = src.query_row("PRAGMA main.user_version", [], |r| r.get(0))?;
            src.execute_batch(&format!("PRAGMA rekeyed.user_version = {version};"))
        });
        let detached = src.execute_batch("DETACH DATABASE rekeyed");
        exported?;
        detached?;
        durable::sync(to)?;
        let expected = connection::row_counts(src)?;
        let found = backup::verify(to, key)?.counts;
        if found != expected {
            return Err(StoreError::BackupFailed(BackupProblem::RekeyedCopyDiffers));
        }
        Ok(())
    })();
    if copied.is_err() {
        let _ = std::fs::remove_file(to);
    }
    copied
}

/// Finishes or forgets a re-key that was interrupted (see the module's notes). Called while the
/// data directory's lock is held, before the vault is read.
pub(crate) fn finish_interrupted(dir: &DataDir) -> Result<()> {
    let next = next_vault(dir);
    if !next.exists() {
        if aside(dir).exists() {
            std::fs::remove_file(aside(dir)).map_err(io(&aside(dir)))?;
        }
        return Ok(());
    }
    if aside(dir).exists() {
        // Nothing was replaced: the journal is as it was.
        std::fs::remove_file(aside(dir)).map_err(io(&aside(dir)))?;
        std::fs::remove_file(&next).map_err(io(&next))?;
    } else {
        // The journal is on the new key: its vault goes into place.
        std::fs::rename(&next, dir.vault()).map_err(io(&next))?;
    }
    durable::sync(dir.root())
}

impl Journal {
    /// Re-keys the journal (see the module's notes), after checking `current`; `passphrase` is
    /// the passphrase from now on (the same one, or a new one). Returns the new recovery key, to
    /// show once. A backup under the old key is made first and, like every backup, re-encrypted or
    /// removed as `backups` says.
    ///
    /// # Errors
    /// [`StoreError::WrongSecret`]; [`StoreError::BackupFailed`] when a copy does not verify
    /// (nothing is replaced then); I/O and database errors (the journal is left as it was when they
    /// happen before the swap).
    pub fn rekey(
        &mut self,
        current: &Secret,
        passphrase: &SecretString,
        backups: BackupsAfterRekey,
        now: DateTime<Utc>,
    ) -> Result<RecoveryKey> {
        self.check_secret(current)?;
        self.backup(Reason::BeforeRekey, now, &mut |_| {})?;
        let key = DataKey::random();
        let (vault, recovery) = Vault::for_key(&key, passphrase)?;
        // 1. The new file and the new vault, written and synced; nothing replaced yet.
        export_to(&self.conn, &aside(&self.dir), &key)?;
        let reencrypted = match backups {
            BackupsAfterRekey::ReEncrypt => self.reencrypt_backups(&key),
            BackupsAfterRekey::Remove => Ok(Vec::new()),
        };
        let reencrypted = match reencrypted {
            Ok(r) => r,
            Err(e) => {
                let _ = std::fs::remove_file(aside(&self.dir));
                return Err(e);
            }
        };
        if let Err(e) = vault.save(&next_vault(&self.dir)) {
            let _ = std::fs::remove_file(aside(&self.dir));
            for (tmp, _) in &reencrypted {
                let _ = std::fs::remove_file(tmp);
            }
            return Err(e);
        }
        // 2. The swap: the journal first, then its vault.
        let old = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        connection::close_cleanly(old)?;
        let stale: Vec<PathBuf> = [self.dir.wal(), self.dir.shm()].into_iter().filter(|p| p.exists()).collect();
        if !stale.is_empty() {
            quarantine::move_aside(&self.dir, &stale, "replaced-log", now)?;
        }
        std::fs::rename(aside(&self.dir), self.dir.database()).map_err(io(&self.dir.database()))?;
        durable::sync(self.dir.root())?;
        finish_interrupted(&self.dir)?;
        self.key = key;
        self.conn = connection::open(&self.dir.database(), &self.key, Mode::Existing)?;
        // 3. The backups: each re-encrypted copy put in place of its old one, or all removed.
        match backups {
            BackupsAfterRekey::ReEncrypt => {
                for (tmp, listed) in reencrypted {
                    std::fs::rename(&tmp, &listed).map_err(io(&listed))?;
                }
            }
            BackupsAfterRekey::Remove => {
                for b in backup::list(&self.dir)? {
                    let path = self.dir.backups().join(&b.file_name);
                    std::fs::remove_file(&path).map_err(io(&path))?;
                }
            }
        }
        if self.dir.backups().exists() {
            backup::copy_vault(&self.dir)?;
            durable::sync(&self.dir.backups())?;
        }
        Ok(recovery)
    }

    /// Every backup re-encrypted to `key` beside itself (`<name>.rekeying`), verified; returns
    /// each new file with the backup it replaces. On failure the new files are removed.
    fn reencrypt_backups(&self, key: &DataKey) -> Result<Vec<(PathBuf, PathBuf)>> {
        let mut done: Vec<(PathBuf, PathBuf)> = Vec::new();
        let result = (|| -> Result<()> {
            for b in backup::list(&self.dir)? {
                let listed = self.dir.backups().join(&b.file_name);
                let tmp = self.dir.backups().join(format!("{}{REKEYING}", b.file_name));
                // Read-write only so that the new file can be attached to it; the backup is not written.
                let src = connection::open_snapshot(&listed, &self.key, Mode::Existing)?;
                export_to(&src, &tmp, key)?;
                done.push((tmp, listed));
            }
            Ok(())
        })();
        match result {
            Ok(()) => Ok(done),
            Err(e) => {
                for (tmp, _) in &done {
                    let _ = std::fs::remove_file(tmp);
                }
                Err(e)
            }
        }
    }
}
