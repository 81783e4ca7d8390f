//! The journal by local calendar day: what each day's reflections and setbacks say, in the form
//! every statistic starts from. Entries are placed on the worker's own day (the caller's time
//! zone), so an entry written at 23:30 belongs to that evening, not to UTC's next day.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};

use crate::entry::{EntryBody, Landed, LinkHeld, Outcome, ServiceKind, SetbackType};

/// A connection to a service: its kind and whether it held, each when said.
pub type Link = (Option<ServiceKind>, Option<LinkHeld>);

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
    /// Self-disclosures used that day, each with how it landed (`None`: not said).
    pub disclosures: Vec<Option<Landed>>,
    /// The kinds of the setbacks logged that day.
    pub setback_types: Vec<SetbackType>,
    /// The connections to services made that day.
    pub links: Vec<Link>,
}

impl Day {
    /// The mean of some ratings, if there are any.
    pub fn mean(values: &[u8]) -> Option<f64> {
        (!values.is_empty()).then(|| values.iter().map(|&v| f64::from(v)).sum::<f64>() / values.len() as f64)
    }
}

/// What the statistics need of one entry (no free text, tags or codes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fact {
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// Whether it is a logged setback (not a reflection).
    pub setback: bool,
    /// Mood, when given.
    pub mood: Option<u8>,
    /// Self-worth, when given (reflections).
    pub self_worth: Option<u8>,
    /// How much self-worth depended on them, when given (reflections).
    pub worth_tied: Option<u8>,
    /// How things went for the person, when given (reflections).
    pub outcome: Option<Outcome>,
    /// Push–patience, when given (reflections).
    pub push_patience: Option<i8>,
    /// A self-disclosure was used (reflections), with how it landed when said.
    pub disclosure: Option<Option<Landed>>,
    /// The kind of setback (logged setbacks).
    pub setback_type: Option<SetbackType>,
    /// A connection to a service (reflections that made one).
    pub link: Option<Link>,
}

impl From<&EntryBody> for Fact {
    fn from(body: &EntryBody) -> Self {
        match body {
            EntryBody::Reflection(r) => Self {
                occurred_at: r.occurred_at,
                setback: false,
                mood: r.mood.map(crate::Score::get),
                self_worth: r.self_worth.map(crate::Score::get),
                worth_tied: r.worth_tied_to_outcomes.map(crate::Score::get),
                outcome: r.outcome,
                push_patience: r.push_patience.map(crate::PushPatience::get),
                disclosure: r.disclosure.map(|d| d.landed),
                setback_type: None,
                link: (r.connected_to_service == Some(true)).then_some((r.service_kind, r.service_held)),
            },
            EntryBody::Setback(s) => Self {
                occurred_at: s.occurred_at,
                setback: true,
                mood: s.mood.map(crate::Score::get),
                self_worth: None,
                worth_tied: None,
                outcome: None,
                push_patience: None,
                disclosure: None,
                setback_type: Some(s.setback_type),
                link: None,
            },
        }
    }
}

/// Groups entries' facts by the local day they happened on, in `tz`, oldest day first.
pub fn by_day<Tz: TimeZone>(facts: impl IntoIterator<Item = Fact>, tz: &Tz) -> BTreeMap<NaiveDate, Day> {
    let mut days: BTreeMap<NaiveDate, Day> = BTreeMap::new();
    for f in facts {
        let day = days.entry(f.occurred_at.with_timezone(tz).date_naive()).or_default();
        day.entries += 1;
        day.mood.extend(f.mood);
        day.self_worth.extend(f.self_worth);
        day.worth_tied.extend(f.worth_tied);
        day.push_patience.extend(f.push_patience);
        day.disclosures.extend(f.disclosure);
        day.setback_types.extend(f.setback_type);
        day.links.extend(f.link);
        match f.outcome {
            _ if f.setback => day.setback = true,
            Some(Outcome::Setback) => day.setback = true,
            Some(Outcome::Progress) => day.progress = true,
            _ => {}
        }
    }
    days
}
