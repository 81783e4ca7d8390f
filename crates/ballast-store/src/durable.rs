//! Writing files so they survive a crash: fsync of files and folders, whole-file replacement by
//! write-then-rename, and a name not yet taken in a folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Result, io};

/// Flushes a file, or a folder's entries, to disk.
pub(crate) fn sync(path: &Path) -> Result<()> {
    std::fs::File::open(path).and_then(|f| f.sync_all()).map_err(io(path))
}

/// Replaces `path` with `bytes` atomically: a synced temporary file renamed over it, then the
/// folder synced, so a crash leaves the old file or the new one, never half of one.
/// A temporary file that fails is removed, so nothing partial is left behind.
///
/// # Errors
/// [`crate::StoreError::Io`] naming the file that could not be written.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let mut f = std::fs::File::create(&tmp).map_err(io(&tmp))?;
    let written = f
        .write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(io(&tmp))
        .and_then(|()| std::fs::rename(&tmp, path).map_err(io(path)));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written?;
    path.parent().filter(|p| !p.as_os_str().is_empty()).map_or(Ok(()), sync)
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
