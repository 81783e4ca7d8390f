//! Reading everything out (for export) and writing many records in one transaction (for import):
//! the import either commits every record or, when dropped without [`Import::commit`], none.
//! Deleting everything lives here too: the last thing data can be moved by.

use std::path::PathBuf;

use ballast_core::{CheckIn, Entry, EntryId};
use rusqlite::Transaction;

use crate::error::{Result, io};
use crate::journal::Journal;
use crate::{check_ins, entries, quarantine, settings};

/// An import in progress: one transaction.
pub struct Import<'a> {
    pub(crate) tx: Transaction<'a>,
    pub(crate) added: u64,
    pub(crate) skipped: u64,
}

/// What an import did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Imported {
    /// Records written.
    pub added: u64,
    /// Records already kept exactly so, skipped.
    pub skipped: u64,
}

impl Import<'_> {
    /// Adds an entry unless the very same one (times and contents) is already kept.
    ///
    /// # Errors
    /// Database errors.
    pub fn entry(&mut self, e: &Entry) -> Result<()> {
        if entries::has_same(&self.tx, e)? {
            self.skipped += 1;
        } else {
            entries::insert_as(&self.tx, e)?;
            self.added += 1;
        }
        Ok(())
    }

    /// Adds a check-in unless the very same one (instrument, version, time and answers) is kept.
    ///
    /// # Errors
    /// Database errors.
    pub fn check_in(&mut self, c: &CheckIn) -> Result<()> {
        if check_ins::has_same(&self.tx, &c.body)? {
            self.skipped += 1;
        } else {
            check_ins::insert_as(&self.tx, c)?;
            self.added += 1;
        }
        Ok(())
    }

    /// Keeps a dismissed nudge unless it is already dismissed.
    ///
    /// # Errors
    /// Database errors.
    pub fn dismissed_nudge(&mut self, id: &str, at: chrono::DateTime<chrono::Utc>) -> Result<()> {
        let n = self.tx.execute(
            "INSERT INTO dismissed_nudges (id, dismissed_at) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING",
            rusqlite::params![id, crate::entries::ts(at)],
        )?;
        if n == 0 {
            self.skipped += 1
        } else {
            self.added += 1
        }
        Ok(())
    }

    /// Adds a plan version (after the journal's own) unless one with this time and contents is kept.
    ///
    /// # Errors
    /// Database errors.
    pub fn plan_version(
        &mut self,
        plan: &ballast_core::care::SelfCarePlan,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        if crate::care::has_version(&self.tx, plan, at)? {
            self.skipped += 1;
        } else {
            crate::care::add_version(&self.tx, plan, at)?;
            self.added += 1;
        }
        Ok(())
    }

    /// Adds a plan from an older export's simple note, only when the journal has no plan yet (so a
    /// worker's own plan is never replaced, and importing the same file again adds nothing).
    ///
    /// # Errors
    /// Database errors.
    pub fn plan_if_none(
        &mut self,
        plan: &ballast_core::care::SelfCarePlan,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        if crate::care::versions(&self.tx)?.is_empty() {
            crate::care::add_version(&self.tx, plan, at)?;
            self.added += 1;
        } else {
            self.skipped += 1;
        }
        Ok(())
    }

    /// Sets the support resources when the journal has none saved (the worker's own list wins).
    ///
    /// # Errors
    /// Database errors.
    pub fn support_resources(&mut self, list: &[ballast_core::care::Resource]) -> Result<()> {
        if crate::care::resources(&self.tx)?.is_empty() {
            crate::care::set_resources(&self.tx, list)?;
            self.added += 1;
        } else {
            self.skipped += 1;
        }
        Ok(())
    }

    /// Adds a template of the worker's own unless the very same one is kept (a different one with
    /// its id keeps its id; this one gets a new one).
    ///
    /// # Errors
    /// Database errors.
    pub fn own_template(
        &mut self,
        t: &ballast_core::template::Template,
        at: chrono::DateTime<chrono::Utc>,
    ) -> Result<()> {
        if crate::templates::insert_as(&self.tx, t, at)? {
            self.added += 1;
        } else {
            self.skipped += 1;
        }
        Ok(())
    }

    /// Sets the templates' order and visibility when the journal has not arranged its own.
    ///
    /// # Errors
    /// Database errors.
    pub fn template_choices(&mut self, all: &[crate::templates::Choice]) -> Result<()> {
        if crate::templates::choices(&self.tx)?.is_empty() && !all.is_empty() {
            crate::templates::set_choices(&self.tx, all)?;
            self.added += 1;
        } else {
            self.skipped += 1;
        }
        Ok(())
    }

    /// Sets a setting the journal does not have yet (the worker's current choices win).
    ///
    /// # Errors
    /// Database errors.
    pub fn setting(&mut self, key: &str, value: &str) -> Result<()> {
        if settings::get(&self.tx, key)?.is_some() {
            self.skipped += 1;
        } else {
            settings::set(&self.tx, key, value)?;
            self.added += 1;
        }
        Ok(())
    }

    /// Writes everything at once.
    ///
    /// # Errors
    /// Database errors; then nothing is written.
    pub fn commit(self) -> Result<Imported> {
        let done = Imported { added: self.added, skipped: self.skipped };
        // What was imported is searchable once the import is.
        crate::search::catch_up(&self.tx)?;
        self.tx.commit()?;
        Ok(done)
    }
}

