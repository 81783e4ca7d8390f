//! The commands the UI invokes, grouped by what they touch. Each is a few lines: take the
//! state, call `ballast-api` inside [`guarded`], return. Sync functions run off the main thread
//! (`async`), so a slow key derivation never freezes the window.

pub mod backups;
pub mod care;
pub mod check_ins;
pub mod data;
pub mod drafts;
pub mod entries;
pub mod home;
pub mod journal;
pub mod keys;
pub mod people;
pub mod recovery;
pub mod reminders;
pub mod search;
pub mod settings;
pub mod summary;
pub mod templates;
pub mod trends;

use ballast_api::ApiError;

/// Runs a command's body so that a panic inside it comes back as [`ApiError::Internal`] (a calm
/// message in the UI) instead of a promise that never settles. Needs `panic = "unwind"`, which
/// the release profile keeps. The session's mutex survives a panic (see `Session`).
pub fn guarded<T>(body: impl FnOnce() -> Result<T, ApiError>) -> Result<T, ApiError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(body)).unwrap_or_else(|_| {
        tracing::error!("a command panicked; the worker was told something went wrong");
        Err(ApiError::Internal)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let hook = std::panic::take_hook();
        std::panic::set_hook(Box::new(|_| {}));
        let got: Result<(), ApiError> = guarded(|| panic!("boom"));
        std::panic::set_hook(hook);
        assert_eq!(got, Err(ApiError::Internal), "the UI gets a calm error, not a hung call");
        assert_eq!(guarded(|| Ok(7)), Ok(7), "a normal result passes through");
    }
}
