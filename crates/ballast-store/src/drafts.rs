//! The one unsaved form kept when the journal locks. It lives inside the encrypted database, so
//! a draft is never written anywhere in plaintext.

use ballast_core::FormDraft;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};

use crate::entries::ts;
use crate::error::{Result, StoreError};

pub(crate) fn save(conn: &Connection, draft: &FormDraft, now: DateTime<Utc>) -> Result<()> {
    let body = serde_json::to_string(draft).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO drafts (slot, body, saved_at) VALUES ('form', ?1, ?2)
         ON CONFLICT (slot) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at",
        rusqlite::params![body, ts(now)],
    )?;
    Ok(())
}

pub(crate) fn take(conn: &Connection) -> Result<Option<FormDraft>> {
    let tx = conn.unchecked_transaction()?;
    let body: Option<String> =
        tx.query_row("SELECT body FROM drafts WHERE slot = 'form'", [], |r| r.get(0)).optional()?;
    tx.execute("DELETE FROM drafts WHERE slot = 'form'", [])?;
    tx.commit()?;
    body.map(|b| serde_json::from_str(&b).map_err(|_| StoreError::Corrupt("the kept draft".into()))).transpose()
}
