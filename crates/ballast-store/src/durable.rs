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

/// Files written side by side into temporaries of Ballast's own names in one folder, synced, and
/// only then renamed into place together (an export's JSON, CSVs and Markdown). Dropped before
/// [`Staged::finish`], every temporary is removed, so a failed export leaves no file. A rename
/// replaces whatever is at the target, a symlink included, and never writes through it.
pub struct Staged {
    folder: PathBuf,
    files: Vec<(tempfile::NamedTempFile, PathBuf)>,
}

impl Staged {
    /// Starts staging into `folder`, creating it (owner-only) if needed.
    ///
    /// # Errors
    /// [`crate::StoreError::Io`] when the folder cannot be made.
    pub fn new(folder: &Path) -> Result<Self> {
        crate::private::create_dir_all(folder).map_err(io(folder))?;
        Ok(Self { folder: folder.to_owned(), files: Vec::new() })
    }

    /// A new temporary (owner-only) that becomes `folder/name` at [`Staged::finish`].
    ///
    /// # Errors
    /// [`crate::StoreError::Io`] when it cannot be made.
    pub fn add(&mut self, name: &str) -> Result<&mut std::fs::File> {
        let target = self.folder.join(name);
        let tmp = tempfile::Builder::new()
            .prefix(".ballast-")
            .suffix(".tmp")
            .tempfile_in(&self.folder)
            .map_err(io(&target))?;
        self.files.push((tmp, target));
        let last = self.files.len() - 1;
        Ok(self.files[last].0.as_file_mut())
    }

    /// Syncs every file, renames each into place, syncs the folder; returns the paths. Should a
    /// rename fail, the files already renamed in this call are removed again.
    ///
    /// # Errors
    /// [`crate::StoreError::Io`] naming the file.
    pub fn finish(self) -> Result<Vec<PathBuf>> {
        for (tmp, target) in &self.files {
            tmp.as_file().sync_all().map_err(io(target))?;
        }
        let mut done = Vec::new();
        for (tmp, target) in self.files {
            if let Err(e) = tmp.persist(&target) {
                for p in &done {
                    let _ = std::fs::remove_file(p);
                }
                return Err(io(&target)(e.error));
            }
            done.push(target);
        }
        sync(&self.folder)?;
        Ok(done)
    }
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
