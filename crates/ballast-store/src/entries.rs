//! Reading and writing journal entries. Both kinds live in one `entries` row; the columns of the
//! other kind stay NULL.

use ballast_core::insights::days::Fact;
use ballast_core::{
    Cursor, Disclosure, Entry, EntryBody, EntryId, EntryKind, EntrySummary, Landed, LinkHeld, Outcome, PushPatience,
    Reflection, Score, ServiceKind, Setback, SetbackType,
};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, Row, params};

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

fn corrupt(what: &str) -> StoreError {
    StoreError::Corrupt(format!("a stored {what}"))
}

/// The columns after `id, kind, occurred_at, created_at, updated_at`, in table order.
const FIELDS: &str = "person_code, mood, share_text, self_worth, worth_tied_to_outcomes, outcome, push_patience,
    disclosure_used, disclosure_landed, connected_to_service, strengths, tags, text,
    setback_type, what_happened, in_my_control, outside_my_control, my_reaction, support, template,
    service_kind, service_held, strength_words";

/// The start of an entry's main text, for lists: a reflection's text, else its strengths, else its
/// first answer to a template; a setback's what happened, else its reaction (140 characters at
/// most). `t` is the table's name or alias in the query (`entries`, `e`).
pub(crate) fn preview(t: &str) -> String {
    format!(
        "substr(coalesce({t}.text, {t}.strengths,
            (SELECT json_extract(a.value, '$.text') FROM json_each({t}.template, '$.answers') a
             WHERE json_extract(a.value, '$.text') IS NOT NULL LIMIT 1),
            {t}.what_happened, {t}.my_reaction, ''), 1, 140)"
    )
}

/// The values for [`FIELDS`], in the same order.
fn values(body: &EntryBody) -> Result<[Value; 23]> {
    let text = |v: &Option<String>| v.clone().map_or(Value::Null, Value::Text);
    let int = |v: Option<i64>| v.map_or(Value::Null, Value::Integer);
    let choice = |v: Option<&str>| v.map_or(Value::Null, |s| Value::Text(s.to_owned()));
    let score = |v: Option<Score>| int(v.map(|s| s.get().into()));
    Ok(match body {
        EntryBody::Reflection(r) => [
            text(&r.person_code),
            score(r.mood),
            Value::Integer(r.share_text.into()),
            score(r.self_worth),
            score(r.worth_tied_to_outcomes),
            choice(r.outcome.map(Outcome::as_str)),
            int(r.push_patience.map(|p| p.get().into())),
            Value::Integer(r.disclosure.is_some().into()),
            choice(r.disclosure.and_then(|d| d.landed).map(Landed::as_str)),
            int(r.connected_to_service.map(i64::from)),
            text(&r.strengths),
            Value::Text(serde_json::to_string(&r.tags).map_err(|_| corrupt("tag list"))?),
            text(&r.text),
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            match &r.template {
                Some(a) => Value::Text(serde_json::to_string(a).map_err(|_| corrupt("template"))?),
                None => Value::Null,
            },
            choice(r.service_kind.map(ServiceKind::as_str)),
            choice(r.service_held.map(LinkHeld::as_str)),
            Value::Text(serde_json::to_string(&r.strength_words).map_err(|_| corrupt("strength words"))?),
        ],
        EntryBody::Setback(s) => [
            text(&s.person_code),
            score(s.mood),
            Value::Integer(s.share_text.into()),
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Text("[]".into()),
            Value::Null,
            choice(Some(s.setback_type.as_str())),
            text(&s.what_happened),
            text(&s.in_my_control),
            text(&s.outside_my_control),
            text(&s.my_reaction),
            text(&s.support),
            Value::Null,
            Value::Null,
            Value::Null,
            Value::Text("[]".into()),
        ],
    })
}

pub(crate) fn kind_name(kind: EntryKind) -> &'static str {
    match kind {
        EntryKind::Reflection => "reflection",
        EntryKind::Setback => "setback",
    }
}

fn occurred_at(body: &EntryBody) -> DateTime<Utc> {
    match body {
        EntryBody::Reflection(r) => r.occurred_at,
        EntryBody::Setback(s) => s.occurred_at,
    }
}

