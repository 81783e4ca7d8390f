//! Reading and writing journal entries: the shared `entries` row, the kind's detail row and the
//! tags, always together in one transaction.

use ballast_core::{
    Cursor, Disclosure, Entry, EntryBody, EntryId, EntryKind, EntrySummary, Landed, Outcome, PushPatience, Reflection,
    Score, Setback, SetbackType,
};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use crate::error::{Result, StoreError};

/// Fixed-width UTC text, so that text order is time order.
pub(crate) fn ts(t: DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.9fZ").to_string()
}

pub(crate) fn parse_ts(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| StoreError::Corrupt("a stored time".into()))
}

fn score(v: Option<u8>) -> Result<Option<Score>> {
    v.map(|v| Score::new(v).ok_or_else(|| StoreError::Corrupt("a stored rating".into()))).transpose()
}

fn choice<T>(v: Option<String>, parse: fn(&str) -> Option<T>) -> Result<Option<T>> {
    v.map(|s| parse(&s).ok_or_else(|| StoreError::Corrupt("a stored choice".into()))).transpose()
}

fn common(body: &EntryBody) -> (DateTime<Utc>, Option<&str>, Option<u8>, bool) {
    match body {
        EntryBody::Reflection(r) => (r.occurred_at, r.person_code.as_deref(), r.mood.map(Score::get), r.share_text),
        EntryBody::Setback(s) => (s.occurred_at, s.person_code.as_deref(), s.mood.map(Score::get), s.share_text),
    }
}

fn kind_name(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Reflection => "reflection",
        EntryKind::Setback => "setback",
    }
}

fn write_details(conn: &Connection, id: i64, body: &EntryBody) -> Result<()> {
    conn.execute("DELETE FROM reflections WHERE entry_id = ?1", [id])?;
    conn.execute("DELETE FROM setbacks WHERE entry_id = ?1", [id])?;
    conn.execute("DELETE FROM entry_tags WHERE entry_id = ?1", [id])?;
    match body {
        EntryBody::Reflection(r) => {
            conn.execute(
                "INSERT INTO reflections (entry_id, self_worth, worth_tied_to_outcomes, outcome, push_patience,
                     disclosure_used, disclosure_landed, connected_to_service, strengths, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                params![
                    id,
                    r.self_worth.map(Score::get),
                    r.worth_tied_to_outcomes.map(Score::get),
                    r.outcome.map(Outcome::as_str),
                    r.push_patience.map(PushPatience::get),
                    r.disclosure.is_some(),
                    r.disclosure.and_then(|d| d.landed).map(Landed::as_str),
                    r.connected_to_service,
                    r.strengths,
                    r.text,
                ],
            )?;
            let mut add =
                conn.prepare_cached("INSERT INTO entry_tags (entry_id, position, tag) VALUES (?1, ?2, ?3)")?;
            for (i, tag) in r.tags.iter().enumerate() {
                add.execute(params![id, i64::try_from(i).unwrap_or(i64::MAX), tag])?;
            }
        }
        EntryBody::Setback(s) => {
            conn.execute(
                "INSERT INTO setbacks (entry_id, setback_type, what_happened, in_my_control, outside_my_control, my_reaction, support)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![id, s.setback_type.as_str(), s.what_happened, s.in_my_control, s.outside_my_control, s.my_reaction, s.support],
            )?;
        }
    }
    Ok(())
}

/// Adds an entry; the caller commits.
pub(crate) fn insert(conn: &Connection, body: &EntryBody, now: DateTime<Utc>) -> Result<EntryId> {
    let (occurred_at, code, mood, share) = common(body);
    conn.execute(
        "INSERT INTO entries (kind, occurred_at, created_at, updated_at, person_code, mood, share_text)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6)",
        params![kind_name(body.kind()), ts(occurred_at), ts(now), code, mood, share],
    )?;
    let id = conn.last_insert_rowid();
    write_details(conn, id, body)?;
    Ok(EntryId(id))
}

/// Replaces an entry's contents, keeping its id and creation time; the caller commits.
pub(crate) fn update(conn: &Connection, id: EntryId, body: &EntryBody, now: DateTime<Utc>) -> Result<()> {
    let (occurred_at, code, mood, share) = common(body);
    let n = conn.execute(
        "UPDATE entries SET kind = ?2, occurred_at = ?3, updated_at = ?4, person_code = ?5, mood = ?6, share_text = ?7
         WHERE id = ?1",
        params![id.0, kind_name(body.kind()), ts(occurred_at), ts(now), code, mood, share],
    )?;
    if n == 0 {
        return Err(StoreError::NotFound);
    }
    write_details(conn, id.0, body)
}

/// Removes an entry with its details and tags.
pub(crate) fn delete(conn: &Connection, id: EntryId) -> Result<()> {
    match conn.execute("DELETE FROM entries WHERE id = ?1", [id.0])? {
        0 => Err(StoreError::NotFound),
        _ => Ok(()),
    }
}

