//! Opening the SQLCipher database with the raw data key, and the per-connection pragmas:
//! WAL, `synchronous=FULL`, foreign keys on, temporary data kept in memory.

use std::fmt::Write;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use zeroize::Zeroizing;

use crate::error::{Result, StoreError};
use crate::vault::DataKey;

/// Opens (or creates, when `create`) the database at `path` keyed with `key`, and checks that the
/// key opens it.
pub(crate) fn open(path: &Path, key: &DataKey, create: bool) -> Result<Connection> {
    if !create && !path.exists() {
        return Err(StoreError::JournalDamaged("the database file is missing".into()));
    }
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if create {
        flags |= OpenFlags::SQLITE_OPEN_CREATE;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher would print its own errors to stderr; ours say what happened, calmly.
    conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(())).optional()?;
    let mut pragma = Zeroizing::new(String::with_capacity(80));
    pragma.push_str("PRAGMA key = \"x'");
    for b in key.0.iter() {
        let _ = write!(pragma, "{b:02x}");
    }
    pragma.push_str("'\";");
    conn.execute_batch(&pragma)?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0)).map_err(|e| {
        StoreError::JournalDamaged(match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => "the file is not a Ballast journal, or it is damaged".into(),
            _ => format!("the database could not be read ({e})"),
        })
    })?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::JournalDamaged(format!("could not switch to write-ahead logging ({mode})")));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}
