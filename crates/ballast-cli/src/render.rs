//! What the CLI prints: the list, one entry, JSON, warnings and the recovery-key notice.

use ballast_api::dto::{EntryFields, EntryView};
use ballast_core::Clock;
use ballast_core::{EntryKind, EntrySummary, FieldError};
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::exit::Failure;

/// An instant in the worker's own time, to the minute.
pub fn local(t: DateTime<Utc>) -> String {
    t.with_timezone(&ballast_core::SystemClock.zone()).format("%Y-%m-%d %H:%M").to_string()
}

/// A day in the worker's own time.
pub fn local_day(t: DateTime<Utc>) -> String {
    t.with_timezone(&ballast_core::SystemClock.zone()).format("%Y-%m-%d").to_string()
}

/// The notice printed once after set-up.
pub fn recovery_notice(key: &str, data_dir: &str) -> String {
    format!(
        "Your journal is set up in {data_dir}.\n\nRecovery key (print it or write it down; it is the only other way in if you forget your passphrase):\n\n    {key}\n"
    )
}

/// Pretty JSON on standard output.
pub fn json<T: Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Failure::other(format!("could not write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

/// Non-blocking warnings, on standard error.
pub fn warnings(warnings: &[FieldError]) {
    for w in warnings {
        eprintln!("Note ({}): {}", w.field, w.message);
    }
}

/// The list as a table.
pub fn list(entries: &[EntrySummary]) {
    if entries.is_empty() {
        println!("No entries yet.");
        return;
    }
    for e in entries {
        let kind = match e.kind {
            EntryKind::Reflection => "reflection",
            EntryKind::Setback => "setback",
        };
        let mood = e.mood.map_or_else(|| "-".to_owned(), |m| m.to_string());
        let preview: String = e.preview.lines().next().unwrap_or_default().chars().take(60).collect();
        println!(
            "{:>6}  {}  {:<10}  mood {:>2}  {:<8}  {}",
            e.id,
            local(e.occurred_at),
            kind,
            mood,
            e.person_code.as_deref().unwrap_or(""),
            preview
        );
    }
}

fn line(label: &str, value: Option<String>) {
    if let Some(v) = value {
        println!("{label}: {v}");
    }
}

/// One entry, field by field.
pub fn entry(e: &EntryView) {
    let n = |v: Option<i32>| v.map(|v| v.to_string());
    match &e.fields {
        EntryFields::Reflection(r) => {
            println!("Reflection {} — {}", e.id, r.occurred_at.as_deref().unwrap_or(""));
            line("Mood", n(r.mood));
            line("Self-worth", n(r.self_worth));
            line("Self-worth tied to outcomes (Ballast's own item)", n(r.worth_tied_to_outcomes));
            line("How the person did", r.outcome.clone());
            line("Push–patience", n(r.push_patience));
            line("Self-disclosure", r.disclosure.as_ref().map(|d| d.landed.clone().unwrap_or_else(|| "used".into())));
            line("Connected to a service", r.connected_to_service.map(|b| if b { "yes" } else { "no" }.to_owned()));
            line("Strengths", r.strengths.clone());
            line("Person", r.person_code.clone());
            line("Tags", (!r.tags.is_empty()).then(|| r.tags.join(", ")));
            line("Shared in summaries", Some(if r.share_text { "yes" } else { "no" }.to_owned()));
            line("Text", r.text.clone());
        }
        EntryFields::Setback(s) => {
            println!("Setback {} — {}", e.id, s.occurred_at.as_deref().unwrap_or(""));
            line("Type", s.setback_type.clone());
            line("Person", s.person_code.clone());
            line("Mood", n(s.mood));
            line("What happened", s.what_happened.clone());
            line("In my control", s.in_my_control.clone());
            line("Outside my control", s.outside_my_control.clone());
            line("My reaction", s.my_reaction.clone());
            line("Support", s.support.clone());
            line("Shared in summaries", Some(if s.share_text { "yes" } else { "no" }.to_owned()));
        }
    }
}
