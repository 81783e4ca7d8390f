//! An open journal: the keyed connection, held under the data directory's lock. Opening checks
//! the secret against the vault before the database is touched.

use ballast_core::{Cursor, Entry, EntryBody, EntryId, EntrySummary, FormDraft};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use secrecy::SecretString;

use crate::data_dir::DataDir;
use crate::error::{Result, StoreError, io};
use crate::lock::JournalLock;
use crate::vault::{RecoveryKey, Secret, Vault};
use crate::{connection, drafts, entries, migrations, settings};

/// An unlocked journal. Dropping it closes the database and releases the lock.
pub struct Journal {
    conn: Connection,
    dir: DataDir,
    _lock: JournalLock,
}

impl std::fmt::Debug for Journal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Journal").field("dir", &self.dir).finish_non_exhaustive()
    }
}

impl Journal {
    /// Sets up a new journal: a random data key, wrapped under `passphrase` and a new recovery
    /// key (returned, to be shown once), and an empty database at the latest schema.
    ///
    /// # Errors
    /// [`StoreError::AlreadySetUp`] when a vault exists; [`StoreError::HeldByOther`]; I/O errors.
    pub fn create(dir: &DataDir, passphrase: &SecretString, now: DateTime<Utc>) -> Result<(Self, RecoveryKey)> {
        let lock = JournalLock::acquire(dir)?;
        if dir.is_set_up() {
            return Err(StoreError::AlreadySetUp);
        }
        set_aside_orphan(dir, now)?;
        let (vault, key, recovery) = Vault::create(passphrase)?;
        let mut conn = connection::open(&dir.database(), &key, true)?;
        migrations::migrate(&mut conn)?;
        vault.save(&dir.vault())?;
        Ok((Self { conn, dir: dir.clone(), _lock: lock }, recovery))
    }

    /// Opens the journal with a passphrase or the recovery key, migrating it when needed.
    ///
    /// # Errors
    /// [`StoreError::NotSetUp`], [`StoreError::WrongSecret`] (the database is not touched),
    /// [`StoreError::VaultDamaged`], [`StoreError::JournalDamaged`], [`StoreError::TooNew`],
    /// [`StoreError::HeldByOther`].
    pub fn open(dir: &DataDir, secret: &Secret) -> Result<Self> {
        if !dir.is_set_up() {
            return Err(StoreError::NotSetUp);
        }
        let lock = JournalLock::acquire(dir)?;
        let key = Vault::load(&dir.vault())?.unlock(secret)?;
        let mut conn = connection::open(&dir.database(), &key, false)?;
        migrations::migrate(&mut conn)?;
        Ok(Self { conn, dir: dir.clone(), _lock: lock })
    }

    /// Re-wraps the data key under `next`, after checking `current`. Entries are untouched.
    ///
    /// # Errors
    /// [`StoreError::WrongSecret`] when `current` is wrong; vault errors.
    pub fn change_passphrase(&mut self, current: &SecretString, next: &SecretString) -> Result<()> {
        let path = self.dir.vault();
        let mut vault = Vault::load(&path)?;
        let key = vault.unlock(&Secret::Passphrase(current.clone()))?;
        vault.rewrap_passphrase(&key, next)?;
        vault.save(&path)
    }

    /// The data directory.
    pub fn dir(&self) -> &DataDir {
        &self.dir
    }

    /// Saves a new entry.
    ///
    /// # Errors
    /// Database errors; nothing is written when one occurs.
    pub fn insert(&mut self, body: &EntryBody, now: DateTime<Utc>) -> Result<EntryId> {
        let tx = self.conn.transaction()?;
        let id = entries::insert(&tx, body, now)?;
        tx.commit()?;
        Ok(id)
    }

    /// Replaces an entry's contents.
    ///
    /// # Errors
    /// [`StoreError::NotFound`]; database errors, with nothing written.
    pub fn update(&mut self, id: EntryId, body: &EntryBody, now: DateTime<Utc>) -> Result<()> {
        let tx = self.conn.transaction()?;
        entries::update(&tx, id, body, now)?;
        tx.commit()?;
        Ok(())
    }

    /// Deletes an entry.
    ///
    /// # Errors
    /// [`StoreError::NotFound`]; database errors.
    pub fn delete(&mut self, id: EntryId) -> Result<()> {
        entries::delete(&self.conn, id)
    }

    /// One entry.
    ///
    /// # Errors
    /// [`StoreError::NotFound`]; database errors.
    pub fn get(&self, id: EntryId) -> Result<Entry> {
        entries::get(&self.conn, id)
    }

    /// A page of the list, newest first, strictly older than `before`.
    ///
    /// # Errors
    /// Database errors.
    pub fn page(&self, before: Option<Cursor>, limit: u32) -> Result<Vec<EntrySummary>> {
        entries::page(&self.conn, before, limit)
    }

    /// Keeps an unsaved form (replacing any kept before).
    ///
    /// # Errors
    /// Database errors.
    pub fn save_draft(&mut self, draft: &FormDraft, now: DateTime<Utc>) -> Result<()> {
        drafts::save(&self.conn, draft, now)
    }

    /// Hands back the kept form, if any, and forgets it.
    ///
    /// # Errors
    /// Database errors.
    pub fn take_draft(&mut self) -> Result<Option<FormDraft>> {
        drafts::take(&self.conn)
    }

    /// A setting's stored value.
    ///
    /// # Errors
    /// Database errors.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        settings::get(&self.conn, key)
    }

    /// Stores a setting.
    ///
    /// # Errors
    /// Database errors.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        settings::set(&self.conn, key, value)
    }
}

/// A database left without a vault (set-up interrupted before the vault was written) cannot be
/// opened by anyone; it is renamed aside, never deleted, before a new journal is made.
fn set_aside_orphan(dir: &DataDir, now: DateTime<Utc>) -> Result<()> {
    let db = dir.database();
    if !db.exists() {
        return Ok(());
    }
    let stamp = now.format("%Y%m%dT%H%M%SZ");
    for suffix in ["", "-wal", "-shm"] {
        let from = std::path::PathBuf::from(format!("{}{suffix}", db.display()));
        if from.exists() {
            let to = std::path::PathBuf::from(format!("{}.orphaned-{stamp}{suffix}", db.display()));
            std::fs::rename(&from, &to).map_err(io(&from))?;
        }
    }
    Ok(())
}
