//! Backups: the day's automatic one at unlock, "back up now", the list, verifying a file, and
//! restoring (after typed confirmation, with the journal backed up first).

use std::path::PathBuf;

use ballast_store::{DataDir, Journal, Progress, Reason};

use crate::dto::{BackupList, BackupView, VerifyReport};
use crate::error::ApiError;
use crate::session::{Session, guard};

/// The word typed to confirm a restore.
pub const RESTORE_WORD: &str = "restore";

/// A backup as the worker names it: a file name from the list, else a path to a file.
pub(crate) fn locate(dir: &DataDir, backup: &str) -> PathBuf {
    match ballast_store::backup::path_of(dir, backup) {
        Ok(listed) if listed.exists() => listed,
        _ => PathBuf::from(backup),
    }
}

impl Session {
    /// Makes the day's backup if none has been made today. A failure is kept for the worker to
    /// see (in the status and the backups list), never hidden, and never stops the unlock.
    pub(crate) fn daily_backup(&self, journal: &mut Journal) {
        let now = self.clock.now();
        let made = journal
            .daily_backup_due(now)
            .and_then(|due| if due { journal.backup(Reason::Daily, now, &mut |_| {}).map(Some) } else { Ok(None) });
        let mut problem = guard(&self.backup_problem);
        match made {
            Ok(Some(_)) => *problem = None,
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "the daily backup failed");
                *problem = Some(ApiError::from(e).sentence());
            }
        }
    }

    /// The verified backups, newest first.
    ///
    /// # Errors
    /// [`ApiError::Locked`].
    pub fn list_backups(&self) -> Result<BackupList, ApiError> {
        self.with(|j| {
            let backups = ballast_store::backup::list(j.dir())?.iter().map(BackupView::from).collect();
            let folder = j.dir().backups().display().to_string();
            Ok(BackupList { backups, folder, problem: guard(&self.backup_problem).clone() })
        })
    }

    /// Makes a verified backup now.
    ///
    /// # Errors
    /// [`ApiError::BackupFailed`] (the failed copy is not kept); [`ApiError::Locked`].
    pub fn back_up_now(&self, progress: &mut dyn FnMut(Progress)) -> Result<BackupView, ApiError> {
        let now = self.clock.now();
        let made = self.with(|j| Ok(BackupView::from(&j.backup(Reason::Manual, now, progress)?)))?;
        // A backup that works puts right one that did not.
        *guard(&self.backup_problem) = None;
        Ok(made)
    }

    /// Restores a listed backup (by file name) or a chosen file (by path) over the journal,
    /// after the typed confirmation. The journal is backed up first; that backup is returned.
    ///
    /// # Errors
    /// [`ApiError::NotConfirmed`]; [`ApiError::BackupFailed`] with nothing changed;
    /// [`ApiError::Locked`].
    pub fn restore(
        &self,
        backup: &str,
        confirmation: &str,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<BackupView, ApiError> {
        if !confirmation.trim().eq_ignore_ascii_case(RESTORE_WORD) {
            return Err(ApiError::NotConfirmed(RESTORE_WORD));
        }
        let now = self.clock.now();
        let mut slot = self.slot();
        let journal = slot.as_mut().ok_or(ApiError::Locked)?;
        let path = locate(journal.dir(), backup);
        match journal.restore(&path, now, progress) {
            Ok(before) => Ok(BackupView::from(&before)),
            Err(e) => {
                if !journal.is_open() {
                    // The journal could not be opened again: lock, so the next unlock reopens it.
                    *slot = None;
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
    pub fn verify_backup(&self, backup: &str) -> Result<VerifyReport, ApiError> {
        self.with(|j| {
            let path = locate(j.dir(), backup);
            let v = j.verify_backup(&path)?;
            Ok(VerifyReport { file: path.display().to_string(), schema_version: v.schema_version, counts: v.counts })
        })
    }
}
