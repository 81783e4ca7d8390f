//! What a summary is built from: the worker's choices ([`SummaryRequest`]) and what the journal holds
//! over the range ([`Sources`]), already read and scored by the caller. Entries come whole; only
//! [`crate::allow`] decides which of their fields may appear.

use ballast_core::Entry;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The worker's choices for one summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SummaryRequest {
    /// The first day, included.
    pub from: NaiveDate,
    /// The last day, included.
    pub to: NaiveDate,
    /// Put person codes beside the entries shared (off unless the worker ticks it).
    pub include_codes: bool,
    /// Put tags beside the entries shared (off unless the worker ticks it).
    pub include_tags: bool,
    /// "What I'd like from supervision", written on the summary screen.
    pub note: Option<String>,
    /// A name to put on the document; none unless the worker adds one.
    pub author: Option<String>,
}

/// One subscale's result, as the self-check screens show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScorePart {
    /// The subscale's name.
    pub title: String,
    /// The score as shown ("32", "45.8"), or `None` when too few items were answered.
    pub score: Option<String>,
    /// Ballast's words for it (the band's words, or why there is no score).
    pub words: String,
}

/// A check-in in the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckInPart {
    /// The local day it was taken.
    pub day: NaiveDate,
    /// The instrument's short name.
    pub instrument: String,
    /// Its results, in the instrument's order.
    pub scores: Vec<ScorePart>,
}

/// An instrument's credit and terms, shown wherever its scores are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Credit {
    /// The instrument's short name.
    pub instrument: String,
    /// The credit line.
    pub credit: String,
    /// The terms of use.
    pub terms: String,
}

/// A chart with data in the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartPart {
    /// Its title.
    pub title: String,
    /// Its SVG, as the Trends screen shows it.
    pub svg: String,
    /// One sentence on what it shows.
    pub summary: String,
}

/// What the journal holds over the range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sources {
    /// The local day the summary is made.
    pub made_on: NaiveDate,
    /// Every entry in the range with its local day, oldest first.
    pub entries: Vec<(NaiveDate, Entry)>,
    /// Every sound check-in in the range, oldest first.
    pub check_ins: Vec<CheckInPart>,
    /// Credits of the instruments taken in the range.
    pub credits: Vec<Credit>,
    /// The charts with data in the range.
    pub charts: Vec<ChartPart>,
    /// The self-worth coupling in words, only when there is enough data.
    pub coupling: Option<String>,
    /// What every score screen says: a self-check is not a diagnosis.
    pub not_a_diagnosis: String,
}
