//! The one error type that crosses IPC and reaches the CLI. On the wire it is
//! `{ "kind": "...", "message": "...", "fields": [...] }`: the UI switches on `kind` and shows
//! `message`, which is calm, plain and never carries SQL, paths of journal content or journal text.

use ballast_core::{FieldError, Invalid};
use ballast_store::StoreError;
use serde::{Serialize, Serializer};

/// What went wrong, for a person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// No journal has been set up in this data directory.
    #[error("no journal has been set up here yet")]
    NotSetUp,
    /// A journal already exists here.
    #[error("a journal already exists here")]
    AlreadySetUp,
    /// The passphrase does not meet the rule; the reason is in the message.
    #[error("{0}")]
    WeakPassphrase(String),
    /// The passphrase does not open the journal.
    #[error("that passphrase does not open this journal")]
    WrongPassphrase,
    /// The recovery key does not open the journal.
    #[error("that recovery key does not open this journal")]
    WrongRecoveryKey,
    /// The vault file is damaged; it has been moved into `quarantine/`.
    #[error(
        "the key file that opens your journal is damaged, so no passphrase can open it; it has been set aside, not deleted, and the copy kept with your backups can take its place"
    )]
    VaultDamaged,
    /// The key is right but the database is damaged or missing; the damaged files have been
    /// moved into `quarantine/` (never deleted) and recovery is offered.
    #[error("the passphrase is right, but {0}; nothing has been deleted, and you can restore a backup or start afresh")]
    JournalDamaged(ballast_store::Damage),
    /// A backup, or a file offered as one, did not pass its check.
    #[error("{0}")]
    BackupFailed(String),
    /// An export could not be written; the journal is unchanged.
    #[error("the export could not be written ({0}); your journal is unchanged")]
    ExportFailed(String),
    /// An import file has problems; each is in `fields` (record and field), and nothing was written.
    #[error("the file was not imported because of the problems listed; nothing was written")]
    ImportInvalid(Vec<FieldError>),
    /// A destructive step needs its confirmation typed first.
    #[error(
        "type the {} {} to go ahead. Nothing has been deleted or changed",
        if .0.contains(' ') { "words" } else { "word" },
        .0
    )]
    NotConfirmed(&'static str),
    /// The database was written by a newer Ballast.
    #[error(
        "this journal was last used by a newer version of Ballast; please update Ballast to open it (nothing has been changed)"
    )]
    JournalTooNew,
    /// Another process holds the journal.
    #[error("this journal is open in another Ballast window or command; close that one, then try again")]
    HeldByOtherProcess,
    /// The journal is locked.
    #[error("the journal is locked; unlock it to continue")]
    Locked,
    /// A draft or setting breaks a rule; each problem is in `fields`.
    #[error("some answers need a change before this can be saved; everything you typed is still here")]
    Invalid(Vec<FieldError>),
    /// No such entry.
    #[error("that entry no longer exists")]
    NotFound,
    /// The disk is full: what was asked was not done, and what was kept before is still there.
    #[error("your disk is full; nothing was saved and nothing was lost. Free some space, then try again")]
    DiskFull,
    /// Something unexpected; details are logged, never shown.
    #[error("something went wrong on Ballast's side and nothing was saved; please try again")]
    Internal,
}

/// The `kind` of an [`ApiError`] on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ApiErrorKind {
    /// See [`ApiError::NotSetUp`].
    NotSetUp,
    /// See [`ApiError::AlreadySetUp`].
    AlreadySetUp,
    /// See [`ApiError::WeakPassphrase`].
    WeakPassphrase,
    /// A wrong passphrase or recovery key.
    WrongSecret,
    /// See [`ApiError::VaultDamaged`].
    VaultDamaged,
    /// See [`ApiError::JournalDamaged`].
    JournalDamaged,
    /// See [`ApiError::BackupFailed`].
    BackupFailed,
    /// See [`ApiError::NotConfirmed`].
    NotConfirmed,
    /// See [`ApiError::ExportFailed`].
    ExportFailed,
    /// See [`ApiError::ImportInvalid`].
    ImportInvalid,
    /// See [`ApiError::JournalTooNew`].
    JournalTooNew,
    /// See [`ApiError::HeldByOtherProcess`].
    HeldByOtherProcess,
    /// See [`ApiError::Locked`].
    Locked,
    /// See [`ApiError::Invalid`].
    Invalid,
    /// See [`ApiError::NotFound`].
    NotFound,
    /// See [`ApiError::DiskFull`].
    DiskFull,
    /// See [`ApiError::Internal`].
    Internal,
}

