//! An open journal: the keyed connection, held under the data directory's lock. Opening checks
//! the secret against the vault before the database is touched, then checks the database itself
//! (see [`crate::damage`]), and backs it up before any migration.

use ballast_core::{Cursor, Entry, EntryBody, EntryId, EntrySummary, FormDraft};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use secrecy::SecretString;

use crate::backup::{self, BackupInfo, Progress, Reason};
use crate::connection::{self, Mode};
use crate::damage::{self, WholeFileCheck};
use crate::data_dir::DataDir;
use crate::error::{Result, StoreError};
use crate::lock::JournalLock;
use crate::vault::{DataKey, RecoveryKey, Secret, Vault};
use crate::{drafts, entries, migrations, quarantine, settings};

/// An unlocked journal. Dropping it closes the database and releases the lock.
pub struct Journal {
    pub(crate) conn: Connection,
    pub(crate) key: DataKey,
    pub(crate) dir: DataDir,
    pub(crate) _lock: JournalLock,
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
        set_aside_orphans(dir, now)?;
        let (vault, key, recovery) = Vault::create(passphrase)?;
        let mut conn = connection::open(&dir.database(), &key, Mode::Create)?;
        migrations::migrate(&mut conn)?;
        vault.save(&dir.vault())?;
        Ok((Self { conn, key, dir: dir.clone(), _lock: lock }, recovery))
    }

    /// Opens the journal with a passphrase or the recovery key, checking it, and migrating it
    /// (after a verified backup) when needed.
    ///
    /// # Errors
    /// [`StoreError::NotSetUp`], [`StoreError::WrongSecret`] (the database is not touched),
    /// [`StoreError::VaultDamaged`], [`StoreError::JournalDamaged`], [`StoreError::TooNew`],
    /// [`StoreError::HeldByOther`].
    pub fn open(dir: &DataDir, secret: &Secret, now: DateTime<Utc>) -> Result<Self> {
        if !dir.is_set_up() {
            return Err(StoreError::NotSetUp);
        }
        let lock = JournalLock::acquire(dir)?;
        crate::rekey::finish_interrupted(dir)?;
        let key = Vault::load(&dir.vault())?.unlock(secret)?;
        Self::open_with(dir.clone(), key, lock, now)
    }

    /// Opens the database with a key already checked against the vault.
    pub(crate) fn open_with(dir: DataDir, key: DataKey, lock: JournalLock, now: DateTime<Utc>) -> Result<Self> {
        Self::open_migrating(dir, key, lock, now, migrations::STEPS)
    }

    /// As [`Journal::open_with`], migrating by `steps`: a verified backup first when any apply.
    pub(crate) fn open_migrating(
        dir: DataDir,
        key: DataKey,
        lock: JournalLock,
        now: DateTime<Utc>,
        steps: &[rusqlite_migration::M<'static>],
    ) -> Result<Self> {
        if let Some(found) = damage::in_files(&dir) {
            return Err(StoreError::JournalDamaged(found));
        }
        let conn = connection::open(&dir.database(), &key, Mode::Existing)?;
        let version = damage::check_sound(&conn, &dir)?;
        let mut journal = Self { conn, key, dir, _lock: lock };
        if usize::try_from(version).is_ok_and(|v| v < steps.len()) {
            journal.backup(Reason::BeforeMigration, now, &mut |_| {})?;
        }
        migrations::migrate_by(&mut journal.conn, steps)?;
        Ok(journal)
    }

    /// A check of every page on a connection of its own, to run without holding the journal.
    ///
    /// # Errors
    /// Database errors opening the second connection.
    pub fn whole_file_check(&self) -> Result<WholeFileCheck> {
        Ok(WholeFileCheck::new(connection::open_reader(&self.dir.database(), &self.key)?))
    }

    /// The key derivation and unwrapping alone, as unlocking starts with: the benchmarks' floor.
    ///
    /// # Errors
    /// [`StoreError::WrongSecret`]; vault errors.
    pub fn derive_key_only(dir: &DataDir, secret: &Secret) -> Result<()> {
        Vault::load(&dir.vault())?.unlock(secret).map(drop)
    }

    /// Checks `secret` against the vault, as unlocking does: the open journal is not proof that
    /// whoever asks knows the secret.
    ///
    /// # Errors
    /// [`StoreError::WrongSecret`]; vault errors.
    pub fn check_secret(&self, secret: &Secret) -> Result<()> {
        let key = Vault::load(&self.dir.vault())?.unlock(secret)?;
        if key.0[..] == self.key.0[..] { Ok(()) } else { Err(StoreError::WrongSecret) }
    }

    /// Re-wraps the data key under `next`, after checking `current` (the passphrase or the
    /// recovery key). Entries are untouched.
    ///
    /// # Errors
    /// [`StoreError::WrongSecret`] when `current` is wrong; vault errors.
    pub fn change_passphrase(&mut self, current: &Secret, next: &SecretString) -> Result<()> {
        let path = self.dir.vault();
        let mut vault = Vault::load(&path)?;
        let key = vault.unlock(current)?;
        vault.rewrap_passphrase(&key, next)?;
        vault.save(&path)?;
        if self.dir.backups().exists() {
            backup::copy_vault(&self.dir)?;
        }
        Ok(())
    }

    /// Writes a verified backup into `backups/` and prunes old ones.
    ///
    /// # Errors
    /// [`StoreError::BackupFailed`] when the copy fails its check (it is not kept); I/O errors.
    pub fn backup(
        &mut self,
        reason: Reason,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<BackupInfo> {
        backup::write(&self.conn, &self.key, &self.dir, reason, now, progress)
    }

    /// Whether no backup has been made yet on `now`'s day (UTC). A backup dated later (a clock
    /// that was wrong) does not count, so daily backups go on.
    ///
    /// # Errors
    /// I/O errors reading `backups/`.
    pub fn daily_backup_due(&self, now: DateTime<Utc>) -> Result<bool> {
        Ok(!backup::list(&self.dir)?.iter().any(|b| b.created_at.date_naive() == now.date_naive()))
    }

    /// Verifies a backup file with this journal's key.
    ///
    /// # Errors
    /// [`StoreError::BackupFailed`] saying what failed.
    pub fn verify_backup(&self, path: &std::path::Path) -> Result<backup::Verified> {
        backup::verify(path, &self.key)
    }

    /// Whether the journal's database is open (false only after a restore that could not reopen it).
    pub fn is_open(&self) -> bool {
        self.conn.path().is_some_and(|p| !p.is_empty())
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

    /// Reads every row of the entries and check-in tables without interpreting them, touching
    /// each value; returns how many rows. The floor that any view of the journal pays (the
    /// dashboard and summary benchmarks' baseline). With `between`, only the entries and check-ins
    /// (with their answers and scores) of `[from, to)`.
    ///
    /// # Errors
    /// Database errors.
    pub fn scan_rows(&self, between: Option<(DateTime<Utc>, DateTime<Utc>)>) -> Result<u64> {
        let in_range = "(SELECT id FROM check_ins WHERE taken_at >= ?1 AND taken_at < ?2)";
        let queries: [String; 4] = match between {
            None => {
                ["entries", "check_ins", "check_in_answers", "check_in_scores"].map(|t| format!("SELECT * FROM {t}"))
            }
            Some(_) => [
                "SELECT * FROM entries WHERE occurred_at >= ?1 AND occurred_at < ?2".to_owned(),
                "SELECT * FROM check_ins WHERE taken_at >= ?1 AND taken_at < ?2".to_owned(),
                format!("SELECT * FROM check_in_answers WHERE check_in IN {in_range}"),
                format!("SELECT * FROM check_in_scores WHERE check_in IN {in_range}"),
            ],
        };
        let bounds: Vec<String> = between.map(|(f, t)| vec![entries::ts(f), entries::ts(t)]).unwrap_or_default();
        let mut rows = 0;
        for sql in queries {
            let mut q = self.conn.prepare_cached(&sql)?;
            let width = q.column_count();
            let mut found = q.query(rusqlite::params_from_iter(&bounds))?;
            while let Some(row) = found.next()? {
                for i in 0..width {
                    std::hint::black_box(row.get_ref(i)?);
                }
                rows += 1;
            }
        }
        Ok(rows)
    }

    /// When the earliest entry happened, if there is one.
    ///
    /// # Errors
    /// Database errors.
    pub fn first_entry_at(&self) -> Result<Option<DateTime<Utc>>> {
        let first: Option<String> = self.conn.query_row("SELECT min(occurred_at) FROM entries", [], |r| r.get(0))?;
        first.as_deref().map(entries::parse_ts).transpose()
    }

    /// When the newest entry was written (created, whatever time it says it happened at).
    ///
    /// # Errors
    /// Database errors.
    pub fn last_written_at(&self) -> Result<Option<DateTime<Utc>>> {
        let last: Option<String> = self.conn.query_row("SELECT max(created_at) FROM entries", [], |r| r.get(0))?;
        last.as_deref().map(entries::parse_ts).transpose()
    }

    /// What the statistics need of every entry that happened in `[from, to)`, oldest first (no
    /// text, tags or codes are read).
    ///
    /// # Errors
    /// Database errors.
    pub fn facts_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<ballast_core::insights::days::Fact>> {
        entries::facts_between(&self.conn, from, to)
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

    /// SQLite's `integrity_check`: an empty list when the database is sound, else its findings
    /// (which name pages and indexes, never content).
    ///
    /// # Errors
    /// Database errors.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        connection::integrity_problems(&self.conn)
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

/// Files no one can open any more — a database left without a vault (set-up interrupted before
/// the vault was written), and backups keyed to a vault that is gone — are moved into
/// `quarantine/`, never deleted, before a new journal is made.
fn set_aside_orphans(dir: &DataDir, now: DateTime<Utc>) -> Result<()> {
    let mut files = quarantine::journal_files(dir);
    if dir.backups().exists() {
        files.push(dir.backups());
    }
    if !files.is_empty() {
        quarantine::move_aside(dir, &files, "orphaned", now)?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "journal_tests.rs"]
mod tests;
