//! What happens around opening a journal: an error met on the way becomes the worker's error
//! (damaged files set aside into `quarantine/`, never deleted, with a report of where they went),
//! the day's backup is made once the journal is open, and every page is read once after unlock,
//! on a connection of its own, so the unlock itself costs little more than its key derivation.

use std::sync::atomic::Ordering;

use ballast_store::{Journal, Part, Reason, Secret, StoreError};

use super::{Session, guard};
use crate::dto::{BackupView, DamageReport};
use crate::error::ApiError;

/// The worker's error for a store error met with `secret`: a wrong recovery key has its own words.
pub(crate) fn with_secret(e: StoreError, secret: &Secret) -> ApiError {
    match e {
        StoreError::WrongSecret if matches!(secret, Secret::RecoveryKey(_)) => ApiError::WrongRecoveryKey,
        e => e.into(),
    }
}

impl Session {
    /// Turns an error met while opening into the worker's error, setting damaged files aside.
    pub(crate) fn opening_failed(&self, e: StoreError, secret: &Secret) -> ApiError {
        match &e {
            StoreError::JournalDamaged(_) | StoreError::VaultDamaged(_) => self.damage_found(e),
            _ => with_secret(e, secret),
        }
    }

    /// Whether the whole-file check of the journal opened last is still to run (the desktop
    /// app's timer asks, and runs [`Session::check_whole_file`] off the window's way).
    pub fn whole_file_check_due(&self) -> bool {
        self.check_due.swap(false, Ordering::SeqCst)
    }

    /// Reads every page of the open journal on a connection of its own (the journal stays usable
    /// meanwhile). Damage found closes the journal, sets the damaged files aside into
    /// `quarantine/` and keeps the damage report for the recovery screen, as at unlock.
    ///
    /// # Errors
    /// [`ApiError::JournalDamaged`] when a page does not read.
    pub fn check_whole_file(&self) -> Result<(), ApiError> {
        let check = {
            let slot = guard(&self.journal);
            match slot.as_ref() {
                Some(j) if !self.closing.load(Ordering::SeqCst) => j.whole_file_check()?,
                _ => return Ok(()),
            }
        };
        let Err(found) = check.run() else { return Ok(()) };
        tracing::warn!("the whole-file check found damage; the journal is closed and set aside");
        let mut slot = guard(&self.journal);
        *slot = None;
        Err(self.damage_found(found))
    }

    /// Sets the damaged part aside and keeps the report; returns the worker's error.
    fn damage_found(&self, e: StoreError) -> ApiError {
        let part = if matches!(e, StoreError::VaultDamaged(_)) { Part::Vault } else { Part::Database };
        let error = ApiError::from(e);
        let moved = Journal::set_aside(self.dir(), part, self.clock().now());
        let quarantined_to = match moved {
            Ok(folder) => folder.map(|f| f.display().to_string()),
            Err(e) => {
                tracing::error!(error = %e, "could not move damaged files aside");
                None
            }
        };
        let newest_backup = ballast_store::backup::list(self.dir()).ok().and_then(|l| l.first().map(BackupView::from));
        *guard(&self.damage) = Some(DamageReport {
            message: error.sentence(),
            quarantined_to,
            newest_backup,
            can_start_empty: part == Part::Database,
        });
        error
    }

    /// Makes the day's backup if none has been made today. A failure is kept for the worker to
    /// see (in the status and the backups list), never hidden, and never stops the unlock.
    pub(crate) fn daily_backup(&self, journal: &mut Journal) {
        let now = self.clock().now();
        let made = journal
            .daily_backup_due(now)
            .and_then(|due| if due { journal.backup(Reason::Daily, now, &mut |_| {}).map(Some) } else { Ok(None) });
        match made {
            Ok(Some(_)) => self.set_backup_problem(None),
            Ok(None) => {}
            Err(e) => {
                tracing::error!(error = %e, "the daily backup failed");
                self.set_backup_problem(Some(ApiError::from(e).sentence()));
            }
        }
    }
}
