//! The supervision summary: one [`Summary`] model built from an explicit allow-list of what may be
//! shared ([`allow`]), and the two renderings drawn from it, PDF ([`pdf`]) and Markdown
//! ([`markdown`]). No I/O: the caller reads the journal and writes the file.

pub mod allow;
pub mod build;
mod counts;
pub mod input;
pub mod markdown;
pub mod model;
pub mod pdf;

pub use build::{TITLE, summary};
pub use input::{ChartPart, CheckInPart, Credit, ScorePart, Sources, SummaryRequest};
pub use model::{Block, Line, Section, Summary};

/// Why a summary could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A chart's SVG could not be read.
    #[error("a chart could not be read: {0}")]
    Chart(String),
    /// The PDF could not be written.
    #[error("the pdf could not be written: {0}")]
    Pdf(String),
}