/// The wire shape of an [`ApiError`].
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename = "ApiError")]
pub struct ApiErrorWire {
    /// What kind of problem, for the UI to switch on.
    pub kind: ApiErrorKind,
    /// A calm sentence to show, starting with a capital.
    pub message: String,
    /// Field-level problems, for `invalid`; empty otherwise.
    pub fields: Vec<FieldError>,
}

impl ApiError {
    /// The wire `kind`.
    pub fn kind(&self) -> ApiErrorKind {
        match self {
            Self::NotSetUp => ApiErrorKind::NotSetUp,
            Self::AlreadySetUp => ApiErrorKind::AlreadySetUp,
            Self::WeakPassphrase(_) => ApiErrorKind::WeakPassphrase,
            Self::WrongPassphrase | Self::WrongRecoveryKey => ApiErrorKind::WrongSecret,
            Self::VaultDamaged => ApiErrorKind::VaultDamaged,
            Self::JournalDamaged(_) => ApiErrorKind::JournalDamaged,
            Self::BackupFailed(_) => ApiErrorKind::BackupFailed,
            Self::NotConfirmed(_) => ApiErrorKind::NotConfirmed,
            Self::ExportFailed(_) => ApiErrorKind::ExportFailed,
            Self::ImportInvalid(_) => ApiErrorKind::ImportInvalid,
            Self::JournalTooNew => ApiErrorKind::JournalTooNew,
            Self::HeldByOtherProcess => ApiErrorKind::HeldByOtherProcess,
            Self::Locked => ApiErrorKind::Locked,
            Self::Invalid(_) => ApiErrorKind::Invalid,
            Self::NotFound => ApiErrorKind::NotFound,
            Self::DiskFull => ApiErrorKind::DiskFull,
            Self::Internal => ApiErrorKind::Internal,
        }
    }

    /// The message as a sentence for display.
    pub fn sentence(&self) -> String {
        let text = self.to_string();
        let mut cs = text.chars();
        let mut out: String = cs.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
        out.push_str(cs.as_str());
        if !out.ends_with('.') {
            out.push('.');
        }
        out
    }

    /// The worker's error for a file that could not be written where they chose (an export, a
    /// summary): a full disk has its own words.
    pub fn from_write(e: StoreError) -> Self {
        if e.is_disk_full() { Self::DiskFull } else { Self::ExportFailed(e.to_string()) }
    }

    /// The wire shape.
    pub fn wire(&self) -> ApiErrorWire {
        let fields = match self {
            Self::Invalid(f) | Self::ImportInvalid(f) => f.clone(),
            _ => Vec::new(),
        };
        ApiErrorWire { kind: self.kind(), message: self.sentence(), fields }
    }
}

impl Serialize for ApiError {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.wire().serialize(s)
    }
}

impl specta::Type for ApiError {
    fn definition(types: &mut specta::Types) -> specta::datatype::DataType {
        ApiErrorWire::definition(types)
    }
}

impl From<Invalid> for ApiError {
    fn from(e: Invalid) -> Self {
        Self::Invalid(e.0)
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        if e.is_disk_full() {
            tracing::warn!("the disk is full");
            return Self::DiskFull;
        }
        match e {
            StoreError::NotSetUp => Self::NotSetUp,
            StoreError::AlreadySetUp => Self::AlreadySetUp,
            StoreError::WrongSecret => Self::WrongPassphrase,
            StoreError::VaultDamaged(_) => {
                tracing::warn!(error = %e, "vault damaged");
                Self::VaultDamaged
            }
            StoreError::JournalDamaged(damage) => {
                tracing::warn!(?damage, "journal damaged");
                Self::JournalDamaged(damage)
            }
            StoreError::BackupFailed(why) => {
                tracing::warn!(%why, "a backup did not pass its check");
                Self::BackupFailed(format!("the backup did not pass its check: {why}; nothing has been changed"))
            }
            StoreError::TooNew { .. } => Self::JournalTooNew,
            StoreError::HeldByOther(_) => Self::HeldByOtherProcess,
            StoreError::NotFound => Self::NotFound,
            StoreError::Io { .. } | StoreError::Sql(_) | StoreError::Migration(_) | StoreError::Corrupt(_) => {
                // Store messages name what failed, never journal content, so they may be logged.
                tracing::error!(error = %e, "store failure");
                Self::Internal
            }
        }
    }
}
