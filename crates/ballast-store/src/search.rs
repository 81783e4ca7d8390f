//! Searching the journal through its FTS5 index (`entries_search`, migration 0006, brought up to
//! date from `search_pending` before each search, migration 0008): ranked by bm25, each result
//! with a snippet of where it matched, narrowed by the filters. Without a query, the newest
//! entries the filters allow.

use ballast_core::EntryId;
use ballast_core::search::{Hit, MATCH_END, MATCH_START, match_expression, parts};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, params_from_iter};

use crate::entries::{kind_name, parse_ts, preview, ts};
use crate::error::Result;
use crate::journal::Journal;

/// A search, with its local days already turned into instants.
#[derive(Debug, Clone, Default)]
pub struct Search<'a> {
    /// What was typed.
    pub text: &'a str,
    /// From this instant on.
    pub from: Option<DateTime<Utc>>,
    /// Before this instant.
    pub before: Option<DateTime<Utc>>,
    /// Only this kind.
    pub kind: Option<ballast_core::EntryKind>,
    /// Only with this tag.
    pub tag: Option<&'a str>,
    /// Only about this person code.
    pub person_code: Option<&'a str>,
    /// Only this outcome.
    pub outcome: Option<ballast_core::Outcome>,
    /// Only this setback type.
    pub setback_type: Option<ballast_core::SetbackType>,
    /// Only reflections written with this template (the everyday one: those with none).
    pub template: Option<&'a str>,
    /// Results skipped.
    pub offset: u32,
    /// The most results.
    pub limit: u32,
}

/// How many words of context a snippet shows around its matches.
const SNIPPET_WORDS: u32 = 14;

/// The filters, as SQL over `e` (the `entries` row) and their values, in order.
fn filters(s: &Search<'_>) -> (String, Vec<Value>) {
    let mut sql = String::new();
    let mut values = Vec::new();
    let mut add = |clause: &str, v: Value| {
        sql.push_str(" AND ");
        sql.push_str(clause);
        values.push(v);
    };
    let text = |t: &str| Value::Text(t.to_owned());
    if let Some(t) = s.from {
        add("e.occurred_at >= ?", Value::Text(ts(t)));
    }
    if let Some(t) = s.before {
        add("e.occurred_at < ?", Value::Text(ts(t)));
    }
    if let Some(k) = s.kind {
        add("e.kind = ?", text(kind_name(k)));
    }
    if let Some(t) = s.tag {
        add("EXISTS (SELECT 1 FROM json_each(e.tags) WHERE json_each.value = ?)", text(t));
    }
    if let Some(c) = s.person_code {
        add("e.person_code = ?", text(c));
    }
    if let Some(o) = s.outcome {
        add("e.outcome = ?", text(o.as_str()));
    }
    if let Some(t) = s.setback_type {
        add("e.setback_type = ?", text(t.as_str()));
    }
    if let Some(t) = s.template.filter(|t| *t != ballast_core::template::QUICK) {
        add("json_extract(e.template, '$.template_id') = ?", text(t));
    }
    if s.template == Some(ballast_core::template::QUICK) {
        sql.push_str(" AND e.kind = 'reflection' AND e.template IS NULL");
    }
    (sql, values)
}

fn kind(s: &str) -> ballast_core::EntryKind {
    if s == "setback" { ballast_core::EntryKind::Setback } else { ballast_core::EntryKind::Reflection }
}

