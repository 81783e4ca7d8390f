//! Ballast's use cases: what the desktop shell and the CLI can ask of a journal, with the
//! transport types they exchange ([`dto`]) and the one error that crosses IPC ([`ApiError`]).
//! Both front doors call these and nothing below them.

pub mod appearance;
pub mod backups;
pub mod care;
pub mod check_ins;
pub mod data_dir;
pub mod delete_all;
pub mod drafts;
pub mod dto;
pub mod entries;
pub mod error;
pub mod home;
pub mod keys;
pub mod on_this_day;
pub mod people;
pub mod recovery;
pub mod reminders;
pub mod report;
pub mod sample;
pub mod search;
pub mod session;
pub mod setting;
pub mod settings;
pub mod tags;
pub mod templates;
pub mod transfer;
pub mod trends;

pub use ballast_store::{DataDir, Secret};
pub use error::ApiError;
pub use session::{Open, Session};
