//! One writer at a time: an exclusive advisory lock on `ballast.lock`, held for as long as a
//! journal is open. A second app window, or the CLI while the app is open, is refused.
//!
//! A lock just released can look held for an instant: a process being started at that moment
//! (WebKit's, say) holds a copy of every open file until it runs its program, and the lock lives
//! as long as any copy does. So a refusal is tried again for a moment before it is believed.

use std::fs::{File, TryLockError};
use std::time::{Duration, Instant};

use crate::data_dir::DataDir;
use crate::error::{Result, StoreError, io};

/// How long a lock must stay held before another holder is believed.
const HELD_FOR_SURE: Duration = Duration::from_millis(300);

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
        let until = Instant::now() + HELD_FOR_SURE;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(Self { _file: file }),
                Err(TryLockError::WouldBlock) if Instant::now() < until => {
                    std::thread::sleep(Duration::from_millis(20))
                }
                Err(TryLockError::WouldBlock) => return Err(StoreError::HeldByOther(path)),
                Err(TryLockError::Error(e)) => return Err(StoreError::Io { path, source: e }),
            }
        }
    }
}
