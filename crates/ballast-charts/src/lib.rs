//! Ballast's charts: pure functions from chart data ([`model`]) to SVG strings, drawn with
//! plotters' SVG backend. Text is measured and named with the shipped OFL font ([`font`]), never a
//! system font, so the same data gives the same SVG on every machine; colours pass WCAG AA and
//! never carry meaning alone ([`palette`]); every text, including anything from the journal, is
//! escaped, and each SVG carries a `<title>` and `role="img"` ([`svg`]).

pub mod bar_chart;
pub mod font;
pub mod model;
pub mod palette;
pub mod svg;
pub mod time_chart;
pub mod timeline;

pub use model::{Axis, Bar, BarChart, Rule, Series, Shade, TimeChart, Timeline, TimelineRow};

/// Every chart's size, in SVG user units (it scales with the page).
pub const WIDTH: u32 = 640;
/// Every chart's height.
pub const HEIGHT: u32 = 320;

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    /// The range or axis is empty.
    #[error("the chart has an empty range")]
    Empty,
    /// Plotters could not draw it.
    #[error("the chart could not be drawn: {0}")]
    Draw(String),
}

impl ChartError {
    pub(crate) fn draw(e: impl std::fmt::Display) -> Self {
        Self::Draw(e.to_string())
    }
}
