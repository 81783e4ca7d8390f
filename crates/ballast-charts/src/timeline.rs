//! Events on a date range, one row per kind (setbacks by type): each event a marker on its day,
//! each row named in text, so neither colour nor shape carries meaning alone; optionally a 0–10
//! line in a strip above the rows (the day's mood), to see what was happening around them.

use chrono::{Days, NaiveDate};
use plotters::prelude::*;

use crate::font::FAMILY;
use crate::model::Timeline;
use crate::palette::{self, GRID, TEXT};
use crate::{ChartError, WIDTH, svg};

/// The height of one row.
const ROW: u32 = 34;

/// Draws `chart` as SVG (its height grows with the rows).
///
/// # Errors
/// [`ChartError::Empty`] for a range that ends before it starts; [`ChartError::Draw`].
pub fn render(chart: &Timeline) -> Result<String, ChartError> {
    if chart.to < chart.from {
        return Err(ChartError::Empty);
    }
    crate::font::ensure();
    let span = (chart.to - chart.from).num_days().max(1) as f64;
    let rows = chart.rows.len().max(1);
    // The strip for the context line is two rows tall, above the rows.
    let strip = if chart.context.is_some() { 2 } else { 0 };
    let height = 70 + ROW * u32::try_from(rows + strip).unwrap_or(1);
    let labels: Vec<String> = chart.rows.iter().map(|r| r.label.clone()).collect();
    let context_label = chart.context.as_ref().map(|(l, _)| l.clone()).unwrap_or_default();
    let from = chart.from;
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, height)).into_drawing_area();
        root.fill(&palette::BACKGROUND).map_err(ChartError::draw)?;
        let mut c = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(190)
            .build_cartesian_2d(-span * 0.015..span * 1.015, -0.5f64..(rows + strip) as f64 - 0.5)
            .map_err(ChartError::draw)?;
        c.configure_mesh()
            .light_line_style(palette::BACKGROUND.mix(0.0))
            .bold_line_style(GRID)
            .axis_style(TEXT)
            .x_labels(6)
            .y_labels((rows + strip) * 2 + 1)
            .x_label_formatter(&|x| {
                let day = from.checked_add_days(Days::new(x.max(0.0).round() as u64)).unwrap_or(from);
                if span <= 400.0 { day.format("%-d %b").to_string() } else { day.format("%-d %b %Y").to_string() }
            })
            .y_label_formatter(&|y| {
                let i = y.round();
                if (y - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < rows {
                    // Top row first.
                    labels.get(rows - 1 - i as usize).cloned().unwrap_or_default()
                } else if strip > 0 && (y - (rows as f64 + 0.5)).abs() < 1e-6 {
                    context_label.clone()
                } else {
                    String::new()
                }
            })
            .label_style((FAMILY, 12).into_font().color(&TEXT))
            .draw()
            .map_err(ChartError::draw)?;
        if let Some((_, points)) = &chart.context {
            // 0–10 mapped onto the strip's two rows.
            let base = rows as f64 - 0.4;
            let line: Vec<(f64, f64)> = points
                .iter()
                .map(|(d, v)| ((*d - from).num_days() as f64, base + v.clamp(0.0, 10.0) / 10.0 * 1.8))
                .collect();
            let (grey, _) = palette::series(0);
            c.draw_series(LineSeries::new(line, grey.stroke_width(1))).map_err(ChartError::draw)?;
        }
        let (colour, _) = palette::series(1);
        for (i, row) in chart.rows.iter().enumerate() {
            let y = (rows - 1 - i) as f64;
            let x = |d: &NaiveDate| (*d - from).num_days() as f64;
            c.draw_series(
                row.days
                    .iter()
                    .map(|d| EmptyElement::at((x(d), y)) + Rectangle::new([(-5, -5), (5, 5)], colour.filled())),
            )
            .map_err(ChartError::draw)?;
        }
        root.present().map_err(ChartError::draw)?;
    }
    Ok(svg::finish(&out, &chart.title))
}
