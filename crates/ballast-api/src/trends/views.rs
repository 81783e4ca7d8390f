//! What the Trends screen and `ballast insights` receive: statistics ready to show, and charts as
//! SVG with a one-sentence summary and a data table each. The UI does no statistics.

use ballast_charts::palette::{Palette, Theme};
use ballast_core::insights::balance::Balance;
use ballast_core::insights::coupling::Coupling;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which days to look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Span {
    /// The last `days` days, today included.
    Days {
        /// How many days.
        days: u32,
    },
    /// Everything in the journal.
    All,
    /// From one day to another, both included (either end open).
    Between {
        /// The first day, or the journal's first.
        from: Option<NaiveDate>,
        /// The last day, or today.
        to: Option<NaiveDate>,
    },
}

/// A gentle nudge: a calm message, shown once until dismissed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct NudgeView {
    /// Its stable id.
    pub id: String,
    /// What it says.
    pub message: String,
}

/// The statistics over a range (`ballast insights --json`).
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct InsightsView {
    /// The first day looked at.
    pub from: NaiveDate,
    /// The last day looked at.
    pub to: NaiveDate,
    /// How self-worth moves with how the people supported are doing.
    pub coupling: Coupling,
    /// The push–patience balance.
    pub push_patience: Balance,
    /// Nudges that apply and have not been dismissed.
    pub nudges: Vec<NudgeView>,
}

/// A chart's numbers as a table, for screen readers and for people who prefer numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct TableView {
    /// Column headings.
    pub columns: Vec<String>,
    /// Rows of cells, as shown.
    pub rows: Vec<Vec<String>>,
}

/// One chart, ready to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ChartView {
    /// Its stable name (`ballast chart NAME`).
    pub id: String,
    /// Its heading.
    pub title: String,
    /// The SVG, drawn in Rust; every text in it is escaped.
    pub svg: String,
    /// One sentence saying what it shows.
    pub summary: String,
    /// Its numbers.
    pub table: TableView,
}

/// The Trends screen.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
pub struct TrendsView {
    /// The statistics.
    pub insights: InsightsView,
    /// One sentence on the coupling: what it shows, or how many more days it needs.
    pub coupling_words: String,
    /// The charts, in the order shown.
    pub charts: Vec<ChartView>,
}

/// The theme a chart is shown in: the UI sends the one on screen; the PDF summary and
/// `ballast chart` keep the light one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ChartTheme {
    /// Dark on white.
    #[default]
    Light,
    /// Light on the dark theme's surface.
    Dark,
    /// White and bright colours on black.
    Contrast,
}

impl ChartTheme {
    fn palette(self) -> &'static Palette {
        Palette::of(match self {
            Self::Light => Theme::Light,
            Self::Dark => Theme::Dark,
            Self::Contrast => Theme::Contrast,
        })
    }
}

impl ChartView {
    /// This chart in `theme`'s colours (charts are drawn in light).
    #[must_use]
    pub fn in_theme(mut self, theme: ChartTheme) -> Self {
        self.svg = theme.palette().recolour(&self.svg);
        self
    }
}

impl TrendsView {
    /// Every chart in `theme`'s colours.
    #[must_use]
    pub fn in_theme(mut self, theme: ChartTheme) -> Self {
        self.charts = self.charts.into_iter().map(|c| c.in_theme(theme)).collect();
        self
    }
}
