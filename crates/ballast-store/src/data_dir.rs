//! Where a journal's files live, and their names.

use std::path::{Path, PathBuf};

/// A data directory: the vault, the database (with its `-wal` and `-shm`) and the lock file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// The directory at `root` (created on first write).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }
    /// The directory.
    pub fn root(&self) -> &Path {
        &self.root
    }
    /// The wrapped data key.
    pub fn vault(&self) -> PathBuf {
        self.root.join("vault.json")
    }
    /// The SQLCipher database.
    pub fn database(&self) -> PathBuf {
        self.root.join("journal.db")
    }
    /// The lock file held by the one process that may write.
    pub fn lock_file(&self) -> PathBuf {
        self.root.join("ballast.lock")
    }
    /// Verified backups, each a SQLCipher file keyed with the journal's data key, and a copy of
    /// the vault (without which no backup can be opened).
    pub fn backups(&self) -> PathBuf {
        self.root.join("backups")
    }
    /// The copy of the vault kept with the backups.
    pub fn backup_vault(&self) -> PathBuf {
        self.backups().join("vault.json")
    }
    /// Damaged files, moved aside (never deleted), one folder per event.
    pub fn quarantine(&self) -> PathBuf {
        self.root.join("quarantine")
    }
    /// The database's write-ahead log.
    pub fn wal(&self) -> PathBuf {
        self.root.join("journal.db-wal")
    }
    /// The database's shared-memory index of the write-ahead log.
    pub fn shm(&self) -> PathBuf {
        self.root.join("journal.db-shm")
    }
    /// Whether a journal has been set up here.
    pub fn is_set_up(&self) -> bool {
        self.vault().exists()
    }
}
