//! Self-worth coupling: how the worker's self-worth moves with how the people they support are
//! doing. Each local day with at least one reflection that rates self-worth gets the mean of
//! those ratings and a group: `setback` when the day has a reflection with outcome setback or a
//! logged setback; else `progress` when it has a reflection with outcome progress; else `neither`.
//! The rolling correlation pairs each day's mean self-worth with its group coded −1 (setback),
//! 0 (neither) and +1 (progress), over the days with data in a window of [`WINDOW_DAYS`] calendar
//! days ending on each day. See `docs/INSIGHTS.md`.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use serde::Serialize;

use super::days::Day;

/// Days needed in each of `setback` and `progress` before the comparison is shown.
pub const MIN_DAYS_EACH: u32 = 3;
/// The rolling correlation's window, in calendar days (the day itself and the 29 before it).
pub const WINDOW_DAYS: u64 = 30;
/// Days with data a window needs before it gives a correlation.
pub const MIN_WINDOW_DAYS: usize = 5;

/// A day's group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// A setback (in a reflection's outcome, or a logged setback).
    Setback,
    /// Progress, and no setback.
    Progress,
    /// Neither.
    Neither,
}

impl Group {
    /// The group of a day.
    pub fn of(day: &Day) -> Self {
        if day.setback {
            Self::Setback
        } else if day.progress {
            Self::Progress
        } else {
            Self::Neither
        }
    }

    fn code(self) -> f64 {
        match self {
            Self::Setback => -1.0,
            Self::Neither => 0.0,
            Self::Progress => 1.0,
        }
    }
}

/// A number per group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, specta::Type)]
pub struct PerGroup<T> {
    /// Setback days.
    pub setback: T,
    /// Progress days.
    pub progress: T,
    /// Days with neither.
    pub neither: T,
}

impl<T> PerGroup<T> {
    fn get_mut(&mut self, g: Group) -> &mut T {
        match g {
            Group::Setback => &mut self.setback,
            Group::Progress => &mut self.progress,
            Group::Neither => &mut self.neither,
        }
    }
}

/// The correlation on one day, over the window ending on it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, specta::Type)]
pub struct RollingPoint {
    /// The window's last day.
    pub day: NaiveDate,
    /// Pearson's r, when the window has enough days and both series vary.
    pub r: Option<f64>,
    /// Days with data in the window.
    pub days: u32,
}

/// The coupling over a range of days.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct Coupling {
    /// Whether there are at least [`MIN_DAYS_EACH`] days in each of `setback` and `progress`.
    pub enough_data: bool,
    /// Days with a self-worth rating, per group.
    pub days: PerGroup<u32>,
    /// The mean of the days' mean self-worth, per group (unrounded).
    pub mean_self_worth: PerGroup<Option<f64>>,
    /// How many more days of each group the comparison needs (0 when enough).
    pub more_days_needed: PerGroup<u32>,
    /// The rolling correlation, one point per day with data.
    pub rolling: Vec<RollingPoint>,
    /// The worker's own "how much did it depend" answers: each day's mean, oldest first.
    pub dependence: Vec<(NaiveDate, f64)>,
}

/// The words for a correlation's strength, from the top: a correlation at or above a line takes
/// its word. The lines are the usual ones for a correlation's size (0.1 small, 0.3 medium, 0.5
/// large; Cohen, 1988), so the strong-coupling nudge (from 0.5) always says "closely" or more.
pub const CLOSENESS: [(f64, &str); 4] = [(0.7, "very closely"), (0.5, "closely"), (0.3, "somewhat"), (0.1, "loosely")];

/// How closely self-worth followed how the people supported were doing, in a word or two, for a
/// correlation `r`: a word from [`CLOSENESS`], "hardly" near 0, or "slightly the other way" and
/// "the other way" when self-worth tended to be higher on their harder days. Never the number.
pub fn closeness(r: f64) -> &'static str {
    match CLOSENESS.iter().find(|(at, _)| r >= *at) {
        Some((_, word)) => word,
        None if r > -0.1 => "hardly",
        None if r > -0.3 => "slightly the other way",
        None => "the other way",
    }
}

/// What self-worth did, as the words after "your self-worth": "closely followed",
/// "hardly followed", "went the other way from" (then "how the people you support were doing").
pub fn followed(r: f64) -> String {
    let word = closeness(r);
    if r > -0.1 { format!("{word} followed") } else { format!("went {word} from") }
}

/// Pearson's correlation of paired values; `None` with fewer than two pairs or no variation.
pub fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 2 {
        return None;
    }
    let n = pairs.len() as f64;
    let (mx, my) = (pairs.iter().map(|p| p.0).sum::<f64>() / n, pairs.iter().map(|p| p.1).sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx).powi(2);
        syy += (y - my).powi(2);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// The coupling over `days` (already limited to the range wanted).
pub fn coupling(days: &BTreeMap<NaiveDate, Day>) -> Coupling {
    let mut count = PerGroup::<u32>::default();
    let mut sums = PerGroup::<f64>::default();
    let mut points: Vec<(NaiveDate, f64, Group)> = Vec::new();
    for (date, day) in days {
        let Some(worth) = Day::mean(&day.self_worth) else { continue };
        let group = Group::of(day);
        *count.get_mut(group) += 1;
        *sums.get_mut(group) += worth;
        points.push((*date, worth, group));
    }
    let mean = |sum: f64, n: u32| (n > 0).then(|| sum / f64::from(n));
    let needed = |n: u32| MIN_DAYS_EACH.saturating_sub(n);
    // Points are in date order: the window's first point only moves forward.
    let mut first = 0;
    let rolling = points
        .iter()
        .enumerate()
        .map(|(i, &(day, _, _))| {
            let start = day.checked_sub_days(Days::new(WINDOW_DAYS - 1)).unwrap_or(NaiveDate::MIN);
            while points[first].0 < start {
                first += 1;
            }
            let window: Vec<(f64, f64)> = points[first..=i].iter().map(|p| (p.1, p.2.code())).collect();
            let r = if window.len() >= MIN_WINDOW_DAYS { pearson(&window) } else { None };
            RollingPoint { day, r, days: u32::try_from(window.len()).unwrap_or(u32::MAX) }
        })
        .collect();
    Coupling {
        enough_data: count.setback >= MIN_DAYS_EACH && count.progress >= MIN_DAYS_EACH,
        days: count,
        mean_self_worth: PerGroup {
            setback: mean(sums.setback, count.setback),
            progress: mean(sums.progress, count.progress),
            neither: mean(sums.neither, count.neither),
        },
        more_days_needed: PerGroup { setback: needed(count.setback), progress: needed(count.progress), neither: 0 },
        rolling,
        dependence: days.iter().filter_map(|(d, day)| Day::mean(&day.worth_tied).map(|m| (*d, m))).collect(),
    }
}

#[cfg(test)]
#[path = "coupling_tests.rs"]
mod tests;
