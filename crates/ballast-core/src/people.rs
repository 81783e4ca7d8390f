//! What the journal knows of the people a worker supports (by person code) and of the tags: the
//! read models the People and Tags views show, and what a rename did. The store fills them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::entry::{EntryId, EntryKind, Outcome, SetbackType};

/// One person code with what the journal holds about them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct PersonCode {
    /// The code.
    pub code: String,
    /// Entries with this code.
    pub entries: u32,
    /// Of which setbacks.
    pub setbacks: u32,
    /// The first entry's time.
    pub first_at: DateTime<Utc>,
    /// The last entry's time.
    pub last_at: DateTime<Utc>,
    /// Reflections whose outcome was progress, no change, a setback, or not applicable.
    pub outcomes: OutcomeCounts,
}

/// How many reflections had each outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct OutcomeCounts {
    /// Progress.
    pub progress: u32,
    /// No change.
    pub no_change: u32,
    /// A setback.
    pub setback: u32,
    /// Not applicable.
    pub not_applicable: u32,
}

/// One entry along a person's way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Step {
    /// The entry.
    pub id: EntryId,
    /// Its kind.
    pub kind: EntryKind,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// A reflection's outcome.
    pub outcome: Option<Outcome>,
    /// A reflection's push–patience balance (−2 held back too much … 2 pushed too hard).
    pub push_patience: Option<i8>,
    /// A setback's type.
    pub setback_type: Option<SetbackType>,
    /// The start of its main text.
    pub preview: String,
}

/// A tag and how many entries carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct TagCount {
    /// The tag.
    pub tag: String,
    /// Entries carrying it.
    pub entries: u32,
}

/// What a rename did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Renamed {
    /// Entries changed.
    pub entries: u32,
    /// Whether the new name was already in use, so two became one.
    pub merged: bool,
}
