//! Tags: the list with counts (and the strength words, offered again in the form), and renaming one (merging it into another when the new tag is in
//! use; an entry carrying both keeps one). Filtering the journal by a tag is a search with only
//! that filter (see `search`).

use ballast_core::field::tag_alone;
use ballast_core::people::TagCount;
use ballast_core::person_code::tag_warnings;

use crate::error::ApiError;
use crate::people::RenameReport;
use crate::session::Session;

/// Every tag, the most used first.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn tags(session: &Session) -> Result<Vec<TagCount>, ApiError> {
    Ok(session.journal()?.tags()?)
}

/// Every strength word used, the most used first, for the reflection form to offer again.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn strength_words(session: &Session) -> Result<Vec<TagCount>, ApiError> {
    Ok(session.journal()?.strength_words()?)
}

/// Renames tag `old` to `new` on every entry, in one transaction.
///
/// # Errors
/// [`ApiError::Invalid`] for a blank or too long new tag (nothing changed); [`ApiError::NotFound`]
/// when no entry carries `old`; [`ApiError::Locked`].
pub fn rename_tag(session: &Session, old: &str, new: &str) -> Result<RenameReport, ApiError> {
    let name = tag_alone(new)?;
    let now = session.clock().now();
    let mut j = session.journal()?;
    if !j.tags()?.iter().any(|t| t.tag == old) {
        return Err(ApiError::NotFound);
    }
    let done = j.rename_tag(old, &name, now)?;
    let warnings = tag_warnings(std::slice::from_ref(&name));
    Ok(RenameReport { name, entries: done.entries, merged: done.merged, warnings })
}