/// Adds an entry.
pub(crate) fn insert(conn: &Connection, body: &EntryBody, now: DateTime<Utc>) -> Result<EntryId> {
    let sql = format!(
        "INSERT INTO entries (kind, occurred_at, created_at, updated_at, {FIELDS})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    );
    let head = [
        Value::Text(kind_name(body.kind()).into()),
        Value::Text(ts(occurred_at(body))),
        Value::Text(ts(now)),
        Value::Text(ts(now)),
    ];
    conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(head.into_iter().chain(values(body)?)))?;
    Ok(EntryId(conn.last_insert_rowid()))
}

/// Adds an entry as it was exported: its own times, and its own id when that id is free (else a
/// new one). Returns the id it got.
pub(crate) fn insert_as(conn: &Connection, entry: &Entry) -> Result<EntryId> {
    let free: bool = conn
        .prepare_cached("SELECT NOT EXISTS (SELECT 1 FROM entries WHERE id = ?1)")?
        .query_row([entry.id.0], |r| r.get(0))?;
    let sql = format!(
        "INSERT INTO entries (id, kind, occurred_at, created_at, updated_at, {FIELDS})
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    );
    let head = [
        if free { Value::Integer(entry.id.0) } else { Value::Null },
        Value::Text(kind_name(entry.body.kind()).into()),
        Value::Text(ts(occurred_at(&entry.body))),
        Value::Text(ts(entry.created_at)),
        Value::Text(ts(entry.updated_at)),
    ];
    conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(head.into_iter().chain(values(&entry.body)?)))?;
    Ok(EntryId(conn.last_insert_rowid()))
}

/// Whether an entry with exactly these contents and times is already kept (its id aside).
pub(crate) fn has_same(conn: &Connection, entry: &Entry) -> Result<bool> {
    let same: Vec<String> = ["kind", "occurred_at", "created_at", "updated_at"]
        .into_iter()
        .chain(FIELDS.split(',').map(str::trim))
        .map(|c| format!("{c} IS ?"))
        .collect();
    let sql = format!("SELECT EXISTS (SELECT 1 FROM entries WHERE {})", same.join(" AND "));
    let head = [
        Value::Text(kind_name(entry.body.kind()).into()),
        Value::Text(ts(occurred_at(&entry.body))),
        Value::Text(ts(entry.created_at)),
        Value::Text(ts(entry.updated_at)),
    ];
    let all = head.into_iter().chain(values(&entry.body)?);
    Ok(conn.prepare_cached(&sql)?.query_row(rusqlite::params_from_iter(all), |r| r.get(0))?)
}

/// Up to `limit` entries with ids above `after`, in id order (the order they were first saved).
pub(crate) fn after(conn: &Connection, after: EntryId, limit: u32) -> Result<Vec<Entry>> {
    let sql = format!(
        "SELECT id, kind, occurred_at, created_at, updated_at, {FIELDS} FROM entries WHERE id > ?1 ORDER BY id LIMIT ?2"
    );
    let mut q = conn.prepare_cached(&sql)?;
    let mut rows = q.query(params![after.0, limit])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(entry_from_row(row)?);
    }
    Ok(out)
}

/// Every entry in `[from, to)`, oldest first.
pub(crate) fn between(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Entry>> {
    let sql = format!(
        "SELECT id, kind, occurred_at, created_at, updated_at, {FIELDS} FROM entries
         WHERE occurred_at >= ?1 AND occurred_at < ?2 ORDER BY occurred_at, id"
    );
    let mut q = conn.prepare_cached(&sql)?;
    let mut rows = q.query(params![ts(from), ts(to)])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        out.push(entry_from_row(row)?);
    }
    Ok(out)
}

/// Marks an entry's text as shared in supervision summaries, or not.
pub(crate) fn set_share(conn: &Connection, id: EntryId, share: bool, now: DateTime<Utc>) -> Result<()> {
    match conn
        .prepare_cached("UPDATE entries SET share_text = ?1, updated_at = ?2 WHERE id = ?3 AND share_text <> ?1")?
        .execute(params![share, ts(now), id.0])?
    {
        0 if !exists(conn, id)? => Err(StoreError::NotFound),
        _ => Ok(()),
    }
}

