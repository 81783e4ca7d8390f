//! The journal by local calendar day: what each day's reflections and setbacks say, in the form
//! every statistic starts from. Entries are placed on the worker's own day (the caller's time
//! zone), so an entry written at 23:30 belongs to that evening, not to UTC's next day.

use std::collections::BTreeMap;

use chrono::{NaiveDate, TimeZone};

use crate::entry::{EntryBody, Outcome};

/// What one local day holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Day {
    /// Self-worth ratings of the day's reflections (0–10).
    pub self_worth: Vec<u8>,
    /// "How much did it depend" ratings of the day's reflections (0–10).
    pub worth_tied: Vec<u8>,
    /// Mood ratings of the day's entries (both kinds).
    pub mood: Vec<u8>,
    /// Whether a reflection said the person had a setback, or a setback was logged.
    pub setback: bool,
    /// Whether a reflection said the person made progress.
    pub progress: bool,
    /// Push–patience answers of the day's reflections (−2 … 2).
    pub push_patience: Vec<i8>,
    /// How many entries the day has.
    pub entries: u32,
}

impl Day {
    /// The mean of some ratings, if there are any.
    pub fn mean(values: &[u8]) -> Option<f64> {
        (!values.is_empty()).then(|| values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64)
    }
}

/// Groups entries by the local day they happened on, in `tz`, oldest day first.
pub fn by_day<'a, Tz: TimeZone>(entries: impl IntoIterator<Item = &'a EntryBody>, tz: &Tz) -> BTreeMap<NaiveDate, Day> {
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    for body in entries {
        let (at, mood) = match body {
            EntryBody::Reflection(r) => (r.occurred_at, r.mood),
            EntryBody::Setback(s) => (s.occurred_at, s.mood),
        };
        let day = days.entry(at.with_timezone(tz).date_naive()).or_default();
        day.entries += 1;
        day.mood.extend(mood.map(crate::Score::get));
        match body {
            EntryBody::Reflection(r) => {
                day.self_worth.extend(r.self_worth.map(crate::Score::get));
                day.worth_tied.extend(r.worth_tied_to_outcomes.map(crate::Score::get));
                day.push_patience.extend(r.push_patience.map(crate::PushPatience::get));
                match r.outcome {
                    Some(Outcome::Setback) => day.setback = true,
                    Some(Outcome::Progress) => day.progress = true,
                    _ => {}
                }
            }
            EntryBody::Setback(_) => day.setback = true,
        }
    }
    days
}
