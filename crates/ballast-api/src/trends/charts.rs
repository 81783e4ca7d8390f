//! Each chart of the Trends screen built from the statistics: its chart data for
//! `ballast-charts`, its one-sentence summary and its table (the self-checks' charts are in
//! `scores.rs`).

use std::collections::BTreeMap;

use ballast_charts::{Axis, Bar, BarChart, ChartError, Rule, Series, TimeChart, bar_chart, time_chart};
use ballast_core::insights::balance::Balance;
use ballast_core::insights::coupling::{Coupling, MIN_DAYS_EACH, MIN_WINDOW_DAYS, WINDOW_DAYS, closeness, followed};
use ballast_core::insights::days::Day;
use ballast_core::insights::nudges::STRONG_COUPLING;
use chrono::{Datelike, NaiveDate};

use super::views::{ChartView, TableView};
use crate::error::ApiError;

/// "1 day", "5 days".
pub(crate) fn days_count(n: usize) -> String {
    if n == 1 { "1 day".to_owned() } else { format!("{n} days") }
}

/// A day as shown in tables and sentences.
pub(crate) fn day_words(d: NaiveDate) -> String {
    d.format("%-d %b %Y").to_string()
}

pub(crate) use ballast_core::insights::number;

pub(crate) fn drawn(r: Result<String, ChartError>) -> Result<String, ApiError> {
    r.map_err(|e| {
        tracing::error!(error = %e, "a chart could not be drawn");
        ApiError::Internal
    })
}

pub(crate) fn view(
    id: &str,
    title: &str,
    svg: String,
    summary: String,
    columns: &[&str],
    rows: Vec<Vec<String>>,
) -> ChartView {
    ChartView {
        id: id.to_owned(),
        title: title.to_owned(),
        svg,
        summary,
        table: TableView { columns: columns.iter().map(|c| (*c).to_owned()).collect(), rows },
    }
}

/// How a long range is averaged for drawing (the table keeps every day).
#[derive(Clone, Copy)]
enum Bucket {
    Day,
    Week,
    Month,
}

impl Bucket {
    fn for_span(from: NaiveDate, to: NaiveDate) -> Self {
        match (to - from).num_days() {
            ..=120 => Self::Day,
            121..=730 => Self::Week,
            _ => Self::Month,
        }
    }

    fn start(self, d: NaiveDate) -> NaiveDate {
        match self {
            Self::Day => d,
            Self::Week => d - chrono::Duration::days(i64::from(d.weekday().num_days_from_monday())),
            Self::Month => d.with_day(1).unwrap_or(d),
        }
    }

    fn words(self) -> &'static str {
        match self {
            Self::Day => "by day",
            Self::Week => "by week (weekly averages; the table has every day)",
            Self::Month => "by month (monthly averages; the table has every day)",
        }
    }
}

