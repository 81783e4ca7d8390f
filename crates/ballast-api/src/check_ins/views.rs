//! What a self-check looks like on the wire: scores with Ballast's words for them, the statement
//! that a self-check is not a diagnosis, credit and terms; and where each instrument stands
//! (due, unfinished). Built only from core types; no scoring happens here.

use ballast_core::cadence::Due;
use ballast_core::instrument::{Instrument, MethodName};
use ballast_core::scoring::SubscaleScore;
use ballast_core::{CheckIn, CheckInId};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Said, instead of its scores, of a kept check-in whose answers no longer fit its instrument (a
/// damaged or altered record).
pub const NO_LONGER_MATCHES: &str = "This check-in's saved answers no longer match the questionnaire, so Ballast does not show its scores. Your other results are not affected.";

/// Said wherever a score is shown.
pub const NOT_A_DIAGNOSIS: &str = "This is a self-check, not a diagnosis. It describes how your answers sit on the measure's scale; only you know the whole picture.";

/// `ballast score` and the score of a check-in, exactly as the engine gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct Scored {
    /// The instrument's id.
    pub instrument: String,
    /// Its version.
    pub version: String,
    /// Each subscale's result, in the reference's order (CBI means unrounded).
    pub subscales: Vec<SubscaleScore>,
}

/// One subscale's result as shown.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct ScoreView {
    /// The subscale's id.
    pub id: String,
    /// Its name.
    pub title: String,
    /// The score, or `None` when too few items were answered.
    pub score: Option<f64>,
    /// The band's id.
    pub band: Option<String>,
    /// What the result says, in Ballast's words (the band's words, or why there is no score).
    pub words: String,
    /// Whether every item was answered.
    pub complete: bool,
    /// How many of its items were answered.
    pub answered: u32,
    /// How many items it has.
    pub items: u32,
    /// The lowest and highest possible score.
    pub range: [i32; 2],
    /// What the numbers mean.
    pub context: String,
    /// Whether this result comes with options (self-care plan, someone to talk to, support).
    pub offer_options: bool,
}

/// A kept check-in as shown.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct CheckInView {
    /// Its id.
    pub id: CheckInId,
    /// The instrument's id.
    pub instrument: String,
    /// The instrument's short name.
    pub title: String,
    /// The instrument's version when taken.
    pub version: String,
    /// When it was taken.
    pub taken_at: DateTime<Utc>,
    /// Each item's raw answer, in item order (`None` skipped).
    pub answers: Vec<Option<i32>>,
    /// The scores; empty when `problem` is set.
    pub scores: Vec<ScoreView>,
    /// Whether any result comes with options.
    pub offer_options: bool,
    /// "Not a diagnosis".
    pub note: String,
    /// The credit line.
    pub credit: String,
    /// The terms of use.
    pub terms: String,
    /// Set when the kept answers or scores no longer agree with the instrument (a damaged or
    /// altered record): its scores are then not shown.
    pub problem: Option<String>,
}

/// An unfinished check-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct CheckInDraftView {
    /// Option values or `None`, in item order.
    pub answers: Vec<Option<i32>>,
    /// Where the worker was, in the shown order.
    pub position: u32,
    /// When it was last kept.
    pub saved_at: DateTime<Utc>,
}

/// Where one instrument stands.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct InstrumentStatus {
    /// The instrument: its text, options, credit and terms.
    pub instrument: Instrument,
    /// Items in the order they are shown (by number).
    pub order: Vec<u32>,
    /// Days between check-ins chosen (or the default); `None` when any time or turned off.
    pub every_days: Option<u32>,
    /// Whether it is suggested now, later, or has no schedule.
    pub due: Due,
    /// When it was last taken.
    pub last_taken: Option<DateTime<Utc>>,
    /// The unfinished check-in, if there is one.
    pub draft: Option<CheckInDraftView>,
}

