//! One exported record at a time, turned back into what the journal keeps and checked with the
//! same rules as saving (entries, settings, check-ins); every problem names its record and field.

use ballast_core::draft::TemplateDraft;
use ballast_core::template::built_in;
use ballast_core::{
    CheckIn, CheckInBody, CheckInId, Clock, Entry, EntryBody, EntryId, FieldError, ReflectionDraft, SetbackDraft,
};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::stream::problem;
use super::{DismissedRecord, PlanRecord, SettingRecord};
use crate::settings::{UNKNOWN_SETTING, problem as setting_problem};

/// A draft of type `T` from the record's remaining fields; on failure, which fields are wrong.
fn draft<T: DeserializeOwned + Default + Serialize>(
    obj: Map<String, Value>,
    at: &dyn Fn(&str) -> String,
) -> Result<T, Vec<FieldError>> {
    if let Ok(d) = serde_json::from_value::<T>(Value::Object(obj.clone())) {
        return Ok(d);
    }
    let known = serde_json::to_value(T::default()).ok().and_then(|v| v.as_object().cloned()).unwrap_or_default();
    let mut problems = Vec::new();
    for (key, value) in obj {
        if !known.contains_key(&key) {
            problems.push(problem(at(&key), "This field is not part of this kind of entry."));
        } else if serde_json::from_value::<T>(Value::Object(Map::from_iter([(key.clone(), value)]))).is_err() {
            problems.push(problem(at(&key), "This value is not of the kind this field holds."));
        }
    }
    if problems.is_empty() {
        problems.push(problem(at(""), "This record could not be read."));
    }
    Err(problems)
}

/// One exported entry, checked with the same rules as saving.
pub(super) fn to_entry(index: usize, value: Value, clock: &dyn Clock) -> Result<Entry, Vec<FieldError>> {
    let at =
        |field: &str| if field.is_empty() { format!("entries[{index}]") } else { format!("entries[{index}].{field}") };
    let Value::Object(mut obj) = value else { return Err(vec![problem(at(""), "This record is not a JSON object.")]) };
    let mut problems = Vec::new();
    let id = obj.remove("id").and_then(|v| v.as_i64()).filter(|n| *n >= 1);
    if id.is_none() {
        problems.push(problem(at("id"), "Each entry needs an id: a whole number from 1 up."));
    }
    let mut time = |field: &str| {
        let t = obj.remove(field).and_then(|v| v.as_str().and_then(|s| DateTime::parse_from_rfc3339(s).ok()));
        if t.is_none() {
            problems.push(problem(at(field), "This needs a time like 2026-11-25T18:30:00Z."));
        }
        t.map(|t| t.with_timezone(&Utc))
    };
    let (created_at, updated_at) = (time("created_at"), time("updated_at"));
    if obj.get("occurred_at").is_none_or(Value::is_null) {
        problems.push(problem(at("occurred_at"), "This needs a time like 2026-11-25T18:30:00Z."));
    }
    let prefixed = |e: ballast_core::Invalid| e.0.into_iter().map(|f| problem(at(&f.field), &f.message)).collect();
    let body = match obj.remove("kind").as_ref().and_then(Value::as_str) {
        Some("reflection") => draft::<ReflectionDraft>(obj, &at).and_then(|d| {
            // A templated entry comes back with the prompts it was written with.
            let written = d.template.as_ref().and_then(TemplateDraft::as_written);
            let template = written.as_ref().or_else(|| d.template.as_ref().and_then(|t| built_in(&t.id)));
            d.validate_with(clock, template).map(EntryBody::Reflection).map_err(prefixed)
        }),
        Some("setback") => {
            draft::<SetbackDraft>(obj, &at).and_then(|d| d.validate(clock).map(EntryBody::Setback).map_err(prefixed))
        }
        _ => Err(vec![problem(at("kind"), "Use reflection or setback.")]),
    };
    match (id, created_at, updated_at, body) {
        (Some(id), Some(created_at), Some(updated_at), Ok(body)) if problems.is_empty() => {
            Ok(Entry { id: EntryId(id), created_at, updated_at, body })
        }
        (.., body) => {
            problems.extend(body.err().unwrap_or_default());
            Err(problems)
        }
    }
}

/// One exported setting, checked with the same rules as saving.
pub(super) fn to_setting(index: usize, value: Value) -> Result<SettingRecord, FieldError> {
    let at = format!("settings[{index}]");
    let record: SettingRecord = serde_json::from_value(value)
        .map_err(|_| problem(&at, "A setting is an object with a \"key\" and a \"value\", both text."))?;
    // The field names the part of the record at fault; the key itself is never echoed (an
    // unknown one may be anything the file held).
    match setting_problem(&record.key, &record.value) {
        Some(why) => {
            let part = if why == UNKNOWN_SETTING { "key" } else { "value" };
            Err(problem(format!("{at}.{part}"), &why))
        }
        None => Ok(record),
    }
}

