//! The worker's own reflection templates (the built-in ones ship in `ballast-core`) and the
//! order and visibility of every template. A templated entry keeps its own copy of its prompts
//! (the `entries.template` column), so nothing here can change an entry already written.

use ballast_core::template::{Prompt, Template};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use crate::entries::ts;
use crate::error::{Result, StoreError};
use crate::journal::Journal;

/// Where a template stands in the worker's list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The template's id.
    pub id: String,
    /// Its place (0 first).
    pub position: i64,
    /// Whether the worker hid it.
    pub hidden: bool,
}

pub(crate) fn own(conn: &Connection) -> Result<Vec<Template>> {
    let mut q =
        conn.prepare_cached("SELECT id, name, about, prompts FROM templates ORDER BY CAST(substr(id, 5) AS INTEGER)")?;
    let rows = q.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get::<_, String>(3)?))
    })?;
    rows.map(|row| {
        let (id, name, about, prompts) = row?;
        let prompts: Vec<Prompt> =
            serde_json::from_str(&prompts).map_err(|_| StoreError::Corrupt("a stored template".into()))?;
        Ok(Template { id, name, about, prompts, built_in: false })
    })
    .collect()
}

pub(crate) fn choices(conn: &Connection) -> Result<Vec<Choice>> {
    let mut q = conn.prepare_cached("SELECT id, position, hidden FROM template_choices ORDER BY position, id")?;
    let rows = q.query_map([], |r| Ok(Choice { id: r.get(0)?, position: r.get(1)?, hidden: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Keeps a template of the worker's own: a new one when its id is empty (it gets `own_<n>`), else
/// replaces the one with its id. Returns the id.
pub(crate) fn save_own(conn: &Connection, t: &Template, now: DateTime<Utc>) -> Result<String> {
    let prompts = serde_json::to_string(&t.prompts).map_err(|_| StoreError::Corrupt("a template".into()))?;
    if t.id.is_empty() {
        let next: i64 =
            conn.query_row("SELECT coalesce(max(CAST(substr(id, 5) AS INTEGER)), 0) + 1 FROM templates", [], |r| {
                r.get(0)
            })?;
        let id = format!("own_{next}");
        conn.prepare_cached(
            "INSERT INTO templates (id, name, about, prompts, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        )?
        .execute(params![id, t.name, t.about, prompts, ts(now)])?;
        return Ok(id);
    }
    let n = conn
        .prepare_cached("UPDATE templates SET name = ?2, about = ?3, prompts = ?4, updated_at = ?5 WHERE id = ?1")?
        .execute(params![t.id, t.name, t.about, prompts, ts(now)])?;
    if n == 0 { Err(StoreError::NotFound) } else { Ok(t.id.clone()) }
}

/// Adds a template as it was exported: skipped when the very same one (id, name, about and
/// prompts) is kept; kept under a new id when its id is taken by a different template (both stay;
/// entries keep their own copy of their prompts either way). Returns whether it was added.
pub(crate) fn insert_as(conn: &Connection, t: &Template, now: DateTime<Utc>) -> Result<bool> {
    let prompts = serde_json::to_string(&t.prompts).map_err(|_| StoreError::Corrupt("a template".into()))?;
    let same = conn
        .prepare_cached("SELECT 1 FROM templates WHERE id = ?1 AND name = ?2 AND about = ?3 AND prompts = ?4")?
        .exists(params![t.id, t.name, t.about, prompts])?;
    if same {
        return Ok(false);
    }
    let taken = conn.prepare_cached("SELECT 1 FROM templates WHERE id = ?1")?.exists([&t.id])?;
    if taken {
        save_own(conn, &Template { id: String::new(), ..t.clone() }, now)?;
    } else {
        conn.prepare_cached(
            "INSERT INTO templates (id, name, about, prompts, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        )?
        .execute(params![t.id, t.name, t.about, prompts, ts(now)])?;
    }
    Ok(true)
}

pub(crate) fn set_choices(conn: &Connection, all: &[Choice]) -> Result<()> {
    conn.execute("DELETE FROM template_choices", [])?;
    let mut q = conn.prepare_cached("INSERT INTO template_choices (id, position, hidden) VALUES (?1, ?2, ?3)")?;
    for c in all {
        q.execute(params![c.id, c.position, c.hidden])?;
    }
    Ok(())
}

impl Journal {
    /// The worker's own templates, in the order they were made (`own_1`, `own_2`, …).
    ///
    /// # Errors
    /// Database errors.
    pub fn own_templates(&self) -> Result<Vec<Template>> {
        own(&self.conn)
    }

    /// One of the worker's own templates.
    ///
    /// # Errors
    /// Database errors.
    pub fn own_template(&self, id: &str) -> Result<Option<Template>> {
        let found: Option<(String, String, String)> = self
            .conn
            .prepare_cached("SELECT name, about, prompts FROM templates WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        found
            .map(|(name, about, prompts)| {
                let prompts =
                    serde_json::from_str(&prompts).map_err(|_| StoreError::Corrupt("a stored template".into()))?;
                Ok(Template { id: id.to_owned(), name, about, prompts, built_in: false })
            })
            .transpose()
    }

    /// The order and visibility the worker chose, first first.
    ///
    /// # Errors
    /// Database errors.
    pub fn template_choices(&self) -> Result<Vec<Choice>> {
        choices(&self.conn)
    }

    /// Keeps a template of the worker's own (new when its id is empty); returns its id.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] for an id that is not kept; database errors.
    pub fn save_own_template(&mut self, t: &Template, now: DateTime<Utc>) -> Result<String> {
        save_own(&self.conn, t, now)
    }

    /// Replaces the order and visibility of the templates, all at once.
    ///
    /// # Errors
    /// Database errors, after which the earlier choices are kept.
    pub fn set_template_choices(&mut self, all: &[Choice]) -> Result<()> {
        let tx = self.conn.transaction()?;
        set_choices(&tx, all)?;
        tx.commit()?;
        Ok(())
    }
}
