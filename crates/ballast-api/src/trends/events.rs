//! The charts of what happened: setbacks on a timeline by type (with mood on those days and on
//! the others), self-disclosure with how it landed, and connections to services by kind with
//! whether they held.

use std::collections::BTreeMap;

use ballast_charts::{Axis, Bar, BarChart, Timeline, TimelineRow, bar_chart, timeline};
use ballast_core::insights::days::{Day, Link};
use ballast_core::{Landed, LinkHeld, ServiceKind, SetbackType};
use chrono::NaiveDate;

use super::charts::{day_words, drawn, number, view};
use super::views::ChartView;
use crate::error::ApiError;

/// Logged setbacks on a timeline, a row per type.
pub(crate) fn setbacks(days: &BTreeMap<NaiveDate, Day>, from: NaiveDate, to: NaiveDate) -> Result<ChartView, ApiError> {
    let rows: Vec<TimelineRow> = SetbackType::ALL
        .iter()
        .map(|t| TimelineRow {
            label: t.words().to_owned(),
            days: days.iter().filter(|(_, d)| d.setback_types.contains(t)).map(|(d, _)| *d).collect(),
        })
        .filter(|r| !r.days.is_empty())
        .collect();
    let total: usize = days.values().map(|d| d.setback_types.len()).sum();
    let mood = |with: bool| {
        let ratings: Vec<u8> =
            days.values().filter(|d| d.setback_types.is_empty() != with).flat_map(|d| d.mood.iter().copied()).collect();
        Day::mean(&ratings)
    };
    let summary = if total == 0 {
        "No setbacks logged in this range.".to_owned()
    } else {
        let kinds: Vec<String> = SetbackType::ALL
            .iter()
            .filter_map(|t| {
                let n: usize = days.values().map(|d| d.setback_types.iter().filter(|x| *x == t).count()).sum();
                (n > 0).then(|| format!("{n} {}", t.words().to_lowercase()))
            })
            .collect();
        format!(
            "{total} setback{} logged ({}). Mood averaged {} on those days and {} on other days.",
            if total == 1 { "" } else { "s" },
            kinds.join(", "),
            mood(true).map_or_else(|| "—".to_owned(), number),
            mood(false).map_or_else(|| "—".to_owned(), number)
        )
    };
    let table = days
        .iter()
        .filter(|(_, d)| !d.setback_types.is_empty())
        .map(|(d, day)| {
            let kinds: Vec<&str> = day.setback_types.iter().map(|t| t.words()).collect();
            vec![day_words(*d), kinds.join(", "), Day::mean(&day.mood).map_or_else(String::new, number)]
        })
        .collect();
    let mood_line: Vec<(NaiveDate, f64)> =
        days.iter().filter_map(|(d, day)| Day::mean(&day.mood).map(|m| (*d, m))).collect();
    let context = (!mood_line.is_empty()).then(|| ("Mood (0–10)".to_owned(), mood_line));
    let chart = Timeline { title: "Setbacks by type, with mood around them".into(), from, to, rows, context };
    Ok(view(
        "setbacks",
        &chart.title,
        drawn(timeline::render(&chart))?,
        summary,
        &["Date", "Setbacks", "Mood that day"],
        table,
    ))
}

