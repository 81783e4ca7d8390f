//! The counts a summary holds, from the choices in the entries (never their text): reflections,
//! how the people supported did, setbacks by type, self-disclosures and how they landed,
//! connections to services (by kind, and whether they held), how many reflections noted
//! strengths, and the push–patience balance.

use ballast_core::insights::balance::Balance;
use ballast_core::{Entry, EntryBody, Landed, LinkHeld, Outcome, ServiceKind, SetbackType};
use chrono::NaiveDate;

use crate::model::{Block, Line};

fn times(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A group of counts under a sentence, leaving out what is zero.
fn group(blocks: &mut Vec<Block>, lead: &str, counts: Vec<(&str, usize)>) {
    let lines: Vec<Line> =
        counts.into_iter().filter(|(_, n)| *n > 0).map(|(l, n)| Line::new(l, n.to_string())).collect();
    if !lines.is_empty() {
        blocks.push(Block::Paragraph { text: lead.to_owned() });
        blocks.push(Block::Lines { lines });
    }
}

/// The section's blocks over `entries`.
pub(crate) fn blocks(entries: &[(NaiveDate, Entry)]) -> Vec<Block> {
    let reflections: Vec<_> = entries
        .iter()
        .filter_map(|(_, e)| match &e.body {
            EntryBody::Reflection(r) => Some(r),
            EntryBody::Setback(_) => None,
        })
        .collect();
    let setbacks: Vec<SetbackType> = entries
        .iter()
        .filter_map(|(_, e)| match &e.body {
            EntryBody::Setback(s) => Some(s.setback_type),
            EntryBody::Reflection(_) => None,
        })
        .collect();
    if entries.is_empty() {
        return vec![Block::Paragraph { text: "No reflections or setbacks were written in this range.".into() }];
    }
    let disclosures: Vec<Option<Landed>> = reflections.iter().filter_map(|r| r.disclosure.map(|d| d.landed)).collect();
    let connected = reflections.iter().filter(|r| r.connected_to_service == Some(true)).count();
    let mut blocks = vec![Block::Lines {
        lines: vec![
            Line::new("Reflections", reflections.len().to_string()),
            Line::new("Setbacks logged", setbacks.len().to_string()),
            Line::new("Times I shared my own story", disclosures.len().to_string()),
            Line::new("Connected someone to a service", times(connected, "reflection", "reflections")),
        ],
    }];
    group(
        &mut blocks,
        "How the people I support did, in the reflections that say:",
        Outcome::ALL
            .iter()
            .map(|o| (o.words(), reflections.iter().filter(|r| r.outcome == Some(*o)).count()))
            .collect(),
    );
    group(
        &mut blocks,
        "Setbacks by type:",
        SetbackType::ALL.iter().map(|t| (t.words(), setbacks.iter().filter(|s| *s == t).count())).collect(),
    );
    let linked: Vec<_> = reflections.iter().filter(|r| r.connected_to_service == Some(true)).collect();
    group(
        &mut blocks,
        "The services I connected people to, by kind:",
        ServiceKind::ALL
            .iter()
            .map(|k| (k.words(), linked.iter().filter(|r| r.service_kind == Some(*k)).count()))
            .collect(),
    );
    group(
        &mut blocks,
        "Whether those links held:",
        LinkHeld::ALL
            .iter()
            .map(|h| (h.words(), linked.iter().filter(|r| r.service_held == Some(*h)).count()))
            .collect(),
    );
    // The strength words are typed, so only how many reflections noted strengths is counted; the
    // words themselves appear only in the entries the worker shares (see `allow`).
    let strengths = reflections.iter().filter(|r| r.strengths.is_some() || !r.strength_words.is_empty()).count();
    group(&mut blocks, "Strengths:", vec![("Reflections noting strengths I saw", strengths)]);
    let mut landed: Vec<(&str, usize)> =
        Landed::ALL.iter().map(|l| (l.words(), disclosures.iter().filter(|d| **d == Some(*l)).count())).collect();
    landed.push(("Not said", disclosures.iter().filter(|d| d.is_none()).count()));
    group(&mut blocks, "How sharing my own story landed:", landed);
    let mut balance = Balance::default();
    reflections.iter().filter_map(|r| r.push_patience).for_each(|p| balance.add(p.get()));
    group(
        &mut blocks,
        "Push–patience balance:",
        vec![
            ("Held back", balance.held_back as usize),
            ("Gentle persistence", balance.gentle_persistence as usize),
            ("Pushed", balance.pushed as usize),
        ],
    );
    blocks
}
