//! Writing files so they survive a crash: fsync of files and folders, whole-file replacement by
//! write-then-rename, and a name not yet taken in a folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Result, io};

/// Flushes a file, or a folder's entries, to disk.
pub(crate) fn sync(path: &Path) -> Result<()> {
    std::fs::File::open(path).and_then(|f| f.sync_all()).map_err(io(path))
}

/// Replaces `path` with `bytes` atomically: a synced temporary file with a name of its own (never
/// one the worker might own) in the same folder, renamed over it, then the folder synced, so a
/// crash leaves the old file or the new one, never half of one. A temporary file that fails is
/// removed, so nothing partial is left behind; it is readable by its owner only.
///
/// # Errors
/// [`crate::StoreError::Io`] naming the file that could not be written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(".ballast-").suffix(".tmp").tempfile_in(folder).map_err(io(path))?;
    tmp.write_all(bytes).and_then(|()| tmp.as_file().sync_all()).map_err(io(path))?;
    tmp.persist(path).map_err(|e| io(path)(e.error))?;
    sync(folder)
}

/// `folder/<stem><ext>`, or `folder/<stem>-2<ext>`, `-3`… whichever is not taken yet.
pub(crate) fn free_path(folder: &Path, stem: &str, ext: &str) -> PathBuf {
    let mut path = folder.join(format!("{stem}{ext}"));
    for n in 2.. {
        if !path.exists() {
            break;
        }
        path = folder.join(format!("{stem}-{n}{ext}"));
    }
    path
}
