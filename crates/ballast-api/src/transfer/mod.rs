//! Leaving with everything, and coming back: the export (one versioned JSON document, a CSV per
//! table, Markdown of the entries) and the import of that JSON. The format is documented in
//! `docs/DATA_FORMAT.md`; a change to it bumps [`VERSION`].

pub mod export;
pub mod import;
mod records;
mod stream;
pub mod tables;

use serde::Serialize;

/// The `format` field of an export.
pub const FORMAT: &str = "ballast-export";
/// The export version this build writes (2 added `check_ins`, 3 `dismissed_nudges`, 4
/// `self_care_plans` and `support_resources`, 5 `share_log`, 6 `templates`, `template_choices`
/// and a reflection's `template` with its answers).
pub const VERSION: u64 = 6;
/// The export versions this build reads.
pub const READS: [u64; 6] = [1, 2, 3, 4, 5, 6];
/// The export file's name inside the folder `ballast export --out` writes.
pub const JSON_FILE: &str = "ballast-export.json";

/// One dismissed nudge as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DismissedRecord {
    /// The nudge's id.
    pub id: String,
    /// When it was dismissed.
    pub dismissed_at: chrono::DateTime<chrono::Utc>,
}

/// One version of the self-care plan as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanRecord {
    /// Its number in the journal it came from.
    pub version: u32,
    /// When it was saved.
    pub saved_at: chrono::DateTime<chrono::Utc>,
    /// The plan.
    pub plan: ballast_core::care::SelfCarePlan,
}

/// One setting as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingRecord {
    /// Its name.
    pub key: String,
    /// Its value, as text.
    pub value: String,
}

/// Where a template stands in the worker's list, as exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceRecord {
    /// The template's id.
    pub id: String,
    /// Its place (0 first).
    pub position: i64,
    /// Whether it is hidden.
    pub hidden: bool,
}
