//! Transport types: what crosses IPC and what the CLI prints as JSON. Kept apart from the domain
//! types so the domain can change without changing the wire.

use ballast_core::{Cursor, Entry, EntryBody, EntryId, EntrySummary, FieldError, ReflectionDraft, SetbackDraft};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Where the app stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum JournalState {
    /// No journal yet: show first-run set-up.
    NeedsSetup,
    /// A journal exists and is locked.
    Locked,
    /// The journal is open.
    Unlocked,
    /// The key file was set aside as damaged and a copy is kept with the backups: offer recovery.
    NeedsRecovery,
}

/// The app's state and where its data lives.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppStatus {
    /// Set-up, locked or unlocked.
    pub state: JournalState,
    /// The data directory, shown at set-up ("what Ballast keeps and where").
    pub data_dir: String,
    /// Why the last automatic backup failed, if it did.
    pub backup_problem: Option<String>,
    /// Why the journal locked on its own, while it is locked.
    pub locked_because: Option<LockReason>,
    /// Something to tell the worker once after unlocking (files made owner-only).
    pub notice: Option<String>,
}

/// The result of set-up: the recovery key, shown once.
#[derive(Serialize, specta::Type)]
pub struct SetUp {
    /// The recovery key, e.g. `7K2M-…`, for the worker to print or write down.
    pub recovery_key: String,
}

/// An entry as shown and edited: the same fields as the drafts, plus its id and times.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct EntryView {
    /// Its id.
    pub id: EntryId,
    /// When it was first saved.
    pub created_at: DateTime<Utc>,
    /// When it was last saved.
    pub updated_at: DateTime<Utc>,
    /// Its kind and fields.
    #[serde(flatten)]
    pub fields: EntryFields,
}

/// An entry's kind and fields, in draft form so an edit starts from exactly what was saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EntryFields {
    /// A post-shift reflection.
    Reflection(ReflectionDraft),
    /// A setback.
    Setback(SetbackDraft),
}

impl From<&Entry> for EntryView {
    fn from(e: &Entry) -> Self {
        let fields = match &e.body {
            EntryBody::Reflection(r) => EntryFields::Reflection(r.into()),
            EntryBody::Setback(s) => EntryFields::Setback(s.into()),
        };
        Self { id: e.id, created_at: e.created_at, updated_at: e.updated_at, fields }
    }
}

/// A page of the journal list.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct EntryPage {
    /// Newest first.
    pub entries: Vec<EntrySummary>,
    /// Where the next (older) page starts; `None` at the end.
    pub next: Option<Cursor>,
}

/// A saved entry's id, and gentle warnings (e.g. a person code that looks like a real name).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Saved {
    /// The entry's id.
    pub id: EntryId,
    /// Warnings that did not block the save.
    pub warnings: Vec<FieldError>,
}

/// The worker's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Settings {
    /// Lock after this many idle minutes (1–240).
    pub auto_lock_minutes: u32,
    /// Lock when Ballast's window is minimised.
    pub lock_when_minimised: bool,
    /// Show entries from the same date in earlier months and years on the journal screen.
    #[serde(default)]
    pub on_this_day: bool,
}

/// The auto-lock minutes when none are set.
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;

impl Default for Settings {
    fn default() -> Self {
        Self { auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES, lock_when_minimised: false, on_this_day: false }
    }
}

/// Why the journal locked without being asked, for the unlock screen to say so calmly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum LockReason {
    /// The worker locked it (never reported).
    Asked,
    /// No activity for the auto-lock minutes.
    Idle,
    /// The computer was about to sleep.
    Sleep,
    /// The desktop session was locked.
    SessionLocked,
    /// Ballast's window was minimised (when the worker chose that).
    Minimised,
    /// Ballast's window was closed (it may run on in the tray for the reminders).
    Closed,
    /// The check of every page after unlock found damage: the recovery screen has the report.
    Damaged,
}

/// A verified backup, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct BackupView {
    /// Its file name inside the backups folder.
    pub file_name: String,
    /// When it was made.
    pub created_at: DateTime<Utc>,
    /// Why: `daily`, `manual`, `before_migration`, `before_restore`, `before_import`,
    /// `before_delete_all`.
    pub reason: String,
    /// Its size in bytes.
    #[specta(type = u32)]
    pub bytes: u64,
    /// It passed verification when it was written (only verified backups are kept).
    pub verified: bool,
}

