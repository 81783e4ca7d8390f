//! Dismissed nudges: the ids the worker has set aside, each with when.

use chrono::{DateTime, Utc};
use rusqlite::params;

use crate::entries::{parse_ts, ts};
use crate::error::Result;
use crate::journal::Journal;

impl Journal {
    /// Sets a nudge aside (again is no change).
    ///
    /// # Errors
    /// Database errors.
    pub fn dismiss_nudge(&mut self, id: &str, at: DateTime<Utc>) -> Result<()> {
        self.conn.execute(
            "INSERT INTO dismissed_nudges (id, dismissed_at) VALUES (?1, ?2) ON CONFLICT (id) DO NOTHING",
            params![id, ts(at)],
        )?;
        Ok(())
    }

    /// Every dismissed nudge with when, by id.
    ///
    /// # Errors
    /// Database errors.
    pub fn dismissed_nudges(&self) -> Result<Vec<(String, DateTime<Utc>)>> {
        let mut q = self.conn.prepare_cached("SELECT id, dismissed_at FROM dismissed_nudges ORDER BY id")?;
        let rows: Vec<(String, String)> =
            q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        rows.into_iter().map(|(id, at)| Ok((id, parse_ts(&at)?))).collect()
    }
}
