//! The export's tables for people: `entries.csv` and `settings.csv` (one row per record, a column
//! per field) and `entries.md` (the entries to read, oldest first). The JSON is the lossless copy;
//! these are for spreadsheets and reading.

use std::io::Write;

use ballast_store::Journal;
use serde_json::Value;

use super::export::{each_check_in, each_entry};
use crate::error::ApiError;

/// The entries table's file name.
pub const ENTRIES_CSV: &str = "entries.csv";
/// The settings table's file name.
pub const SETTINGS_CSV: &str = "settings.csv";
/// The check-ins' scores table's file name (one row per subscale of each check-in).
pub const CHECK_INS_CSV: &str = "check_ins.csv";
/// The check-ins' answers table's file name (one row per item of each check-in).
pub const CHECK_IN_ANSWERS_CSV: &str = "check_in_answers.csv";
/// The entries as Markdown.
pub const ENTRIES_MD: &str = "entries.md";

/// The entries table's columns, in order, each a field of the exported entry.
pub const ENTRY_COLUMNS: [&str; 28] = [
    "id",
    "kind",
    "occurred_at",
    "created_at",
    "updated_at",
    "person_code",
    "mood",
    "share_text",
    "self_worth",
    "worth_tied_to_outcomes",
    "outcome",
    "push_patience",
    "disclosure_used",
    "disclosure_landed",
    "connected_to_service",
    "strengths",
    "tags",
    "text",
    "setback_type",
    "what_happened",
    "in_my_control",
    "outside_my_control",
    "my_reaction",
    "support",
    "service_kind",
    "service_held",
    "strength_words",
    "template",
];

fn csv_err(e: &csv::Error) -> ApiError {
    tracing::error!(error = %e, "could not write a CSV file");
    ApiError::ExportFailed("a table could not be written".into())
}

/// A field of an exported entry as text, and whether it is free text (not a number or flag).
fn raw(entry: &Value, column: &str) -> (String, bool) {
    let field = match column {
        "disclosure_used" => {
            return (entry.get("disclosure").map_or(String::new(), |d| (!d.is_null()).to_string()), false);
        }
        "disclosure_landed" => entry.pointer("/disclosure/landed").cloned().unwrap_or(Value::Null),
        // The template's name here; its answers are in the JSON and in entries.md.
        "template" => entry.pointer("/template/name").cloned().unwrap_or(Value::Null),
        other => entry.get(other).cloned().unwrap_or(Value::Null),
    };
    match field {
        Value::Null | Value::Object(_) => (String::new(), false),
        Value::Bool(b) => (b.to_string(), false),
        Value::Number(n) => (n.to_string(), false),
        Value::String(s) => (s, true),
        Value::Array(items) => (items.iter().filter_map(Value::as_str).collect::<Vec<_>>().join("; "), true),
    }
}

/// A field as a CSV cell. Text a spreadsheet would run as a formula (starting with `=`, `+`, `-`
/// or `@`) gets a leading `'`; numbers are left alone.
fn cell(entry: &Value, column: &str) -> String {
    match raw(entry, column) {
        (s, true) if s.starts_with(['=', '+', '-', '@']) => format!("'{s}"),
        (s, _) => s,
    }
}

/// `entries.csv`.
pub(crate) fn entries_csv(j: &Journal, out: &mut dyn Write) -> Result<(), ApiError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(ENTRY_COLUMNS).map_err(|e| csv_err(&e))?;
    each_entry(j, |e| {
        let v = serde_json::to_value(e).map_err(|_| ApiError::Internal)?;
        w.write_record(ENTRY_COLUMNS.iter().map(|c| cell(&v, c))).map_err(|e| csv_err(&e))
    })?;
    w.flush().map_err(|e| csv_err(&e.into()))
}

/// `settings.csv`.
pub(crate) fn settings_csv(j: &Journal, out: &mut dyn Write) -> Result<(), ApiError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["key", "value"]).map_err(|e| csv_err(&e))?;
    for (k, v) in j.all_settings()? {
        w.write_record([k, v]).map_err(|e| csv_err(&e))?;
    }
    w.flush().map_err(|e| csv_err(&e.into()))
}

