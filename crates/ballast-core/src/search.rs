//! Search: what a worker types, made into an FTS5 query that can never be an error, and a
//! result with its snippet split into plain and matched parts.
//!
//! Nothing typed reaches FTS5's query syntax. The text is split into words and "quoted phrases";
//! each becomes an FTS5 string (its own quotes doubled), so `AND`, `NEAR`, `*`, `(`, `:` and `^` are
//! searched as text. Every bare word matches as a prefix (`hosp` finds "hospital"), as the worker
//! types; a phrase matches its words in order. Terms with no letter or digit are dropped, since
//! the tokenizer would find nothing in them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::entry::{EntryId, EntryKind};

/// Where the store marks the start and the end of a match in a snippet (private-use characters).
pub const MATCH_START: char = '\u{E000}';
/// See [`MATCH_START`].
pub const MATCH_END: char = '\u{E001}';

/// The most terms one query may hold; words after it are ignored (it keeps every query cheap).
pub const MAX_TERMS: usize = 16;
/// The most characters of one term that are searched.
pub const MAX_TERM_CHARS: usize = 64;

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A word, matched as a prefix.
    Word(String),
    /// Words in this order.
    Phrase(String),
}

/// The terms of what was typed, in order.
#[must_use]
pub fn terms(typed: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let mut rest = typed;
    while out.len() < MAX_TERMS {
        rest = rest.trim_start();
        let Some(first) = rest.chars().next() else { break };
        let (term, after) = if first == '"' {
            let inner = &rest[1..];
            let end = inner.find('"').unwrap_or(inner.len());
            (Term::Phrase(clip(&inner[..end])), inner.get(end + 1..).unwrap_or(""))
        } else {
            let end = rest.find(|c: char| c.is_whitespace() || c == '"').unwrap_or(rest.len());
            (Term::Word(clip(&rest[..end])), &rest[end..])
        };
        rest = after;
        let text = match &term {
            Term::Word(t) | Term::Phrase(t) => t,
        };
        if text.chars().any(char::is_alphanumeric) {
            out.push(term);
        }
    }
    out
}

fn clip(s: &str) -> String {
    s.chars().take(MAX_TERM_CHARS).collect()
}

/// An FTS5 string literal: the text in double quotes, its own double quotes doubled.
fn literal(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The FTS5 `MATCH` expression for what was typed, or `None` when it holds nothing to search for.
#[must_use]
pub fn match_expression(typed: &str) -> Option<String> {
    let parts: Vec<String> = terms(typed)
        .iter()
        .map(|t| match t {
            Term::Word(w) => format!("{}*", literal(w)),
            Term::Phrase(p) => literal(p),
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// A stretch of a snippet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Part {
    /// The text.
    pub text: String,
    /// Whether it matched the query.
    pub matched: bool,
}

/// One result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Hit {
    /// The entry.
    pub id: EntryId,
    /// Its kind.
    pub kind: EntryKind,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// Its person code, when it has one.
    pub person_code: Option<String>,
    /// Where it matched, with the matches marked (or the entry's start, without a query).
    pub snippet: Vec<Part>,
}

/// Splits a snippet marked with [`MATCH_START`] and [`MATCH_END`] into parts. A marker typed into
/// the entry itself only moves the highlighting; nothing is lost.
#[must_use]
pub fn parts(marked: &str) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let mut matched = false;
    let mut text = String::new();
    let mut flush = |text: &mut String, matched: bool| {
        if !text.is_empty() {
            out.push(Part { text: std::mem::take(text), matched });
        }
    };
    for c in marked.chars() {
        match c {
            MATCH_START | MATCH_END => {
                flush(&mut text, matched);
                matched = c == MATCH_START;
            }
            _ => text.push(c),
        }
    }
    flush(&mut text, matched);
    out
}

/// A snippet as plain text.
#[must_use]
pub fn plain(parts: &[Part]) -> String {
    parts.iter().map(|p| p.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_become_prefixes_and_quotes_become_phrases() {
        assert_eq!(match_expression("hosp visit"), Some(r#""hosp"* "visit"*"#.into()), "each word is a prefix");
        assert_eq!(
            match_expression(r#"felt "gentle persistence" today"#),
            Some(r#""felt"* "gentle persistence" "today"*"#.into()),
            "a quoted phrase is matched whole"
        );
        assert_eq!(
            match_expression(r#""unfinished phrase"#),
            Some(r#""unfinished phrase""#.into()),
            "an open quote runs to the end"
        );
    }

    #[test]
    fn query_syntax_is_only_text() {
        for (typed, expected) in [
            ("a AND b", r#""a"* "AND"* "b"*"#),
            ("NEAR(a b)", r#""NEAR(a"* "b)"*"#),
            ("text: x", r#""text:"* "x"*"#),
            ("^start", r#""^start"*"#),
            ("don't", r#""don't"*"#),
        ] {
            assert_eq!(match_expression(typed).as_deref(), Some(expected), "{typed:?} must be searched as text");
        }
    }

    #[test]
    fn nothing_to_search_is_none() {
        for typed in ["", "   ", "\"\"", "* * *", "(", ")", "\"", "-- ;", "\u{301}"] {
            assert_eq!(
                match_expression(typed),
                None,
                "{typed:?} has no letter or digit, so there is nothing to search"
            );
        }
    }

    #[test]
    fn a_long_query_is_bounded() {
        let typed = "word ".repeat(100);
        assert_eq!(terms(&typed).len(), MAX_TERMS, "at most MAX_TERMS terms are searched");
        let long = "x".repeat(1000);
        assert_eq!(terms(&long), vec![Term::Word("x".repeat(MAX_TERM_CHARS))], "a term is clipped");
    }

    #[test]
    fn snippets_split_into_parts() {
        let marked = format!("went to {MATCH_START}hospital{MATCH_END} with…");
        let p = parts(&marked);
        assert_eq!(
            p,
            vec![
                Part { text: "went to ".into(), matched: false },
                Part { text: "hospital".into(), matched: true },
                Part { text: " with…".into(), matched: false },
            ],
            "the marked word is the matched part"
        );
        assert_eq!(plain(&p), "went to hospital with…", "the plain text keeps every character");
        assert_eq!(parts(""), vec![], "an empty snippet has no parts");
    }

    proptest::proptest! {
        #[test]
        fn any_typed_text_makes_a_balanced_expression(typed in "\\PC{0,80}") {
            if let Some(e) = match_expression(&typed) {
                // Outside doubled quotes, quotes come in pairs: every literal is closed.
                let quotes = e.replace("\"\"", "").matches('"').count();
                proptest::prop_assert_eq!(quotes % 2, 0, "every string literal is closed: {}", e);
            }
        }
    }
}
