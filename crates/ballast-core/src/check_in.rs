//! A self-check as kept: which instrument (id and version), when, every item's raw answer, and the
//! scores derived from them. The scores are stored for reading speed and are always recomputable
//! from the answers; [`CheckInBody::problems`] says when the two no longer agree.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::instrument;
use crate::scoring::SubscaleScore;

/// A check-in's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, specta::Type)]
#[serde(transparent)]
pub struct CheckInId(
    // A SQLite rowid: far below 2^53, so a JavaScript number holds it exactly.
    #[specta(type = i32)] pub i64,
);

impl std::fmt::Display for CheckInId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// A check-in's contents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInBody {
    /// The instrument's id.
    pub instrument: String,
    /// The instrument's version when it was taken.
    pub version: String,
    /// When it was taken.
    pub taken_at: DateTime<Utc>,
    /// Each item's raw answer (its option value), in item order; `None` for a skipped item.
    pub answers: Vec<Option<i32>>,
    /// The scores, as computed when it was taken.
    pub scores: Vec<SubscaleScore>,
}

/// A kept check-in.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckIn {
    /// Its id.
    pub id: CheckInId,
    /// What it holds.
    pub body: CheckInBody,
}

impl CheckInBody {
    /// A new check-in of `instrument`, scored now.
    ///
    /// # Errors
    /// An unknown instrument (`instrument`), or the answers' problems (see
    /// [`instrument::Instrument::check`]).
    pub fn new(
        instrument: &str,
        answers: Vec<Option<i32>>,
        taken_at: DateTime<Utc>,
    ) -> Result<Self, Vec<crate::FieldError>> {
        let def = instrument::find(instrument).ok_or_else(|| vec![unknown()])?;
        let scores = def.score(&answers)?;
        Ok(Self { instrument: def.id.clone(), version: def.version.clone(), taken_at, answers, scores })
    }

    /// What no longer holds for a kept check-in: an unknown instrument or version, an answer that
    /// is not an option, or stored scores that differ from a recomputation. Empty when sound.
    pub fn problems(&self) -> Vec<crate::FieldError> {
        let Some(def) = instrument::find(&self.instrument) else { return vec![unknown()] };
        if def.version != self.version {
            return vec![crate::FieldError::new("version", "This version of the instrument is not one Ballast knows.")];
        }
        match def.score(&self.answers) {
            Err(problems) => problems,
            Ok(scores) if scores != self.scores => vec![crate::FieldError::new(
                "scores",
                "The kept scores do not match the kept answers, so they were not used.",
            )],
            Ok(_) => Vec::new(),
        }
    }
}

/// The problem for an instrument id Ballast does not know (the id is not echoed: it may be
/// anything a file held).
pub fn unknown() -> crate::FieldError {
    crate::FieldError::new(
        "instrument",
        format!("Ballast has no self-check by this name. The self-checks are: {}.", instrument::ids().join(", ")),
    )
}
