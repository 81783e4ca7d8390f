//! Finding one's way back: `ballast search` (lines with matches in [brackets], or JSON), the
//! person codes and tags with their counts, renaming either, and the templates.

use ballast_api::Session;
use ballast_api::search::SearchRequest;
use ballast_core::EntryKind;
use ballast_core::search::{Hit, plain};
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::args::SearchArgs;
use crate::exit::Failure;
use crate::render;

/// One result as JSON.
#[derive(Serialize)]
struct Found<'a> {
    id: i64,
    kind: EntryKind,
    occurred_at: DateTime<Utc>,
    person_code: Option<&'a str>,
    /// Where it matched, as plain text.
    snippet: String,
    /// The words in the snippet that matched, in order.
    matches: Vec<&'a str>,
}

fn found(h: &Hit) -> Found<'_> {
    Found {
        id: h.id.0,
        kind: h.kind,
        occurred_at: h.occurred_at,
        person_code: h.person_code.as_deref(),
        snippet: plain(&h.snippet),
        matches: h.snippet.iter().filter(|p| p.matched).map(|p| p.text.as_str()).collect(),
    }
}

/// `ballast search QUERY`.
pub fn search(session: &Session, a: &SearchArgs) -> Result<(), Failure> {
    let req = SearchRequest {
        text: a.query.clone(),
        from: a.from,
        to: a.to,
        kind: a.kind.as_deref().map(|k| if k == "setback" { EntryKind::Setback } else { EntryKind::Reflection }),
        tag: a.tag.clone(),
        person_code: a.code.clone(),
        outcome: a.outcome.clone(),
        setback_type: a.setback_type.clone(),
        template: a.template.clone(),
        offset: 0,
        limit: a.limit,
    };
    let hits = ballast_api::search::search(session, &req)?;
    if a.json {
        return render::json(&hits.iter().map(found).collect::<Vec<_>>());
    }
    if hits.is_empty() {
        println!("Nothing found.");
    }
    for h in &hits {
        let kind = match h.kind {
            EntryKind::Reflection => "reflection",
            EntryKind::Setback => "setback",
        };
        let snippet: String = h
            .snippet
            .iter()
            .map(|p| if p.matched { format!("[{}]", p.text) } else { p.text.clone() })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let code = h.person_code.as_deref().map(|c| format!("  {c}")).unwrap_or_default();
        println!("{:>6}  {}  {kind:<10}{code}  {snippet}", h.id.0, render::local(h.occurred_at));
    }
    Ok(())
}

/// `ballast codes`.
pub fn codes(session: &Session, json: bool) -> Result<(), Failure> {
    let codes = ballast_api::people::person_codes(session)?;
    if json {
        return render::json(&codes);
    }
    if codes.is_empty() {
        println!("No person codes yet.");
    }
    for c in &codes {
        let o = &c.outcomes;
        println!(
            "{:<12} {:>4} entries ({} setbacks)  {} to {}  progress {}, no change {}, setback {}, not applicable {}",
            c.code,
            c.entries,
            c.setbacks,
            render::local_day(c.first_at),
            render::local_day(c.last_at),
            o.progress,
            o.no_change,
            o.setback,
            o.not_applicable
        );
    }
    Ok(())
}

/// `ballast templates`.
pub fn templates(session: &Session, json: bool) -> Result<(), Failure> {
    let all = ballast_api::templates::templates(session)?;
    if json {
        return render::json(&all);
    }
    for v in &all {
        let t = &v.template;
        let hidden = if v.hidden { " (hidden)" } else { "" };
        println!("{}  {}{hidden}", t.id, t.name);
        for p in &t.prompts {
            println!("    {}: {}", p.id, p.text);
        }
    }
    Ok(())
}

/// `ballast tags`.
pub fn tags(session: &Session, json: bool) -> Result<(), Failure> {
    let tags = ballast_api::tags::tags(session)?;
    if json {
        return render::json(&tags);
    }
    if tags.is_empty() {
        println!("No tags yet.");
    }
    for t in &tags {
        println!("{:<24} {:>4}", t.tag, t.entries);
    }
    Ok(())
}

fn renamed(what: &str, old: &str, r: &ballast_api::people::RenameReport) {
    render::warnings(&r.warnings);
    let entries = if r.entries == 1 { "1 entry".to_owned() } else { format!("{} entries", r.entries) };
    let merged = if r.merged { format!(", joining the {what} {} already in use", r.name) } else { String::new() };
    println!("Renamed {what} {old} to {} on {entries}{merged}.", r.name);
}

/// `ballast rename-code OLD NEW`.
pub fn rename_code(session: &Session, old: &str, new: &str) -> Result<(), Failure> {
    renamed("code", old, &ballast_api::people::rename_person_code(session, old, new)?);
    Ok(())
}

/// `ballast rename-tag OLD NEW`.
pub fn rename_tag(session: &Session, old: &str, new: &str) -> Result<(), Failure> {
    renamed("tag", old, &ballast_api::tags::rename_tag(session, old, new)?);
    Ok(())
}
