//! Telling a damaged journal from a wrong passphrase. The vault is checked first (its checksum,
//! then the AEAD with the worker's secret), so a wrong secret never reaches the database. Once the
//! key is known to be right, anything the database does wrong is damage, of one of these kinds.

use std::path::Path;

use crate::data_dir::DataDir;

/// What is wrong with a journal whose key is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Damage {
    /// `journal.db` is not there.
    Missing,
    /// `journal.db` is empty (zero bytes): its contents were lost.
    Empty,
    /// The key cannot read the file's first page: it is damaged, or not a Ballast journal.
    Unreadable,
    /// Some pages fail their authentication or the integrity check.
    Corrupt,
    /// The file opens but holds no Ballast journal.
    NotBallast,
    /// The write-ahead log (`journal.db-wal`) was removed after Ballast stopped unexpectedly, so
    /// the most recent saves are gone from the file.
    LostRecentChanges,
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Missing => "the journal file (journal.db) is missing",
            Self::Empty => "the journal file (journal.db) is empty",
            Self::Unreadable => "the journal file cannot be read with its key: it is damaged, or not a Ballast journal",
            Self::Corrupt => "parts of the journal file are damaged",
            Self::NotBallast => "the journal file does not hold a Ballast journal",
            Self::LostRecentChanges => {
                "the journal's recent-changes file (journal.db-wal) is missing after Ballast stopped unexpectedly"
            }
        })
    }
}

/// Damage that shows in the files themselves, before SQLite opens them.
pub(crate) fn in_files(dir: &DataDir) -> Option<Damage> {
    let len = match std::fs::metadata(dir.database()) {
        Ok(m) => m.len(),
        Err(_) => return Some(Damage::Missing),
    };
    if len == 0 {
        return Some(Damage::Empty);
    }
    if !dir.wal().exists() && unsaved_frames(&dir.shm()) {
        return Some(Damage::LostRecentChanges);
    }
    None
}

/// Whether a shared-memory index left by an unclean exit says its write-ahead log held commits
/// not yet copied into the database: `mxFrame` (offset 16) beyond `nBackfill` (offset 96), in
/// the machine's byte order, as SQLite's `wal.c` lays them out. A clean close removes both files.
fn unsaved_frames(shm: &Path) -> bool {
    let Ok(bytes) = std::fs::read(shm) else { return false };
    let word = |at: usize| bytes.get(at..at + 4).and_then(|b| b.try_into().ok()).map(u32::from_ne_bytes);
    match (word(16), word(96)) {
        (Some(max_frame), Some(backfilled)) => max_frame > backfilled,
        _ => false,
    }
}

/// The damage an SQLite error met while reading the database stands for.
pub(crate) fn from_sql(e: &rusqlite::Error, reading_first_page: bool) -> Damage {
    tracing::warn!(error = %e, "the journal database could not be read");
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) if reading_first_page => Damage::Unreadable,
        _ => Damage::Corrupt,
    }
}
