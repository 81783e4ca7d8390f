//! The unsaved form (a reflection, a setback or the self-care plan), kept encrypted inside the
//! journal while the worker types and when Ballast locks, and handed back once after unlock.

use ballast_core::FormDraft;

use crate::error::ApiError;
use crate::session::Session;

/// Keeps an unsaved form, encrypted, until [`take_draft`] (replacing any kept before).
///
/// # Errors
/// [`ApiError::Locked`].
pub fn save_draft(session: &Session, draft: &FormDraft) -> Result<(), ApiError> {
    let now = session.clock().now();
    Ok(session.journal()?.save_draft(draft, now)?)
}

/// Hands back the kept form, once.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn take_draft(session: &Session) -> Result<Option<FormDraft>, ApiError> {
    Ok(session.journal()?.take_draft()?)
}
