//! Search: the request as the screen and the CLI send it (local days, choices as their wire
//! names), checked, and answered from the journal's FTS5 index, best first. What was typed is
//! never an error (see `ballast_core::search`); a filter that names no known choice is.

use ballast_core::search::Hit;
use ballast_core::{EntryKind, FieldError, Outcome, SetbackType, start_of_day};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::session::Session;

/// The most results one request may ask for.
pub const MAX_RESULTS: u32 = 500;

/// What to look for and where.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SearchRequest {
    /// What was typed (may be empty: then the newest entries the filters allow).
    pub text: String,
    /// From this local day on.
    pub from: Option<NaiveDate>,
    /// Up to and including this local day.
    pub to: Option<NaiveDate>,
    /// Only this kind.
    pub kind: Option<EntryKind>,
    /// Only entries with this tag.
    pub tag: Option<String>,
    /// Only entries about this person code.
    pub person_code: Option<String>,
    /// Only reflections with this outcome (`setback`, `no_change`, `progress`, `not_applicable`).
    pub outcome: Option<String>,
    /// Only setbacks of this type (`relapse`, `crisis`, …).
    pub setback_type: Option<String>,
    /// Only reflections written with this template (`post_shift`: the everyday form).
    #[serde(default)]
    pub template: Option<String>,
    /// How many results to skip (for "show more").
    pub offset: u32,
    /// The most results to return (at most [`MAX_RESULTS`]).
    pub limit: u32,
}

fn blank(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The entries that match, best first (newest first when nothing is typed).
///
/// # Errors
/// [`ApiError::Invalid`] for a filter naming no known outcome or setback type, a range that ends
/// before it starts, or a limit of 0; [`ApiError::Locked`].
pub fn search(session: &Session, req: &SearchRequest) -> Result<Vec<Hit>, ApiError> {
    let mut problems = Vec::new();
    let outcome = blank(&req.outcome).and_then(|o| {
        let parsed = Outcome::parse(o);
        if parsed.is_none() {
            problems.push(FieldError::new("outcome", "Choose one of the outcomes offered."));
        }
        parsed
    });
    let setback_type = blank(&req.setback_type).and_then(|t| {
        let parsed = SetbackType::parse(t);
        if parsed.is_none() {
            problems.push(FieldError::new("setback_type", "Choose one of the kinds of setback offered."));
        }
        parsed
    });
    if let (Some(from), Some(to)) = (req.from, req.to)
        && to < from
    {
        problems.push(FieldError::new("to", "The end of the range is before its start."));
    }
    if req.limit == 0 {
        problems.push(FieldError::new("limit", "Ask for at least one result."));
    }
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    let zone = session.clock().zone();
    let day_after = |d: NaiveDate| start_of_day(d.succ_opt().unwrap_or(d), &zone);
    let s = ballast_store::search::Search {
        text: &req.text,
        from: req.from.map(|d| start_of_day(d, &zone)),
        before: req.to.map(day_after),
        kind: req.kind,
        tag: blank(&req.tag),
        person_code: blank(&req.person_code),
        outcome,
        setback_type,
        template: blank(&req.template),
        offset: req.offset,
        limit: req.limit.min(MAX_RESULTS),
    };
    Ok(session.journal()?.search(&s)?)
}