impl Journal {
    /// Up to `limit` entries with ids above `after`, in id order.
    ///
    /// # Errors
    /// Database errors.
    pub fn entries_after(&self, after: EntryId, limit: u32) -> Result<Vec<Entry>> {
        entries::after(&self.conn, after, limit)
    }

    /// Every setting, by key.
    ///
    /// # Errors
    /// Database errors.
    pub fn all_settings(&self) -> Result<Vec<(String, String)>> {
        settings::all(&self.conn)
    }

    /// Starts an import.
    ///
    /// # Errors
    /// Database errors.
    pub fn import(&mut self) -> Result<Import<'_>> {
        Ok(Import { tx: self.conn.transaction()?, added: 0, skipped: 0 })
    }

    /// Deletes the journal: the database (drafts and settings with it) and the vault, and, when
    /// `backups` is true, the backups (but not `keep`, a final backup to leave behind) and the
    /// quarantined copies. Returns what was removed. The journal is closed first.
    ///
    /// # Errors
    /// I/O errors, after which whatever is left is listed by the caller from the disk.
    pub fn delete_everything(self, backups: bool, keep: Option<&str>) -> Result<Vec<PathBuf>> {
        let Self { conn, dir, _lock: lock, .. } = self;
        crate::connection::close_cleanly(conn)?;
        let mut doomed = quarantine::journal_files(&dir);
        doomed.push(dir.vault());
        if backups {
            for item in std::fs::read_dir(dir.backups()).into_iter().flatten().flatten() {
                let name = item.file_name().to_string_lossy().into_owned();
                let kept = keep.is_some_and(|k| k == name) || (keep.is_some() && name == "vault.json");
                if !kept {
                    doomed.push(item.path());
                }
            }
            if dir.quarantine().exists() {
                doomed.push(dir.quarantine());
            }
        }
        let mut removed = Vec::new();
        for path in doomed.into_iter().filter(|p| p.exists()) {
            let gone = if path.is_dir() { std::fs::remove_dir_all(&path) } else { std::fs::remove_file(&path) };
            gone.map_err(io(&path))?;
            removed.push(path);
        }
        if backups && keep.is_none() {
            let _ = std::fs::remove_dir(dir.backups());
        }
        drop(lock);
        let _ = std::fs::remove_file(dir.lock_file());
        let _ = std::fs::remove_dir(dir.root());
        Ok(removed)
    }
}
