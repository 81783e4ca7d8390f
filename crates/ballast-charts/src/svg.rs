//! The finishing touches every chart gets: a `<title>` and `role="img"` for screen readers, with
//! the title escaped like every other text drawn.

/// Escapes text for SVG/XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// Adds `role="img"`, a `<title>` and the font family to the `<svg>` plotters wrote.
pub(crate) fn finish(svg: &str, title: &str) -> String {
    let Some(end) = svg.find('>') else { return svg.to_owned() };
    let (open, rest) = svg.split_at(end);
    format!(
        "{open} role=\"img\" font-family=\"{}\"><title>{}</title>{}",
        crate::font::FAMILY,
        escape(title),
        &rest[1..]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&apos;", "every markup character is escaped");
        let done = finish("<svg width=\"1\">\n<rect/></svg>", "R7 <b>");
        assert!(done.starts_with("<svg width=\"1\" role=\"img\""), "role added to the svg element: {done}");
        assert!(done.contains("<title>R7 &lt;b&gt;</title>"), "the title is escaped: {done}");
    }
}
