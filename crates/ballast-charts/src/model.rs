//! What a chart shows, as plain data: the API builds these from the journal's statistics, and
//! the renderers turn them into SVG. Every label may come from the journal (a tag, a person
//! code) and is escaped when drawn.

use chrono::NaiveDate;

/// The value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Axis {
    /// What it measures, e.g. "Score (10–50)".
    pub label: String,
    /// Its lowest value.
    pub min: f64,
    /// Its highest value.
    pub max: f64,
}

/// One line over time.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Its name, in the legend.
    pub label: String,
    /// Its points, oldest first.
    pub points: Vec<(NaiveDate, f64)>,
}

/// A shaded, labelled band of values (a score band).
#[derive(Debug, Clone, PartialEq)]
pub struct Shade {
    /// From this value…
    pub from: f64,
    /// …to this one.
    pub to: f64,
    /// Its name, written on the band.
    pub label: String,
}

/// A labelled horizontal line (a cut-off).
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    /// Its value.
    pub at: f64,
    /// Its name, written beside it.
    pub label: String,
}

/// Lines over a date range.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeChart {
    /// The chart's name (its SVG title, for screen readers).
    pub title: String,
    /// The first day shown.
    pub from: NaiveDate,
    /// The last day shown.
    pub to: NaiveDate,
    /// The value axis.
    pub y: Axis,
    /// The lines.
    pub series: Vec<Series>,
    /// Shaded bands behind them.
    pub shades: Vec<Shade>,
    /// Cut-off lines.
    pub rules: Vec<Rule>,
}

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// Its name, under it.
    pub label: String,
    /// Its value, or none (drawn as "no data").
    pub value: Option<f64>,
    /// A note written on it, e.g. "12 days".
    pub note: String,
}

/// Bars side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// The chart's name (its SVG title).
    pub title: String,
    /// The value axis.
    pub y: Axis,
    /// The bars, left to right.
    pub bars: Vec<Bar>,
    /// What a bar without a value says instead, e.g. "no data" (its note follows in brackets).
    pub absent: String,
}

/// One row of a timeline: a kind of event and the days it happened.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    /// The kind, written at the row's start.
    pub label: String,
    /// The days, oldest first.
    pub days: Vec<NaiveDate>,
}

/// Events on a date range, a row per kind.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// The chart's name (its SVG title).
    pub title: String,
    /// The first day shown.
    pub from: NaiveDate,
    /// The last day shown.
    pub to: NaiveDate,
    /// The rows, top to bottom.
    pub rows: Vec<TimelineRow>,
    /// A 0–10 line drawn in a strip above the rows (the day's mood), with its name.
    pub context: Option<(String, Vec<(NaiveDate, f64)>)>,
}
