//! The self-care plan's versions and the support resources list.

use ballast_core::care::{Resource, SelfCarePlan};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use crate::entries::{parse_ts, ts};
use crate::error::{Result, StoreError};
use crate::journal::Journal;

/// One kept version of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanVersion {
    /// Its number, from 1.
    pub version: u32,
    /// When it was saved.
    pub saved_at: DateTime<Utc>,
    /// The plan as it was.
    pub plan: SelfCarePlan,
}

fn body(plan: &SelfCarePlan) -> Result<String> {
    serde_json::to_string(plan).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Every version, in the order they were saved (an imported older version falls in its place),
/// so the last is the current plan.
pub(crate) fn versions(conn: &Connection) -> Result<Vec<PlanVersion>> {
    let mut q =
        conn.prepare_cached("SELECT version, saved_at, body FROM self_care_plans ORDER BY saved_at, version")?;
    let rows: Vec<(u32, String, String)> =
        q.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    rows.into_iter()
        .map(|(version, at, body)| {
            let plan = serde_json::from_str(&body).map_err(|_| StoreError::Corrupt("a kept self-care plan".into()))?;
            Ok(PlanVersion { version, saved_at: parse_ts(&at)?, plan })
        })
        .collect()
}

/// Adds a version after the last.
pub(crate) fn add_version(conn: &Connection, plan: &SelfCarePlan, at: DateTime<Utc>) -> Result<u32> {
    let next: u32 = conn.query_row("SELECT coalesce(max(version), 0) + 1 FROM self_care_plans", [], |r| r.get(0))?;
    conn.execute(
        "INSERT INTO self_care_plans (version, saved_at, body) VALUES (?1, ?2, ?3)",
        params![next, ts(at), body(plan)?],
    )?;
    Ok(next)
}

/// Whether a version with this time and these contents is kept.
pub(crate) fn has_version(conn: &Connection, plan: &SelfCarePlan, at: DateTime<Utc>) -> Result<bool> {
    Ok(versions(conn)?.iter().any(|v| v.saved_at == at && v.plan == *plan))
}

/// The resources list, in order; empty when none has been saved.
pub(crate) fn resources(conn: &Connection) -> Result<Vec<Resource>> {
    let mut q = conn.prepare_cached("SELECT name, contact, note FROM support_resources ORDER BY position")?;
    let rows = q.query_map([], |r| Ok(Resource { name: r.get(0)?, contact: r.get(1)?, note: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Replaces the resources list.
pub(crate) fn set_resources(conn: &Connection, list: &[Resource]) -> Result<()> {
    conn.execute("DELETE FROM support_resources", [])?;
    let mut q =
        conn.prepare_cached("INSERT INTO support_resources (position, name, contact, note) VALUES (?1, ?2, ?3, ?4)")?;
    for (position, r) in (0_i64..).zip(list) {
        q.execute(params![position, r.name, r.contact, r.note])?;
    }
    Ok(())
}

impl Journal {
    /// Every version of the self-care plan, oldest first.
    ///
    /// # Errors
    /// Database errors; [`StoreError::Corrupt`] for a version that cannot be read.
    pub fn plan_versions(&self) -> Result<Vec<PlanVersion>> {
        versions(&self.conn)
    }

    /// Saves the plan as a new version when it differs from the latest; returns the version it is.
    ///
    /// # Errors
    /// Database errors.
    pub fn save_plan(&mut self, plan: &SelfCarePlan, at: DateTime<Utc>) -> Result<u32> {
        let tx = self.conn.transaction()?;
        let latest = versions(&tx)?.pop();
        let version = match latest {
            Some(v) if v.plan == *plan => v.version,
            _ => add_version(&tx, plan, at)?,
        };
        tx.commit()?;
        Ok(version)
    }

    /// The support resources as saved (empty when none has been saved).
    ///
    /// # Errors
    /// Database errors.
    pub fn support_resources(&self) -> Result<Vec<Resource>> {
        resources(&self.conn)
    }

    /// Replaces the support resources, in one transaction.
    ///
    /// # Errors
    /// Database errors; nothing is changed then.
    pub fn save_support_resources(&mut self, list: &[Resource]) -> Result<()> {
        let tx = self.conn.transaction()?;
        set_resources(&tx, list)?;
        tx.commit()?;
        Ok(())
    }
}
