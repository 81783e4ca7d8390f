//! Self-check use cases: score an answer vector (no journal needed), record a check-in, list and
//! show them, keep and resume an unfinished one, and say what is due. Every score comes from the
//! one engine in `ballast-core`; this module only checks, stores and presents.

mod views;

use ballast_core::cadence;
use ballast_core::instrument::{self, Instrument};
use ballast_core::{CheckInBody, CheckInId, FieldError};
use ballast_store::CheckInDraft;

pub use views::{
    CheckInDraftView, CheckInView, InstrumentStatus, NO_LONGER_MATCHES, NOT_A_DIAGNOSIS, ScoreView, Scored,
};

use crate::error::ApiError;
use crate::session::Session;
use crate::setting::SettingKey;

/// The setting that holds how many days apart an instrument is suggested (0 = off).
pub(crate) const EVERY_PREFIX: &str = "check_in_every_days.";

/// The settings self-checks keep: a schedule for each instrument that has one.
pub const SETTINGS: &[SettingKey] = &[SettingKey::family(EVERY_PREFIX, |key, value| {
    let scheduled = key.strip_prefix(EVERY_PREFIX).and_then(instrument::find).is_some_and(|d| d.cadence_days.is_some());
    if scheduled { every_problem(value) } else { Some(crate::setting::UNKNOWN_SETTING.to_owned()) }
})];

fn find(id: &str) -> Result<&'static Instrument, ApiError> {
    instrument::find(id).ok_or_else(|| ApiError::Invalid(vec![ballast_core::check_in::unknown()]))
}

/// Every self-check Ballast offers.
pub fn instruments() -> &'static [Instrument] {
    instrument::all()
}

/// Scores a full answer vector (option values in item order, `None` skipped) without a journal.
///
/// # Errors
/// [`ApiError::Invalid`] for an unknown instrument, the wrong number of answers, or a value that
/// is not an option (each problem by item).
pub fn score(id: &str, answers: &[Option<i32>]) -> Result<Scored, ApiError> {
    let def = find(id)?;
    let subscales = def.score(answers).map_err(ApiError::Invalid)?;
    Ok(Scored { instrument: def.id.clone(), version: def.version.clone(), subscales })
}

/// Why `value` is not a valid "days between check-ins" setting, if it is not.
pub(crate) fn every_problem(value: &str) -> Option<String> {
    match value.parse::<u32>() {
        Ok(d) if d <= cadence::MAX_DAYS => None,
        _ => Some(format!("Choose between 1 and {} days, or 0 to turn the suggestion off.", cadence::MAX_DAYS)),
    }
}

/// Scores and keeps a check-in, and forgets its unfinished draft.
///
/// # Errors
/// As [`score`] (nothing is written); [`ApiError::Locked`].
pub fn record(session: &Session, id: &str, answers: Vec<Option<i32>>) -> Result<CheckInView, ApiError> {
    let body = CheckInBody::new(id, answers, session.clock().now()).map_err(ApiError::Invalid)?;
    let mut j = session.journal()?;
    let id = j.record_check_in(&body)?;
    Ok(CheckInView::from(&j.check_in(id)?))
}

/// The check-ins of one instrument (or all), newest first.
///
/// # Errors
/// [`ApiError::Invalid`] for an unknown instrument; [`ApiError::Locked`].
pub fn list(session: &Session, instrument: Option<&str>) -> Result<Vec<CheckInView>, ApiError> {
    if let Some(id) = instrument {
        find(id)?;
    }
    Ok(session.journal()?.check_ins(instrument)?.iter().map(CheckInView::from).collect())
}

/// One check-in.
///
/// # Errors
/// [`ApiError::NotFound`], [`ApiError::Locked`].
pub fn get(session: &Session, id: CheckInId) -> Result<CheckInView, ApiError> {
    Ok(CheckInView::from(&session.journal()?.check_in(id)?))
}

/// Deletes a check-in.
///
/// # Errors
/// [`ApiError::NotFound`], [`ApiError::Locked`].
pub fn delete(session: &Session, id: CheckInId) -> Result<(), ApiError> {
    Ok(session.journal()?.delete_check_in(id)?)
}

/// Keeps an unfinished check-in (answers so far, in item order, and where the worker was).
///
/// # Errors
/// As [`score`] for the answers given; [`ApiError::Locked`].
pub fn save_draft(session: &Session, id: &str, answers: Vec<Option<i32>>, position: u32) -> Result<(), ApiError> {
    let def = find(id)?;
    def.check(&answers).map_err(ApiError::Invalid)?;
    let draft = CheckInDraft { instrument: def.id.clone(), answers, position, saved_at: session.clock().now() };
    Ok(session.journal()?.save_check_in_draft(&draft)?)
}

/// Forgets the unfinished check-in of an instrument.
///
/// # Errors
/// [`ApiError::Invalid`] for an unknown instrument; [`ApiError::Locked`].
pub fn discard_draft(session: &Session, id: &str) -> Result<(), ApiError> {
    let def = find(id)?;
    Ok(session.journal()?.discard_check_in_draft(&def.id)?)
}

/// Sets how many days apart an instrument is suggested; 0 turns the suggestion off.
///
/// # Errors
/// [`ApiError::Invalid`] for an unknown instrument, one with no schedule (any time), or days
/// beyond the limit; [`ApiError::Locked`].
pub fn set_every(session: &Session, id: &str, days: u32) -> Result<(), ApiError> {
    let def = find(id)?;
    if def.cadence_days.is_none() {
        return Err(ApiError::Invalid(vec![FieldError::new(
            "every_days",
            "This self-check has no schedule: it is there any time.",
        )]));
    }
    if let Some(why) = every_problem(&days.to_string()) {
        return Err(ApiError::Invalid(vec![FieldError::new("every_days", why)]));
    }
    Ok(session.journal()?.set_setting(&format!("{EVERY_PREFIX}{}", def.id), &days.to_string())?)
}

/// Where each instrument stands (in the worker's local calendar days): its schedule, whether it is suggested now, when it was last
/// taken and any unfinished check-in (whose answers are checked again; one that no longer
/// fits is left out).
///
/// # Errors
/// [`ApiError::Locked`].
pub fn overview(session: &Session) -> Result<Vec<InstrumentStatus>, ApiError> {
    statuses(&*session.journal()?, session.clock())
}

/// [`overview`] over a journal already opened (quietly, for the reminders).
pub(crate) fn statuses(
    j: &ballast_store::Journal,
    clock: &dyn ballast_core::Clock,
) -> Result<Vec<InstrumentStatus>, ApiError> {
    let today = clock.today();
    let last = j.last_taken()?;
    let drafts = j.check_in_drafts()?;
    instruments()
        .iter()
        .map(|def| {
            let chosen = j.setting(&format!("{EVERY_PREFIX}{}", def.id))?.and_then(|v| v.parse::<u32>().ok());
            let every_days = def.cadence_days.and(chosen.or(def.cadence_days)).filter(|d| *d > 0);
            let last_taken = last.iter().find(|(i, _)| *i == def.id).map(|(_, t)| *t);
            let draft = drafts
                .iter()
                .find(|d| d.instrument == def.id && def.check(&d.answers).is_ok())
                .map(|d| CheckInDraftView { answers: d.answers.clone(), position: d.position, saved_at: d.saved_at });
            Ok(InstrumentStatus {
                instrument: def.clone(),
                order: def.display_order(),
                every_days,
                due: cadence::due(every_days, last_taken.map(|t| clock.local_day(t)), today),
                last_taken,
                draft,
            })
        })
        .collect()
}
