//! Kept self-checks: one `check_ins` row, a row per item's raw answer and a row per derived score;
//! and the unfinished check-in kept per instrument. What the answers mean is the core's business;
//! this module only writes and reads them back exactly.

use std::collections::HashMap;

use ballast_core::scoring::SubscaleScore;
use ballast_core::{CheckIn, CheckInBody, CheckInId};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use crate::entries::{parse_ts, ts};
use crate::error::{Result, StoreError};
use crate::journal::Journal;

fn corrupt() -> StoreError {
    StoreError::Corrupt("a stored unfinished check-in".into())
}

fn write_parts(conn: &Connection, id: i64, body: &CheckInBody) -> Result<()> {
    let mut answer = conn.prepare_cached("INSERT INTO check_in_answers (check_in, item, value) VALUES (?1, ?2, ?3)")?;
    for (item, value) in (1_i64..).zip(&body.answers) {
        answer.execute(params![id, item, value])?;
    }
    let mut score = conn.prepare_cached(
        "INSERT INTO check_in_scores (check_in, position, subscale, score, band, complete) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (position, s) in (0_i64..).zip(&body.scores) {
        score.execute(params![id, position, s.id, s.score, s.band, s.complete])?;
    }
    Ok(())
}

/// Saves a new check-in; returns its id. Call inside a transaction.
pub(crate) fn insert(conn: &Connection, body: &CheckInBody) -> Result<CheckInId> {
    conn.execute(
        "INSERT INTO check_ins (instrument, version, taken_at) VALUES (?1, ?2, ?3)",
        params![body.instrument, body.version, ts(body.taken_at)],
    )?;
    let id = conn.last_insert_rowid();
    write_parts(conn, id, body)?;
    Ok(CheckInId(id))
}

/// Saves an imported check-in, keeping its id when it is free. Call inside a transaction.
pub(crate) fn insert_as(conn: &Connection, c: &CheckIn) -> Result<CheckInId> {
    let free: bool =
        conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM check_ins WHERE id = ?1)", [c.id.0], |r| r.get(0))?;
    if !free {
        return insert(conn, &c.body);
    }
    conn.execute(
        "INSERT INTO check_ins (id, instrument, version, taken_at) VALUES (?1, ?2, ?3, ?4)",
        params![c.id.0, c.body.instrument, c.body.version, ts(c.body.taken_at)],
    )?;
    write_parts(conn, c.id.0, &c.body)?;
    Ok(c.id)
}

/// Whether a check-in with the same instrument, version, time and answers is already kept.
pub(crate) fn has_same(conn: &Connection, body: &CheckInBody) -> Result<bool> {
    let mut q =
        conn.prepare_cached("SELECT id FROM check_ins WHERE instrument = ?1 AND version = ?2 AND taken_at = ?3")?;
    let ids: Vec<i64> = q
        .query_map(params![body.instrument, body.version, ts(body.taken_at)], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if ids.is_empty() {
        return Ok(false);
    }
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",");
    Ok(answers(conn, &list)?.values().any(|a| *a == body.answers))
}

/// The answers of each of `ids`, in item order, read in one pass. Every item has a row; should
/// one be missing it reads as skipped: an answered item that went missing then no longer gives
/// the kept scores (nor a missing last item the right count), which the core reports for that one
/// record (`CheckInBody::problems`).
fn answers(conn: &Connection, ids: &str) -> Result<HashMap<i64, Vec<Option<i32>>>> {
    let sql =
        format!("SELECT check_in, item, value FROM check_in_answers WHERE check_in IN ({ids}) ORDER BY check_in, item");
    let mut q = conn.prepare(&sql)?;
    let mut rows = q.query([])?;
    let mut out: HashMap<i64, Vec<Option<i32>>> = HashMap::new();
    while let Some(r) = rows.next()? {
        let (id, item, value): (i64, i64, Option<i32>) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let answers = out.entry(id).or_default();
        if let Some(at) = usize::try_from(item).ok().and_then(|i| i.checked_sub(1)) {
            if answers.len() <= at {
                answers.resize(at + 1, None);
            }
            answers[at] = value;
        }
    }
    Ok(out)
}

/// The scores of each of `ids`, in subscale order, read in one pass.
fn scores(conn: &Connection, ids: &str) -> Result<HashMap<i64, Vec<SubscaleScore>>> {
    let sql = format!(
        "SELECT check_in, subscale, score, band, complete FROM check_in_scores WHERE check_in IN ({ids}) ORDER BY check_in, position"
    );
    let mut q = conn.prepare(&sql)?;
    let mut rows = q.query([])?;
    let mut out: HashMap<i64, Vec<SubscaleScore>> = HashMap::new();
    while let Some(r) = rows.next()? {
        let score = SubscaleScore { id: r.get(1)?, score: r.get(2)?, band: r.get(3)?, complete: r.get(4)? };
        out.entry(r.get(0)?).or_default().push(score);
    }
    Ok(out)
}

