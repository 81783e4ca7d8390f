//! The secrets that open the journal: changing the passphrase.

use ballast_core::passphrase::passphrase_problem;
use secrecy::{ExposeSecret, SecretString};

use crate::error::ApiError;
use crate::session::Session;

/// Changes the passphrase (re-wrapping the key only).
///
/// # Errors
/// [`ApiError::WeakPassphrase`] for the new one, [`ApiError::WrongPassphrase`] for the current.
pub fn change_passphrase(session: &Session, current: &SecretString, next: &SecretString) -> Result<(), ApiError> {
    if let Some(why) = passphrase_problem(next.expose_secret()) {
        return Err(ApiError::WeakPassphrase(why));
    }
    Ok(session.journal()?.change_passphrase(current, next)?)
}
