//! Restoring and recovering. A restore never writes over the journal in place: the backup is
//! copied aside, the copy verified, the journal closed cleanly, and the copy renamed into place.
//! A damaged journal or vault is moved into `quarantine/`; then the worker restores the newest
//! backup that passes verification, or starts an empty journal with the damaged one kept.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::backup::{self, BackupInfo, Progress, Reason, Verified};
use crate::connection::{self, Mode};
use crate::data_dir::DataDir;
use crate::error::{BackupProblem, Result, StoreError, io};
use crate::journal::Journal;
use crate::lock::JournalLock;
use crate::vault::{DataKey, Secret, Vault};
use crate::{durable, migrations, quarantine};

/// Which part of a journal was found damaged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The database (with its `-wal` and `-shm`).
    Database,
    /// The vault file.
    Vault,
}

impl Journal {
    /// Restores the backup at `from` over this journal, after backing the journal up.
    /// Returns the backup made first.
    ///
    /// # Errors
    /// [`StoreError::BackupFailed`] when `from` (or its copy) fails verification, with nothing
    /// changed; I/O and database errors. If the journal cannot be opened again afterwards,
    /// [`Journal::is_open`] says so and it must be unlocked afresh.
    pub fn restore(
        &mut self,
        from: &Path,
        now: DateTime<Utc>,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<BackupInfo> {
        let expected = backup::verify(from, &self.key)?;
        let aside = copy_aside(&self.dir, &self.key, from, &expected, progress)?;
        let before = match self.backup(Reason::BeforeRestore, now, progress) {
            Ok(b) => b,
            Err(e) => {
                let _ = std::fs::remove_file(&aside);
                return Err(e);
            }
        };
        let live = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        let swapped = connection::close_cleanly(live).and_then(|()| swap_in(&self.dir, &aside, now));
        // Whether or not the swap happened, the journal in place is opened again.
        let mut conn = connection::open(&self.dir.database(), &self.key, Mode::Existing)?;
        migrations::migrate(&mut conn)?;
        self.conn = conn;
        swapped?;
        Ok(before)
    }

    /// Moves the damaged part of the journal in `dir` into `quarantine/` and returns the folder
    /// (`None` when there was nothing to move, e.g. a missing database).
    ///
    /// # Errors
    /// [`StoreError::HeldByOther`]; I/O errors (nothing is deleted either way).
    pub fn set_aside(dir: &DataDir, part: Part, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
        let _lock = JournalLock::acquire(dir)?;
        let files = match part {
            Part::Database => quarantine::journal_files(dir),
            Part::Vault => vec![dir.vault()].into_iter().filter(|p| p.exists()).collect(),
        };
        if files.is_empty() {
            return Ok(None);
        }
        let why = match part {
            Part::Database => "damaged-journal",
            Part::Vault => "damaged-vault",
        };
        quarantine::move_aside(dir, &files, why, now).map(Some)
    }

    /// After damage: brings the vault back from `backups/` if it was set aside, then, if the
    /// database is gone, restores `from` (or else the newest backup that passes verification),
    /// and opens the journal.
    ///
    /// # Errors
    /// [`StoreError::WrongSecret`]; [`StoreError::BackupFailed`] when no backup passes;
    /// [`StoreError::HeldByOther`]; the errors of [`Journal::open`].
    pub fn recover(dir: &DataDir, secret: &Secret, from: Option<&Path>, now: DateTime<Utc>) -> Result<Self> {
        let lock = JournalLock::acquire(dir)?;
        let key = if dir.vault().exists() {
            Vault::load(&dir.vault())?.unlock(secret)?
        } else {
            let copy = dir.backup_vault();
            if !copy.exists() {
                return Err(StoreError::BackupFailed(BackupProblem::NoKeyCopy));
            }
            let key = Vault::load(&copy)?.unlock(secret)?;
            let bytes = std::fs::read(&copy).map_err(io(&copy))?;
            durable::write_atomic(&dir.vault(), &bytes)?;
            key
        };
        if !dir.database().exists() {
            let (source, expected) = match from {
                Some(path) => (path.to_owned(), backup::verify(path, &key)?),
                None => newest_sound(dir, &key)?,
            };
            let leftovers = quarantine::journal_files(dir);
            if !leftovers.is_empty() {
                quarantine::move_aside(dir, &leftovers, "leftover-log", now)?;
            }
            let aside = copy_aside(dir, &key, &source, &expected, &mut |_| {})?;
            swap_in(dir, &aside, now)?;
        }
        Self::open_with(dir.clone(), key, lock, now)
    }

    /// After damage: a new, empty database keyed with the same key (so the backups still open),
    /// the damaged one having been set aside.
    ///
    /// # Errors
    /// [`StoreError::AlreadySetUp`] when a database is still in place; [`StoreError::NotSetUp`]
    /// without a vault (set up afresh instead); [`StoreError::WrongSecret`]; I/O errors.
    pub fn start_empty(dir: &DataDir, secret: &Secret) -> Result<Self> {
        let lock = JournalLock::acquire(dir)?;
        if !dir.vault().exists() {
            return Err(StoreError::NotSetUp);
        }
        let key = Vault::load(&dir.vault())?.unlock(secret)?;
        if !quarantine::journal_files(dir).is_empty() {
            return Err(StoreError::AlreadySetUp);
        }
        let mut conn = connection::open(&dir.database(), &key, Mode::Create)?;
        migrations::migrate(&mut conn)?;
        Ok(Self { conn, key, dir: dir.clone(), _lock: lock })
    }
}

/// The newest backup that passes verification, with what verifying it found.
fn newest_sound(dir: &DataDir, key: &DataKey) -> Result<(PathBuf, Verified)> {
    for b in backup::list(dir)? {
        let path = dir.backups().join(&b.file_name);
        match backup::verify(&path, key) {
            Ok(v) => return Ok((path, v)),
            Err(e) => tracing::warn!(error = %e, "a backup did not pass verification; trying an older one"),
        }
    }
    Err(StoreError::BackupFailed(BackupProblem::NonePasses))
}

/// Copies the snapshot at `from` (already verified, finding `expected`) to
/// `journal.db.restoring` and verifies the copy against it.
fn copy_aside(
    dir: &DataDir,
    key: &DataKey,
    from: &Path,
    expected: &Verified,
    progress: &mut dyn FnMut(Progress),
) -> Result<PathBuf> {
    let aside = dir.root().join("journal.db.restoring");
    if aside.exists() {
        std::fs::remove_file(&aside).map_err(io(&aside))?;
    }
    let src = connection::open_snapshot(from, key, Mode::ReadOnly)?;
    backup::copy(&src, &aside, key, progress)?;
    let found = backup::verify(&aside, key);
    if found.as_ref().ok() != Some(expected) {
        let _ = std::fs::remove_file(&aside);
        return Err(StoreError::BackupFailed(BackupProblem::RestoredCopyDiffers));
    }
    Ok(aside)
}

/// Renames the verified copy into place. A stale `-wal` or `-shm` (which SQLite would otherwise
/// replay onto the new file) is set aside first.
fn swap_in(dir: &DataDir, aside: &Path, now: DateTime<Utc>) -> Result<()> {
    let stale: Vec<PathBuf> = [dir.wal(), dir.shm()].into_iter().filter(|p| p.exists()).collect();
    if !stale.is_empty() {
        quarantine::move_aside(dir, &stale, "replaced-log", now)?;
    }
    std::fs::rename(aside, dir.database()).map_err(io(aside))?;
    durable::sync(dir.root())
}
