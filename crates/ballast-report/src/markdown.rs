//! The summary as Markdown, for people who prefer text. Everything the worker wrote is escaped, so
//! it reads as written and never becomes a heading, a link or HTML.

use crate::model::{Block, Line, Summary};

/// Escapes Markdown and HTML syntax within one line of text.
fn escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes one line that starts a Markdown line, so it cannot become a list item or a rule.
fn escape_start(line: &str) -> String {
    let out = escape(line);
    if out.starts_with(['-', '+', '=']) {
        return format!("\\{out}");
    }
    match out.split_once(". ") {
        Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => format!("{n}\\. {rest}"),
        _ => out,
    }
}

/// Text that may hold line breaks, as Markdown lines that keep them (`indent` before each line
/// after the first).
fn text(s: &str, first_starts_line: bool, indent: &str) -> String {
    s.lines()
        .enumerate()
        .map(|(i, l)| match i {
            0 if !first_starts_line => escape(l),
            0 => escape_start(l),
            _ => format!("{indent}{}", escape_start(l)),
        })
        .collect::<Vec<_>>()
        .join("  \n")
}

fn line(l: &Line) -> String {
    format!("- {}: {}", escape(&l.label), text(&l.value, false, "  "))
}

/// The Markdown document.
pub fn render(summary: &Summary) -> String {
    let mut out = format!("# {}\n\n{}\n", escape(&summary.title), escape_start(&summary.subtitle));
    if let Some(a) = &summary.author {
        out.push_str(&format!("\n{}\n", escape_start(a)));
    }
    for s in &summary.sections {
        out.push_str(&format!("\n## {}\n", escape(&s.heading)));
        for b in &s.blocks {
            match b {
                Block::Paragraph { text: t } => out.push_str(&format!("\n{}\n", text(t, true, ""))),
                Block::Lines { lines } => {
                    out.push('\n');
                    lines.iter().for_each(|l| out.push_str(&format!("{}\n", line(l))));
                }
                Block::Item { heading, lines } => {
                    out.push_str(&format!("\n### {}\n\n", escape(heading)));
                    lines.iter().for_each(|l| out.push_str(&format!("{}\n", line(l))));
                }
                Block::Chart { title, summary, .. } => {
                    out.push_str(&format!("\n### {}\n\n{}\n", escape(title), text(summary, true, "")));
                }
            }
        }
    }
    out
}
