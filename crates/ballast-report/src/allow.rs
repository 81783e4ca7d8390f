//! The allow-list: the only code that reads an entry's free text, person code or tags for a
//! summary. An entry's text appears only when the worker marked it "share"; its person code and
//! tags only when the worker also ticked "include person codes" / "include tags". Every other
//! part of the summary is built from counts and choices, never from text.

use ballast_core::{Entry, EntryBody};
use chrono::NaiveDate;

use crate::input::SummaryRequest;
use crate::model::{Block, Line};

/// A day in words ("3 March 2026").
pub(crate) fn day_words(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

fn mood(m: Option<ballast_core::Score>) -> Option<Line> {
    m.map(|m| Line::new("Mood", format!("{} of 10", m.get())))
}

fn text(lines: &mut Vec<Line>, label: &str, value: Option<&String>) {
    if let Some(v) = value.map(|v| v.trim()).filter(|v| !v.is_empty()) {
        lines.push(Line::new(label, v));
    }
}

/// The block for one entry, when the worker marked it "share"; `None` for every other entry.
pub(crate) fn shared_entry(day: NaiveDate, entry: &Entry, req: &SummaryRequest) -> Option<Block> {
    let mut lines = Vec::new();
    let (heading, code, tags): (String, Option<&String>, &[String]) = match &entry.body {
        EntryBody::Reflection(r) if r.share_text => {
            lines.extend(mood(r.mood));
            if let Some(o) = r.outcome {
                lines.push(Line::new("How the person did", o.words()));
            }
            // A templated reflection, prompt by prompt, as it was written.
            for a in r.template.iter().flat_map(|t| &t.answers) {
                text(&mut lines, &a.prompt, a.text.as_ref());
            }
            if !r.strength_words.is_empty() {
                lines.push(Line::new("Strengths, in a word", r.strength_words.join(", ")));
            }
            text(&mut lines, "Strengths I noticed", r.strengths.as_ref());
            text(&mut lines, "What I put down", r.text.as_ref());
            let heading = match &r.template {
                Some(t) => format!("Reflection ({}), {}", t.template_name, day_words(day)),
                None => format!("Reflection, {}", day_words(day)),
            };
            (heading, r.person_code.as_ref(), &r.tags)
        }
        EntryBody::Setback(s) if s.share_text => {
            lines.extend(mood(s.mood));
            text(&mut lines, "What happened", s.what_happened.as_ref());
            text(&mut lines, "What I could control", s.in_my_control.as_ref());
            text(&mut lines, "What I could not control", s.outside_my_control.as_ref());
            text(&mut lines, "My reaction", s.my_reaction.as_ref());
            text(&mut lines, "Support I used or need", s.support.as_ref());
            (
                format!("Setback ({}), {}", s.setback_type.words().to_lowercase(), day_words(day)),
                s.person_code.as_ref(),
                &[],
            )
        }
        _ => return None,
    };
    if req.include_codes {
        text(&mut lines, "Person code", code);
    }
    if req.include_tags && !tags.is_empty() {
        lines.push(Line::new("Tags", tags.join(", ")));
    }
    if lines.is_empty() {
        lines.push(Line::new("Written", "nothing beyond the date"));
    }
    Some(Block::Item { heading, lines })
}
