//! The share log: a record of each supervision summary the worker exported (when, the range,
//! what kinds of things it held, the file's name), never its content.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::field::{Invalid, Problems};

/// What kinds of things a summary held (counts and yes/no only, never content).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Included {
    /// How many self-checks it listed.
    pub check_ins: u32,
    /// How many charts it drew.
    pub charts: u32,
    /// How many entries' text it held (those marked "share").
    pub shared_entries: u32,
    /// Whether person codes were included.
    pub person_codes: bool,
    /// Whether tags were included.
    pub tags: bool,
    /// Whether it held the "what I'd like from supervision" note.
    pub note: bool,
    /// Whether it carried the worker's name.
    pub name: bool,
}

/// The file formats a summary can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// A PDF.
    Pdf,
    /// Markdown text.
    Markdown,
}

impl Format {
    /// The wire name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Markdown => "markdown",
        }
    }

    /// Parses a wire name.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "pdf" => Some(Self::Pdf),
            "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }

    /// The extension its files take.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Markdown => "md",
        }
    }

    /// The format a file name's extension names (`.pdf`, `.md`), if any.
    pub fn of_file(name: &str) -> Option<Self> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(Self::Pdf),
            "md" | "markdown" => Some(Self::Markdown),
            _ => None,
        }
    }
}

/// One exported summary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Shared {
    /// When it was written.
    pub shared_at: DateTime<Utc>,
    /// The range's first day.
    pub from: NaiveDate,
    /// The range's last day.
    pub to: NaiveDate,
    /// The file's format.
    pub format: Format,
    /// The file's name (without the folder).
    pub file_name: String,
    /// What it held.
    pub included: Included,
}

/// The most the "what I'd like from supervision" note holds.
pub const MAX_NOTE_CHARS: usize = 5_000;
/// The most a name on the summary holds.
pub const MAX_NAME_CHARS: usize = 100;

/// One of the worker's texts for a summary: trimmed, empty is `None`; over `max` characters is
/// a problem said in words for this screen (not the journal's "split it into two entries").
fn words(p: &mut Problems, field: &str, value: &Option<String>, max: usize) -> Option<String> {
    if value.as_deref().is_some_and(|v| v.trim().chars().count() > max) {
        let shown = if max >= 1000 { format!("{},{:03}", max / 1000, max % 1000) } else { max.to_string() };
        p.add(field, format!("This holds up to {shown} characters; please shorten it."));
        return None;
    }
    p.text(field, value, max)
}

/// The worker's own words for a summary, checked: the note and the name, trimmed (empty becomes
/// `None`); too long, a control character, or a name on more than one line is a problem.
///
/// # Errors
/// [`Invalid`] with a problem per field (`note`, `author`).
pub fn check_words(
    note: &Option<String>,
    author: &Option<String>,
) -> Result<(Option<String>, Option<String>), Invalid> {
    let mut p = Problems::default();
    let note = words(&mut p, "note", note, MAX_NOTE_CHARS);
    let author = words(&mut p, "author", author, MAX_NAME_CHARS);
    if author.as_deref().is_some_and(|a| a.contains(['\n', '\r', '\t'])) {
        p.add("author", "A name fits on one line.");
    }
    p.finish((note, author))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_extension_names_the_format_and_nothing_else_is_guessed() {
        assert_eq!(Format::of_file("summary.pdf"), Some(Format::Pdf), "pdf");
        assert_eq!(Format::of_file("Summary.PDF"), Some(Format::Pdf), "in any case");
        assert_eq!(Format::of_file("notes.md"), Some(Format::Markdown), "md");
        assert_eq!(Format::of_file("summary.docx"), None, "an unknown extension is refused");
        assert_eq!(Format::of_file("summary"), None, "so is none");
    }

    #[test]
    fn the_note_and_name_are_trimmed_and_checked() {
        let ok = check_words(&Some("  more time on boundaries \n".into()), &Some(" Sam ".into()));
        assert_eq!(ok.ok(), Some((Some("more time on boundaries".into()), Some("Sam".into()))), "trimmed");
        let blank = check_words(&Some("   ".into()), &None);
        assert_eq!(blank.ok(), Some((None, None)), "blank is no note");
        let long = check_words(&Some("x".repeat(MAX_NOTE_CHARS + 1)), &Some("Sam\nSmith".into()));
        let fields: Vec<String> = long.err().map(|e| e.0.into_iter().map(|f| f.field).collect()).unwrap_or_default();
        assert_eq!(fields, ["note", "author"], "a note too long and a name on two lines are both named");
    }
}
