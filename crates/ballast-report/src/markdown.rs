//! The summary as Markdown, for people who prefer text. Everything the worker wrote is escaped, so
//! it reads as written and never becomes a heading, a link or HTML.

use crate::model::{Block, Line, Summary};

/// Escapes Markdown and HTML syntax within one line of text.
fn escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if c == '\r' {
            out.push(' ');
            continue;
        }
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&' | '~') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Escapes one line that starts a Markdown line, so it cannot become a list item, a rule, a
/// heading underline or a code block.
fn escape_start(line: &str) -> String {
    // Leading spaces could make a code block or a nested list; the words are what matter.
    let out = escape(line.trim_start());
    if out.starts_with(['-', '+', '=']) {
        return format!("\\{out}");
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    match out[digits..].chars().next() {
        Some(mark @ ('.' | ')')) if digits > 0 => format!("{}\\{mark}{}", &out[..digits], &out[digits + 1..]),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_never_becomes_markdown_structure() {
        assert_eq!(escape_start("1. first"), "1\\. first", "an ordered list marker");
        assert_eq!(escape_start("2) second"), "2\\) second", "the other ordered list marker");
        assert_eq!(escape_start("  - nested"), "\\- nested", "a list after spaces");
        assert_eq!(escape_start("    code"), "code", "no code block from leading spaces");
        assert_eq!(escape_start("==="), "\\===", "no heading underline");
        assert_eq!(escape("~~~ fence"), "\\~\\~\\~ fence", "no fence");
        assert_eq!(escape("<b>&amp;"), "\\<b\\>\\&amp;", "no HTML, no entity");
        assert_eq!(escape("a\rb"), "a b", "a lone carriage return is a space");
        assert_eq!(escape_start("2026 was hard"), "2026 was hard", "a number that is not a marker is left alone");
    }
}
