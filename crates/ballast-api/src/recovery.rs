//! Damage found while unlocking: the damaged files are moved into `quarantine/` (never deleted),
//! and the worker chooses between restoring the newest backup that passes verification and
//! starting an empty journal with the damaged one kept.

use ballast_store::{Journal, Part, Secret, StoreError};

use crate::dto::{BackupView, DamageReport};
use crate::error::ApiError;
use crate::session::{Session, guard};

/// The worker's error for a store error met with `secret`: a wrong recovery key has its own words.
fn with_secret(e: StoreError, secret: &Secret) -> ApiError {
    match e {
        StoreError::WrongSecret if matches!(secret, Secret::RecoveryKey(_)) => ApiError::WrongRecoveryKey,
        e => e.into(),
    }
}

impl Session {
    /// Turns an error met while opening into the worker's error, setting damaged files aside.
    pub(crate) fn opening_failed(&self, e: StoreError, secret: &Secret) -> ApiError {
        let part = match &e {
            StoreError::JournalDamaged(_) => Part::Database,
            StoreError::VaultDamaged(_) => Part::Vault,
            _ => return with_secret(e, secret),
        };
        let error = ApiError::from(e);
        let moved = Journal::set_aside(&self.dir, part, self.clock.now());
        let quarantined_to = match moved {
            Ok(folder) => folder.map(|f| f.display().to_string()),
            Err(e) => {
                tracing::error!(error = %e, "could not move damaged files aside");
                None
            }
        };
        let newest_backup = ballast_store::backup::list(&self.dir).ok().and_then(|l| l.first().map(BackupView::from));
        *guard(&self.damage) = Some(DamageReport {
            message: error.sentence(),
            quarantined_to,
            newest_backup,
            can_start_empty: part == Part::Database,
        });
        error
    }

    /// The damage found at the last unlock, if any.
    pub fn damage_report(&self) -> Option<DamageReport> {
        guard(&self.damage).clone()
    }

    /// Recovers after damage: restores the key file from the backups folder if it was set aside,
    /// then the chosen backup (a listed file name or a path; else the newest that passes
    /// verification) if the journal file is gone, and leaves the journal unlocked.
    ///
    /// # Errors
    /// [`ApiError::WrongPassphrase`] / [`ApiError::WrongRecoveryKey`]; [`ApiError::BackupFailed`]
    /// when no backup passes; [`ApiError::HeldByOtherProcess`].
    pub fn recover(&self, secret: &Secret, backup: Option<&str>) -> Result<(), ApiError> {
        let mut slot = self.slot();
        if slot.is_some() {
            return Ok(());
        }
        let from = backup.map(|b| crate::backups::locate(&self.dir, b));
        let journal = Journal::recover(&self.dir, secret, from.as_deref(), self.clock.now())
            .map_err(|e| self.opening_failed(e, secret))?;
        *slot = Some(journal);
        *guard(&self.damage) = None;
        Ok(())
    }

    /// Starts an empty journal with the same key after the damaged one was set aside, and leaves
    /// it unlocked. The damaged files stay in `quarantine/` and the backups stay listed.
    ///
    /// # Errors
    /// [`ApiError::NotSetUp`] when the key file itself was damaged (set up afresh instead);
    /// [`ApiError::WrongPassphrase`]; [`ApiError::AlreadySetUp`] while a journal file is in place.
    pub fn start_empty(&self, secret: &Secret) -> Result<(), ApiError> {
        let mut slot = self.slot();
        let journal = Journal::start_empty(&self.dir, secret).map_err(|e| with_secret(e, secret))?;
        *slot = Some(journal);
        *guard(&self.damage) = None;
        Ok(())
    }
}
