//! Lines over a date range, with labelled score bands shaded behind them and labelled cut-off
//! lines: every trend on the Trends screen is one of these.

use chrono::{Days, NaiveDate};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::font::FAMILY;
use crate::model::TimeChart;
use crate::palette::{self, GRID, Marker, SHADES, TEXT};

/// Room left at each end of the date axis, as a share of the span, so a point on the first or
/// last day is drawn whole.
const EDGE: f64 = 0.015;
/// The most markers drawn on one series.
const MAX_MARKERS: usize = 40;
/// The legend row's height, below the plot.
const LEGEND_HEIGHT: u32 = 36;
/// The strip on the right that names bands and cut-offs.
const SIDE_WIDTH: u32 = 150;
use crate::{ChartError, HEIGHT, WIDTH, svg};

/// Days since `from`, as the x value.
fn x_of(from: NaiveDate, day: NaiveDate) -> f64 {
    (day - from).num_days() as f64
}

/// The date under an x value, formatted for the span shown.
fn date_label(from: NaiveDate, span: f64, x: f64) -> String {
    let day = from.checked_add_days(Days::new(x.max(0.0).round() as u64)).unwrap_or(from);
    // The exact day under each tick (ticks fall where plotters spaces them, not on month starts).
    if span <= 400.0 { day.format("%-d %b").to_string() } else { day.format("%-d %b %Y").to_string() }
}

/// Draws `chart` as SVG.
///
/// # Errors
/// [`ChartError::Empty`] for a range that ends before it starts or an empty value axis;
/// [`ChartError::Draw`] when plotters cannot draw.
pub fn render(chart: &TimeChart) -> Result<String, ChartError> {
    if chart.to < chart.from || chart.y.max <= chart.y.min {
        return Err(ChartError::Empty);
    }
    crate::font::ensure();
    let span = x_of(chart.from, chart.to).max(1.0);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&palette::BACKGROUND).map_err(ChartError::draw)?;
        // Below: a row naming each series with its marker. Right: the names of bands and cut-offs,
        // beside their values, so no label sits on the data.
        let (main, legend) = root.split_vertically(HEIGHT - LEGEND_HEIGHT);
        let labelled = !chart.shades.is_empty() || !chart.rules.is_empty();
        let (plot, side) = main.split_horizontally(if labelled { WIDTH - SIDE_WIDTH } else { WIDTH });
        let mut c = ChartBuilder::on(&plot)
            .margin(12)
            .x_label_area_size(28)
            .y_label_area_size(52)
            .build_cartesian_2d(-span * EDGE..span * (1.0 + EDGE), chart.y.min..chart.y.max)
            .map_err(ChartError::draw)?;
        let label_font = (FAMILY, 13).into_font().color(&TEXT);
        for (i, shade) in chart.shades.iter().enumerate() {
            let fill = SHADES[i % SHADES.len()].filled();
            let (left, right) = (-span * EDGE, span * (1.0 + EDGE));
            c.draw_series(std::iter::once(Rectangle::new([(left, shade.from), (right, shade.to)], fill)))
                .map_err(ChartError::draw)?;
        }
        let from = chart.from;
        let decimals = usize::from(chart.y.max - chart.y.min < 10.0);
        c.configure_mesh()
            .light_line_style(palette::BACKGROUND.mix(0.0))
            .bold_line_style(GRID)
            .axis_style(TEXT)
            .x_labels(6)
            .y_labels(6)
            .x_label_formatter(&|x| date_label(from, span, *x))
            .y_label_formatter(&|y| format!("{y:.decimals$}"))
            .y_desc(chart.y.label.as_str())
            .label_style((FAMILY, 12).into_font().color(&TEXT))
            .axis_desc_style((FAMILY, 13).into_font().color(&TEXT))
            .draw()
            .map_err(ChartError::draw)?;
        for rule in &chart.rules {
            let (left, right) = (-span * EDGE, span * (1.0 + EDGE));
            c.draw_series(DashedLineSeries::new([(left, rule.at), (right, rule.at)], 6, 4, TEXT.stroke_width(1)))
                .map_err(ChartError::draw)?;
        }
        for (i, series) in chart.series.iter().enumerate() {
            let (colour, marker) = palette::series(i);
            let points: Vec<(f64, f64)> = series.points.iter().map(|(d, v)| (x_of(from, *d), *v)).collect();
            c.draw_series(LineSeries::new(points.iter().copied(), colour.stroke_width(2))).map_err(ChartError::draw)?;
            let style = colour.filled();
            // Markers tell series apart by shape; on a long series every few points keep that
            // without covering the line.
            let stride = points.len().div_ceil(MAX_MARKERS).max(1);
            let points: Vec<(f64, f64)> = points.iter().step_by(stride).copied().collect();
            let drawn = match marker {
                Marker::Circle => c.draw_series(points.iter().map(|&p| Circle::new(p, 4, style))).map(drop),
                Marker::Square => c
                    .draw_series(
                        points.iter().map(|&p| EmptyElement::at(p) + Rectangle::new([(-4, -4), (4, 4)], style)),
                    )
                    .map(drop),
                Marker::Triangle => c.draw_series(points.iter().map(|&p| TriangleMarker::new(p, 5, style))).map(drop),
                Marker::Cross => {
                    c.draw_series(points.iter().map(|&p| Cross::new(p, 4, colour.stroke_width(2)))).map(drop)
                }
            };
            drawn.map_err(ChartError::draw)?;
        }
        let left = Pos::new(HPos::Left, VPos::Center);
        let beside = |value: f64| c.backend_coord(&(0.0, value)).1;
        for shade in &chart.shades {
            let y = beside(f64::midpoint(shade.from, shade.to));
            side.draw(&Text::new(shade.label.clone(), (6, y), label_font.clone().pos(left)))
                .map_err(ChartError::draw)?;
        }
        for rule in &chart.rules {
            let y = beside(rule.at);
            side.draw(&Text::new(rule.label.clone(), (6, y), label_font.clone().pos(left)))
                .map_err(ChartError::draw)?;
        }
        let mut x = 64;
        for (i, series) in chart.series.iter().enumerate() {
            let (colour, marker) = palette::series(i);
            legend.draw(&legend_mark(marker, colour, x, LEGEND_HEIGHT as i32 / 2)).map_err(ChartError::draw)?;
            let text =
                Text::new(series.label.clone(), (x + 10, LEGEND_HEIGHT as i32 / 2), label_font.clone().pos(left));
            legend.draw(&text).map_err(ChartError::draw)?;
            let (w, _) = legend.estimate_text_size(&series.label, &label_font).map_err(ChartError::draw)?;
            x += 10 + i32::try_from(w).unwrap_or(200) + 28;
        }
        root.present().map_err(ChartError::draw)?;
    }
    Ok(svg::finish(&out, &chart.title))
}

/// The legend's sample: the series' marker.
fn legend_mark<DB: DrawingBackend>(
    marker: Marker,
    colour: RGBColor,
    x: i32,
    y: i32,
) -> DynElement<'static, DB, (i32, i32)> {
    let style = colour.filled();
    match marker {
        Marker::Circle => Circle::new((x, y), 4, style).into_dyn(),
        Marker::Square => Rectangle::new([(x - 4, y - 4), (x + 4, y + 4)], style).into_dyn(),
        Marker::Triangle => TriangleMarker::new((x, y), 5, style).into_dyn(),
        Marker::Cross => Cross::new((x, y), 4, colour.stroke_width(2)).into_dyn(),
    }
}
