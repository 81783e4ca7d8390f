//! Lays a summary out on A4 pages: text wrapped with the font's own advances, a heading kept with
//! what follows it, a chart moved whole to the next page when it does not fit. The result is a
//! list of pages of positioned text and charts, each tied to the structure group (heading,
//! paragraph, figure) it belongs to, so the PDF can be tagged in reading order.

use ab_glyph::{Font, FontRef};

use crate::model::{Block, Line, Summary};

/// Page width (A4, points).
pub(crate) const PAGE_W: f32 = 595.0;
/// Page height (A4, points).
pub(crate) const PAGE_H: f32 = 842.0;
/// Left, right and top margin.
pub(crate) const MARGIN: f32 = 56.0;
/// Where the page number's baseline sits.
pub(crate) const FOOTER_BASELINE: f32 = PAGE_H - 36.0;
/// Where content stops.
const CONTENT_END: f32 = PAGE_H - 72.0;
/// The text column's width.
const WIDTH: f32 = PAGE_W - 2.0 * MARGIN;
/// How far an item's lines sit in from its heading.
const INDENT: f32 = 12.0;

/// What a group of content is, for the PDF's structure tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mark {
    /// A heading of this level (1 is the title).
    Heading(u16, String),
    /// A paragraph.
    Paragraph,
    /// A chart, with its alternative text.
    Figure(String),
    /// A list of labelled values.
    List,
    /// One item of a list.
    ListItem,
    /// The text of a list item.
    ListBody,
}

/// Something placed on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    /// One line of text.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        baseline: f32,
        /// Font size.
        size: f32,
        /// The line.
        text: String,
        /// Its group.
        group: usize,
    },
    /// A chart.
    Chart {
        /// Left edge.
        x: f32,
        /// Top edge.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Which chart, in the summary's order.
        index: usize,
        /// Its group.
        group: usize,
    },
}

/// The pages and the structure groups, in reading order.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub(crate) pages: Vec<Vec<Op>>,
    pub(crate) groups: Vec<Mark>,
    /// Each group's parent group (`None` at the top of the structure), by index.
    pub(crate) parents: Vec<Option<usize>>,
}

#[derive(Clone, Copy)]
struct Style {
    size: f32,
    leading: f32,
    before: f32,
    after: f32,
}

const TITLE: Style = Style { size: 22.0, leading: 28.0, before: 0.0, after: 2.0 };
const SUBTITLE: Style = Style { size: 12.0, leading: 17.0, before: 0.0, after: 4.0 };
const SECTION: Style = Style { size: 15.0, leading: 20.0, before: 16.0, after: 4.0 };
const ITEM: Style = Style { size: 11.5, leading: 16.0, before: 8.0, after: 2.0 };
const BODY: Style = Style { size: 10.0, leading: 14.5, before: 0.0, after: 5.0 };

/// The width of `s` at `size` points, from the font's advances and kerning.
pub(crate) fn width(font: &FontRef<'_>, s: &str, size: f32) -> f32 {
    let upem = font.units_per_em().unwrap_or(1000.0);
    let mut total = 0.0;
    let mut last = None;
    for c in s.chars() {
        let id = font.glyph_id(c);
        total += font.h_advance_unscaled(id);
        if let Some(prev) = last {
            total += font.kern_unscaled(prev, id);
        }
        last = Some(id);
    }
    total / upem * size
}

/// `text` broken into lines no wider than `max`: at spaces, and within a word only when the word
/// alone is wider. Line breaks the worker typed are kept.
pub(crate) fn wrap(font: &FontRef<'_>, text: &str, size: f32, max: f32) -> Vec<String> {
    let mut out = Vec::new();
    for typed in text.lines() {
        let mut line = String::new();
        for word in typed.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if width(font, &candidate, size) <= max {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
            }
            for c in word.chars() {
                line.push(c);
                if width(font, &line, size) > max && line.chars().count() > 1 {
                    line.pop();
                    out.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        out.push(line);
    }
    out
}

struct Writer<'a> {
    font: FontRef<'a>,
    layout: Layout,
    y: f32,
    /// The group new groups belong to.
    parent: Option<usize>,
}

impl Writer<'_> {
    fn new_page(&mut self) {
        self.layout.pages.push(Vec::new());
        self.y = MARGIN;
    }

    fn at_top(&self) -> bool {
        self.layout.pages.last().is_none_or(Vec::is_empty)
    }

    fn room(&self) -> f32 {
        CONTENT_END - self.y
    }

    fn group(&mut self, mark: Mark) -> usize {
        self.layout.groups.push(mark);
        self.layout.parents.push(self.parent);
        self.layout.groups.len() - 1
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.layout.pages.last_mut() {
            page.push(op);
        }
    }

    /// Writes `text` in `style`, starting a page first when not even its first lines (and
    /// `keep` points of what must follow it) fit.
    fn text(&mut self, text: &str, style: Style, mark: Mark, indent: f32, keep: f32) {
        let lines = wrap(&self.font, text, style.size, WIDTH - indent);
        if !self.at_top() {
            self.y += style.before;
        }
        let first = style.leading * lines.len().min(2) as f32;
        if first + keep > self.room() && !self.at_top() {
            self.new_page();
        }
        let group = self.group(mark);
        for line in lines {
            if style.leading > self.room() {
                self.new_page();
            }
            if !line.is_empty() {
                let baseline = self.y + style.size;
                self.push(Op::Text { x: MARGIN + indent, baseline, size: style.size, text: line, group });
            }
            self.y += style.leading;
        }
        self.y += style.after;
    }

    fn lines(&mut self, lines: &[Line], indent: f32) {
        let list = self.group(Mark::List);
        for l in lines {
            self.parent = Some(list);
            let item = self.group(Mark::ListItem);
            self.parent = Some(item);
            self.text(&l.text(), BODY, Mark::ListBody, indent, 0.0);
        }
        self.parent = None;
    }

    fn chart(&mut self, index: usize, (w, h): (f32, f32), title: &str, summary: &str) {
        let scale = (WIDTH / w).min(1.0);
        let (w, h) = (w * scale, h * scale);
        self.text(title, ITEM, Mark::Heading(3, title.to_owned()), 0.0, h + 8.0);
        let group = self.group(Mark::Figure(format!("{title}. {summary}")));
        if h + 4.0 > self.room() && !self.at_top() {
            self.new_page();
        }
        self.y += 4.0;
        self.push(Op::Chart { x: MARGIN, y: self.y, w, h, index, group });
        self.y += h + 4.0;
        self.text(summary, BODY, Mark::Paragraph, 0.0, 0.0);
    }
}