/// `check_ins.csv`: one row per subscale score of each check-in, and `check_in_answers.csv`: one
/// row per item's raw answer (empty when skipped).
pub(crate) fn check_ins_csv(j: &Journal, scores: bool, out: &mut dyn Write) -> Result<(), ApiError> {
    let mut w = csv::Writer::from_writer(out);
    let head: &[&str] = if scores {
        &["check_in", "instrument", "version", "taken_at", "subscale", "score", "band", "complete"]
    } else {
        &["check_in", "instrument", "item", "value"]
    };
    w.write_record(head).map_err(|e| csv_err(&e))?;
    let text = |o: Option<String>| o.unwrap_or_default();
    each_check_in(j, |c| {
        let (id, b) = (c.id.to_string(), &c.body);
        if scores {
            let at = b.taken_at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
            for s in &b.scores {
                let row = [
                    &id,
                    &b.instrument,
                    &b.version,
                    &at,
                    &s.id,
                    &text(s.score.map(|v| v.to_string())),
                    &text(s.band.clone()),
                    &s.complete.to_string(),
                ];
                w.write_record(row).map_err(|e| csv_err(&e))?;
            }
        } else {
            for (item, value) in (1..).zip(&b.answers) {
                let row = [&id, &b.instrument, &item.to_string(), &text(value.map(|v| v.to_string()))];
                w.write_record(row).map_err(|e| csv_err(&e))?;
            }
        }
        Ok(())
    })?;
    w.flush().map_err(|e| csv_err(&e.into()))
}

/// Labels for the fields shown as a list in Markdown, in order.
const LABELS: [(&str, &str); 20] = [
    ("setback_type", "Kind of setback"),
    ("person_code", "Person"),
    ("mood", "Mood (0–10)"),
    ("self_worth", "Self-worth (0–10)"),
    ("worth_tied_to_outcomes", "How much it depended on how they were doing (0–10)"),
    ("outcome", "How things went for them"),
    ("push_patience", "Push–patience (−2 held back … 2 pushed)"),
    ("disclosure_landed", "Self-disclosure, and how it landed"),
    ("connected_to_service", "Connected someone to a service"),
    ("service_kind", "Kind of service"),
    ("service_held", "Whether the link held"),
    ("tags", "Tags"),
    ("share_text", "Share the text in supervision summaries"),
    ("strengths", "Strengths noticed"),
    ("strength_words", "Strengths, in a word"),
    ("template", "Written with"),
    ("what_happened", "What happened"),
    ("in_my_control", "What was in my control"),
    ("outside_my_control", "What was outside my control"),
    ("my_reaction", "My reaction"),
];

/// `entries.md`: every entry, oldest first, its fields as a list and its texts quoted.
pub(crate) fn entries_markdown(j: &Journal, exported_at: &str, out: &mut dyn Write) -> Result<(), ApiError> {
    let io = |e: std::io::Error| ApiError::ExportFailed(e.kind().to_string());
    writeln!(out, "# Ballast journal\n\nExported {exported_at}. Entries in the order they were written.\n")
        .map_err(io)?;
    each_entry(j, |e| {
        let v = serde_json::to_value(e).map_err(|_| ApiError::Internal)?;
        let kind = if v["kind"] == "setback" { "Setback" } else { "Reflection" };
        let when = v["occurred_at"].as_str().unwrap_or_default();
        let when = chrono::DateTime::parse_from_rfc3339(when)
            .map_or_else(|_| when.to_owned(), |t| t.format("%Y-%m-%d %H:%M (UTC%:z)").to_string());
        writeln!(out, "## {kind}, {when}\n").map_err(io)?;
        for (field, label) in LABELS {
            let value = match field {
                "disclosure_landed" if v["disclosure"].is_object() => {
                    let landed = raw(&v, field).0.replace('_', " ");
                    if landed.is_empty() { "used".to_owned() } else { format!("used; {landed}") }
                }
                "share_text" if v[field] != Value::Bool(true) => String::new(),
                "setback_type" | "outcome" | "service_kind" | "service_held" => raw(&v, field).0.replace('_', " "),
                _ => raw(&v, field).0,
            };
            if !value.is_empty() && value != "false" {
                let value = if value == "true" { "yes".to_owned() } else { value };
                writeln!(out, "- {label}: {}", value.replace('\n', " ")).map_err(io)?;
            }
        }
        for a in v.pointer("/template/answers").and_then(Value::as_array).into_iter().flatten() {
            if let (Some(prompt), Some(answer)) = (a["prompt"].as_str(), a["text"].as_str()) {
                writeln!(out, "\n{}\n", prompt.replace('\n', " ")).map_err(io)?;
                for line in answer.lines() {
                    writeln!(out, "> {line}").map_err(io)?;
                }
            }
        }
        for field in ["text", "support"] {
            if let Some(text) = v[field].as_str().filter(|t| !t.is_empty()) {
                let label = if field == "text" { "Notes" } else { "Support I had or want" };
                writeln!(out, "\n{label}:\n").map_err(io)?;
                for line in text.lines() {
                    writeln!(out, "> {line}").map_err(io)?;
                }
            }
        }
        writeln!(out).map_err(io)
    })?;
    Ok(())
}
