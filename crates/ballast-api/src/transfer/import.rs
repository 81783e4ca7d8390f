//! Importing an export. The file is read twice, streaming, one record at a time: first every
//! record is checked (with the same rules as saving) and every problem is listed with its record
//! and field; only when there are none is the journal backed up and every record written, in one
//! transaction. Entries already kept exactly so are skipped, not doubled.

use std::collections::HashSet;
use std::fmt;
use std::io::{BufReader, Read};
use std::path::Path;

use ballast_core::{Clock, Entry, EntryBody, EntryId, FieldError, ReflectionDraft, SetbackDraft};
use ballast_store::{Import, Progress, Reason};
use chrono::{DateTime, Utc};
use serde::Serialize;
use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{FORMAT, SettingRecord, VERSION};
use crate::dto::{BackupView, ImportReport};
use crate::error::ApiError;
use crate::session::{Session, setting_problem};

/// At most this many problems are listed; the rest are counted in a last line.
const MAX_LISTED: usize = 100;

/// Where the parser hands each part of the document.
trait Sink {
    fn header(&mut self, key: &str, value: Value);
    fn entry(&mut self, index: usize, value: Value);
    fn setting(&mut self, index: usize, value: Value);
}

/// The top-level object, visited key by key.
struct Doc<'a>(&'a mut dyn Sink);

/// An array of records, visited one element at a time (never held whole).
struct Records<'a>(&'a mut dyn Sink, bool);

impl<'de> DeserializeSeed<'de> for Doc<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Doc<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Ballast export")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let sink = self.0;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "entries" => map.next_value_seed(Records(&mut *sink, true))?,
                "settings" => map.next_value_seed(Records(&mut *sink, false))?,
                _ => sink.header(&key, map.next_value()?),
            }
        }
        Ok(())
    }
}

impl<'de> DeserializeSeed<'de> for Records<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Records<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of records")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut index = 0;
        while let Some(v) = seq.next_element::<Value>()? {
            if self.1 {
                self.0.entry(index, v)
            } else {
                self.0.setting(index, v)
            }
            index += 1;
        }
        Ok(())
    }
}

/// Counts bytes read, for progress.
struct Counting<'p, R> {
    inner: R,
    read: u64,
    base: u64,
    total: u64,
    progress: &'p mut dyn FnMut(Progress),
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let before = self.read >> 20;
        self.read += n as u64;
        if self.read >> 20 != before || n == 0 {
            (self.progress)(Progress { done: self.base + self.read, total: self.total });
        }
        Ok(n)
    }
}

fn problem(field: impl Into<String>, message: &str) -> FieldError {
    FieldError::new(field, message)
}

/// Reads the file at `path` into `sink`, reporting progress from `base` of twice its size (the
/// import reads it twice).
fn parse(path: &Path, sink: &mut dyn Sink, base: u64, progress: &mut dyn FnMut(Progress)) -> Result<(), FieldError> {
    let file = std::fs::File::open(path).map_err(|_| problem("file", "The file could not be opened."))?;
    let total = 2 * file.metadata().map_or(0, |m| m.len());
    parse_reader(Counting { inner: BufReader::with_capacity(1 << 16, file), read: 0, base, total, progress }, sink)
}

/// Reads a whole document into `sink`. A file that is not JSON, or not shaped like an export, is
/// one problem, described without echoing its contents.
fn parse_reader(reader: impl Read, sink: &mut dyn Sink) -> Result<(), FieldError> {
    let mut de = serde_json::Deserializer::from_reader(reader);
    Doc(sink).deserialize(&mut de).and_then(|()| de.end()).map_err(|e| {
        let at = format!("line {}, column {}", e.line(), e.column());
        problem(
            "file",
            &match e.classify() {
                serde_json::error::Category::Io => "The file could not be read.".to_owned(),
                serde_json::error::Category::Eof => format!("The file ends too early ({at}); it may be cut short."),
                serde_json::error::Category::Syntax => format!("The file is not valid JSON ({at})."),
                serde_json::error::Category::Data => format!("The file is not laid out as a Ballast export ({at})."),
            },
        )
    })
}

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
fn to_entry(index: usize, value: Value, clock: &dyn Clock) -> Result<Entry, Vec<FieldError>> {
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
        Some("reflection") => draft::<ReflectionDraft>(obj, &at)
            .and_then(|d| d.validate(clock).map(EntryBody::Reflection).map_err(prefixed)),
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
fn to_setting(index: usize, value: Value) -> Result<SettingRecord, FieldError> {
    let at = format!("settings[{index}]");
    let record: SettingRecord = serde_json::from_value(value)
        .map_err(|_| problem(&at, "A setting is an object with a \"key\" and a \"value\", both text."))?;
    match setting_problem(&record.key, &record.value) {
        Some(why) => Err(problem(format!("{at}.{}", record.key), &why)),
        None => Ok(record),
    }
}

/// The first pass: checks everything and lists every problem.
struct Check<'c> {
    clock: &'c dyn Clock,
    problems: Vec<FieldError>,
    unlisted: usize,
    ids: HashSet<i64>,
    format: bool,
    version: bool,
}