fn exists(conn: &Connection, id: EntryId) -> Result<bool> {
    Ok(conn.prepare_cached("SELECT 1 FROM entries WHERE id = ?1")?.exists([id.0])?)
}

/// What the statistics need of every entry in `[from, to)`, oldest first: no text, tags or codes
/// are read.
pub(crate) fn facts_between(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<Fact>> {
    let mut q = conn.prepare_cached(
        "SELECT occurred_at, kind, mood, self_worth, worth_tied_to_outcomes, outcome, push_patience,
                disclosure_used, disclosure_landed, setback_type, connected_to_service, service_kind, service_held FROM entries
         WHERE occurred_at >= ?1 AND occurred_at < ?2 ORDER BY occurred_at, id",
    )?;
    let mut rows = q.query(params![ts(from), ts(to)])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let outcome: Option<String> = r.get(5)?;
        let (used, landed, kind): (Option<bool>, Option<String>, Option<String>) = (r.get(7)?, r.get(8)?, r.get(9)?);
        let landed = landed.as_deref().map(|l| Landed::parse(l).ok_or_else(|| corrupt("disclosure"))).transpose()?;
        let setback_type =
            kind.as_deref().map(|k| SetbackType::parse(k).ok_or_else(|| corrupt("setback type"))).transpose()?;
        out.push(Fact {
            occurred_at: parse_ts(&r.get::<_, String>(0)?)?,
            setback: r.get::<_, String>(1)? == "setback",
            mood: r.get(2)?,
            self_worth: r.get(3)?,
            worth_tied: r.get(4)?,
            outcome: outcome.as_deref().map(|o| Outcome::parse(o).ok_or_else(|| corrupt("outcome"))).transpose()?,
            push_patience: r.get(6)?,
            disclosure: used.filter(|u| *u).map(|_| landed),
            setback_type,
            link: match r.get::<_, Option<bool>>(10)? {
                Some(true) => Some((
                    choice(r.get(11)?, ServiceKind::parse, "service kind")?,
                    choice(r.get(12)?, LinkHeld::parse, "link")?,
                )),
                _ => None,
            },
        });
    }
    Ok(out)
}

/// Replaces an entry's contents, keeping its id and creation time.
pub(crate) fn update(conn: &Connection, id: EntryId, body: &EntryBody, now: DateTime<Utc>) -> Result<()> {
    let sets: Vec<String> = FIELDS.split(',').map(|c| format!("{} = ?", c.trim())).collect();
    let sql = format!("UPDATE entries SET kind = ?, occurred_at = ?, updated_at = ?, {} WHERE id = ?", sets.join(", "));
    let head = [Value::Text(kind_name(body.kind()).into()), Value::Text(ts(occurred_at(body))), Value::Text(ts(now))];
    let all = head.into_iter().chain(values(body)?).chain([Value::Integer(id.0)]);
    match conn.prepare_cached(&sql)?.execute(rusqlite::params_from_iter(all))? {
        0 => Err(StoreError::NotFound),
        _ => Ok(()),
    }
}

/// Removes an entry.
pub(crate) fn delete(conn: &Connection, id: EntryId) -> Result<()> {
    match conn.prepare_cached("DELETE FROM entries WHERE id = ?1")?.execute([id.0])? {
        0 => Err(StoreError::NotFound),
        _ => Ok(()),
    }
}

fn score(v: Option<u8>) -> Result<Option<Score>> {
    v.map(|v| Score::new(v).ok_or_else(|| corrupt("rating"))).transpose()
}

fn choice<T>(v: Option<String>, parse: fn(&str) -> Option<T>, what: &str) -> Result<Option<T>> {
    v.map(|s| parse(&s).ok_or_else(|| corrupt(what))).transpose()
}