/// One exported check-in: known instrument and version, each answer one of its item's options,
/// and the scores equal to a recomputation from the answers.
pub(super) fn to_check_in(index: usize, value: Value) -> Result<CheckIn, Vec<FieldError>> {
    let at = |field: &str| {
        if field.is_empty() { format!("check_ins[{index}]") } else { format!("check_ins[{index}].{field}") }
    };
    let Value::Object(mut obj) = value else { return Err(vec![problem(at(""), "This record is not a JSON object.")]) };
    let id = obj.remove("id").and_then(|v| v.as_i64()).filter(|n| *n >= 1);
    let record: Result<CheckInBody, _> = serde_json::from_value(Value::Object(obj));
    let mut problems = Vec::new();
    if id.is_none() {
        problems.push(problem(at("id"), "Each check-in needs an id: a whole number from 1 up."));
    }
    match record {
        Err(_) => problems.push(problem(
            at(""),
            "A check-in needs instrument, version, taken_at (a time), answers (numbers or null) and scores, and nothing else.",
        )),
        Ok(body) => {
            problems.extend(body.problems().into_iter().map(|p| problem(at(&p.field), &p.message)));
            if let (Some(id), true) = (id, problems.is_empty()) {
                return Ok(CheckIn { id: CheckInId(id), body });
            }
        }
    }
    Err(problems)
}

/// One exported dismissed nudge: an id of 1 to 200 characters and a time.
pub(super) fn to_dismissed(index: usize, value: Value) -> Result<DismissedRecord, FieldError> {
    let at = format!("dismissed_nudges[{index}]");
    let record: DismissedRecord = serde_json::from_value(value).map_err(|_| {
        problem(&at, "A dismissed nudge is an object with an \"id\" (text) and a \"dismissed_at\" time.")
    })?;
    if record.id.is_empty() || record.id.chars().count() > 200 || record.id.chars().any(char::is_control) {
        return Err(problem(format!("{at}.id"), "A nudge id is 1 to 200 characters, without control characters."));
    }
    Ok(record)
}

/// One exported version of the self-care plan, checked with the same rules as saving.
pub(super) fn to_plan(index: usize, value: Value) -> Result<PlanRecord, Vec<FieldError>> {
    let at = format!("self_care_plans[{index}]");
    let record: PlanRecord = serde_json::from_value(value).map_err(|_| {
        vec![problem(
            &at,
            "A plan version has \"version\", \"saved_at\" (a time) and \"plan\" (its parts as text), and nothing else.",
        )]
    })?;
    let problems: Vec<FieldError> =
        record.plan.problems().into_iter().map(|p| problem(format!("{at}.plan.{}", p.field), &p.message)).collect();
    if problems.is_empty() { Ok(record) } else { Err(problems) }
}

/// One exported support resource, checked with the same rules as saving.
pub(super) fn to_resource(index: usize, value: Value) -> Result<ballast_core::care::Resource, Vec<FieldError>> {
    let at = format!("support_resources[{index}]");
    let r: ballast_core::care::Resource = serde_json::from_value(value).map_err(|_| {
        vec![problem(&at, "A resource has \"name\", \"contact\" and \"note\" (text), and nothing else.")]
    })?;
    let problems: Vec<FieldError> = ballast_core::care::resource_problems(std::slice::from_ref(&r))
        .into_iter()
        .map(|p| problem(p.field.replacen("resources[0]", &at, 1), &p.message))
        .collect();
    if problems.is_empty() { Ok(r) } else { Err(problems) }
}

/// One exported share-log record: a range that runs forwards and a file name of 1 to 1,000
/// characters without control characters.
pub(super) fn to_shared(index: usize, value: Value) -> Result<ballast_core::share::Shared, FieldError> {
    let at = format!("share_log[{index}]");
    let r: ballast_core::share::Shared = serde_json::from_value(value).map_err(|_| {
        problem(
            &at,
            "A share-log record has shared_at (a time), from and to (days), format (pdf or markdown), file_name and included, and nothing else.",
        )
    })?;
    if r.from > r.to {
        return Err(problem(format!("{at}.from"), "The first day is after the last."));
    }
    if r.file_name.is_empty() || r.file_name.chars().count() > 1000 || r.file_name.chars().any(char::is_control) {
        return Err(problem(
            format!("{at}.file_name"),
            "A file name is 1 to 1,000 characters, without control characters.",
        ));
    }
    Ok(r)
}

/// One exported template of the worker's own, checked as saving one is.
pub(super) fn to_template(index: usize, value: Value) -> Result<ballast_core::template::Template, Vec<FieldError>> {
    let at = format!("templates[{index}]");
    let t: ballast_core::template::Template = serde_json::from_value(value).map_err(|_| {
        vec![problem(&at, "A template has id, name, about and prompts (each with id and text), and nothing else.")]
    })?;
    if !t.id.starts_with("own_") || t.built_in {
        return Err(vec![problem(
            format!("{at}.id"),
            "Only a template of your own is exported; its id starts with own_.",
        )]);
    }
    t.checked().map_err(|e| e.0.into_iter().map(|f| problem(format!("{at}.{}", f.field), &f.message)).collect())
}

/// One exported place of a template in the worker's list.
pub(super) fn to_choice(index: usize, value: Value) -> Result<super::ChoiceRecord, FieldError> {
    let at = format!("template_choices[{index}]");
    let c: super::ChoiceRecord = serde_json::from_value(value).map_err(|_| {
        problem(&at, "A template's place has id (text), position (a number) and hidden (true or false).")
    })?;
    if c.id.trim().is_empty() || c.id.chars().count() > 64 {
        return Err(problem(format!("{at}.id"), "A template's id is 1 to 64 characters."));
    }
    Ok(c)
}
