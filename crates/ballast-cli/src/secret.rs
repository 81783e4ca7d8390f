//! Reading the passphrase or recovery key: from BALLAST_PASSPHRASE or BALLAST_RECOVERY_KEY when
//! set, else a hidden prompt. Secrets stay in zeroizing types and are never printed.

use std::io::IsTerminal;

use ballast_api::Secret;
use secrecy::{ExposeSecret, SecretString};

use crate::exit::Failure;

const PASSPHRASE_VAR: &str = "BALLAST_PASSPHRASE";
const RECOVERY_VAR: &str = "BALLAST_RECOVERY_KEY";
const NEW_PASSPHRASE_VAR: &str = "BALLAST_NEW_PASSPHRASE";

fn env(var: &str) -> Option<SecretString> {
    std::env::var(var).ok().filter(|v| !v.is_empty()).map(SecretString::from)
}

fn prompt(label: &str) -> Result<SecretString, Failure> {
    if !std::io::stdin().is_terminal() {
        return Err(Failure::usage(format!(
            "No passphrase given. Set {PASSPHRASE_VAR} (or {RECOVERY_VAR}), or run this in a terminal to be asked."
        )));
    }
    rpassword::prompt_password(label)
        .map(SecretString::from)
        .map_err(|e| Failure::other(format!("could not read the passphrase: {e}")))
}

/// The secret that opens an existing journal.
pub fn opening_secret() -> Result<Secret, Failure> {
    if let Some(p) = env(PASSPHRASE_VAR) {
        return Ok(Secret::Passphrase(p));
    }
    if let Some(r) = env(RECOVERY_VAR) {
        return Ok(Secret::RecoveryKey(r));
    }
    prompt("Passphrase: ").map(Secret::Passphrase)
}

/// A new passphrase for `init`, asked twice at a prompt.
pub fn new_passphrase() -> Result<SecretString, Failure> {
    if let Some(p) = env(PASSPHRASE_VAR) {
        return Ok(p);
    }
    asked_twice("Nothing was set up")
}

/// The passphrase to change to: BALLAST_NEW_PASSPHRASE, else asked twice at a prompt.
pub fn next_passphrase() -> Result<SecretString, Failure> {
    if let Some(p) = env(NEW_PASSPHRASE_VAR) {
        return Ok(p);
    }
    asked_twice("Nothing was changed")
}

fn asked_twice(nothing: &str) -> Result<SecretString, Failure> {
    let first = prompt("Choose a passphrase (at least 12 characters): ")?;
    let again = prompt("Type it again: ")?;
    if first.expose_secret() != again.expose_secret() {
        return Err(Failure::usage(format!("The two passphrases differ. {nothing}; please try again.")));
    }
    Ok(first)
}