fn tags(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut q = conn.prepare_cached("SELECT tag FROM entry_tags WHERE entry_id = ?1 ORDER BY position")?;
    let rows = q.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One entry.
pub(crate) fn get(conn: &Connection, id: EntryId) -> Result<Entry> {
    let head = conn
        .query_row(
            "SELECT kind, occurred_at, created_at, updated_at, person_code, mood, share_text FROM entries WHERE id = ?1",
            [id.0],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?, r.get::<_, Option<String>>(4)?, r.get::<_, Option<u8>>(5)?, r.get::<_, bool>(6)?)),
        )
        .optional()?
        .ok_or(StoreError::NotFound)?;
    let (kind, occurred_at, created_at, updated_at, person_code, mood, share_text) = head;
    let occurred_at = parse_ts(&occurred_at)?;
    let mood = score(mood)?;
    let body = match kind.as_str() {
        "reflection" => conn.query_row(
            "SELECT self_worth, worth_tied_to_outcomes, outcome, push_patience, disclosure_used, disclosure_landed,
                    connected_to_service, strengths, text FROM reflections WHERE entry_id = ?1",
            [id.0],
            reflection_row,
        )
        .map_err(StoreError::from)
        .and_then(|f| {
            Ok(EntryBody::Reflection(Reflection {
                occurred_at,
                mood,
                self_worth: score(f.0)?,
                worth_tied_to_outcomes: score(f.1)?,
                outcome: choice(f.2, Outcome::parse)?,
                push_patience: f.3.map(|v| PushPatience::new(v).ok_or_else(|| StoreError::Corrupt("a stored balance".into()))).transpose()?,
                disclosure: if f.4 { Some(Disclosure { landed: choice(f.5, Landed::parse)? }) } else { None },
                connected_to_service: f.6,
                strengths: f.7,
                person_code,
                tags: tags(conn, id.0)?,
                text: f.8,
                share_text,
            }))
        })?,
        "setback" => conn.query_row(
            "SELECT setback_type, what_happened, in_my_control, outside_my_control, my_reaction, support FROM setbacks WHERE entry_id = ?1",
            [id.0],
            |r| Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)),
        )
        .map_err(StoreError::from)
        .and_then(|f| {
            Ok(EntryBody::Setback(Setback {
                occurred_at,
                setback_type: SetbackType::parse(&f.0).ok_or_else(|| StoreError::Corrupt("a stored setback type".into()))?,
                person_code,
                what_happened: f.1,
                in_my_control: f.2,
                outside_my_control: f.3,
                my_reaction: f.4,
                support: f.5,
                mood,
                share_text,
            }))
        })?,
        _ => return Err(StoreError::Corrupt("a stored entry kind".into())),
    };
    Ok(Entry { id, created_at: parse_ts(&created_at)?, updated_at: parse_ts(&updated_at)?, body })
}

type ReflectionFields = (
    Option<u8>,
    Option<u8>,
    Option<String>,
    Option<i8>,
    bool,
    Option<String>,
    Option<bool>,
    Option<String>,
    Option<String>,
);

fn reflection_row(r: &Row<'_>) -> rusqlite::Result<ReflectionFields> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?))
}

/// The newest entries strictly older than `before`, at most `limit` of them. Keyset paging on
/// the `(occurred_at, id)` index, so every page costs the same however deep it is.
pub(crate) fn page(conn: &Connection, before: Option<Cursor>, limit: u32) -> Result<Vec<EntrySummary>> {
    let (at, id) = before.map_or_else(|| ("9999".to_owned(), i64::MAX), |c| (ts(c.occurred_at), c.id.0));
    let mut q = conn.prepare_cached(
        "SELECT e.id, e.kind, e.occurred_at, e.mood, e.person_code,
                substr(coalesce(r.text, r.strengths, s.what_happened, s.my_reaction, ''), 1, 140)
         FROM entries e
         LEFT JOIN reflections r ON r.entry_id = e.id
         LEFT JOIN setbacks s ON s.entry_id = e.id
         WHERE (e.occurred_at, e.id) < (?1, ?2)
         ORDER BY e.occurred_at DESC, e.id DESC
         LIMIT ?3",
    )?;
    let rows = q.query_map(params![at, id, limit], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<u8>>(3)?,
            r.get::<_, Option<String>>(4)?,
            r.get::<_, String>(5)?,
        ))
    })?;
    rows.map(|row| {
        let (id, kind, at, mood, person_code, preview) = row?;
        let kind = match kind.as_str() {
            "setback" => EntryKind::Setback,
            _ => EntryKind::Reflection,
        };
        Ok(EntrySummary { id: EntryId(id), kind, occurred_at: parse_ts(&at)?, mood, person_code, preview })
    })
    .collect()
}
