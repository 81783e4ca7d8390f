//! `ballast change-passphrase [--rekey]` and `ballast new-recovery-key`.

use ballast_api::keys::{self as api, BackupChoice};
use ballast_api::{ApiError, Secret, Session};

use crate::exit::Failure;
use crate::secret;

fn backups(remove: bool) -> BackupChoice {
    if remove { BackupChoice::Remove } else { BackupChoice::KeepReadable }
}

fn new_key_notice(key: &str, removed: bool) -> String {
    let backups = if removed {
        "The backups under the old key were removed."
    } else {
        "The backups were re-encrypted too and open with the new key only."
    };
    format!(
        "The journal is now encrypted with a new key. The old recovery key, the old passphrase and any old copy of the key file no longer open it. {backups}\n\nNew recovery key (print it or write it down; it is shown only this once):\n\n    {key}\n"
    )
}

/// Changes the passphrase; with `rekey`, re-encrypts the journal under a new key too.
pub fn change(session: &Session, current: &Secret, rekey: bool, remove_backups: bool) -> Result<(), Failure> {
    let next = secret::next_passphrase()?;
    if rekey {
        let new = api::rekey(session, current, &next, backups(remove_backups))?;
        println!("{}", new_key_notice(&new.recovery_key, remove_backups));
    } else {
        api::change_passphrase(session, current, &next)?;
        println!("Your passphrase has been changed. Your recovery key still works.");
    }
    Ok(())
}

/// A new recovery key (the journal re-encrypted under a new key, the passphrase unchanged).
pub fn new_recovery_key(session: &Session, current: &Secret, remove_backups: bool) -> Result<(), Failure> {
    let Secret::Passphrase(passphrase) = current else {
        return Err(ApiError::Invalid(vec![ballast_core::FieldError::new(
            "secret",
            "A new recovery key is made with your passphrase (set BALLAST_PASSPHRASE). If you have forgotten it, change it first with the recovery key: ballast change-passphrase --rekey.",
        )])
        .into());
    };
    let new = api::new_recovery_key(session, passphrase, backups(remove_backups))?;
    println!("{}", new_key_notice(&new.recovery_key, remove_backups));
    Ok(())
}
