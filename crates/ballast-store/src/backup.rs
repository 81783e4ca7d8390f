//! Verified backups in `backups/`: each one a SQLCipher file keyed with the journal's own data key,
//! written with SQLite's online backup API (never a copy of the live file), checked right after it
//! is written (opened with the key, `integrity_check`, every table's row count compared with the
//! journal's), and only then given its final name. A copy of the vault sits beside them, since no
//! backup opens without it. Older backups are pruned by [`ballast_core::retention`].

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::Connection;
use rusqlite::backup::{Backup, StepResult};
use serde::Serialize;

use crate::connection::{self, Mode};
use crate::data_dir::DataDir;
use crate::durable;
use crate::error::{BackupProblem, Result, StoreError, io};
use crate::migrations;
use crate::vault::DataKey;

const PREFIX: &str = "ballast-";
const EXT: &str = ".db";
const PART: &str = ".part";
const STAMP: &str = "%Y%m%dT%H%M%S%.3fZ";
/// Pages copied per step, between progress reports.
const PAGES_PER_STEP: i32 = 256;

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// The first unlock of a day.
    Daily,
    /// The worker asked for one.
    Manual,
    /// Before the schema was upgraded.
    BeforeMigration,
    /// Before a backup was restored over the journal.
    BeforeRestore,
    /// Before an import.
    BeforeImport,
    /// Before "delete everything".
    BeforeDeleteAll,
    /// Before the journal was re-encrypted with a new key.
    BeforeRekey,
}

const REASONS: [Reason; 7] = [
    Reason::Daily,
    Reason::Manual,
    Reason::BeforeMigration,
    Reason::BeforeRestore,
    Reason::BeforeImport,
    Reason::BeforeDeleteAll,
    Reason::BeforeRekey,
];

impl Reason {
    fn slug(self) -> &'static str {
        match self {
            Self::Daily => "daily",
            Self::Manual => "manual",
            Self::BeforeMigration => "before-migration",
            Self::BeforeRestore => "before-restore",
            Self::BeforeImport => "before-import",
            Self::BeforeDeleteAll => "before-delete-all",
            Self::BeforeRekey => "before-rekey",
        }
    }
}

/// A backup in `backups/`. Only verified backups get a listed name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupInfo {
    /// Its file name inside `backups/`.
    pub file_name: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// Why.
    pub reason: Reason,
    /// Its size in bytes.
    pub bytes: u64,
}

/// What verifying a backup found: it opens with the key and is sound.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verified {
    /// Its schema version.
    pub schema_version: i64,
    /// Rows in each table.
    pub counts: BTreeMap<String, i64>,
}

/// Progress of long work: `done` of `total` units (database pages).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Units done.
    pub done: u64,
    /// Units in all.
    pub total: u64,
}

/// Reads a backup's time and reason from its file name.
fn parse_name(name: &str) -> Option<(DateTime<Utc>, Reason)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(EXT)?;
    let (stamp, tail) = rest.split_once('-')?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    let reason = REASONS.into_iter().find(|r| {
        tail == r.slug()
            || tail.strip_prefix(r.slug()).and_then(|n| n.strip_prefix('-')).is_some_and(|n| n.parse::<u32>().is_ok())
    })?;
    Some((at, reason))
}

/// The verified backups, newest first.
///
/// # Errors
/// I/O errors reading `backups/`.
pub fn list(dir: &DataDir) -> Result<Vec<BackupInfo>> {
    let folder = dir.backups();
    let read = match std::fs::read_dir(&folder) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(&folder)(e)),
    };
    let mut found = Vec::new();
    for item in read {
        let item = item.map_err(io(&folder))?;
        let file_name = item.file_name().to_string_lossy().into_owned();
        if let Some((created_at, reason)) = parse_name(&file_name) {
            let bytes = item.metadata().map_err(io(&item.path()))?.len();
            found.push(BackupInfo { file_name, created_at, reason, bytes });
        }
    }
    found.sort_by(|a, b| b.created_at.cmp(&a.created_at).then_with(|| b.file_name.cmp(&a.file_name)));
    Ok(found)
}

/// The path of a listed backup, refusing names that are not backups (or try to leave the folder).
///
/// # Errors
/// [`StoreError::BackupFailed`] for a name that is not a backup's.
pub fn path_of(dir: &DataDir, file_name: &str) -> Result<PathBuf> {
    if parse_name(file_name).is_none() || file_name.contains(['/', '\\']) {
        return Err(StoreError::BackupFailed(BackupProblem::NotABackupName));
    }
    Ok(dir.backups().join(file_name))
}

/// Copies the open database `src` into a new snapshot file at `to`, keyed with `key`.
pub(crate) fn copy(src: &Connection, to: &Path, key: &DataKey, progress: &mut dyn FnMut(Progress)) -> Result<()> {
    let mut dst = connection::open_snapshot(to, key, Mode::Create)?;
    {
        let job = Backup::new(src, &mut dst)?;
        loop {
            let step = job.step(PAGES_PER_STEP)?;
            let p = job.progress();
            let total = u64::try_from(p.pagecount).unwrap_or(0);
            progress(Progress { done: total.saturating_sub(u64::try_from(p.remaining).unwrap_or(0)), total });
            match step {
                StepResult::Done => break,
                StepResult::More => {}
                _ => std::thread::sleep(std::time::Duration::from_millis(5)),
            }
        }
    }
    // The copied header says WAL (the journal's mode); a snapshot is one self-contained file.
    let _: String = dst.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
    dst.close().map_err(|(_, e)| e)?;
    durable::sync(to)
}

