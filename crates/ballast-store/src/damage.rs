//! Telling a damaged journal from a wrong passphrase. The vault is checked first (its checksum,
//! then the AEAD with the worker's secret), so a wrong secret never reaches the database. Once the
//! key is known to be right, anything the database does wrong is damage, of one of these kinds.
//! Unlocking checks what is cheap (`check_sound`); every page is read after it
//! ([`WholeFileCheck`]).

use std::path::Path;

use rusqlite::Connection;

use crate::data_dir::DataDir;
use crate::error::{Result, StoreError};

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

impl Damage {
    /// Every kind, for tests of their words.
    pub const ALL: [Self; 6] =
        [Self::Missing, Self::Empty, Self::Unreadable, Self::Corrupt, Self::NotBallast, Self::LostRecentChanges];
}

impl std::fmt::Display for Damage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Shown to the worker (after "the passphrase is right, but "): plain words, no file names.
        f.write_str(match self {
            Self::Missing => "the journal file is missing",
            Self::Empty => "the journal file is empty",
            Self::Unreadable => "the journal file cannot be opened with its key: it is damaged, or not a Ballast journal",
            Self::Corrupt => "parts of the journal file are damaged",
            Self::NotBallast => "the journal file does not hold a Ballast journal",
            Self::LostRecentChanges => {
                "the journal's most recent changes are missing: Ballast stopped unexpectedly and the file that held them is gone"
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

/// Checks an opened database before it is used, without reading every page (that is
/// [`WholeFileCheck`], run after unlock): the first page read with the key (done on opening), a
/// Ballast schema, and a file as long as its header says when no write-ahead log holds pages of
/// it. Returns its schema version.
pub(crate) fn check_sound(conn: &Connection, dir: &DataDir) -> Result<i64> {
    let damaged = |e: rusqlite::Error| StoreError::JournalDamaged(from_sql(&e, false));
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(damaged)?;
    let has_entries: bool = conn
        .query_row("SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'entries'", [], |r| r.get(0))
        .map_err(damaged)?;
    if version < 1 || !has_entries {
        return Err(StoreError::JournalDamaged(Damage::NotBallast));
    }
    // SQLCipher answers `page_size` as text (its `cipher_page_size`), SQLite `page_count` as a number.
    let count = |pragma: &str| -> Result<u64> {
        let n = conn
            .query_row(pragma, [], |r| {
                Ok(match r.get_ref(0)? {
                    rusqlite::types::ValueRef::Integer(n) => u64::try_from(n).ok(),
                    rusqlite::types::ValueRef::Text(t) => std::str::from_utf8(t).ok().and_then(|t| t.parse().ok()),
                    _ => None,
                })
            })
            .map_err(damaged)?;
        n.ok_or(StoreError::JournalDamaged(Damage::Corrupt))
    };
    let (pages, page_size) = (count("PRAGMA page_count")?, count("PRAGMA page_size")?);
    let file = std::fs::metadata(dir.database()).map_err(crate::error::io(&dir.database()))?.len();
    let wal_frames = std::fs::metadata(dir.wal()).is_ok_and(|m| m.len() > 0);
    if page_size == 0 || file % page_size != 0 || (!wal_frames && file < pages * page_size) {
        return Err(StoreError::JournalDamaged(Damage::Corrupt));
    }
    Ok(version)
}

/// Every page of the journal read and checked (`quick_check`), on a connection of its own so the
/// journal stays usable meanwhile: made under the journal's guard with [`crate::Journal::whole_file_check`],
/// run after it is released.
pub struct WholeFileCheck {
    conn: Connection,
}

impl std::fmt::Debug for WholeFileCheck {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WholeFileCheck").finish_non_exhaustive()
    }
}

impl WholeFileCheck {
    pub(crate) fn new(conn: Connection) -> Self {
        Self { conn }
    }

    /// Reads every page.
    ///
    /// # Errors
    /// [`StoreError::JournalDamaged`] when a page does not read or the structure does not hold.
    pub fn run(self) -> Result<()> {
        let damaged = |e: rusqlite::Error| StoreError::JournalDamaged(from_sql(&e, false));
        let mut q = self.conn.prepare("PRAGMA quick_check").map_err(damaged)?;
        let findings = q.query_map([], |r| r.get::<_, String>(0)).map_err(damaged)?;
        for finding in findings {
            if finding.map_err(damaged)? != "ok" {
                return Err(StoreError::JournalDamaged(Damage::Corrupt));
            }
        }
        Ok(())
    }
}
