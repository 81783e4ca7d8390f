//! The schema, as append-only SQL migrations. A migration, once released, is never edited: a
//! change is a new file at the end. All pending migrations apply in one transaction.

use rusqlite::Connection;
use rusqlite_migration::{M, Migrations};

use crate::error::{Result, StoreError};

pub(crate) const STEPS: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_journal.sql")),
    M::up(include_str!("migrations/0002_check_ins.sql")),
    M::up(include_str!("migrations/0003_dismissed_nudges.sql")),
    M::up(include_str!("migrations/0004_care.sql")),
    M::up(include_str!("migrations/0005_share_log.sql")),
    M::up(include_str!("migrations/0006_search.sql")),
    M::up(include_str!("migrations/0007_templates.sql")),
    M::up(include_str!("migrations/0008_search_later.sql")),
    M::up(include_str!("migrations/0009_services_and_strengths.sql")),
    M::up(include_str!("migrations/0010_edits_leave_the_index.sql")),
];

/// The migrations, in order.
pub fn migrations() -> Migrations<'static> {
    Migrations::from_slice(STEPS)
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    i64::try_from(STEPS.len()).unwrap_or(i64::MAX)
}

/// Brings `conn` to the latest schema, refusing a database from a newer Ballast first.
///
/// # Errors
/// [`StoreError::TooNew`] for a newer database; [`StoreError::Migration`] when a step fails, in
/// which case nothing of the pending steps is applied.
pub fn migrate(conn: &mut Connection) -> Result<()> {
    migrate_by(conn, STEPS)
}

/// Brings `conn` to the end of `steps` (the real list, or a test's).
pub(crate) fn migrate_by(conn: &mut Connection, steps: &[M<'static>]) -> Result<()> {
    let known = i64::try_from(steps.len()).unwrap_or(i64::MAX);
    let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if found > known {
        return Err(StoreError::TooNew { found, known });
    }
    Migrations::from_slice(steps).to_latest(conn)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        assert!(migrations().validate().is_ok(), "every migration must apply cleanly to an empty database");
    }

    #[test]
    fn the_simple_notes_move_into_the_plan_and_the_resources() {
        let mut conn = Connection::open_in_memory().expect("in-memory db");
        migrate_by(&mut conn, &STEPS[..3]).expect("schema 3");
        conn.execute_batch(
            "INSERT INTO settings (key, value) VALUES ('self_care_note', 'Tea, then a walk.'), ('support_note', 'Call Sam.'), ('auto_lock_minutes', '5');",
        )
        .expect("notes kept as settings");
        migrate(&mut conn).expect("latest");
        let body: String =
            conn.query_row("SELECT body FROM self_care_plans WHERE version = 1", [], |r| r.get(0)).expect("a plan");
        assert_eq!(body, r#"{"notes":"Tea, then a walk."}"#, "the self-care note is the plan's first version");
        let note: String = conn
            .query_row("SELECT note FROM support_resources WHERE name = 'My notes'", [], |r| r.get(0))
            .expect("a resource");
        assert_eq!(note, "Call Sam.", "the support note is a resource");
        let left: i64 = conn.query_row("SELECT count(*) FROM settings", [], |r| r.get(0)).expect("count");
        assert_eq!(left, 1, "the notes left the settings; other settings stay");
    }

    #[test]
    fn a_database_from_a_newer_ballast_is_refused_untouched() {
        let mut conn = Connection::open_in_memory().expect("in-memory db");
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 99;").expect("set up a future schema");
        let err = migrate(&mut conn).expect_err("a newer schema must be refused");
        assert!(matches!(err, StoreError::TooNew { found: 99, .. }), "refused as too new, got {err:?}");
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
        assert_eq!(v, 99, "the newer database must be left as it was");
    }

    #[test]
    fn a_failed_migration_leaves_data_and_version_intact() {
        let mut conn = Connection::open_in_memory().expect("in-memory db");
        migrate(&mut conn).expect("latest schema");
        conn.execute("INSERT INTO settings (key, value) VALUES ('k', 'v')", []).expect("a row");
        let mut steps = STEPS.to_vec();
        steps.push(M::up("CREATE TABLE good (x); CREATE TABLE settings (dup);"));
        let broken = Migrations::from_slice(&steps);
        assert!(broken.to_latest(&mut conn).is_err(), "the broken step must fail");
        let v: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).expect("version");
        assert_eq!(v, latest_version(), "the version must not move past a failed step");
        let kept: String =
            conn.query_row("SELECT value FROM settings WHERE key = 'k'", [], |r| r.get(0)).expect("row kept");
        assert_eq!(kept, "v", "existing data must survive a failed migration");
        let good: i64 =
            conn.query_row("SELECT count(*) FROM sqlite_master WHERE name = 'good'", [], |r| r.get(0)).expect("query");
        assert_eq!(good, 0, "a failed step's earlier statements must be rolled back too");
    }
}
