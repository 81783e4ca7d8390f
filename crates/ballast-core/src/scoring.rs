//! The one scoring engine for every self-check instrument. An instrument's scoring is data
//! ([`Scoring`]): which items make each subscale, which are reverse-keyed, how they combine, how
//! many must be answered, and the bands with their stable ids. Answers are option values in item
//! order; `None` is a skipped item. Nothing here knows an instrument by name.

use serde::{Deserialize, Serialize};

/// How a subscale's (reverse-keyed) item values combine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// The sum of the items; every item must be answered (ProQOL subscales, 10–50).
    Sum,
    /// The sum × 4; every item must be answered (WHO-5, 0–100).
    SumTimes4,
    /// The mean of the answered items, when at least `min_answered` are (CBI scales, 0–100).
    Mean {
        /// The fewest answered items that still give a score.
        min_answered: usize,
    },
    /// One item's value (the single-item burnout measure, 1–5).
    Single,
}

/// A band: scores up to and including `max` get `id` (the first band that fits wins).
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    /// The highest score in the band.
    pub max: f64,
    /// Its stable id, e.g. `low` or `below_cutoff`; the words shown are Ballast's own.
    pub id: String,
}

/// One subscale of an instrument.
#[derive(Debug, Clone, PartialEq)]
pub struct Subscale {
    /// Its stable id, e.g. `burnout`.
    pub id: String,
    /// Its items, by number (1-based, as printed).
    pub items: Vec<usize>,
    /// The items scored in reverse.
    pub reverse: Vec<usize>,
    /// How the items combine.
    pub method: Method,
    /// Its bands, lowest first; empty when the instrument has no official cut-off.
    pub bands: Vec<Band>,
}

/// How an instrument is scored.
#[derive(Debug, Clone, PartialEq)]
pub struct Scoring {
    /// A reverse-keyed answer `x` scores `reverse_total − x` (6 for ProQOL's 1–5, 100 for CBI's 0–100).
    pub reverse_total: i32,
    /// Its subscales, in the reference's order.
    pub subscales: Vec<Subscale>,
}

/// A subscale's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct SubscaleScore {
    /// The subscale's id.
    pub id: String,
    /// The score, or `None` when too little was answered (never a silently low score).
    pub score: Option<f64>,
    /// The band's id, when the score has one.
    pub band: Option<String>,
    /// Whether every item of the subscale was answered.
    pub complete: bool,
}

impl Scoring {
    /// Scores `answers` (option values in item order, `None` for a skipped item). Items beyond
    /// the slice count as skipped.
    pub fn score(&self, answers: &[Option<i32>]) -> Vec<SubscaleScore> {
        self.subscales.iter().map(|s| self.subscale(s, answers)).collect()
    }

    fn subscale(&self, s: &Subscale, answers: &[Option<i32>]) -> SubscaleScore {
        let values: Vec<f64> = s
            .items
            .iter()
            .filter_map(|&n| {
                let raw = answers.get(n.wrapping_sub(1)).copied().flatten()?;
                Some(f64::from(if s.reverse.contains(&n) { self.reverse_total - raw } else { raw }))
            })
            .collect();
        let complete = values.len() == s.items.len();
        let sum: f64 = values.iter().sum();
        let score = match s.method {
            Method::Sum | Method::Single if complete => Some(sum),
            Method::SumTimes4 if complete => Some(sum * 4.0),
            Method::Mean { min_answered } if !values.is_empty() && values.len() >= min_answered => {
                Some(sum / values.len() as f64)
            }
            _ => None,
        };
        let band = score.and_then(|v| s.bands.iter().find(|b| v <= b.max)).map(|b| b.id.clone());
        SubscaleScore { id: s.id.clone(), score, band, complete }
    }
}

#[cfg(test)]
#[path = "scoring_tests.rs"]
mod tests;