/// Lays `summary` out; `chart_sizes` are the charts' own sizes, in the summary's order.
pub(crate) fn lay_out(font: FontRef<'_>, summary: &Summary, chart_sizes: &[(f32, f32)]) -> Layout {
    let mut w = Writer { font, layout: Layout::default(), y: MARGIN, parent: None };
    w.new_page();
    w.text(&summary.title, TITLE, Mark::Heading(1, summary.title.clone()), 0.0, 0.0);
    w.text(&summary.subtitle, SUBTITLE, Mark::Paragraph, 0.0, 0.0);
    if let Some(author) = &summary.author {
        w.text(author, SUBTITLE, Mark::Paragraph, 0.0, 0.0);
    }
    let mut chart = 0;
    for s in &summary.sections {
        // A heading stays with what follows it: two lines of text, or a chart's title and drawing.
        let keep = match s.blocks.first() {
            Some(Block::Chart { .. }) => {
                let (cw, ch) = chart_sizes.get(chart).copied().unwrap_or((WIDTH, WIDTH / 2.0));
                ITEM.before + ITEM.leading + ch * (WIDTH / cw).min(1.0) + 8.0
            }
            _ => BODY.leading * 2.0,
        };
        w.text(&s.heading, SECTION, Mark::Heading(2, s.heading.clone()), 0.0, keep);
        for b in &s.blocks {
            match b {
                Block::Paragraph { text } => w.text(text, BODY, Mark::Paragraph, 0.0, 0.0),
                Block::Lines { lines } => w.lines(lines, INDENT),
                Block::Item { heading, lines } => {
                    w.text(heading, ITEM, Mark::Heading(3, heading.clone()), 0.0, BODY.leading * 2.0);
                    w.lines(lines, INDENT);
                }
                Block::Chart { title, summary: words, .. } => {
                    let size = chart_sizes.get(chart).copied().unwrap_or((WIDTH, WIDTH / 2.0));
                    w.chart(chart, size, title, words);
                    chart += 1;
                }
            }
        }
    }
    w.layout
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Section, Summary};

    fn font() -> FontRef<'static> {
        FontRef::try_from_slice(ballast_charts::font::INTER_REGULAR).expect("the shipped font parses")
    }

    #[test]
    fn wrapping_keeps_every_word_in_order_and_within_the_width() {
        let text = "Supervision helps me hold the weight of the week. ".repeat(12);
        let lines = wrap(&font(), &text, 10.0, 200.0);
        assert!(lines.len() > 5, "a long paragraph wraps over several lines");
        assert!(lines.iter().all(|l| width(&font(), l, 10.0) <= 200.0), "no line is wider than the column");
        assert_eq!(lines.join(" "), text.trim(), "every word is kept, in order, once");
    }

    #[test]
    fn a_word_wider_than_the_column_is_broken_and_typed_line_breaks_are_kept() {
        let long = "x".repeat(200);
        let lines = wrap(&font(), &format!("first\n\n{long}"), 10.0, 100.0);
        assert_eq!(&lines[..2], ["first", ""], "a typed line break, and a blank line, stay");
        assert!(lines.len() > 3, "the long word is broken over lines");
        assert_eq!(lines[2..].concat(), long, "with nothing lost");
    }

    #[test]
    fn a_section_heading_never_ends_a_page_alone_above_a_chart() {
        let font = FontRef::try_from_slice(ballast_charts::font::INTER_REGULAR).expect("the shipped font parses");
        let filler = Block::Paragraph { text: "A line of text that fills the page. ".repeat(90) };
        let chart = Block::Chart { title: "Mood".into(), svg: String::new(), summary: "Mood held steady.".into() };
        let summary = Summary {
            title: "T".into(),
            subtitle: "S".into(),
            author: None,
            sections: vec![
                Section { heading: "Counts".into(), blocks: vec![filler] },
                Section { heading: "Trends".into(), blocks: vec![chart] },
            ],
        };
        let laid = lay_out(font, &summary, &[(720.0, 360.0)]);
        let page_of = |wanted: &str| {
            laid.pages.iter().position(|p| p.iter().any(|op| matches!(op, Op::Text { text, .. } if text == wanted)))
        };
        let chart_page = laid.pages.iter().position(|p| p.iter().any(|op| matches!(op, Op::Chart { .. })));
        assert_eq!(page_of("Trends"), chart_page, "the heading moves to the chart's page rather than end a page alone");
    }
}
