//! "Delete everything": after the typed confirmation, and a final backup unless the worker opts
//! out, the journal, its key file and its drafts are removed, with the backups too if chosen. The
//! report says exactly what was removed and what is left.

use ballast_store::Reason;
use serde::Deserialize;

use crate::dto::DeleteReport;
use crate::error::ApiError;
use crate::session::Session;

/// The words typed to confirm.
pub const DELETE_WORDS: &str = "delete everything";

/// What the worker chose.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct DeleteChoice {
    /// Must be [`DELETE_WORDS`].
    pub confirmation: String,
    /// Keep one last backup (with the key file's copy) so this can be undone.
    pub final_backup: bool,
    /// Remove the backups (all but the final one, if kept) and any damaged files set aside.
    pub remove_backups: bool,
}

/// Deletes the journal as chosen and locks.
///
/// # Errors
/// [`ApiError::NotConfirmed`]; [`ApiError::Locked`]; a failed final backup (nothing removed).
pub fn delete_everything(session: &Session, choice: &DeleteChoice) -> Result<DeleteReport, ApiError> {
    if choice.confirmation.trim().to_lowercase() != DELETE_WORDS {
        return Err(ApiError::NotConfirmed(DELETE_WORDS));
    }
    let now = session.clock().now();
    let mut open = session.journal()?;
    let kept_backup =
        if choice.final_backup { Some(open.backup(Reason::BeforeDeleteAll, now, &mut |_| {})?) } else { None };
    let journal = open.take().ok_or(ApiError::Locked)?;
    let dir = journal.dir().clone();
    let removed =
        journal.delete_everything(choice.remove_backups, kept_backup.as_ref().map(|b| b.file_name.as_str()))?;
    let mut left = Vec::new();
    let mut stack = vec![dir.root().to_owned()];
    while let Some(d) = stack.pop() {
        for item in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = item.path();
            if p.is_dir() { stack.push(p) } else { left.push(p.display().to_string()) }
        }
    }
    left.sort();
    Ok(DeleteReport {
        removed: removed.iter().map(|p| p.display().to_string()).collect(),
        left,
        final_backup: kept_backup.map(|b| b.file_name),
    })
}