impl Check<'_> {
    fn add(&mut self, p: FieldError) {
        if self.problems.len() < MAX_LISTED { self.problems.push(p) } else { self.unlisted += 1 }
    }

    fn finish(mut self) -> Result<(), ApiError> {
        if !self.format {
            self.add(problem("format", "This is not a Ballast export: it has no \"format\": \"ballast-export\"."));
        } else if !self.version {
            self.add(problem(
                "version",
                &format!("This Ballast reads export version {VERSION}; the file does not say which it is."),
            ));
        }
        if self.unlisted > 0 {
            let more = self.unlisted;
            self.problems.push(problem("file", &format!("…and {more} more problems not listed here.")));
        }
        if self.problems.is_empty() { Ok(()) } else { Err(ApiError::ImportInvalid(self.problems)) }
    }
}

impl Sink for Check<'_> {
    fn header(&mut self, key: &str, value: Value) {
        match key {
            "format" if value == FORMAT => self.format = true,
            "format" => self.add(problem("format", "This is not a Ballast export.")),
            "version" if value == VERSION => self.version = true,
            "version" => {
                self.version = true;
                // Only a number is named back: anything else in the file is never echoed.
                let which =
                    value.as_u64().map_or_else(|| "not a version number".to_owned(), |v| format!("version {v}"));
                self.add(problem(
                    "version",
                    &format!(
                        "This export is {which}; this Ballast reads version {VERSION}. A newer Ballast may read it."
                    ),
                ));
            }
            "exported_at" => {}
            other => self.add(problem(other, "This is not part of a Ballast export.")),
        }
    }

    fn entry(&mut self, index: usize, value: Value) {
        match to_entry(index, value, self.clock) {
            Ok(e) if !self.ids.insert(e.id.0) => {
                self.add(problem(format!("entries[{index}].id"), "Another entry in this file has the same id."));
            }
            Ok(_) => {}
            Err(found) => found.into_iter().for_each(|p| self.add(p)),
        }
    }

    fn setting(&mut self, index: usize, value: Value) {
        if let Err(p) = to_setting(index, value) {
            self.add(p);
        }
    }
}

/// The second pass: writes every record into the open import.
struct Write<'i, 'j> {
    import: &'i mut Import<'j>,
    clock: &'i dyn Clock,
    failed: Option<ApiError>,
}

impl Sink for Write<'_, '_> {
    fn header(&mut self, _: &str, _: Value) {}

    fn entry(&mut self, index: usize, value: Value) {
        if self.failed.is_none() {
            let done = to_entry(index, value, self.clock).map_err(|_| ApiError::Internal);
            self.failed = done.and_then(|e| Ok(self.import.entry(&e)?)).err();
        }
    }

    fn setting(&mut self, index: usize, value: Value) {
        if self.failed.is_none() {
            let done = to_setting(index, value).map_err(|_| ApiError::Internal);
            self.failed = done.and_then(|s| Ok(self.import.setting(&s.key, &s.value)?)).err();
        }
    }
}

/// Checks an export document without a journal, as the first pass of an import does: `Ok` with
/// the number of entries when every record is valid, else every problem. For the fuzz target and
/// for tools.
///
/// # Errors
/// [`ApiError::ImportInvalid`] with the problems.
pub fn check_document(reader: impl Read, clock: &dyn Clock) -> Result<usize, ApiError> {
    let mut check = new_check(clock);
    if let Err(p) = parse_reader(reader, &mut check) {
        check.problems.insert(0, p);
        return Err(ApiError::ImportInvalid(check.problems));
    }
    let entries = check.ids.len();
    check.finish().map(|()| entries)
}

fn new_check(clock: &dyn Clock) -> Check<'_> {
    Check { clock, problems: Vec::new(), unlisted: 0, ids: HashSet::new(), format: false, version: false }
}

impl Session {
    /// Imports an export file: checks every record first and writes nothing if any is invalid
    /// (every problem listed with its record and field); else backs the journal up and writes
    /// all records in one transaction, skipping entries already kept exactly so.
    ///
    /// # Errors
    /// [`ApiError::ImportInvalid`] with the problems; [`ApiError::Locked`]; backup failures.
    pub fn import_file(&self, path: &Path, progress: &mut dyn FnMut(Progress)) -> Result<ImportReport, ApiError> {
        let now = self.clock.now();
        let clock = self.clock.clone();
        self.with(|j| {
            let mut check = Check {
                clock: clock.as_ref(),
                problems: Vec::new(),
                unlisted: 0,
                ids: HashSet::new(),
                format: false,
                version: false,
            };
            if let Err(p) = parse(path, &mut check, 0, progress) {
                check.problems.insert(0, p);
                return Err(ApiError::ImportInvalid(check.problems));
            }
            check.finish()?;
            let backup = j.backup(Reason::BeforeImport, now, &mut |_| {})?;
            let mut import = j.import()?;
            let mut write = Write { import: &mut import, clock: clock.as_ref(), failed: None };
            let total = 2 * std::fs::metadata(path).map_or(0, |m| m.len());
            parse(path, &mut write, total / 2, progress).map_err(|_| ApiError::Internal)?;
            if let Some(e) = write.failed {
                return Err(e);
            }
            let done = import.commit()?;
            Ok(ImportReport { added: done.added, skipped: done.skipped, backup: BackupView::from(&backup) })
        })
    }
}