/// Columns 0–4 are `id, kind, occurred_at, created_at, updated_at`; then [`FIELDS`].
fn entry_from_row(r: &Row<'_>) -> Result<Entry> {
    let g = |i| r.get::<_, Option<String>>(i);
    let n = |i| r.get::<_, Option<u8>>(i);
    let occurred_at = parse_ts(&r.get::<_, String>(2)?)?;
    let (person_code, mood, share_text) = (g(5)?, score(n(6)?)?, r.get::<_, bool>(7)?);
    let body = match r.get::<_, String>(1)?.as_str() {
        "reflection" => EntryBody::Reflection(Reflection {
            occurred_at,
            mood,
            self_worth: score(n(8)?)?,
            worth_tied_to_outcomes: score(n(9)?)?,
            outcome: choice(g(10)?, Outcome::parse, "outcome")?,
            push_patience: r
                .get::<_, Option<i8>>(11)?
                .map(|v| PushPatience::new(v).ok_or_else(|| corrupt("balance")))
                .transpose()?,
            disclosure: match r.get::<_, Option<bool>>(12)? {
                Some(true) => Some(Disclosure { landed: choice(g(13)?, Landed::parse, "landing")? }),
                _ => None,
            },
            connected_to_service: r.get(14)?,
            strengths: g(15)?,
            person_code,
            tags: serde_json::from_str(&r.get::<_, String>(16)?).map_err(|_| corrupt("tag list"))?,
            text: g(17)?,
            share_text,
            template: g(24)?.map(|t| serde_json::from_str(&t).map_err(|_| corrupt("template answers"))).transpose()?,
            service_kind: choice(g(25)?, ServiceKind::parse, "service kind")?,
            service_held: choice(g(26)?, LinkHeld::parse, "link")?,
            strength_words: serde_json::from_str(&r.get::<_, String>(27)?).map_err(|_| corrupt("strength words"))?,
        }),
        "setback" => EntryBody::Setback(Setback {
            occurred_at,
            setback_type: choice(g(18)?, SetbackType::parse, "setback type")?.ok_or_else(|| corrupt("setback type"))?,
            person_code,
            what_happened: g(19)?,
            in_my_control: g(20)?,
            outside_my_control: g(21)?,
            my_reaction: g(22)?,
            support: g(23)?,
            mood,
            share_text,
        }),
        _ => return Err(corrupt("entry kind")),
    };
    Ok(Entry {
        id: EntryId(r.get(0)?),
        created_at: parse_ts(&r.get::<_, String>(3)?)?,
        updated_at: parse_ts(&r.get::<_, String>(4)?)?,
        body,
    })
}

/// One entry.
pub(crate) fn get(conn: &Connection, id: EntryId) -> Result<Entry> {
    let sql = format!("SELECT id, kind, occurred_at, created_at, updated_at, {FIELDS} FROM entries WHERE id = ?1");
    let mut q = conn.prepare_cached(&sql)?;
    let mut rows = q.query([id.0])?;
    match rows.next()? {
        Some(row) => entry_from_row(row),
        None => Err(StoreError::NotFound),
    }
}

/// The newest entries strictly older than `before`, at most `limit` of them. Keyset paging on
/// the `(occurred_at, id)` index, so every page costs the same however deep it is.
pub(crate) fn page(conn: &Connection, before: Option<Cursor>, limit: u32) -> Result<Vec<EntrySummary>> {
    let (at, id) = before.map_or_else(|| ("9999".to_owned(), i64::MAX), |c| (ts(c.occurred_at), c.id.0));
    // Built once: the list is read on every page.
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let sql = SQL.get_or_init(|| {
        format!(
            "SELECT id, kind, occurred_at, mood, person_code, {}
         FROM entries
         WHERE (occurred_at, id) < (?1, ?2)
         ORDER BY occurred_at DESC, id DESC
         LIMIT ?3",
            preview("entries")
        )
    });
    let mut q = conn.prepare_cached(sql)?;
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
        let kind = if kind == "setback" { EntryKind::Setback } else { EntryKind::Reflection };
        Ok(EntrySummary { id: EntryId(id), kind, occurred_at: parse_ts(&at)?, mood, person_code, preview })
    })
    .collect()
}
