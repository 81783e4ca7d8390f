//! Ballast's encrypted store. The journal is a SQLCipher database keyed with a random data key;
//! the data key is kept only wrapped, in the vault file, under the worker's passphrase and under a
//! recovery key. SQL never leaves this crate.

pub mod data_dir;
pub mod error;
pub mod journal;
pub mod lock;
pub mod migrations;
pub mod vault;

mod connection;
mod drafts;
mod entries;
mod settings;

pub use data_dir::DataDir;
pub use error::StoreError;
pub use journal::Journal;
pub use vault::{RecoveryKey, Secret};
