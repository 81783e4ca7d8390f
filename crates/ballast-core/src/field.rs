//! Field-level problems with a draft: which field, and a calm sentence saying what to change; and
//! the checks of a person code or a tag typed on its own (renaming one).

use serde::{Deserialize, Serialize};

/// One problem with one field of a draft, or one warning about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct FieldError {
    /// The draft's field name, as in the JSON and the form (`mood`, `disclosure.landed`, ...).
    pub field: String,
    /// A calm sentence for the worker, shown next to the field. Never contains what was typed.
    pub message: String,
}

impl FieldError {
    /// A problem with `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self { field: field.into(), message: message.into() }
    }
}

/// A draft that cannot be saved yet, with every problem found (not just the first).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the draft has {} problem(s)", .0.len())]
pub struct Invalid(pub Vec<FieldError>);

/// The longest text a single field may hold, in characters.
pub const MAX_TEXT_CHARS: usize = 50_000;
/// The longest person code, in characters.
pub const MAX_CODE_CHARS: usize = 32;
/// The most tags one entry may carry, and the longest tag.
pub const MAX_TAGS: usize = 50;
/// The longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 64;

/// A count with thousands separated for reading: 50000 → "50,000".
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Collects problems while a draft is checked.
#[derive(Debug, Default)]
pub(crate) struct Problems(pub Vec<FieldError>);

impl Problems {
    pub fn add(&mut self, field: &str, message: impl Into<String>) {
        self.0.push(FieldError::new(field, message));
    }

    /// A free-text field: trimmed, empty becomes `None`; too long or with control characters is
    /// a problem.
    pub fn text(&mut self, field: &str, value: &Option<String>, max: usize) -> Option<String> {
        let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
        let chars = value.chars().count();
        if chars > max {
            self.add(
                field,
                format!(
                    "This is {} characters; the most this field holds is {}. You could split it into two entries.",
                    grouped(chars),
                    grouped(max)
                ),
            );
            return None;
        }
        if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
            self.add(field, "This has an invisible control character (often from a paste). Please retype that part.");
            return None;
        }
        Some(value.to_owned())
    }

    /// A single-line field (a person code, a tag, a name): as [`Problems::text`], and a line
    /// break or tab is refused with its own words.
    pub fn line(&mut self, field: &str, value: &Option<String>, max: usize) -> Option<String> {
        let trimmed = value.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
        if trimmed.chars().any(|c| matches!(c, '\n' | '\r' | '\t' | '\u{2028}' | '\u{2029}')) {
            self.add(field, "This is a single line: please take out the line break (or tab).");
            return None;
        }
        self.text(field, value, max)
    }

    /// A 0–10 rating.
    pub fn score(&mut self, field: &str, value: Option<i32>) -> Option<crate::Score> {
        let v = value?;
        match u8::try_from(v).ok().and_then(crate::Score::new) {
            Some(s) => Some(s),
            None => {
                self.add(field, "Choose a number from 0 to 10, or leave it blank.");
                None
            }
        }
    }

    /// Finishes: the value when there were no problems.
    pub fn finish<T>(self, value: T) -> Result<T, Invalid> {
        if self.0.is_empty() { Ok(value) } else { Err(Invalid(self.0)) }
    }
}

/// A person code typed on its own (the new name when renaming one): one line, not too long, and
/// not blank. Returns it trimmed.
///
/// # Errors
/// Every problem, under the field `person_code`.
pub fn person_code_alone(value: &str) -> Result<String, Invalid> {
    alone("person_code", value, MAX_CODE_CHARS, "Type the code to use instead.")
}

/// A tag typed on its own (the new name when renaming one), as [`person_code_alone`].
///
/// # Errors
/// Every problem, under the field `tags`.
pub fn tag_alone(value: &str) -> Result<String, Invalid> {
    alone("tags", value, MAX_TAG_CHARS, "Type the tag to use instead.")
}

fn alone(field: &str, value: &str, max: usize, blank: &str) -> Result<String, Invalid> {
    let mut p = Problems::default();
    let line = p.line(field, &Some(value.to_owned()), max);
    if line.is_none() && value.trim().is_empty() {
        p.add(field, blank);
    }
    let line = line.unwrap_or_default();
    p.finish(line)
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_are_grouped_for_reading() {
        assert_eq!(super::grouped(50_001), "50,001", "thousands are separated");
        assert_eq!(super::grouped(999), "999", "small numbers are left alone");
        assert_eq!(super::grouped(1_000_000), "1,000,000", "every group of three");
    }
}
