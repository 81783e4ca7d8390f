//! Gentle nudges: rules over the check-ins and the days that, when a trend crosses a line, offer a
//! calm message with options. Each nudge has an id tied to what raised it (the check-in, the day,
//! the month), so dismissing it hides that one occurrence and a later one can still appear. The
//! thresholds and why they were chosen are in `docs/INSIGHTS.md`.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

use super::coupling::{Coupling, WINDOW_DAYS, followed};
use super::days::Day;
use crate::CheckIn;
use crate::instrument;

/// Check-ins in a row that must each be higher than the one before.
pub const RISING_RUN: usize = 3;
/// The single item: this many of the last [`SINGLE_ITEM_WINDOW`] answers at 3 or more.
pub const SINGLE_ITEM_HITS: usize = 3;
/// How many of the latest single-item answers are looked at.
pub const SINGLE_ITEM_WINDOW: usize = 5;
/// The single-item answer from which the statements are the ones the measure's sources class as
/// burnout (statements 3 to 5).
pub const SINGLE_ITEM_FROM: f64 = 3.0;
/// The latest rolling correlation at or above which self-worth is strongly coupled.
pub const STRONG_COUPLING: f64 = 0.5;
/// Setback days within [`SETBACK_SPAN_DAYS`] days (ending today) that make a cluster.
pub const SETBACK_DAYS: usize = 3;
/// The span, in days, looked at for a cluster of setbacks.
pub const SETBACK_SPAN_DAYS: u64 = 7;

/// Which rule raised a nudge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// A burnout or secondary traumatic stress score rose over three check-ins in a row.
    Rising,
    /// A subscale entered a band that comes with options (e.g. ProQOL burnout's higher range).
    EnteredBand,
    /// The WHO-5 at or below its cut-off.
    WellbeingLow,
    /// The single item at 3 or more on three of the last five answers.
    SingleItemRepeated,
    /// Self-worth strongly following how the people supported are doing.
    StrongCoupling,
    /// Several setbacks in a short span.
    SetbackCluster,
}

/// A nudge.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct Nudge {
    /// Its id: the rule and what raised it.
    pub id: String,
    /// The rule.
    pub rule: Rule,
    /// What it says, calmly, with options.
    pub message: String,
}

const OPTIONS: &str = "If it would help: look at your self-care plan, talk it over with your supervisor or a peer, or open Support for people you can contact.";

fn nudge(id: String, rule: Rule, said: String) -> Nudge {
    Nudge { id, rule, message: format!("{said} {OPTIONS}") }
}