fn answered(items: &[u32], answers: &[Option<i32>]) -> u32 {
    let n = items.iter().filter(|&&n| answers.get(n as usize - 1).copied().flatten().is_some()).count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn score_view(def: &Instrument, s: &SubscaleScore, answers: &[Option<i32>]) -> Option<ScoreView> {
    let sub = def.subscales.iter().find(|d| d.id == s.id)?;
    let band = s.band.as_deref().and_then(|b| def.band(&s.id, b));
    let (done, total) = (answered(&sub.items, answers), u32::try_from(sub.items.len()).unwrap_or(u32::MAX));
    let words = match (s.score, band) {
        (None, _) if sub.method == MethodName::Mean => format!(
            "Incomplete: {done} of {total} answered. This scale is scored when at least {} are answered, so no score is shown.",
            sub.min_answered.unwrap_or(1)
        ),
        (None, _) => format!(
            "Incomplete: {done} of {total} answered. This scale is scored only when every question is answered, so no score is shown."
        ),
        (Some(_), Some(b)) => b.words.clone(),
        (Some(_), None) if !s.complete => format!("Scored from the {done} of {total} questions you answered."),
        (Some(_), None) => String::new(),
    };
    Some(ScoreView {
        id: s.id.clone(),
        title: sub.title.clone(),
        score: s.score,
        band: s.band.clone(),
        words,
        complete: s.complete,
        answered: done,
        items: total,
        range: sub.range,
        context: sub.context.clone(),
        offer_options: sub.offers_options(s),
    })
}

impl CheckInView {
    /// The view of a kept check-in, checking it against its instrument first.
    pub(crate) fn from(c: &CheckIn) -> Self {
        let def = ballast_core::instrument::find(&c.body.instrument);
        let problems = c.body.problems();
        let scores: Vec<ScoreView> = match def {
            Some(def) if problems.is_empty() => {
                c.body.scores.iter().filter_map(|s| score_view(def, s, &c.body.answers)).collect()
            }
            _ => Vec::new(),
        };
        let problem = (!problems.is_empty()).then(|| {
            tracing::warn!(check_in = c.id.0, "a kept check-in does not match its instrument");
            NO_LONGER_MATCHES.to_owned()
        });
        Self {
            id: c.id,
            instrument: c.body.instrument.clone(),
            title: def.map_or_else(|| c.body.instrument.clone(), |d| d.short_title.clone()),
            version: c.body.version.clone(),
            taken_at: c.body.taken_at,
            answers: c.body.answers.clone(),
            offer_options: scores.iter().any(|s| s.offer_options),
            scores,
            note: NOT_A_DIAGNOSIS.to_owned(),
            credit: def.map(|d| d.credit.clone()).unwrap_or_default(),
            terms: def.map(|d| d.terms.clone()).unwrap_or_default(),
            problem,
        }
    }
}

#[cfg(test)]
mod tests {
    use ballast_core::CheckInBody;
    use chrono::TimeZone;

    use super::*;

    fn kept(answers: Vec<Option<i32>>) -> CheckIn {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("a valid date");
        let body = CheckInBody::new("who5", vec![Some(3); 5], at).expect("valid");
        CheckIn { id: CheckInId(7), body: CheckInBody { answers, ..body } }
    }

    #[test]
    fn a_tampered_kept_answer_shows_a_calm_problem_and_no_scores() {
        let view = CheckInView::from(&kept(vec![Some(3), Some(9), Some(3), Some(3), Some(3)]));
        assert!(view.problem.is_some(), "an answer that is not an option is reported");
        assert!(view.scores.is_empty(), "and no score built on it is shown");
        assert!(!view.offer_options, "nor options derived from it");
        let changed = CheckInView::from(&kept(vec![Some(5); 5]));
        assert!(changed.problem.is_some(), "valid answers that no longer give the kept scores are reported too");
        let sound = CheckInView::from(&kept(vec![Some(3); 5]));
        assert_eq!(sound.problem, None, "a sound record has no problem");
        assert_eq!(sound.scores[0].score, Some(60.0), "and shows its score");
    }
}
