//! Ballast's encrypted store. The journal is a SQLCipher database keyed with a random data key;
//! the data key is kept only wrapped, in the vault file, under the worker's passphrase and under a
//! recovery key. SQL never leaves this crate.

pub mod backup;
pub mod care;
pub mod check_ins;
pub mod damage;
pub mod data_dir;
pub mod durable;
pub mod error;
pub mod journal;
pub mod lock;
pub mod migrations;
pub mod people;
pub mod private;
pub mod recovery;
pub mod rekey;
pub mod search;
pub mod share;
pub mod templates;
pub mod transfer;
pub mod vault;

mod connection;
mod drafts;
mod entries;
mod nudges;
mod quarantine;
mod settings;

pub use backup::{BackupInfo, Progress, Reason, Verified};
pub use care::PlanVersion;
pub use check_ins::CheckInDraft;
pub use connection::set_memory_security;
pub use damage::Damage;
pub use damage::WholeFileCheck;
pub use data_dir::DataDir;
pub use error::{BackupProblem, StoreError};
pub use journal::Journal;
pub use recovery::Part;
pub use rekey::BackupsAfterRekey;
pub use transfer::{Import, Imported};
pub use vault::{RecoveryKey, Secret};
