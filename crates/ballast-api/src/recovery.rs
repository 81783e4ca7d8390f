//! Damage found while unlocking: the damaged files are moved into `quarantine/` (never deleted),
//! and the worker chooses between restoring the newest backup that passes verification and
//! starting an empty journal with the damaged one kept.

use ballast_store::{Journal, Secret};

use crate::dto::DamageReport;
use crate::error::ApiError;
use crate::session::Session;
use crate::session::opening::with_secret;

/// The damage found at the last unlock, if any.
pub fn damage_report(session: &Session) -> Option<DamageReport> {
    session.damage_report()
}

/// Recovers after damage: restores the key file from the backups folder if it was set aside,
/// then the chosen backup (a listed file name or a path; else the newest that passes
/// verification) if the journal file is gone, and leaves the journal unlocked.
///
/// # Errors
/// [`ApiError::WrongPassphrase`] / [`ApiError::WrongRecoveryKey`]; [`ApiError::BackupFailed`]
/// when no backup passes; [`ApiError::HeldByOtherProcess`].
pub fn recover(session: &Session, secret: &Secret, backup: Option<&str>) -> Result<(), ApiError> {
    let mut slot = session.opening();
    if slot.is_some() {
        return Ok(());
    }
    let from = backup.map(|b| crate::backups::locate(session.dir(), b));
    let journal = Journal::recover(session.dir(), secret, from.as_deref(), session.clock().now())
        .map_err(|e| session.opening_failed(e, secret))?;
    session.install(&mut slot, journal);
    Ok(())
}

/// Starts an empty journal with the same key after the damaged one was set aside, and leaves
/// it unlocked. The damaged files stay in `quarantine/` and the backups stay listed.
///
/// # Errors
/// [`ApiError::NotSetUp`] when the key file itself was damaged (set up afresh instead);
/// [`ApiError::WrongPassphrase`]; [`ApiError::AlreadySetUp`] while a journal file is in place.
pub fn start_empty(session: &Session, secret: &Secret) -> Result<(), ApiError> {
    let mut slot = session.opening();
    let journal = Journal::start_empty(session.dir(), secret).map_err(|e| with_secret(e, secret))?;
    session.install(&mut slot, journal);
    Ok(())
}