/// The check-ins whose heads `sql` selects (id, instrument, version, taken_at), in its order,
/// with their answers and scores read in one pass each.
fn many(conn: &Connection, sql: &str, params: impl rusqlite::Params) -> Result<Vec<CheckIn>> {
    let mut q = conn.prepare_cached(sql)?;
    let heads: Vec<(i64, String, String, String)> =
        q.query_map(params, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<_>>()?;
    if heads.is_empty() {
        return Ok(Vec::new());
    }
    // Ids come from the database as integers, so listing them in the SQL is safe.
    let ids = heads.iter().map(|h| h.0.to_string()).collect::<Vec<_>>().join(",");
    let (mut answers, mut scores) = (answers(conn, &ids)?, scores(conn, &ids)?);
    heads
        .into_iter()
        .map(|(id, instrument, version, at)| {
            Ok(CheckIn {
                id: CheckInId(id),
                body: CheckInBody {
                    instrument,
                    version,
                    taken_at: parse_ts(&at)?,
                    answers: answers.remove(&id).unwrap_or_default(),
                    scores: scores.remove(&id).unwrap_or_default(),
                },
            })
        })
        .collect()
}

/// One check-in.
pub(crate) fn get(conn: &Connection, id: CheckInId) -> Result<CheckIn> {
    many(conn, "SELECT id, instrument, version, taken_at FROM check_ins WHERE id = ?1", [id.0])?
        .pop()
        .ok_or(StoreError::NotFound)
}

/// The check-ins of one instrument (or all), newest first.
pub(crate) fn list(conn: &Connection, instrument: Option<&str>) -> Result<Vec<CheckIn>> {
    many(
        conn,
        "SELECT id, instrument, version, taken_at FROM check_ins WHERE ?1 IS NULL OR instrument = ?1
         ORDER BY taken_at DESC, id DESC",
        [instrument],
    )
}

/// Up to `limit` check-ins with ids above `after`, in id order (for export).
pub(crate) fn after(conn: &Connection, after: CheckInId, limit: u32) -> Result<Vec<CheckIn>> {
    many(
        conn,
        "SELECT id, instrument, version, taken_at FROM check_ins WHERE id > ?1 ORDER BY id LIMIT ?2",
        params![after.0, limit],
    )
}

/// When each instrument was last taken.
pub(crate) fn last_taken(conn: &Connection) -> Result<Vec<(String, DateTime<Utc>)>> {
    let mut q = conn.prepare_cached("SELECT instrument, max(taken_at) FROM check_ins GROUP BY instrument")?;
    let rows: Vec<(String, String)> =
        q.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    rows.into_iter().map(|(i, at)| Ok((i, parse_ts(&at)?))).collect()
}

/// Deletes a check-in with its answers and scores.
pub(crate) fn delete(conn: &Connection, id: CheckInId) -> Result<()> {
    match conn.execute("DELETE FROM check_ins WHERE id = ?1", [id.0])? {
        0 => Err(StoreError::NotFound),
        _ => Ok(()),
    }
}

/// An unfinished check-in: the answers so far (in item order), where the worker was, and when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInDraft {
    /// The instrument's id.
    pub instrument: String,
    /// Option values or `None`, in item order.
    pub answers: Vec<Option<i32>>,
    /// Where the worker was (an index into the shown order).
    pub position: u32,
    /// When it was last kept.
    pub saved_at: DateTime<Utc>,
}

/// Keeps an unfinished check-in (replacing the one kept for that instrument).
pub(crate) fn save_draft(conn: &Connection, d: &CheckInDraft) -> Result<()> {
    let answers = serde_json::to_string(&d.answers).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    conn.execute(
        "INSERT INTO check_in_drafts (instrument, answers, position, saved_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (instrument) DO UPDATE SET answers = excluded.answers, position = excluded.position,
         saved_at = excluded.saved_at",
        params![d.instrument, answers, d.position, ts(d.saved_at)],
    )?;
    Ok(())
}

/// Every unfinished check-in.
pub(crate) fn drafts(conn: &Connection) -> Result<Vec<CheckInDraft>> {
    let mut q =
        conn.prepare_cached("SELECT instrument, answers, position, saved_at FROM check_in_drafts ORDER BY instrument")?;
    let rows: Vec<(String, String, u32, String)> =
        q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(instrument, answers, position, at)| {
            let answers = serde_json::from_str(&answers).map_err(|_| corrupt())?;
            Ok(CheckInDraft { instrument, answers, position, saved_at: parse_ts(&at)? })
        })
        .collect()
}

/// Forgets the unfinished check-in of `instrument`, if any.
pub(crate) fn discard_draft(conn: &Connection, instrument: &str) -> Result<()> {
    conn.execute("DELETE FROM check_in_drafts WHERE instrument = ?1", [instrument])?;
    Ok(())
}

impl Journal {
    /// Saves a check-in and forgets the unfinished one of its instrument, in one transaction.
    ///
    /// # Errors
    /// Database errors; nothing is written then.
    pub fn record_check_in(&mut self, body: &CheckInBody) -> Result<CheckInId> {
        let tx = self.conn.transaction()?;
        let id = insert(&tx, body)?;
        discard_draft(&tx, &body.instrument)?;
        tx.commit()?;
        Ok(id)
    }