/// Self-disclosure: how often, and how it landed.
pub(crate) fn disclosure(days: &BTreeMap<NaiveDate, Day>) -> Result<ChartView, ApiError> {
    let all: Vec<Option<Landed>> = days.values().flat_map(|d| d.disclosures.iter().copied()).collect();
    let count = |want: Option<Landed>| u32::try_from(all.iter().filter(|l| **l == want).count()).unwrap_or(u32::MAX);
    let groups = [
        ("Helped", count(Some(Landed::Helped))),
        ("Unsure", count(Some(Landed::Unsure))),
        ("Regretted", count(Some(Landed::Regretted))),
        ("Not said", count(None)),
    ];
    let most = groups.iter().map(|g| g.1).max().unwrap_or(0);
    let chart = BarChart {
        title: "Sharing your own story, and how it landed".into(),
        y: Axis { label: "Times".into(), min: 0.0, max: f64::from(most.max(4)) * 1.15 },
        bars: groups
            .iter()
            .map(|(label, n)| Bar {
                label: (*label).to_owned(),
                value: Some(f64::from(*n)),
                note: format!("{n} time{}", if *n == 1 { "" } else { "s" }),
            })
            .collect(),
        absent: "no data".into(),
    };
    let summary = if all.is_empty() {
        "No self-disclosures noted in this range.".to_owned()
    } else {
        format!(
            "You shared your own story {} time{}: it helped {}, you were unsure {}, you regretted it {}, and {} without saying.",
            all.len(),
            if all.len() == 1 { "" } else { "s" },
            groups[0].1,
            groups[1].1,
            groups[2].1,
            groups[3].1
        )
    };
    let rows = groups.iter().map(|(label, n)| vec![(*label).to_owned(), n.to_string()]).collect();
    Ok(view("disclosure", &chart.title, drawn(bar_chart::render(&chart))?, summary, &["How it landed", "Times"], rows))
}

/// Connections to services: how many of each kind, and whether each link held.
pub(crate) fn services(days: &BTreeMap<NaiveDate, Day>) -> Result<ChartView, ApiError> {
    let all: Vec<Link> = days.values().flat_map(|d| d.links.iter().copied()).collect();
    let count = |of: &dyn Fn(&Link) -> bool| u32::try_from(all.iter().filter(|l| of(l)).count()).unwrap_or(u32::MAX);
    let mut kinds: Vec<(&str, Option<ServiceKind>)> = ServiceKind::ALL.iter().map(|k| (k.words(), Some(*k))).collect();
    kinds.push(("Kind not said", None));
    let rows: Vec<(&str, [u32; 4])> = kinds
        .iter()
        .map(|(label, kind)| {
            let of_kind = |l: &Link, held: Option<Option<LinkHeld>>| l.0 == *kind && held.is_none_or(|h| l.1 == h);
            (
                *label,
                [
                    count(&|l| of_kind(l, None)),
                    count(&|l| of_kind(l, Some(Some(LinkHeld::Held)))),
                    count(&|l| of_kind(l, Some(Some(LinkHeld::DidNotHold)))),
                    count(&|l| of_kind(l, Some(Some(LinkHeld::NotYetKnown))) || of_kind(l, Some(None))),
                ],
            )
        })
        .collect();
    let most = rows.iter().map(|r| r.1[0]).max().unwrap_or(0);
    let times = |n: u32| format!("{n} time{}", if n == 1 { "" } else { "s" });
    let chart = BarChart {
        title: "Connecting people to services, and whether the links held".into(),
        y: Axis { label: "Times".into(), min: 0.0, max: f64::from(most.max(4)) * 1.15 },
        bars: rows
            .iter()
            .map(|(label, [n, held, not, unknown])| Bar {
                label: (*label).to_owned(),
                value: Some(f64::from(*n)),
                note: format!("{}: {held} held, {not} did not, {unknown} not known yet", times(*n)),
            })
            .collect(),
        absent: "no data".into(),
    };
    let total = |i: usize| rows.iter().map(|r| r.1[i]).sum::<u32>();
    let summary = if all.is_empty() {
        "No connections to services noted in this range.".to_owned()
    } else {
        format!(
            "You connected someone to a service {}. Of those links, {} held, {} did not, and for {} it is not known yet.",
            times(total(0)),
            total(1),
            total(2),
            total(3)
        )
    };
    let table = rows
        .iter()
        .map(|(label, c)| std::iter::once((*label).to_owned()).chain(c.iter().map(u32::to_string)).collect())
        .collect();
    Ok(view(
        "services",
        &chart.title,
        drawn(bar_chart::render(&chart))?,
        summary,
        &["Kind of service", "Times", "Held", "Did not hold", "Not known yet"],
        table,
    ))
}
