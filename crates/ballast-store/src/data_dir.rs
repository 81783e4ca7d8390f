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
    /// Whether a journal has been set up here.
    pub fn is_set_up(&self) -> bool {
        self.vault().exists()
    }
}