    /// One check-in.
    ///
    /// # Errors
    /// [`StoreError::NotFound`]; database errors.
    pub fn check_in(&self, id: CheckInId) -> Result<CheckIn> {
        get(&self.conn, id)
    }

    /// The check-ins of `instrument` (or of all), newest first.
    ///
    /// # Errors
    /// Database errors.
    pub fn check_ins(&self, instrument: Option<&str>) -> Result<Vec<CheckIn>> {
        list(&self.conn, instrument)
    }

    /// Up to `limit` check-ins with ids above `after`, in id order.
    ///
    /// # Errors
    /// As [`Journal::check_ins`].
    pub fn check_ins_after(&self, after: CheckInId, limit: u32) -> Result<Vec<CheckIn>> {
        self::after(&self.conn, after, limit)
    }

    /// When each instrument was last taken.
    ///
    /// # Errors
    /// Database errors.
    pub fn last_taken(&self) -> Result<Vec<(String, DateTime<Utc>)>> {
        last_taken(&self.conn)
    }

    /// Deletes a check-in.
    ///
    /// # Errors
    /// [`StoreError::NotFound`]; database errors.
    pub fn delete_check_in(&mut self, id: CheckInId) -> Result<()> {
        delete(&self.conn, id)
    }

    /// Keeps an unfinished check-in.
    ///
    /// # Errors
    /// Database errors.
    pub fn save_check_in_draft(&mut self, draft: &CheckInDraft) -> Result<()> {
        save_draft(&self.conn, draft)
    }

    /// Every unfinished check-in.
    ///
    /// # Errors
    /// Database errors; [`StoreError::Corrupt`] for a draft that cannot be read.
    pub fn check_in_drafts(&self) -> Result<Vec<CheckInDraft>> {
        drafts(&self.conn)
    }

    /// Forgets the unfinished check-in of `instrument`.
    ///
    /// # Errors
    /// Database errors.
    pub fn discard_check_in_draft(&mut self, instrument: &str) -> Result<()> {
        discard_draft(&self.conn, instrument)
    }
}

#[cfg(test)]
mod tests {
    use ballast_core::CheckInBody;
    use chrono::TimeZone;
    use secrecy::SecretString;

    use super::*;
    use crate::DataDir;

    fn journal(tmp: &tempfile::TempDir) -> Journal {
        let dir = DataDir::new(tmp.path().join("data"));
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("a valid date");
        Journal::create(&dir, &SecretString::from("harbour lantern quietly".to_owned()), now).expect("set up").0
    }

    fn who5(answers: [Option<i32>; 5]) -> CheckInBody {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 18, 30, 0).single().expect("a valid date");
        CheckInBody::new("who5", answers.to_vec(), at).expect("valid answers")
    }

    #[test]
    fn a_check_in_reads_back_exactly_and_forgets_its_draft() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut j = journal(&tmp);
        let draft = CheckInDraft {
            instrument: "who5".into(),
            answers: vec![Some(3), None, None, None, None],
            position: 1,
            saved_at: Utc.with_ymd_and_hms(2026, 11, 25, 18, 10, 0).single().expect("a valid date"),
        };
        j.save_check_in_draft(&draft).expect("keep a draft");
        let body = who5([Some(3), None, Some(5), Some(0), Some(2)]);
        let id = j.record_check_in(&body).expect("record");
        assert_eq!(
            j.check_in(id).expect("read").body,
            body,
            "answers (skips included), scores and times read back as written"
        );
        assert!(j.check_in_drafts().expect("drafts").is_empty(), "recording forgets the unfinished one");
    }

    #[test]
    fn a_tampered_answer_or_score_is_found_when_read() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut j = journal(&tmp);
        let id = j.record_check_in(&who5([Some(3); 5])).expect("record");
        j.conn
            .execute("UPDATE check_in_answers SET value = 9 WHERE check_in = ?1 AND item = 2", [id.0])
            .expect("tamper");
        let problems = j.check_in(id).expect("read").body.problems();
        assert_eq!(problems.len(), 1, "the altered answer is found: {problems:?}");
        assert_eq!(problems[0].field, "answers[2]", "and named by item");

        let id = j.record_check_in(&who5([Some(3); 5])).expect("record");
        j.conn.execute("UPDATE check_in_scores SET score = 99 WHERE check_in = ?1", [id.0]).expect("tamper");
        let problems = j.check_in(id).expect("read").body.problems();
        assert_eq!(problems[0].field, "scores", "a stored score that a recomputation does not give is found");

        for item in [3, 5] {
            let id = j.record_check_in(&who5([Some(3); 5])).expect("record");
            j.conn
                .execute("DELETE FROM check_in_answers WHERE check_in = ?1 AND item = ?2", [id.0, item])
                .expect("tamper");
            let kept = j.check_in(id).expect("one damaged record still reads, so the rest of the history does");
            assert!(
                !kept.body.problems().is_empty(),
                "a missing answer row (item {item}) is found, not taken as a skip"
            );
        }
    }
}
