//! The chart of each self-check over time: its subscales with their bands shaded or cut-off
//! drawn, a summary that names the latest scores, which results come with options (and what the
//! options are), and that a self-check is not a diagnosis; and its table.

use ballast_charts::{Axis, Rule, Series, Shade, TimeChart, time_chart};
use ballast_core::CheckIn;
use ballast_core::instrument::Instrument;
use chrono::NaiveDate;

use super::charts::{day_words, drawn, number, view};
use super::views::ChartView;
use crate::error::ApiError;

/// Said under every chart of self-check scores.
pub(crate) const CHART_NOT_A_DIAGNOSIS: &str =
    "These are self-checks, not a diagnosis: they describe how your answers sat on the measure's scale.";

/// The options a result can come with, as the chart's summary names them.
const OPTIONS: &str =
    "your self-care plan, talking it over with your supervisor or a peer, and Support for people you can contact";

/// Which of the results charted come with options, and what the options are; empty when none do.
/// A measure without bands (the CBI) has no cut-off, and says that is why each result has them.
fn options_words(def: &Instrument, taken: &[(NaiveDate, &CheckIn)]) -> String {
    let total = taken.len();
    let offered = taken.iter().filter(|(_, c)| def.offers_options(&c.body.scores)).count();
    let which = match (offered, total) {
        (0, _) => return String::new(),
        _ if def.subscales.iter().all(|s| s.bands.is_empty()) => {
            format!("The {} has no cut-off, so each result comes with options", def.short_title)
        }
        (1, 1) => "This result comes with options".to_owned(),
        (n, t) if n == t => "Each of these results comes with options".to_owned(),
        (1, t) => format!("1 of these {t} results comes with options"),
        (n, t) => format!("{n} of these {t} results come with options"),
    };
    format!(" {which}: {OPTIONS}.")
}

/// One instrument's subscales over time, with its bands shaded or its cut-off drawn.
pub(crate) fn chart(
    def: &Instrument,
    taken: &[(NaiveDate, &CheckIn)],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<ChartView, ApiError> {
    let lo = def.subscales.iter().map(|s| s.range[0]).min().unwrap_or(0);
    let hi = def.subscales.iter().map(|s| s.range[1]).max().unwrap_or(100);
    let first = def.subscales.first();
    let shades = first.map_or_else(Vec::new, |s| {
        let labelled: Vec<_> = s.bands.iter().filter(|b| b.chart_label.is_some()).collect();
        labelled
            .iter()
            .enumerate()
            .map(|(i, b)| Shade {
                from: if i == 0 { f64::from(lo) } else { labelled[i - 1].max + 0.5 },
                to: if i + 1 == labelled.len() { f64::from(hi) } else { b.max + 0.5 },
                label: b.chart_label.clone().unwrap_or_default(),
            })
            .collect()
    });
    let rules = first
        .map_or_else(Vec::new, |s| s.chart_rules.iter().map(|r| Rule { at: r.at, label: r.label.clone() }).collect());
    let series = def
        .subscales
        .iter()
        .enumerate()
        .map(|(i, s)| Series {
            label: s.title.clone(),
            points: taken.iter().filter_map(|(d, c)| Some((*d, c.body.scores.get(i)?.score?))).collect(),
        })
        .collect();
    let title = format!("{} over time", def.short_title);
    let chart = TimeChart {
        title: title.clone(),
        from,
        to,
        y: Axis { label: format!("Score ({lo}–{hi})"), min: f64::from(lo), max: f64::from(hi) },
        series,
        shades,
        rules,
    };
    let rows: Vec<Vec<String>> = taken
        .iter()
        .map(|(d, c)| {
            let mut row = vec![day_words(*d)];
            row.extend(c.body.scores.iter().map(|s| s.score.map_or_else(|| "incomplete".to_owned(), number)));
            row
        })
        .collect();
    let summary = match (taken.first(), taken.last()) {
        (Some((first, _)), Some((last, latest))) => {
            let parts: Vec<String> = def
                .subscales
                .iter()
                .zip(&latest.body.scores)
                .map(|(s, v)| {
                    format!("{} {}", s.title.to_lowercase(), v.score.map_or_else(|| "incomplete".to_owned(), number))
                })
                .collect();
            let when = if taken.len() == 1 {
                format!("1 {} check-in, on {}", def.short_title, day_words(*last))
            } else {
                format!(
                    "{} {} check-ins from {} to {}",
                    taken.len(),
                    def.short_title,
                    day_words(*first),
                    day_words(*last)
                )
            };
            format!("{when}; the latest: {}.{}", parts.join(", "), options_words(def, taken))
        }
        _ => format!("No {} check-ins in this range yet.", def.short_title),
    };
    let summary = format!("{summary} {CHART_NOT_A_DIAGNOSIS}");
    let mut columns = vec!["Date"];
    columns.extend(def.subscales.iter().map(|s| s.title.as_str()));
    Ok(view(&def.id, &title, drawn(time_chart::render(&chart))?, summary, &columns, rows))
}