/// Mood and self-worth by day (several entries a day averaged; the count is in the table); a long
/// range is drawn as weekly or monthly averages of the ratings.
pub(crate) fn mood(days: &BTreeMap<NaiveDate, Day>, from: NaiveDate, to: NaiveDate) -> Result<ChartView, ApiError> {
    let bucket = Bucket::for_span(from, to);
    // A week or month is the mean of its days' means (a busy day weighs as much as a quiet one),
    // drawn at its first day within the range.
    let series = |label: &str, pick: fn(&Day) -> &[u8]| {
        let mut buckets: BTreeMap<NaiveDate, Vec<f64>> = BTreeMap::new();
        for (d, day) in days {
            if let Some(m) = Day::mean(pick(day)) {
                buckets.entry(bucket.start(*d).max(from)).or_default().push(m);
            }
        }
        Series {
            label: label.to_owned(),
            points: buckets.iter().map(|(d, v)| (*d, v.iter().sum::<f64>() / v.len() as f64)).collect(),
        }
    };
    let (mood, worth) = (series("Mood", |d| &d.mood), series("Self-worth", |d| &d.self_worth));
    let rated = |pick: fn(&Day) -> &[u8]| days.values().filter(|d| !pick(d).is_empty()).count();
    let all = |pick: fn(&Day) -> &[u8]| {
        let means: Vec<f64> = days.values().filter_map(|d| Day::mean(pick(d))).collect();
        (!means.is_empty()).then(|| means.iter().sum::<f64>() / means.len() as f64)
    };
    let summary = if rated(|d| &d.mood) == 0 && rated(|d| &d.self_worth) == 0 {
        "No mood or self-worth ratings in this range yet.".to_owned()
    } else {
        format!(
            "Mood rated on {} (averaging {}) and self-worth on {} (averaging {}), drawn {}.",
            days_count(rated(|d| &d.mood)),
            all(|d| &d.mood).map_or_else(|| "—".to_owned(), number),
            days_count(rated(|d| &d.self_worth)),
            all(|d| &d.self_worth).map_or_else(|| "—".to_owned(), number),
            bucket.words()
        )
    };
    let rows = days
        .iter()
        .filter(|(_, d)| !d.mood.is_empty() || !d.self_worth.is_empty())
        .map(|(d, day)| {
            let cell = |v: &[u8]| Day::mean(v).map_or_else(String::new, number);
            vec![day_words(*d), cell(&day.mood), cell(&day.self_worth), day.entries.to_string()]
        })
        .collect();
    let chart = TimeChart {
        title: "Mood and self-worth".into(),
        from,
        to,
        y: Axis { label: "Average rating (0–10)".into(), min: 0.0, max: 10.0 },
        series: vec![mood, worth],
        shades: Vec::new(),
        rules: Vec::new(),
    };
    Ok(view(
        "mood",
        &chart.title,
        drawn(time_chart::render(&chart))?,
        summary,
        &["Date", "Mood", "Self-worth", "Entries"],
        rows,
    ))
}

/// Mean self-worth on setback, progress and other days.
pub(crate) fn coupling(c: &Coupling, words: &str) -> Result<ChartView, ApiError> {
    // The comparison is shown only with enough days in each group; until then each bar says how
    // many days it has, and no mean is drawn.
    let bar = |label: &str, value: Option<f64>, n: u32| Bar {
        label: label.to_owned(),
        value: value.filter(|_| c.enough_data),
        note: format!("{n} day{}", if n == 1 { "" } else { "s" }),
    };
    let chart = BarChart {
        title: "Self-worth on setback, progress and other days".into(),
        y: Axis { label: "Mean self-worth (0–10)".into(), min: 0.0, max: 10.0 },
        bars: vec![
            bar("Setback days", c.mean_self_worth.setback, c.days.setback),
            bar("Progress days", c.mean_self_worth.progress, c.days.progress),
            bar("Other days", c.mean_self_worth.neither, c.days.neither),
        ],
        absent: if c.enough_data { "no data".into() } else { "not shown yet".into() },
    };
    let rows = chart
        .bars
        .iter()
        .map(|b| {
            let mean = match b.value {
                Some(v) => number(v),
                None if c.enough_data => "no data".to_owned(),
                None => format!("shown from {MIN_DAYS_EACH} setback and {MIN_DAYS_EACH} progress days"),
            };
            vec![b.label.clone(), b.note.clone(), mean]
        })
        .collect();
    Ok(view(
        "coupling",
        &chart.title,
        drawn(bar_chart::render(&chart))?,
        words.to_owned(),
        &["Days", "How many", "Mean self-worth"],
        rows,
    ))
}

/// The rolling correlation over time.
pub(crate) fn coupling_over_time(c: &Coupling, from: NaiveDate, to: NaiveDate) -> Result<ChartView, ApiError> {
    // Shown only with enough setback and progress days, like the comparison itself.
    let points: Vec<(NaiveDate, f64)> =
        c.rolling.iter().filter(|_| c.enough_data).filter_map(|p| Some((p.day, p.r?))).collect();
    let summary = match points.last() {
        Some((d, r)) => format!(
            "Over the {WINDOW_DAYS} days up to {}, your self-worth {} how the people you support were doing.",
            day_words(*d),
            followed(*r)
        ),
        None if !c.enough_data => format!(
            "Shown once there are {MIN_DAYS_EACH} days with a setback and {MIN_DAYS_EACH} with progress that rate your self-worth."
        ),
        None => format!(
            "Not enough days yet: each point needs at least {MIN_WINDOW_DAYS} rated days within {WINDOW_DAYS} days."
        ),
    };
    // The table keeps the number beside its words, for anyone who wants it.
    let rows = c
        .rolling
        .iter()
        .map(|p| {
            let (words, r) = p.r.map_or_else(
                || ("not enough days".to_owned(), String::new()),
                |r| (closeness(r).to_owned(), number(r)),
            );
            vec![day_words(p.day), words, r, p.days.to_string()]
        })
        .collect();
    let chart = TimeChart {
        title: "How closely self-worth followed outcomes".into(),
        from,
        to,
        y: Axis { label: "How closely self-worth followed their days".into(), min: -1.0, max: 1.0 },
        series: vec![Series { label: format!("Over the {WINDOW_DAYS} days up to each day"), points }],
        shades: Vec::new(),
        rules: vec![
            Rule { at: STRONG_COUPLING, label: "Closely".into() },
            Rule { at: 0.0, label: "Not at all".into() },
        ],
    };
    Ok(view(
        "coupling_over_time",
        &chart.title,
        drawn(time_chart::render(&chart))?,
        summary,
        &["Date", "How closely", "Correlation", &format!("Rated days in the {WINDOW_DAYS}")],
        rows,
    ))
}

