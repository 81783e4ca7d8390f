//! How a failed command ends: a calm message on standard error and a documented exit code.

use std::process::ExitCode;

use ballast_api::ApiError;
use ballast_api::error::ApiErrorKind;

/// Wrong passphrase or recovery key.
pub const WRONG_SECRET: u8 = 3;
/// Invalid input; nothing was written.
pub const INVALID: u8 = 4;
/// The journal is held by another process.
pub const HELD: u8 = 5;
/// Anything else.
pub const OTHER: u8 = 1;
/// A usage problem (as clap's own).
pub const USAGE: u8 = 2;

/// A failed command: what to print, and the exit code.
#[derive(Debug)]
pub struct Failure {
    lines: Vec<String>,
    code: u8,
}

impl Failure {
    /// Any other failure.
    pub fn other(message: String) -> Self {
        Self { lines: vec![message], code: OTHER }
    }

    /// A usage problem.
    pub fn usage(message: String) -> Self {
        Self { lines: vec![message], code: USAGE }
    }

    /// Input that cannot be used; nothing was written.
    pub fn invalid(message: String) -> Self {
        Self { lines: vec![message], code: INVALID }
    }

    /// `e`, saying `what` was not done when the input is refused (with each reason), rather than
    /// the form-saving words of [`ApiError::Invalid`].
    pub fn not_done(what: &str, e: ApiError) -> Self {
        match e {
            ApiError::Invalid(fields) => Self::invalid(format!(
                "{what} was not written. {}",
                fields.iter().map(|f| f.message.as_str()).collect::<Vec<_>>().join(" ")
            )),
            other => other.into(),
        }
    }

    /// JSON that does not parse as a draft.
    pub fn invalid_json(e: &serde_json::Error) -> Self {
        Self { lines: vec![format!("The JSON could not be read as an entry: {e}. Nothing was saved.")], code: INVALID }
    }

    /// Prints and returns the exit code.
    pub fn report(self) -> ExitCode {
        for line in &self.lines {
            eprintln!("{line}");
        }
        ExitCode::from(self.code)
    }
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Self {
        let wire = e.wire();
        let code = match wire.kind {
            ApiErrorKind::WrongSecret => WRONG_SECRET,
            ApiErrorKind::Invalid | ApiErrorKind::ImportInvalid | ApiErrorKind::WeakPassphrase => INVALID,
            ApiErrorKind::HeldByOtherProcess => HELD,
            _ => OTHER,
        };
        let mut lines = vec![wire.message];
        lines.extend(wire.fields.iter().map(|f| format!("  {}: {}", f.field, f.message)));
        match wire.kind {
            ApiErrorKind::NotSetUp => lines.push("To start one, run: ballast init".to_owned()),
            ApiErrorKind::JournalDamaged | ApiErrorKind::VaultDamaged => {
                lines.push(
                    "To restore the newest backup that passes Ballast's check, run: ballast restore newest --confirm"
                        .to_owned(),
                );
            }
            _ => {}
        }
        Self { lines, code }
    }
}
