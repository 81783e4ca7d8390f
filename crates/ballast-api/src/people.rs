//! The people a worker supports, by person code: the list with counts, one code's entries over
//! time (its outcomes and push–patience along the way), and renaming a code, which merges it into
//! another when the new code is in use. The name-like warning applies to the new code. Nothing
//! here reaches a summary: a summary holds codes only as it always has (see `report`).

use ballast_core::field::person_code_alone;
use ballast_core::people::{PersonCode, Step};
use ballast_core::person_code::code_warnings;
use serde::Serialize;

use crate::error::ApiError;
use crate::session::Session;

/// What renaming a code or a tag did, with any warning about the new name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct RenameReport {
    /// The name now used.
    pub name: String,
    /// Entries changed.
    pub entries: u32,
    /// Whether the new name was already in use, so two became one.
    pub merged: bool,
    /// Warnings about the new name (it looks like a real name, an email or a phone number).
    pub warnings: Vec<ballast_core::FieldError>,
}

/// Every person code, the most recently seen first.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn person_codes(session: &Session) -> Result<Vec<PersonCode>, ApiError> {
    Ok(session.journal()?.person_codes()?)
}

/// One code's entries, oldest first.
///
/// # Errors
/// [`ApiError::NotFound`] when no entry has the code; [`ApiError::Locked`].
pub fn person_journey(session: &Session, code: &str) -> Result<Vec<Step>, ApiError> {
    let steps = session.journal()?.person_journey(code)?;
    if steps.is_empty() {
        return Err(ApiError::NotFound);
    }
    Ok(steps)
}

/// Gives every entry with code `old` the code `new`, in one transaction.
///
/// # Errors
/// [`ApiError::Invalid`] for a blank or too long new code (nothing changed);
/// [`ApiError::NotFound`] when no entry has `old`; [`ApiError::Locked`].
pub fn rename_person_code(session: &Session, old: &str, new: &str) -> Result<RenameReport, ApiError> {
    let name = person_code_alone(new)?;
    let now = session.clock().now();
    let mut j = session.journal()?;
    if name != old && j.person_journey(old)?.is_empty() {
        return Err(ApiError::NotFound);
    }
    let done = j.rename_person_code(old, &name, now)?;
    let warnings = code_warnings(&name);
    Ok(RenameReport { name, entries: done.entries, merged: done.merged, warnings })
}
