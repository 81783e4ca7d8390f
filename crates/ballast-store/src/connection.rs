//! Opening SQLCipher databases with the raw data key: the live journal (WAL, `synchronous=FULL`,
//! foreign keys on, temporary data in memory) and snapshots (backups and files being restored,
//! one self-contained file each, in rollback-journal mode).

use std::fmt::Write;
use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension};
use zeroize::Zeroizing;

use crate::damage::{self, Damage};
use crate::error::{Result, StoreError};
use crate::vault::DataKey;

/// How a keyed file is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// An existing file, read and written.
    Existing,
    /// A new file.
    Create,
    /// An existing file, never written (verifying a backup).
    ReadOnly,
}

/// Opens `path` keyed with `key` and checks that the key reads its first page.
fn keyed(path: &Path, key: &DataKey, mode: Mode) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_NO_MUTEX
        | match mode {
            Mode::Existing => OpenFlags::SQLITE_OPEN_READ_WRITE,
            Mode::Create => OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            Mode::ReadOnly => OpenFlags::SQLITE_OPEN_READ_ONLY,
        };
    if mode == Mode::Create {
        // Made owner-only before SQLite opens it; SQLite gives its -wal and -shm the same mode.
        crate::private::create_file(path).map_err(crate::error::io(path))?;
    }
    let conn = Connection::open_with_flags(path, flags)?;
    // SQLCipher would print its own errors to stderr; ours say what happened, calmly.
    conn.query_row("PRAGMA cipher_log_level = NONE", [], |_| Ok(())).optional()?;
    conn.execute_batch(&key_pragma("key", key))?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get::<_, i64>(0))
        .map_err(|e| StoreError::JournalDamaged(damage::from_sql(&e, true)))?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    Ok(conn)
}

/// `PRAGMA <name> = "x'<hex key>'";` (`key` or `rekey`) in a buffer sized to it exactly, so it is
/// never reallocated (which would free an unwiped copy of the key) and is wiped when dropped.
pub(crate) fn key_pragma(name: &str, key: &DataKey) -> Zeroizing<String> {
    keyed_text(&format!("PRAGMA {name} = \""), key, "\";")
}

/// `x'<hex key>'`, SQLCipher's raw-key form (for `ATTACH … KEY`), sized exactly as [`key_pragma`].
pub(crate) fn raw_key(key: &DataKey) -> Zeroizing<String> {
    keyed_text("", key, "")
}

/// `head` + `x'<hex key>'` + `tail` in a zeroizing buffer of exactly that length.
fn keyed_text(head: &str, key: &DataKey, tail: &str) -> Zeroizing<String> {
    let len = head.len() + "x'".len() + 2 * key.0.len() + "'".len() + tail.len();
    let mut text = Zeroizing::new(String::with_capacity(len));
    text.push_str(head);
    text.push_str("x'");
    for b in key.0.iter() {
        let _ = write!(text, "{b:02x}");
    }
    text.push('\'');
    text.push_str(tail);
    text
}

/// Turns SQLCipher's memory security on or off for the whole process: with it on, SQLCipher wipes
/// every allocation SQLite frees (decrypted pages included). It is a global setting of the
/// library; Ballast leaves it at SQLCipher's default (off) after measuring it (see
/// docs/PERFORMANCE.md and docs/SECURITY.md). The benchmark turns it on to measure its cost.
///
/// # Errors
/// Database errors.
pub fn set_memory_security(on: bool) -> Result<()> {
    let conn = Connection::open_in_memory()?;
    conn.query_row(&format!("PRAGMA cipher_memory_security = {}", if on { "ON" } else { "OFF" }), [], |_| Ok(()))
        .optional()?;
    let now: String = conn.query_row("PRAGMA cipher_memory_security", [], |r| r.get(0))?;
    if now != if on { "1" } else { "0" } {
        return Err(StoreError::Corrupt(format!("cipher_memory_security did not take: {now}")));
    }
    Ok(())
}

/// Opens (or creates, with [`Mode::Create`]) the live journal at `path`.
pub(crate) fn open(path: &Path, key: &DataKey, mode: Mode) -> Result<Connection> {
    let conn = keyed(path, key, mode)?;
    let wal: String = conn
        .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
        .map_err(|e| StoreError::JournalDamaged(damage::from_sql(&e, false)))?;
    if !wal.eq_ignore_ascii_case("wal") {
        return Err(StoreError::JournalDamaged(Damage::Corrupt));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(conn)
}

/// A second connection to the live journal that only reads (the whole-file check after unlock).
pub(crate) fn open_reader(path: &Path, key: &DataKey) -> Result<Connection> {
    let conn = keyed(path, key, Mode::Existing)?;
    conn.pragma_update(None, "query_only", "ON")?;
    Ok(conn)
}

/// Opens a snapshot file: a backup, or a copy being restored.
pub(crate) fn open_snapshot(path: &Path, key: &DataKey, mode: Mode) -> Result<Connection> {
    let conn = keyed(path, key, mode)?;
    if mode != Mode::ReadOnly {
        conn.pragma_update(None, "synchronous", "FULL")?;
    }
    Ok(conn)
}

/// Closes a live connection after moving everything in its write-ahead log into the database, so
/// only `journal.db` is left to swap or remove.
pub(crate) fn close_cleanly(conn: Connection) -> Result<()> {
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
    conn.close().map_err(|(_, e)| StoreError::from(e))
}

/// SQLite's `integrity_check` over every page: an empty list when the file is sound.
pub(crate) fn integrity_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut q = conn.prepare("PRAGMA integrity_check")?;
    let rows = q.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().filter(|r| r != "ok").collect())
}

/// Every table's row count (SQLite's own tables aside), for comparing a copy with its source.
pub(crate) fn row_counts(conn: &Connection) -> Result<std::collections::BTreeMap<String, i64>> {
    let mut q = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")?;
    let names = q.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    names
        .into_iter()
        .map(|name| {
            let n =
                conn.query_row(&format!("SELECT count(*) FROM \"{}\"", name.replace('"', "\"\"")), [], |r| r.get(0))?;
            Ok((name, n))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_key_pragma_is_built_in_place_without_a_reallocation() {
        let key = DataKey(Zeroizing::new([0xab; 32]));
        for name in ["key", "rekey"] {
            let pragma = key_pragma(name, &key);
            assert_eq!(
                pragma.capacity(),
                pragma.len(),
                "the buffer is exactly the string: a larger one was never needed, so no unwiped copy was freed"
            );
            assert_eq!(pragma.as_str(), format!("PRAGMA {name} = \"x'{}'\";", "ab".repeat(32)), "and it is the pragma");
        }
        let raw = raw_key(&key);
        assert_eq!(raw.capacity(), raw.len(), "the raw key for ATTACH is built in place too");
        assert_eq!(raw.as_str(), format!("x'{}'", "ab".repeat(32)), "in SQLCipher's raw-key form");
    }
}
