//! What can go wrong in the store. Messages name what failed, never what the journal holds.

use std::path::PathBuf;

/// An error from the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// No journal has been set up in this data directory.
    #[error("no journal has been set up here")]
    NotSetUp,
    /// A journal already exists here.
    #[error("a journal already exists here")]
    AlreadySetUp,
    /// The passphrase or recovery key does not unwrap the data key.
    #[error("that passphrase does not open this journal")]
    WrongSecret,
    /// The vault file cannot be read as a vault.
    #[error("the vault file is damaged: {0}")]
    VaultDamaged(String),
    /// The key is right but the database is damaged or missing.
    #[error("{0}")]
    JournalDamaged(crate::damage::Damage),
    /// A backup (or a file offered as one) failed verification; the reason names no content.
    #[error("the backup did not pass its check: {0}")]
    BackupFailed(BackupProblem),
    /// The database was written by a newer Ballast.
    #[error("the journal was written by a newer version of Ballast (schema {found}, this version knows {known})")]
    TooNew {
        /// The database's schema version.
        found: i64,
        /// The newest schema this build knows.
        known: i64,
    },
    /// Another process holds the journal.
    #[error("the journal is open in another Ballast window or command ({0})")]
    HeldByOther(PathBuf),
    /// No entry with that id.
    #[error("no entry with that id")]
    NotFound,
    /// A file could not be read or written.
    #[error("could not use {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// SQLite reported an error.
    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
    /// A migration failed.
    #[error("migration failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// A stored value could not be read back.
    #[error("a stored value is not in the expected form: {0}")]
    Corrupt(String),
}

/// Why a backup, or a file offered as one, did not pass Ballast's check. Its words reach the
/// worker (after "the backup did not pass its check: "), so they are plain: no file formats, no
/// database terms. What SQLite found is logged where it is found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BackupProblem {
    /// A name that is not a backup's (not in the backups folder's form).
    #[error("that is not the name of a Ballast backup")]
    NotABackupName,
    /// The file is empty.
    #[error("the file is empty")]
    Empty,
    /// There is no file there.
    #[error("the file cannot be found")]
    NotFound,
    /// The journal's key does not open it.
    #[error("it cannot be opened with this journal's key: it is damaged, or it is not a backup of this journal")]
    WrongKey,
    /// Some of its pages do not read, or its structure does not hold.
    #[error("Ballast read it through and found parts of it damaged")]
    Damaged,
    /// It opens but holds no Ballast journal.
    #[error("it does not hold a Ballast journal")]
    NotBallast,
    /// A newer Ballast made it.
    #[error("it was made by a newer version of Ballast")]
    TooNew,
    /// A new copy does not hold what the journal holds.
    #[error("Ballast checked the new copy against the journal and it did not match, so it was not kept")]
    CopyDiffers,
    /// A copy re-encrypted under a new key does not hold what the journal holds.
    #[error("Ballast checked the re-encrypted copy against the journal and it did not match")]
    RekeyedCopyDiffers,
    /// No copy of the key file is kept with the backups.
    #[error("there is no copy of the key file in the backups folder")]
    NoKeyCopy,
    /// No backup passed the check.
    #[error("none of the backups passed Ballast's check")]
    NonePasses,
    /// The copy put in place of the journal does not match the backup it came from.
    #[error("Ballast checked the restored copy against the backup and it did not match")]
    RestoredCopyDiffers,
}

impl BackupProblem {
    /// Every problem, for tests of their words.
    pub const ALL: [Self; 12] = [
        Self::NotABackupName,
        Self::Empty,
        Self::NotFound,
        Self::WrongKey,
        Self::Damaged,
        Self::NotBallast,
        Self::TooNew,
        Self::CopyDiffers,
        Self::RekeyedCopyDiffers,
        Self::NoKeyCopy,
        Self::NonePasses,
        Self::RestoredCopyDiffers,
    ];
}

/// Whether an I/O error is the disk (or the worker's quota) being full.
pub fn io_is_full(e: &std::io::Error) -> bool {
    const ENOSPC: i32 = 28;
    const EDQUOT: i32 = 122;
    e.kind() == std::io::ErrorKind::StorageFull
        || e.kind() == std::io::ErrorKind::QuotaExceeded
        || matches!(e.raw_os_error(), Some(ENOSPC | EDQUOT))
}

impl StoreError {
    /// Whether this is the disk (or the folder's quota) being full: nothing was written.
    pub fn is_disk_full(&self) -> bool {
        let io_full = io_is_full;
        match self {
            Self::Io { source, .. } => io_full(source),
            Self::Sql(rusqlite::Error::SqliteFailure(f, _)) => f.code == rusqlite::ErrorCode::DiskFull,
            Self::Migration(rusqlite_migration::Error::RusqliteError { err, .. }) => {
                matches!(err, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DiskFull)
            }
            _ => false,
        }
    }
}

/// Shorthand.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
    move |source| StoreError::Io { path: path.to_owned(), source }
}
