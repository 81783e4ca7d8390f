//! Setting damaged files aside. They are renamed (byte for byte, same disk) into
//! `quarantine/<time>-<why>/`, with a note saying what happened; Ballast never deletes them.

use std::path::PathBuf;

use chrono::{DateTime, Utc};

use crate::data_dir::DataDir;
use crate::durable;
use crate::error::{Result, io};

/// The note left beside the files. It names them, as the worker sees them in the folder, and
/// says what each holds in plain words.
const NOTE: &str = "Ballast moved these files here because it could not use them safely.
They are kept exactly as they were found and Ballast will never delete them.
journal.db is your encrypted journal; any other file whose name starts with journal.db holds its
most recent changes. vault.json is the key file that opens it, locked with your passphrase and
recovery key. Keep them if you may want to try recovering them later; delete this folder yourself
once you are sure you do not need it.
";

/// The database and its companions, those that exist.
pub(crate) fn journal_files(dir: &DataDir) -> Vec<PathBuf> {
    [dir.database(), dir.wal(), dir.shm()].into_iter().filter(|p| p.exists()).collect()
}

/// Moves `files` (files or folders inside the data directory) into a new folder under
/// `quarantine/`, and returns that folder.
pub(crate) fn move_aside(dir: &DataDir, files: &[PathBuf], why: &str, now: DateTime<Utc>) -> Result<PathBuf> {
    let stem = format!("{}-{why}", now.format("%Y%m%dT%H%M%S%.3fZ"));
    let folder = durable::free_path(&dir.quarantine(), &stem, "");
    crate::private::create_dir_all(&folder).map_err(io(&folder))?;
    for from in files {
        let Some(name) = from.file_name() else { continue };
        let to = folder.join(name);
        std::fs::rename(from, &to).map_err(io(from))?;
    }
    let note = folder.join("README.txt");
    durable::write_atomic(&note, NOTE.as_bytes())?;
    durable::sync(&folder)?;
    durable::sync(dir.root())?;
    Ok(folder)
}
