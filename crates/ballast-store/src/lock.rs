//! One writer at a time: an exclusive advisory lock on `ballast.lock`, held for as long as a
//! journal is open. A second app window, or the CLI while the app is open, is refused.

use std::fs::{File, TryLockError};

use crate::data_dir::DataDir;
use crate::error::{Result, StoreError, io};

/// Holds the data directory's lock until dropped.
#[derive(Debug)]
pub struct JournalLock {
    _file: File,
}

impl JournalLock {
    /// Takes the lock, creating the directory and lock file when needed.
    ///
    /// # Errors
    /// [`StoreError::HeldByOther`] when another process holds it; [`StoreError::Io`] otherwise.
    pub fn acquire(dir: &DataDir) -> Result<Self> {
        crate::private::create_dir_all(dir.root()).map_err(io(dir.root()))?;
        let path = dir.lock_file();
        let file = crate::private::open_file(&path).map_err(io(&path))?;
        match file.try_lock() {
            Ok(()) => Ok(Self { _file: file }),
            Err(TryLockError::WouldBlock) => Err(StoreError::HeldByOther(path)),
            Err(TryLockError::Error(e)) => Err(StoreError::Io { path, source: e }),
        }
    }
}
