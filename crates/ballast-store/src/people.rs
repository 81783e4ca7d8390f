//! The people a worker supports, by person code, and the tags: each with its counts; one code's
//! entries over time; renaming (and so merging) a code or a tag, in one transaction.

use ballast_core::people::{OutcomeCounts, PersonCode, Renamed, Step, TagCount};
use ballast_core::{EntryId, EntryKind, Outcome, SetbackType};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use crate::entries::{parse_ts, preview, ts};
use crate::error::{Result, StoreError};
use crate::journal::Journal;

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("a stored {what}"))
}

fn codes(conn: &Connection) -> Result<Vec<PersonCode>> {
    let mut q = conn.prepare_cached(
        "SELECT person_code, count(*), count(*) FILTER (WHERE kind = 'setback'), min(occurred_at), max(occurred_at),
                count(*) FILTER (WHERE outcome = 'progress'), count(*) FILTER (WHERE outcome = 'no_change'),
                count(*) FILTER (WHERE outcome = 'setback'), count(*) FILTER (WHERE outcome = 'not_applicable')
         FROM entries WHERE person_code IS NOT NULL
         GROUP BY person_code ORDER BY max(occurred_at) DESC, person_code",
    )?;
    let rows = q.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            [r.get::<_, u32>(1)?, r.get(2)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?],
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    rows.map(|row| {
        let (code, [entries, setbacks, progress, no_change, setback, not_applicable], first, last) = row?;
        Ok(PersonCode {
            code,
            entries,
            setbacks,
            first_at: parse_ts(&first)?,
            last_at: parse_ts(&last)?,
            outcomes: OutcomeCounts { progress, no_change, setback, not_applicable },
        })
    })
    .collect()
}

fn journey(conn: &Connection, code: &str) -> Result<Vec<Step>> {
    let mut q = conn.prepare_cached(&format!(
        "SELECT id, kind, occurred_at, outcome, push_patience, setback_type, {}
         FROM entries WHERE person_code = ?1 ORDER BY occurred_at, id",
        preview("entries")
    ))?;
    let rows = q.query_map([code], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<i8>>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, String>(6)?,
        ))
    })?;
    rows.map(|row| {
        let (id, kind, at, outcome, push_patience, setback_type, preview) = row?;
        Ok(Step {
            id: EntryId(id),
            kind: if kind == "setback" { EntryKind::Setback } else { EntryKind::Reflection },
            occurred_at: parse_ts(&at)?,
            outcome: outcome.map(|o| Outcome::parse(&o).ok_or_else(|| corrupt("outcome"))).transpose()?,
            push_patience,
            setback_type: setback_type
                .map(|t| SetbackType::parse(&t).ok_or_else(|| corrupt("setback type")))
                .transpose()?,
            preview,
        })
    })
    .collect()
}

/// The labels of a JSON-array column (`tags` or `strength_words`) with how many entries carry each.
fn labels(conn: &Connection, column: &str) -> Result<Vec<TagCount>> {
    let mut q = conn.prepare_cached(&format!(
        "SELECT t.value, count(DISTINCT e.id) FROM entries e, json_each(e.{column}) t
         GROUP BY t.value ORDER BY count(DISTINCT e.id) DESC, t.value"
    ))?;
    let rows = q.query_map([], |r| Ok(TagCount { tag: r.get(0)?, entries: r.get(1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn rename_code(conn: &Connection, old: &str, new: &str, now: DateTime<Utc>) -> Result<Renamed> {
    let merged = old != new && conn.prepare_cached("SELECT 1 FROM entries WHERE person_code = ?1")?.exists([new])?;
    let entries = conn
        .prepare_cached("UPDATE entries SET person_code = ?2, updated_at = ?3 WHERE person_code = ?1 AND ?1 <> ?2")?
        .execute(params![old, new, ts(now)])?;
    Ok(Renamed { entries: u32::try_from(entries).unwrap_or(u32::MAX), merged })
}

fn rename_tag(conn: &Connection, old: &str, new: &str, now: DateTime<Utc>) -> Result<Renamed> {
    if old == new {
        return Ok(Renamed { entries: 0, merged: false });
    }
    let has = "EXISTS (SELECT 1 FROM json_each(tags) WHERE json_each.value = ?1)";
    let merged = conn.prepare_cached(&format!("SELECT 1 FROM entries WHERE {has}"))?.exists([new])?;
    let mut q = conn.prepare_cached(&format!("SELECT id, tags FROM entries WHERE {has}"))?;
    let found = q
        .query_map([old], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut update = conn.prepare_cached("UPDATE entries SET tags = ?2, updated_at = ?3 WHERE id = ?1")?;
    for (id, list) in &found {
        let list: Vec<String> = serde_json::from_str(list).map_err(|_| corrupt("tag list"))?;
        let mut renamed: Vec<String> = Vec::with_capacity(list.len());
        for t in list {
            let t = if t == old { new.to_owned() } else { t };
            if !renamed.contains(&t) {
                renamed.push(t);
            }
        }
        let json = serde_json::to_string(&renamed).map_err(|_| corrupt("tag list"))?;
        update.execute(params![id, json, ts(now)])?;
    }
    Ok(Renamed { entries: u32::try_from(found.len()).unwrap_or(u32::MAX), merged })
}

impl Journal {
    /// Every person code, the most recently seen first.
    ///
    /// # Errors
    /// Database errors.
    pub fn person_codes(&self) -> Result<Vec<PersonCode>> {
        codes(&self.conn)
    }

    /// One code's entries, oldest first.
    ///
    /// # Errors
    /// Database errors.
    pub fn person_journey(&self, code: &str) -> Result<Vec<Step>> {
        journey(&self.conn, code)
    }

    /// Every tag, the most used first.
    ///
    /// # Errors
    /// Database errors.
    pub fn tags(&self) -> Result<Vec<TagCount>> {
        labels(&self.conn, "tags")
    }

    /// Every strength word used, the most used first (for the form to offer again).
    ///
    /// # Errors
    /// Database errors.
    pub fn strength_words(&self) -> Result<Vec<TagCount>> {
        labels(&self.conn, "strength_words")
    }

    /// Gives every entry with code `old` the code `new` (merging the two when `new` is in use), in
    /// one transaction: a failure midway changes nothing.
    ///
    /// # Errors
    /// Database errors, after which nothing was changed.
    pub fn rename_person_code(&mut self, old: &str, new: &str, now: DateTime<Utc>) -> Result<Renamed> {
        let tx = self.conn.transaction()?;
        let done = rename_code(&tx, old, new, now)?;
        tx.commit()?;
        Ok(done)
    }

    /// Renames tag `old` to `new` on every entry (merging the two when `new` is in use, so an
    /// entry carrying both keeps one), in one transaction.
    ///
    /// # Errors
    /// As [`Journal::rename_person_code`].
    pub fn rename_tag(&mut self, old: &str, new: &str, now: DateTime<Utc>) -> Result<Renamed> {
        let tx = self.conn.transaction()?;
        let done = rename_tag(&tx, old, new, now)?;
        tx.commit()?;
        Ok(done)
    }
}

#[cfg(test)]
#[path = "people_tests.rs"]
mod tests;
