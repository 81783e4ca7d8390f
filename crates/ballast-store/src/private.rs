//! Owner-only files, whatever the umask: folders Ballast makes are 0700 and files it writes are
//! 0600 on Unix. A data directory found with wider modes (made by an older Ballast, or copied in)
//! is tightened when it is opened, and the caller is told so it can tell the worker once.
//! Elsewhere these are plain creations: Windows keeps a user's app-data folder to that user.

use std::io;
use std::path::Path;

use crate::data_dir::DataDir;

/// Creates `path` and any missing parents; the folders made here are owner-only.
///
/// # Errors
/// The I/O error.
pub fn create_dir_all(path: &Path) -> io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(path)
}

/// Creates `path` as an empty owner-only file if nothing is there yet (before SQLite opens it,
/// so the database, and the `-wal` and `-shm` files SQLite gives the same mode, are owner-only).
///
/// # Errors
/// The I/O error.
pub fn create_file(path: &Path) -> io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path).map(drop)
}

/// Opens (creating if needed) an owner-only file for writing, without truncating it.
///
/// # Errors
/// The I/O error.
pub fn open_file(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(false);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    options.open(path)
}

/// Takes group and other permissions away from `path` (a file, or a folder and everything in
/// it). Symlinks are left alone, never followed. Returns whether anything was wider.
fn tighten(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let Ok(meta) = std::fs::symlink_metadata(path) else { return false };
        if meta.file_type().is_symlink() {
            return false;
        }
        let mode = meta.permissions().mode() & 0o7777;
        let mut wider = mode & 0o077 != 0;
        if wider {
            let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700));
        }
        if meta.is_dir() {
            for item in std::fs::read_dir(path).into_iter().flatten().flatten() {
                wider |= tighten(&item.path());
            }
        }
        wider
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        false
    }
}

/// Tightens a data directory: the folder itself and Ballast's own files and folders in it (the
/// vault, the journal with its `-wal` and `-shm`, the lock file, `backups/` and `quarantine/`
/// with everything inside); anything else the folder holds is not Ballast's and is left alone.
/// Returns whether any was wider.
pub fn tighten_data_dir(dir: &DataDir) -> bool {
    let mut wider = false;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        if let Ok(meta) = std::fs::symlink_metadata(dir.root()) {
            let mode = meta.permissions().mode() & 0o7777;
            if meta.is_dir() && mode & 0o077 != 0 {
                wider = true;
                let _ = std::fs::set_permissions(dir.root(), std::fs::Permissions::from_mode(mode & 0o700));
            }
        }
    }
    let own = [dir.vault(), dir.database(), dir.wal(), dir.shm(), dir.lock_file(), dir.backups(), dir.quarantine()];
    for path in own {
        wider |= tighten(&path);
    }
    wider
}

#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::metadata(p).expect("exists").permissions().mode() & 0o777
    }

    #[test]
    fn wider_modes_are_tightened_and_reported() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = DataDir::new(tmp.path().join("data"));
        create_dir_all(&dir.backups()).expect("folders");
        create_file(&dir.database()).expect("file");
        assert!(!tighten_data_dir(&dir), "what Ballast made is already owner-only");
        std::fs::set_permissions(dir.database(), std::fs::Permissions::from_mode(0o644)).expect("chmod");
        std::fs::set_permissions(dir.backups(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
        assert!(tighten_data_dir(&dir), "a readable journal is reported");
        assert_eq!(mode(&dir.database()), 0o600, "the journal is owner-only again");
        assert_eq!(mode(&dir.backups()), 0o700, "the backups folder is owner-only again");
        assert!(!tighten_data_dir(&dir), "told once: nothing is wider the second time");
    }
}
