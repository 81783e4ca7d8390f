//! The secrets that open the journal: changing the passphrase (re-wrapping the same data key, or
//! re-keying: a new data key for the journal and its backups, so no old copy of the vault, old
//! passphrase or old recovery key opens anything current), and making a new recovery key (which
//! re-keys, so the old one is retired everywhere, old vault copies included).

use ballast_core::passphrase::passphrase_problem;
use ballast_store::{BackupsAfterRekey, Secret};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::session::Session;
use crate::session::opening::with_secret;

/// What happens to the backups when the journal is re-keyed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupChoice {
    /// Re-encrypted to the new key, so they stay readable (with the new secrets only).
    #[default]
    KeepReadable,
    /// Removed, with their copy of the vault.
    Remove,
}

impl From<BackupChoice> for BackupsAfterRekey {
    fn from(c: BackupChoice) -> Self {
        match c {
            BackupChoice::KeepReadable => Self::ReEncrypt,
            BackupChoice::Remove => Self::Remove,
        }
    }
}

/// A new recovery key, to show once.
#[derive(Serialize, specta::Type)]
pub struct NewRecoveryKey {
    /// The key, e.g. `7K2M-…`.
    pub recovery_key: String,
}

/// Changes the passphrase (re-wrapping the key only; the recovery key still works), after
/// checking `current` (the passphrase, or the recovery key when it is forgotten).
///
/// # Errors
/// [`ApiError::WeakPassphrase`] for the new one; [`ApiError::WrongPassphrase`] /
/// [`ApiError::WrongRecoveryKey`] for the current one.
pub fn change_passphrase(session: &Session, current: &Secret, next: &SecretString) -> Result<(), ApiError> {
    if let Some(why) = passphrase_problem(next.expose_secret()) {
        return Err(ApiError::WeakPassphrase(why));
    }
    session.journal()?.change_passphrase(current, next).map_err(|e| with_secret(e, current))
}

/// Re-keys the journal: checked with `current` (the passphrase or the recovery key), encrypted
/// under a new data key, with `next` as its passphrase from now on and a new recovery key
/// (returned, to show once). The backups are re-encrypted or removed as chosen. Afterwards the old
/// passphrase, the old recovery key and every old copy of `vault.json` open nothing current.
///
/// # Errors
/// [`ApiError::WeakPassphrase`]; [`ApiError::WrongPassphrase`] / [`ApiError::WrongRecoveryKey`];
/// [`ApiError::DiskFull`]; [`ApiError::BackupFailed`] when a copy does not verify (nothing is
/// replaced then); [`ApiError::Locked`].
pub fn rekey(
    session: &Session,
    current: &Secret,
    next: &SecretString,
    backups: BackupChoice,
) -> Result<NewRecoveryKey, ApiError> {
    if let Some(why) = passphrase_problem(next.expose_secret()) {
        return Err(ApiError::WeakPassphrase(why));
    }
    let now = session.clock().now();
    let recovery = session.journal()?.rekey(current, next, backups.into(), now).map_err(|e| match e {
        ballast_store::StoreError::WrongSecret if matches!(current, Secret::RecoveryKey(_)) => {
            ApiError::WrongRecoveryKey
        }
        e => e.into(),
    })?;
    Ok(NewRecoveryKey { recovery_key: recovery.expose().to_owned() })
}

/// Makes a new recovery key and retires the old one everywhere: the journal is re-keyed under the
/// same passphrase (checked first), so an old copy of the vault with the old recovery key opens
/// nothing current. Returns the new key, to show once.
///
/// # Errors
/// As [`rekey`].
pub fn new_recovery_key(
    session: &Session,
    passphrase: &SecretString,
    backups: BackupChoice,
) -> Result<NewRecoveryKey, ApiError> {
    rekey(session, &Secret::Passphrase(passphrase.clone()), passphrase, backups)
}
