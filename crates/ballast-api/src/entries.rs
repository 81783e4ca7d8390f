//! Reflections and setbacks: save (new or replacing), read, list a page, delete, and the
//! person-code warnings the form shows as the worker types. Every rule is in `ballast-core`.

use ballast_core::person_code::{code_warnings, tag_warnings};
use ballast_core::{Cursor, EntryBody, EntryId, FieldError, ReflectionDraft, SetbackDraft};

use crate::dto::{EntryPage, EntryView, Saved};
use crate::error::ApiError;
use crate::session::Session;

/// The most entries one page of the list may hold.
pub const MAX_PAGE: u32 = 500;

fn save(session: &Session, id: Option<EntryId>, body: EntryBody, warnings: Vec<FieldError>) -> Result<Saved, ApiError> {
    let now = session.clock().now();
    let mut j = session.journal()?;
    let id = match id {
        Some(id) => j.update(id, &body, now).map(|()| id)?,
        None => j.insert(&body, now)?,
    };
    Ok(Saved { id, warnings })
}

/// Saves a reflection: a new one when `id` is `None`, else replaces that entry. A templated one
/// is answered against its template (see `templates::for_draft`).
///
/// # Errors
/// [`ApiError::Invalid`] with every problem (nothing written), [`ApiError::Locked`],
/// [`ApiError::NotFound`].
pub fn save_reflection(session: &Session, id: Option<EntryId>, draft: &ReflectionDraft) -> Result<Saved, ApiError> {
    let template = match &draft.template {
        Some(t) => {
            let j = session.journal()?;
            let existing = id.map(|id| j.get(id)).transpose()?;
            crate::templates::for_draft(&j, &t.id, existing.as_ref())?
        }
        None => None,
    };
    let r = draft.validate_with(session.clock(), template.as_ref())?;
    let mut warnings = r.person_code.as_deref().map(code_warnings).unwrap_or_default();
    warnings.extend(tag_warnings(&r.tags));
    save(session, id, EntryBody::Reflection(r), warnings)
}

/// Saves a setback: a new one when `id` is `None`, else replaces that entry.
///
/// # Errors
/// As [`save_reflection`].
pub fn save_setback(session: &Session, id: Option<EntryId>, draft: &SetbackDraft) -> Result<Saved, ApiError> {
    let s = draft.validate(session.clock())?;
    let warnings = s.person_code.as_deref().map(code_warnings).unwrap_or_default();
    save(session, id, EntryBody::Setback(s), warnings)
}

/// Warnings about a person code, for the form to show as the worker types.
pub fn check_person_code(code: &str) -> Vec<FieldError> {
    code_warnings(code)
}

/// Deletes an entry.
///
/// # Errors
/// [`ApiError::NotFound`], [`ApiError::Locked`].
pub fn delete_entry(session: &Session, id: EntryId) -> Result<(), ApiError> {
    Ok(session.journal()?.delete(id)?)
}

/// One entry.
///
/// # Errors
/// [`ApiError::NotFound`], [`ApiError::Locked`].
pub fn get_entry(session: &Session, id: EntryId) -> Result<EntryView, ApiError> {
    Ok(EntryView::from(&session.journal()?.get(id)?))
}

/// A page of the list, newest first, strictly older than `before`.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn list_entries(session: &Session, before: Option<Cursor>, limit: u32) -> Result<EntryPage, ApiError> {
    let limit = limit.clamp(1, MAX_PAGE);
    let entries = session.journal()?.page(before, limit)?;
    let full = u32::try_from(entries.len()).is_ok_and(|n| n == limit);
    let next = entries.last().filter(|_| full).map(|e| Cursor { occurred_at: e.occurred_at, id: e.id });
    Ok(EntryPage { entries, next })
}