/// Every nudge that applies. `check_ins` are sound and oldest first; `days` are the range's days;
/// `today` is the worker's local day.
pub fn nudges(
    check_ins: &[CheckIn],
    days: &BTreeMap<NaiveDate, Day>,
    coupling: &Coupling,
    today: NaiveDate,
) -> Vec<Nudge> {
    let mut out = Vec::new();
    for def in instrument::all() {
        let mine: Vec<&CheckIn> = check_ins.iter().filter(|c| c.body.instrument == def.id).collect();
        let Some(latest) = mine.last() else { continue };
        for (i, sub) in def.subscales.iter().enumerate() {
            let score = |c: &CheckIn| c.body.scores.get(i).and_then(|s| s.score);
            let band = |c: &CheckIn| c.body.scores.get(i).and_then(|s| s.band.clone());
            if sub.strain && mine.len() >= RISING_RUN {
                let run: Vec<f64> = mine[mine.len() - RISING_RUN..].iter().filter_map(|c| score(c)).collect();
                if run.len() == RISING_RUN && run.windows(2).all(|w| w[0] < w[1]) {
                    let values: Vec<String> = run.iter().map(|v| super::number(*v)).collect();
                    out.push(nudge(
                        format!("rising:{}:{}:{}", def.id, sub.id, stamp(latest)),
                        Rule::Rising,
                        format!(
                            "Your last {RISING_RUN} {} check-ins show {} rising ({}).",
                            def.short_title,
                            sub.title.to_lowercase(),
                            values.join(", ")
                        ),
                    ));
                }
            }
            // Entering a band that comes with options, for scales with three bands (ProQOL); the
            // WHO-5 and the single item have their own rules.
            let now = band(latest);
            let entered = sub.bands.len() >= 3
                && now.as_deref().is_some_and(|b| def.band(&sub.id, b).is_some_and(|d| d.offer_options))
                && (mine.len() < 2 || band(mine[mine.len() - 2]) != now);
            if entered {
                out.push(nudge(
                    format!("entered_band:{}:{}:{}", def.id, sub.id, stamp(latest)),
                    Rule::EnteredBand,
                    format!(
                        "Your latest {} puts {} in its {}.",
                        def.short_title,
                        sub.title.to_lowercase(),
                        band_name(now.as_deref())
                    ),
                ));
            }
        }
        if def.id == "who5" && latest.body.scores.first().and_then(|s| s.band.as_deref()) == Some("below_cutoff") {
            out.push(nudge(
                format!("wellbeing_low:{}", stamp(latest)),
                Rule::WellbeingLow,
                "Your latest WHO-5 is 50 or lower, where the measure suggests taking a closer look at how you are doing."
                    .to_owned(),
            ));
        }
        if def.id == "single_item_burnout" {
            let recent: Vec<&&CheckIn> = mine.iter().rev().take(SINGLE_ITEM_WINDOW).collect();
            let hits = recent
                .iter()
                .filter(|c| c.body.scores.first().and_then(|s| s.score).is_some_and(|v| v >= SINGLE_ITEM_FROM))
                .count();
            if hits >= SINGLE_ITEM_HITS {
                out.push(nudge(
                    format!("single_item_repeated:{}", stamp(latest)),
                    Rule::SingleItemRepeated,
                    "In several of your recent answers to the burnout question, you chose one of statements 3 to 5."
                        .to_owned(),
                ));
            }
        }
    }
    // Only a recent reading speaks of "lately": the last point must fall within the window.
    let recent = today.checked_sub_days(Days::new(WINDOW_DAYS - 1)).unwrap_or(today);
    let last = coupling.rolling.last().filter(|p| p.day >= recent && coupling.enough_data);
    if let Some((day, r)) = last.and_then(|p| Some((p.day, p.r?))).filter(|(_, r)| *r >= STRONG_COUPLING) {
        out.push(nudge(
            format!("strong_coupling:{}-{:02}", day.year(), day.month()),
            Rule::StrongCoupling,
            format!(
                "Lately your self-worth has {} how the people you support are doing. Noticing it can make their hard days easier to hold.",
                followed(r)
            ),
        ));
    }
    let since = today.checked_sub_days(Days::new(SETBACK_SPAN_DAYS - 1)).unwrap_or(today);
    let setback_days: Vec<NaiveDate> = days.range(since..=today).filter(|(_, d)| d.setback).map(|(d, _)| *d).collect();
    if let Some(last) = setback_days.last().filter(|_| setback_days.len() >= SETBACK_DAYS) {
        out.push(nudge(
            format!("setback_cluster:{last}"),
            Rule::SetbackCluster,
            format!(
                "There have been setbacks on {} of the last {SETBACK_SPAN_DAYS} days. That is a lot to carry.",
                setback_days.len()
            ),
        ));
    }
    out
}

/// What a nudge raised by a check-in is tied to: the check-in's time, which an export and an
/// import keep (its id may change on import).
fn stamp(c: &CheckIn) -> String {
    c.body.taken_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn band_name(band: Option<&str>) -> &'static str {
    match band {
        Some("high") => "higher range",
        Some("low") => "lower range",
        _ => "range that comes with options",
    }
}

#[cfg(test)]
#[path = "nudges_tests.rs"]
mod tests;
