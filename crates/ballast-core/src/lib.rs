//! Ballast's domain: what a journal entry is, the rules a draft must meet before it becomes one,
//! the passphrase rule, the self-check instruments and their one
//! scoring engine, and the [`Clock`] every time-dependent rule takes. No I/O lives here:
//! no SQLite, no files, no Tauri.

pub mod cadence;
pub mod care;
pub mod check_in;
pub mod clock;
pub mod draft;
pub mod entry;
pub mod field;
pub mod insights;
pub mod instrument;
pub mod on_this_day;
pub mod passphrase;
pub mod people;
pub mod person_code;
pub mod reminder;
pub mod retention;
pub mod scoring;
pub mod search;
pub mod share;
pub mod template;

pub use check_in::{CheckIn, CheckInBody, CheckInId};
pub use clock::{Clock, FixedClock, SystemClock, Zone, start_of_day};
pub use draft::{FormDraft, ReflectionDraft, SetbackDraft};
pub use entry::{
    Cursor, Disclosure, Entry, EntryBody, EntryId, EntryKind, EntrySummary, Landed, LinkHeld, Outcome, PushPatience,
    Reflection, Score, ServiceKind, Setback, SetbackType,
};
pub use field::{FieldError, Invalid};
