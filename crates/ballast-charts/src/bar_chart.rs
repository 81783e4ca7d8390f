//! Bars side by side, each with its value and a note written on it (e.g. the mean self-worth on
//! setback, progress and other days, with how many days each rests on). A bar with no value is
//! written as "no data", never drawn as zero.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::font::FAMILY;
use crate::model::BarChart;
use crate::palette::{self, GRID, TEXT};
use crate::{ChartError, HEIGHT, WIDTH, svg};

/// Draws `chart` as SVG.
///
/// # Errors
/// [`ChartError::Empty`] for no bars or an empty value axis; [`ChartError::Draw`].
pub fn render(chart: &BarChart) -> Result<String, ChartError> {
    if chart.bars.is_empty() || chart.y.max <= chart.y.min {
        return Err(ChartError::Empty);
    }
    crate::font::ensure();
    let n = chart.bars.len();
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        root.fill(&palette::BACKGROUND).map_err(ChartError::draw)?;
        let mut c = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(44)
            .y_label_area_size(52)
            .build_cartesian_2d(0f64..n as f64, chart.y.min..chart.y.max)
            .map_err(ChartError::draw)?;
        let labels: Vec<String> = chart.bars.iter().map(|b| b.label.clone()).collect();
        let decimals = usize::from(chart.y.max - chart.y.min < 10.0);
        c.configure_mesh()
            .light_line_style(palette::BACKGROUND.mix(0.0))
            .bold_line_style(GRID)
            .axis_style(TEXT)
            .disable_x_mesh()
            .x_labels(n * 2 + 1)
            .x_label_formatter(&|x| {
                let i = x - 0.5;
                if i >= 0.0 && (i - i.round()).abs() < 1e-6 {
                    labels.get(i.round() as usize).cloned().unwrap_or_default()
                } else {
                    String::new()
                }
            })
            .y_label_formatter(&|y| format!("{y:.decimals$}"))
            .y_desc(chart.y.label.as_str())
            .label_style((FAMILY, 13).into_font().color(&TEXT))
            .axis_desc_style((FAMILY, 13).into_font().color(&TEXT))
            .draw()
            .map_err(ChartError::draw)?;
        let (colour, _) = palette::series(0);
        let note_font = (FAMILY, 13).into_font().color(&TEXT).pos(Pos::new(HPos::Center, VPos::Bottom));
        let pad = (chart.y.max - chart.y.min) * 0.02;
        for (i, bar) in chart.bars.iter().enumerate() {
            let (left, right, middle) = (i as f64 + 0.2, i as f64 + 0.8, i as f64 + 0.5);
            let note = match bar.value {
                Some(v) => {
                    c.draw_series(std::iter::once(Rectangle::new([(left, chart.y.min), (right, v)], colour.filled())))
                        .map_err(ChartError::draw)?;
                    (format!("{} ({})", format_value(v, decimals), bar.note), v)
                }
                None => (format!("{} ({})", chart.absent, bar.note), chart.y.min),
            };
            c.draw_series(std::iter::once(Text::new(note.0, (middle, note.1 + pad), note_font.clone())))
                .map_err(ChartError::draw)?;
        }
        root.present().map_err(ChartError::draw)?;
    }
    Ok(svg::finish(&out, &chart.title))
}

/// A value as written on its bar: two decimals more than the axis (a mean of ratings such as 7.25
/// is shown as it is, not rounded to a neighbour).
fn format_value(v: f64, axis_decimals: usize) -> String {
    let d = axis_decimals + 2;
    format!("{v:.d$}")
}