/// The worker's own "how much did it depend" answers over time.
pub(crate) fn dependence(c: &Coupling, from: NaiveDate, to: NaiveDate) -> Result<ChartView, ApiError> {
    let summary = match c.dependence.last() {
        Some((d, v)) => format!(
            "You answered \"how much did today's self-worth depend on how they were doing\" on {}; most recently {} out of 10 ({}).",
            days_count(c.dependence.len()),
            number(*v),
            day_words(*d)
        ),
        None => "No answers yet to \"how much did today's self-worth depend on how they were doing\".".to_owned(),
    };
    let rows = c.dependence.iter().map(|(d, v)| vec![day_words(*d), number(*v)]).collect();
    let chart = TimeChart {
        title: "How much it depended, in your words".into(),
        from,
        to,
        y: Axis { label: "Your answer (0–10)".into(), min: 0.0, max: 10.0 },
        series: vec![Series {
            label: "How much today's self-worth depended on them (daily average)".into(),
            points: c.dependence.clone(),
        }],
        shades: Vec::new(),
        rules: Vec::new(),
    };
    Ok(view("dependence", &chart.title, drawn(time_chart::render(&chart))?, summary, &["Date", "Your answer"], rows))
}

/// The push–patience balance by month, as shares of that month's answers.
pub(crate) fn push_patience(
    days: &BTreeMap<NaiveDate, Day>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ChartView, ApiError> {
    let mut months: BTreeMap<NaiveDate, Balance> = BTreeMap::new();
    for (d, day) in days {
        let month = d.with_day(1).unwrap_or(*d).max(from);
        day.push_patience.iter().for_each(|&a| months.entry(month).or_default().add(a));
    }
    let share = |n: u32, b: &Balance| 100.0 * f64::from(n) / f64::from(b.total().max(1));
    let series = |label: &str, pick: fn(&Balance) -> u32| Series {
        label: label.to_owned(),
        points: months.iter().map(|(m, b)| (*m, share(pick(b), b))).collect(),
    };
    let total = ballast_core::insights::balance::balance(days);
    let summary = if total.total() == 0 {
        "No push–patience answers in this range yet.".to_owned()
    } else {
        format!(
            "Of {} answers: held back {}, gentle persistence {}, pushed {}.",
            total.total(),
            total.held_back,
            total.gentle_persistence,
            total.pushed
        )
    };
    let rows = months
        .iter()
        .map(|(m, b)| {
            let cell = |n: u32| format!("{n} ({}%)", number(share(n, b)));
            vec![m.format("%B %Y").to_string(), cell(b.held_back), cell(b.gentle_persistence), cell(b.pushed)]
        })
        .collect();
    let chart = TimeChart {
        title: "Push and patience by month".into(),
        from,
        to,
        y: Axis { label: "Share of the month's answers (%)".into(), min: 0.0, max: 100.0 },
        series: vec![
            series("Held back", |b| b.held_back),
            series("Gentle persistence", |b| b.gentle_persistence),
            series("Pushed", |b| b.pushed),
        ],
        shades: Vec::new(),
        rules: Vec::new(),
    };
    Ok(view(
        "push_patience",
        &chart.title,
        drawn(time_chart::render(&chart))?,
        summary,
        &["Month", "Held back", "Gentle persistence", "Pushed"],
        rows,
    ))
}
