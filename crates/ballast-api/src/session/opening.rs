//! What happens around opening a journal: an error met on the way becomes the worker's error
//! (damaged files set aside into `quarantine/`, never deleted, with a report of where they went),
//! and the day's backup is made once the journal is open.

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
        let part = match &e {
            StoreError::JournalDamaged(_) => Part::Database,
            StoreError::VaultDamaged(_) => Part::Vault,
            _ => return with_secret(e, secret),
        };
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