impl From<&ballast_store::BackupInfo> for BackupView {
    fn from(b: &ballast_store::BackupInfo) -> Self {
        let reason =
            serde_json::to_value(b.reason).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        Self { file_name: b.file_name.clone(), created_at: b.created_at, reason, bytes: b.bytes, verified: true }
    }
}

/// The backups, newest first, and where they are.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct BackupList {
    /// Newest first.
    pub backups: Vec<BackupView>,
    /// The backups folder.
    pub folder: String,
    /// Why the last automatic backup failed, if it did.
    pub problem: Option<String>,
}

/// What verifying a file found.
#[derive(Debug, Clone, Serialize)]
pub struct VerifyReport {
    /// The file checked.
    pub file: String,
    /// Its schema version.
    pub schema_version: i64,
    /// Rows per table.
    pub counts: std::collections::BTreeMap<String, i64>,
}

/// Damage found at unlock, what was done about it, and what can be done next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct DamageReport {
    /// A calm sentence saying what was found.
    pub message: String,
    /// Where the damaged files were moved (never deleted), if any were.
    pub quarantined_to: Option<String>,
    /// The newest backup, if there is one to restore.
    pub newest_backup: Option<BackupView>,
    /// Whether an empty journal can be started with the same key (the vault is sound); if not,
    /// starting afresh means setting up again.
    pub can_start_empty: bool,
}

/// Progress of long work, for a progress bar: `done` of `total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
pub struct ProgressView {
    /// Units done.
    #[specta(type = u32)]
    pub done: u64,
    /// Units in all.
    #[specta(type = u32)]
    pub total: u64,
}

impl From<ballast_store::Progress> for ProgressView {
    fn from(p: ballast_store::Progress) -> Self {
        Self { done: p.done, total: p.total }
    }
}

/// A passphrase or recovery key as it arrives over IPC: a string on the wire, held in Rust only
/// as a `SecretString` (wiped when dropped; never printed by `Debug`). The deserialised `String`
/// is copied in and wiped at once, so no unwiped copy is left behind by Ballast's own code.
pub struct SecretText(pub secrecy::SecretString);

impl<'de> Deserialize<'de> for SecretText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Text;
        impl serde::de::Visitor<'_> for Text {
            type Value = SecretText;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<SecretText, E> {
                Ok(SecretText(secrecy::SecretString::from(v)))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<SecretText, E> {
                let v = zeroize::Zeroizing::new(v);
                Ok(SecretText(secrecy::SecretString::from(v.as_str())))
            }
        }
        d.deserialize_string(Text)
    }
}

impl specta::Type for SecretText {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        <String as specta::Type>::definition(types)
    }
}

/// A secret typed into the app: the passphrase or the recovery key.
#[derive(Deserialize, specta::Type)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum SecretInput {
    /// The passphrase.
    Passphrase(SecretText),
    /// The recovery key.
    RecoveryKey(SecretText),
}

impl From<SecretInput> for ballast_store::Secret {
    fn from(s: SecretInput) -> Self {
        match s {
            SecretInput::Passphrase(p) => Self::Passphrase(p.0),
            SecretInput::RecoveryKey(k) => Self::RecoveryKey(k.0),
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExportReport {
    /// The files written.
    pub files: Vec<String>,
    /// How many entries they hold.
    #[specta(type = u32)]
    pub entries: u64,
}

/// What an import did.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportReport {
    /// Records written.
    #[specta(type = u32)]
    pub added: u64,
    /// Records already kept exactly so, skipped.
    #[specta(type = u32)]
    pub skipped: u64,
    /// The backup made just before.
    pub backup: BackupView,
}

/// What "delete everything" removed, and what is left in the data folder.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DeleteReport {
    /// Files and folders removed.
    pub removed: Vec<String>,
    /// Files still in the data folder (the final backup and the key file's copy, if kept).
    pub left: Vec<String>,
    /// The final backup's file name, if one was kept.
    pub final_backup: Option<String>,
}
