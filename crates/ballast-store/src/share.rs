//! What supervision summaries need of the journal: every entry of a range, whole; marking an
//! entry's text as shared or not; and the share log (each exported summary, never its content),
//! which the worker can read and clear.

use ballast_core::share::{Format, Included, Shared};
use ballast_core::{Entry, EntryId};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, Row, params};

use crate::entries::{self, parse_ts, ts};
use crate::error::{Result, StoreError};
use crate::journal::Journal;
use crate::transfer::Import;

const COLUMNS: &str = "shared_at, range_from, range_to, format, file_name, check_ins, charts, shared_entries, person_codes, tags, note, name";

fn day(s: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| StoreError::Corrupt("a stored day".into()))
}

fn from_row(r: &Row<'_>) -> Result<Shared> {
    let format: String = r.get(3)?;
    Ok(Shared {
        shared_at: parse_ts(&r.get::<_, String>(0)?)?,
        from: day(&r.get::<_, String>(1)?)?,
        to: day(&r.get::<_, String>(2)?)?,
        format: Format::parse(&format).ok_or_else(|| StoreError::Corrupt("a stored format".into()))?,
        file_name: r.get(4)?,
        included: Included {
            check_ins: r.get(5)?,
            charts: r.get(6)?,
            shared_entries: r.get(7)?,
            person_codes: r.get(8)?,
            tags: r.get(9)?,
            note: r.get(10)?,
            name: r.get(11)?,
        },
    })
}

fn insert(conn: &Connection, s: &Shared) -> Result<()> {
    let i = &s.included;
    conn.prepare_cached(&format!(
        "INSERT INTO share_log ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
    ))?
    .execute(params![
        ts(s.shared_at),
        s.from.to_string(),
        s.to.to_string(),
        s.format.as_str(),
        s.file_name,
        i.check_ins,
        i.charts,
        i.shared_entries,
        i.person_codes,
        i.tags,
        i.note,
        i.name
    ])?;
    Ok(())
}

fn has_same(conn: &Connection, s: &Shared) -> Result<bool> {
    let mut q = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM share_log WHERE shared_at = ?1"))?;
    let mut rows = q.query([ts(s.shared_at)])?;
    while let Some(r) = rows.next()? {
        if from_row(r)? == *s {
            return Ok(true);
        }
    }
    Ok(false)
}

impl Journal {
    /// Every entry that happened in `[from, to)`, whole, oldest first.
    ///
    /// # Errors
    /// Database errors; [`StoreError::Corrupt`] for a row that no longer reads.
    pub fn entries_between(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Entry>> {
        entries::between(&self.conn, from, to)
    }

    /// Marks an entry's text as shared in supervision summaries, or not.
    ///
    /// # Errors
    /// [`StoreError::NotFound`]; database errors.
    pub fn set_share_text(&mut self, id: EntryId, share: bool, now: DateTime<Utc>) -> Result<()> {
        entries::set_share(&self.conn, id, share, now)
    }

    /// Records an exported summary in the share log, once its file is written (the caller
    /// removes the file should this fail, so a file is never left unrecorded).
    ///
    /// # Errors
    /// Database errors; nothing is recorded then.
    pub fn record_share(&mut self, s: &Shared) -> Result<()> {
        let tx = self.conn.transaction()?;
        insert(&tx, s)?;
        tx.commit()?;
        Ok(())
    }

    /// The share log, newest first.
    ///
    /// # Errors
    /// Database errors; [`StoreError::Corrupt`] for a row that no longer reads.
    pub fn share_log(&self) -> Result<Vec<Shared>> {
        let mut q =
            self.conn.prepare_cached(&format!("SELECT {COLUMNS} FROM share_log ORDER BY shared_at DESC, id DESC"))?;
        let mut rows = q.query([])?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            out.push(from_row(r)?);
        }
        Ok(out)
    }

    /// Clears the share log; returns how many records it held.
    ///
    /// # Errors
    /// Database errors.
    pub fn clear_share_log(&mut self) -> Result<u64> {
        Ok(self.conn.execute("DELETE FROM share_log", [])? as u64)
    }
}

impl Import<'_> {
    /// Adds a share-log record unless the very same one is kept.
    ///
    /// # Errors
    /// Database errors.
    pub fn shared(&mut self, s: &Shared) -> Result<()> {
        if has_same(&self.tx, s)? {
            self.skipped += 1;
        } else {
            insert(&self.tx, s)?;
            self.added += 1;
        }
        Ok(())
    }
}
