//! The summary as one model: a title, the range, and sections of blocks. The preview, the PDF
//! and the Markdown are all drawn from it, so what the worker sees is what the file holds.

use serde::Serialize;

/// A supervision summary, ready to render.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, specta::Type)]
pub struct Summary {
    /// The document's title (also its PDF title).
    pub title: String,
    /// The range in words.
    pub subtitle: String,
    /// The name the worker chose to put on it, if any (the PDF's author; nothing otherwise).
    pub author: Option<String>,
    /// The sections, in reading order.
    pub sections: Vec<Section>,
}

/// A titled part of the summary.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, specta::Type)]
pub struct Section {
    /// Its heading.
    pub heading: String,
    /// What it holds, in order.
    pub blocks: Vec<Block>,
}

/// A label and its value ("Reflections: 12").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, specta::Type)]
pub struct Line {
    /// What it is.
    pub label: String,
    /// Its value, as shown.
    pub value: String,
}

impl Line {
    /// A label and a value.
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self { label: label.into(), value: value.into() }
    }

    /// The line as one text, as every rendering writes it.
    pub fn text(&self) -> String {
        format!("{}: {}", self.label, self.value)
    }
}

/// One block of a section.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A paragraph of text.
    Paragraph {
        /// The text (may hold line breaks the worker typed).
        text: String,
    },
    /// Labelled values.
    Lines {
        /// The lines, in order.
        lines: Vec<Line>,
    },
    /// A titled group of labelled values: a check-in, or an entry the worker chose to share.
    Item {
        /// Its heading (a date and what it is).
        heading: String,
        /// Its lines; a value may hold line breaks the worker typed.
        lines: Vec<Line>,
    },
    /// A chart drawn by `ballast-charts`, with the sentence that says what it shows.
    Chart {
        /// Its title.
        title: String,
        /// The SVG, as the Trends screen shows it.
        svg: String,
        /// What it shows, in one sentence.
        summary: String,
    },
}

impl Summary {
    /// Every text of the summary, in reading order, as a renderer writes it (chart drawings
    /// aside): the title, the subtitle, the name when given, each heading, paragraph and line. The PDF's extracted
    /// text and the Markdown are checked against this.
    pub fn texts(&self) -> Vec<String> {
        let mut out = vec![self.title.clone(), self.subtitle.clone()];
        out.extend(self.author.clone());
        for s in &self.sections {
            out.push(s.heading.clone());
            for b in &s.blocks {
                match b {
                    Block::Paragraph { text } => out.push(text.clone()),
                    Block::Lines { lines } => out.extend(lines.iter().map(Line::text)),
                    Block::Item { heading, lines } => {
                        out.push(heading.clone());
                        out.extend(lines.iter().map(Line::text));
                    }
                    Block::Chart { title, summary, .. } => {
                        out.push(title.clone());
                        out.push(summary.clone());
                    }
                }
            }
        }
        out
    }
}