/// Opens a snapshot with `key` without writing to it, and checks it: `integrity_check` and a
/// schema this build can read.
///
/// # Errors
/// [`StoreError::BackupFailed`] saying what failed.
pub fn verify(path: &Path, key: &DataKey) -> Result<Verified> {
    let failed = StoreError::BackupFailed;
    match std::fs::metadata(path) {
        Ok(m) if m.len() == 0 => return Err(failed(BackupProblem::Empty)),
        Ok(_) => {}
        Err(_) => return Err(failed(BackupProblem::NotFound)),
    }
    let conn = connection::open_snapshot(path, key, Mode::ReadOnly).map_err(|e| match e {
        StoreError::JournalDamaged(_) => failed(BackupProblem::WrongKey),
        e => e,
    })?;
    let problems = connection::integrity_problems(&conn).map_err(|_| failed(BackupProblem::Damaged))?;
    if !problems.is_empty() {
        tracing::warn!(count = problems.len(), "a backup failed its integrity check");
        return Err(failed(BackupProblem::Damaged));
    }
    let schema_version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if schema_version < 1 {
        return Err(failed(BackupProblem::NotBallast));
    }
    if schema_version > migrations::latest_version() {
        return Err(failed(BackupProblem::TooNew));
    }
    let counts = connection::row_counts(&conn).map_err(|_| failed(BackupProblem::Damaged))?;
    Ok(Verified { schema_version, counts })
}

/// Writes a verified backup of `src` into `backups/`, refreshes the vault copy, and prunes.
pub(crate) fn write(
    src: &Connection,
    key: &DataKey,
    dir: &DataDir,
    reason: Reason,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(Progress),
) -> Result<BackupInfo> {
    let folder = dir.backups();
    crate::private::create_dir_all(&folder).map_err(io(&folder))?;
    clear_parts(&folder)?;
    let expected = connection::row_counts(src)?;
    let stem = format!("{PREFIX}{}-{}", now.format(STAMP), reason.slug());
    let path = durable::free_path(&folder, &stem, EXT);
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let part = folder.join(format!("{file_name}{PART}"));
    let checked = copy(src, &part, key, progress).and_then(|()| verify(&part, key));
    let found = match checked {
        Ok(v) => v.counts,
        Err(e) => {
            // Our own incomplete copy, never the worker's data: removed, and the failure reported.
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
    };
    if found != expected {
        tracing::warn!("a new backup's row counts differ from the journal's");
        let _ = std::fs::remove_file(&part);
        return Err(StoreError::BackupFailed(BackupProblem::CopyDiffers));
    }
    std::fs::rename(&part, &path).map_err(io(&path))?;
    copy_vault(dir)?;
    durable::sync(&folder)?;
    prune(dir, now)?;
    let bytes = std::fs::metadata(&path).map_err(io(&path))?.len();
    Ok(BackupInfo { file_name, created_at: now, reason, bytes })
}

/// Keeps the vault copy beside the backups up to date.
pub(crate) fn copy_vault(dir: &DataDir) -> Result<()> {
    let (from, to) = (dir.vault(), dir.backup_vault());
    let bytes = std::fs::read(&from).map_err(io(&from))?;
    if std::fs::read(&to).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    durable::write_atomic(&to, &bytes)
}

/// Removes backups the retention policy no longer keeps.
fn prune(dir: &DataDir, now: DateTime<Utc>) -> Result<()> {
    let all = list(dir)?;
    let times: Vec<_> = all.iter().map(|b| b.created_at).collect();
    let keep = ballast_core::retention::keep(&times, now, ballast_core::retention::POLICY);
    for (i, b) in all.iter().enumerate() {
        if !keep.contains(&i) {
            let path = dir.backups().join(&b.file_name);
            std::fs::remove_file(&path).map_err(io(&path))?;
        }
    }
    Ok(())
}

/// Removes copies left half-written by an interrupted backup.
fn clear_parts(folder: &Path) -> Result<()> {
    for item in std::fs::read_dir(folder).map_err(io(folder))?.flatten() {
        let name = item.file_name().to_string_lossy().into_owned();
        if name.starts_with(PREFIX) && (name.ends_with(PART) || name.ends_with(crate::rekey::REKEYING)) {
            std::fs::remove_file(item.path()).map_err(io(&item.path()))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_carry_time_and_reason_and_nothing_else_passes() {
        let (at, reason) = parse_name("ballast-20261125T180000.250Z-before-restore-3.db").expect("a backup name");
        assert_eq!(at.to_rfc3339(), "2026-11-25T18:00:00.250+00:00", "the time is read back to the millisecond");
        assert_eq!(reason, Reason::BeforeRestore, "a reason with dashes and a counter is read back");
        for bad in ["journal.db", "ballast-20261125T180000.250Z-daily.db.part", "ballast-x-daily.db", "vault.json"] {
            assert!(parse_name(bad).is_none(), "{bad} is not listed as a backup");
        }
    }
}
