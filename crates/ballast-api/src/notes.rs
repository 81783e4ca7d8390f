//! The worker's own notes offered with a high result: a self-care plan and the people and services
//! they can turn to. Each is a simple editable text kept as a setting (the trends issue replaces
//! them with the full plan and resource list).

use ballast_core::FieldError;
use ballast_core::field::MAX_TEXT_CHARS;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::session::Session;

/// The self-care plan note's setting.
pub(crate) const SELF_CARE_KEY: &str = "self_care_note";
/// The support note's setting.
pub(crate) const SUPPORT_KEY: &str = "support_note";

/// The two notes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SupportNotes {
    /// What helps me, and what I will do when things get heavy.
    pub self_care_plan: String,
    /// People and services I can turn to, with how to reach them.
    pub support: String,
}

/// Why a note's text is not acceptable, if it is not.
pub(crate) fn note_problem(value: &str) -> Option<String> {
    if value.chars().count() > MAX_TEXT_CHARS {
        Some(format!("This note can hold up to {MAX_TEXT_CHARS} characters."))
    } else if value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        Some("This note holds a character that cannot be kept (a control character).".to_owned())
    } else {
        None
    }
}

impl Session {
    /// The self-care plan and support notes (empty until written).
    ///
    /// # Errors
    /// [`ApiError::Locked`].
    pub fn support_notes(&self) -> Result<SupportNotes, ApiError> {
        self.with(|j| {
            Ok(SupportNotes {
                self_care_plan: j.setting(SELF_CARE_KEY)?.unwrap_or_default(),
                support: j.setting(SUPPORT_KEY)?.unwrap_or_default(),
            })
        })
    }

    /// Saves both notes.
    ///
    /// # Errors
    /// [`ApiError::Invalid`] naming the note that is too long or holds a control character
    /// (nothing saved); [`ApiError::Locked`].
    pub fn save_support_notes(&self, notes: &SupportNotes) -> Result<(), ApiError> {
        let problems: Vec<FieldError> = [("self_care_plan", &notes.self_care_plan), ("support", &notes.support)]
            .into_iter()
            .filter_map(|(field, text)| note_problem(text).map(|why| FieldError::new(field, why)))
            .collect();
        if !problems.is_empty() {
            return Err(ApiError::Invalid(problems));
        }
        self.with(|j| {
            j.set_setting(SELF_CARE_KEY, &notes.self_care_plan)?;
            Ok(j.set_setting(SUPPORT_KEY, &notes.support)?)
        })
    }
}
