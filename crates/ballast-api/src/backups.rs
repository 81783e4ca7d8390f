//! Backups: the day's automatic one at unlock, "back up now", the list, verifying a file, and
//! restoring (after typed confirmation, with the journal backed up first).

use std::path::PathBuf;

use ballast_store::{DataDir, Progress, Reason};

use crate::dto::{BackupList, BackupView, VerifyReport};
use crate::error::ApiError;
use crate::session::Session;

/// The word typed to confirm a restore.
pub const RESTORE_WORD: &str = "restore";

/// A backup as the worker names it: a file name from the list, else a path to a file.
pub(crate) fn locate(dir: &DataDir, backup: &str) -> PathBuf {
    match ballast_store::backup::path_of(dir, backup) {
        Ok(listed) if listed.exists() => listed,
        _ => PathBuf::from(backup),
    }
}

/// The verified backups, newest first.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn list_backups(session: &Session) -> Result<BackupList, ApiError> {
    let j = session.journal()?;
    let backups = ballast_store::backup::list(j.dir())?.iter().map(BackupView::from).collect();
    let folder = j.dir().backups().display().to_string();
    Ok(BackupList { backups, folder, problem: session.backup_problem() })
}

/// Makes a verified backup now.
///
/// # Errors
/// [`ApiError::BackupFailed`] (the failed copy is not kept); [`ApiError::Locked`].
pub fn back_up_now(session: &Session, progress: &mut dyn FnMut(Progress)) -> Result<BackupView, ApiError> {
    let now = session.clock().now();
    let made = BackupView::from(&session.journal()?.backup(Reason::Manual, now, progress)?);
    // A backup that works puts right one that did not.
    session.set_backup_problem(None);
    Ok(made)
}

/// Restores a listed backup (by file name) or a chosen file (by path) over the journal,
/// after the typed confirmation. The journal is backed up first; that backup is returned.
///
/// # Errors
/// [`ApiError::NotConfirmed`]; [`ApiError::BackupFailed`] with nothing changed;
/// [`ApiError::Locked`].
pub fn restore(
    session: &Session,
    backup: &str,
    confirmation: &str,
    progress: &mut dyn FnMut(Progress),
) -> Result<BackupView, ApiError> {
    if !confirmation.trim().eq_ignore_ascii_case(RESTORE_WORD) {
        return Err(ApiError::NotConfirmed(RESTORE_WORD));
    }
    let now = session.clock().now();
    let mut journal = session.journal()?;
    let path = locate(journal.dir(), backup);
    match journal.restore(&path, now, progress) {
        Ok(before) => Ok(BackupView::from(&before)),
        Err(e) => {
            if !journal.is_open() {
                // The journal could not be opened again: lock, so the next unlock reopens it.
                journal.close();
            }
            Err(e.into())
        }
    }
}

/// Verifies a backup (a listed file name, or a path to any file offered as one) with this
/// journal's key.
///
/// # Errors
/// [`ApiError::BackupFailed`] saying what failed; [`ApiError::Locked`].
pub fn verify_backup(session: &Session, backup: &str) -> Result<VerifyReport, ApiError> {
    let j = session.journal()?;
    let path = locate(j.dir(), backup);
    let v = j.verify_backup(&path)?;
    Ok(VerifyReport { file: path.display().to_string(), schema_version: v.schema_version, counts: v.counts })
}

/// SQLite's integrity check of the open journal: empty when sound.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn integrity_problems(session: &Session) -> Result<Vec<String>, ApiError> {
    Ok(session.journal()?.integrity_problems()?)
}