pub(crate) fn search(conn: &Connection, s: &Search<'_>) -> Result<Vec<Hit>> {
    let (where_, mut values) = filters(s);
    let sql = match match_expression(s.text) {
        Some(expr) => {
            // Without a filter, only the entries ranked as well as the last one asked for, or
            // better, are joined to `entries` (the order among equals needs its row): a match's
            // row is a page read and decrypted, and a short prefix matches most of the journal.
            // Those entries are the front of the order (every entry ranked better than that one
            // and every entry tied with it), so the page is the one the full join gives.
            // `+c.rank` has SQLite keep only the best as it goes, where FTS5 would sort every
            // match. With a filter the cut would have to be taken among the filtered entries.
            let cut = if where_.is_empty() {
                values.push(Value::Text(expr.clone()));
                values.push(Value::Integer(i64::from(s.offset) + i64::from(s.limit) - 1));
                " AND entries_search.rank <= coalesce((SELECT c.rank FROM entries_search c
                    WHERE c.entries_search MATCH ? ORDER BY +c.rank LIMIT 1 OFFSET ?), 9e999)"
            } else {
                ""
            };
            values.insert(0, Value::Text(expr));
            format!(
                "SELECT e.id, e.kind, e.occurred_at, e.person_code,
                        snippet(entries_search, -1, '{MATCH_START}', '{MATCH_END}', '…', {SNIPPET_WORDS})
                 FROM entries_search JOIN entries e ON e.id = entries_search.rowid
                 WHERE entries_search MATCH ?{cut}{where_}
                 ORDER BY entries_search.rank, e.occurred_at DESC, e.id DESC
                 LIMIT ? OFFSET ?"
            )
        }
        None => format!(
            "SELECT e.id, e.kind, e.occurred_at, e.person_code, {}
             FROM entries e WHERE 1{where_}
             ORDER BY e.occurred_at DESC, e.id DESC
             LIMIT ? OFFSET ?",
            preview("e")
        ),
    };
    values.push(Value::Integer(s.limit.into()));
    values.push(Value::Integer(s.offset.into()));
    let mut q = conn.prepare_cached(&sql)?;
    let rows = q.query_map(params_from_iter(values), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, Option<String>>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    rows.map(|row| {
        let (id, k, at, person_code, snippet) = row?;
        Ok(Hit {
            id: EntryId(id),
            kind: kind(&k),
            occurred_at: parse_ts(&at)?,
            person_code,
            snippet: parts(&snippet.unwrap_or_default()),
        })
    })
    .collect()
}

/// Brings the index up to date with the entries saved or edited since it last was (the ids in
/// `search_pending`, noted by the triggers of migration 0008), inside the caller's transaction
/// when there is one. Returns how many entries were indexed; when none wait, nothing is written.
pub(crate) fn catch_up(conn: &Connection) -> Result<u64> {
    if !conn.prepare_cached("SELECT 1 FROM search_pending")?.exists([])? {
        return Ok(0);
    }
    conn.execute_batch(
        "SAVEPOINT catch_up;
         DELETE FROM entries_search WHERE rowid IN (SELECT entry_id FROM search_pending);
         INSERT INTO entries_search (rowid, text, strengths, what_happened, in_my_control, outside_my_control, my_reaction, support, answers)
         SELECT e.id, e.text, e.strengths, e.what_happened, e.in_my_control, e.outside_my_control, e.my_reaction, e.support,
                (SELECT group_concat(json_extract(a.value, '$.text'), char(10)) FROM json_each(e.template, '$.answers') a)
         FROM entries e JOIN search_pending p ON p.entry_id = e.id;
         RELEASE catch_up;",
    )?;
    let n = conn.prepare_cached("DELETE FROM search_pending")?.execute([])?;
    Ok(u64::try_from(n).unwrap_or(u64::MAX))
}

impl Journal {
    /// The entries that match, best first (or newest first, without a query). The index first
    /// catches up with what was saved since it last did.
    ///
    /// # Errors
    /// Database errors. No text typed is ever one: it is searched as text.
    pub fn search(&mut self, s: &Search<'_>) -> Result<Vec<Hit>> {
        let tx = self.conn.transaction()?;
        catch_up(&tx)?;
        tx.commit()?;
        search(&self.conn, s)
    }

    /// How many entries wait to be indexed (saved or edited since the last search).
    ///
    /// # Errors
    /// Database errors.
    pub fn search_pending(&self) -> Result<u64> {
        let n: i64 = self.conn.query_row("SELECT count(*) FROM search_pending", [], |r| r.get(0))?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    /// The bare FTS5 query the search benchmark measures Ballast's search against, on the
    /// journal's own connection: the rowids `expr` matches, best first by FTS5's rank, at most
    /// `limit`, each read and none interpreted; returns how many. Not for the app.
    ///
    /// # Errors
    /// Database errors (an `expr` FTS5 cannot parse is one).
    #[doc(hidden)]
    pub fn bare_match(&self, expr: &str, limit: u32) -> Result<u64> {
        let mut q = self
            .conn
            .prepare_cached("SELECT rowid FROM entries_search WHERE entries_search MATCH ?1 ORDER BY rank LIMIT ?2")?;
        let mut rows = q.query(rusqlite::params![expr, limit])?;
        let mut n = 0;
        while let Some(row) = rows.next()? {
            std::hint::black_box(row.get::<_, i64>(0)?);
            n += 1;
        }
        Ok(n)
    }
}
