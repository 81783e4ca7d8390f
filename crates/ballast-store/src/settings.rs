//! The worker's settings, as key–value rows in the encrypted database.

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

pub(crate) fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

pub(crate) fn set(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

/// Every setting, by key.
pub(crate) fn all(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut q = conn.prepare("SELECT key, value FROM settings ORDER BY key")?;
    let rows = q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
