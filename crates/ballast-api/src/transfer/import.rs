//! Importing an export. The file is read twice, streaming, one record at a time: first every
//! record is checked (with the same rules as saving) and every problem is listed with its record
//! and field; only when there are none is the journal backed up and every record written, in one
//! transaction. Records already kept exactly so are skipped, not doubled.

use std::collections::HashSet;
use std::io::Read;
use std::path::Path;

use ballast_core::care::{MAX_RESOURCES, Resource, SelfCarePlan};
use ballast_core::{Clock, FieldError};
use ballast_store::templates::Choice;
use ballast_store::{Import, Progress, Reason};
use serde_json::Value;

use super::records::{
    to_check_in, to_choice, to_dismissed, to_entry, to_plan, to_resource, to_setting, to_shared, to_template,
};
use super::stream::{Part, Sink, parse, parse_reader, problem};
use super::{FORMAT, READS, VERSION};
use crate::care::{SELF_CARE_NOTE, SUPPORT_NOTE};
use crate::dto::{BackupView, ImportReport};
use crate::error::ApiError;
use crate::session::Session;

/// At most this many problems are listed; the rest are counted in a last line.
const MAX_LISTED: usize = 100;

/// The first pass: checks everything and lists every problem.
struct Check<'c> {
    clock: &'c dyn Clock,
    problems: Vec<FieldError>,
    unlisted: usize,
    ids: HashSet<i64>,
    check_in_ids: HashSet<i64>,
    choice_ids: HashSet<String>,
    /// The parts the file holds.
    seen: HashSet<&'static str>,
    /// The version the file names, when it names one this Ballast reads.
    version: Option<u64>,
    format: bool,
    /// Whether the file names a version at all (a wrong one is its own problem).
    named_version: bool,
}

impl Check<'_> {
    fn add(&mut self, p: FieldError) {
        if self.problems.len() < MAX_LISTED { self.problems.push(p) } else { self.unlisted += 1 }
    }

    fn add_all(&mut self, found: Vec<FieldError>) {
        found.into_iter().for_each(|p| self.add(p));
    }

    fn finish(mut self) -> Result<(), ApiError> {
        if !self.format {
            self.add(problem("format", "This is not a Ballast export: it has no \"format\": \"ballast-export\"."));
        } else if !self.named_version {
            self.add(problem(
                "version",
                &format!("This Ballast reads export versions 1 to {VERSION}; the file does not say which it is."),
            ));
        }
        if let Some(version) = self.version {
            let early: Vec<Part> =
                Part::ALL.into_iter().filter(|p| self.seen.contains(p.key()) && p.since() > version).collect();
            for part in early {
                self.add(problem(
                    part.key(),
                    &format!(
                        "Exports before version {} do not hold \"{}\", yet this file does.",
                        part.since(),
                        part.key()
                    ),
                ));
            }
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
            "version" if value.as_u64().is_some_and(|v| READS.contains(&v)) => {
                self.named_version = true;
                self.version = value.as_u64();
            }
            "version" => {
                self.named_version = true;
                // Only a number is named back: anything else in the file is never echoed.
                let which =
                    value.as_u64().map_or_else(|| "not a version number".to_owned(), |v| format!("version {v}"));
                self.add(problem(
                    "version",
                    &format!(
                        "This export is {which}; this Ballast reads versions 1 to {VERSION}. A newer Ballast may read it."
                    ),
                ));
            }
            "exported_at" => {}
            _ => self.add(problem("file", "The file has a part that is not in a Ballast export.")),
        }
    }

    fn record(&mut self, part: Part, index: usize, value: Value) {
        self.seen.insert(part.key());
        match part {
            Part::Entries => match to_entry(index, value, self.clock) {
                Ok(e) if !self.ids.insert(e.id.0) => {
                    self.add(problem(format!("entries[{index}].id"), "Another entry in this file has the same id."));
                }
                Ok(_) => {}
                Err(found) => self.add_all(found),
            },
            Part::Settings => {
                if let Err(p) = to_setting(index, value) {
                    self.add(p);
                }
            }
            Part::CheckIns => match to_check_in(index, value) {
                Ok(c) if !self.check_in_ids.insert(c.id.0) => {
                    self.add(problem(
                        format!("check_ins[{index}].id"),
                        "Another check-in in this file has the same id.",
                    ));
                }
                Ok(_) => {}
                Err(found) => self.add_all(found),
            },
            Part::Dismissed => {
                if let Err(p) = to_dismissed(index, value) {
                    self.add(p);
                }
            }
            Part::Plans => {
                if let Err(found) = to_plan(index, value) {
                    self.add_all(found);
                }
            }
            Part::Resources => {
                if index == MAX_RESOURCES {
                    self.add(problem(
                        "support_resources",
                        &format!("The list of support resources can hold up to {MAX_RESOURCES}."),
                    ));
                }
                if let Err(found) = to_resource(index, value) {
                    self.add_all(found);
                }
            }
            Part::Shared => {
                if let Err(p) = to_shared(index, value) {
                    self.add(p);
                }
            }
            Part::Templates => {
                if let Err(found) = to_template(index, value) {
                    self.add_all(found);
                }
            }
            Part::TemplateChoices => match to_choice(index, value) {
                Ok(c) if !self.choice_ids.insert(c.id.clone()) => self.add(problem(
                    format!("template_choices[{index}].id"),
                    "Another template's place in this file has the same id.",
                )),
                Ok(_) => {}
                Err(p) => self.add(p),
            },
        }
    }
}

/// The second pass: writes every record into the open import.
struct Write<'i, 'j> {
    import: &'i mut Import<'j>,
    clock: &'i dyn Clock,
    /// The support resources, written whole at the end (they are one list).
    resources: Vec<Resource>,
    /// The templates' places, likewise.
    choices: Vec<Choice>,
    failed: Option<ApiError>,
}

impl Write<'_, '_> {
    fn one(&mut self, part: Part, index: usize, value: Value) -> Result<(), ApiError> {
        let bad = |_| ApiError::Internal;
        match part {
            Part::Entries => Ok(self.import.entry(&to_entry(index, value, self.clock).map_err(bad)?)?),
            Part::Settings => {
                let s = to_setting(index, value).map_err(|_| ApiError::Internal)?;
                // The simple notes of export versions 2 and 3 become the plan and the resources.
                match s.key.as_str() {
                    SELF_CARE_NOTE if !s.value.is_empty() => {
                        let plan = SelfCarePlan { notes: s.value, ..SelfCarePlan::default() };
                        Ok(self.import.plan_if_none(&plan, self.clock.now())?)
                    }
                    SUPPORT_NOTE if !s.value.is_empty() => {
                        self.resources.push(Resource {
                            name: "My notes".into(),
                            contact: String::new(),
                            note: s.value,
                        });
                        Ok(())
                    }
                    SELF_CARE_NOTE | SUPPORT_NOTE => Ok(()),
                    _ => Ok(self.import.setting(&s.key, &s.value)?),
                }
            }
            Part::CheckIns => Ok(self.import.check_in(&to_check_in(index, value).map_err(bad)?)?),
            Part::Dismissed => {
                let d = to_dismissed(index, value).map_err(|_| ApiError::Internal)?;
                Ok(self.import.dismissed_nudge(&d.id, d.dismissed_at)?)
            }
            Part::Plans => {
                let p = to_plan(index, value).map_err(bad)?;
                Ok(self.import.plan_version(&p.plan, p.saved_at)?)
            }
            Part::Resources => {
                self.resources.push(to_resource(index, value).map_err(bad)?);
                Ok(())
            }
            Part::Shared => Ok(self.import.shared(&to_shared(index, value).map_err(|_| ApiError::Internal)?)?),
            Part::Templates => {
                Ok(self.import.own_template(&to_template(index, value).map_err(bad)?, self.clock.now())?)
            }
            Part::TemplateChoices => {
                let c = to_choice(index, value).map_err(|_| ApiError::Internal)?;
                self.choices.push(Choice { id: c.id, position: c.position, hidden: c.hidden });
                Ok(())
            }
        }
    }
}

impl Sink for Write<'_, '_> {
    fn header(&mut self, _: &str, _: Value) {}

    fn record(&mut self, part: Part, index: usize, value: Value) {
        if self.failed.is_none() {
            self.failed = self.one(part, index, value).err();
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
    Check {
        clock,
        problems: Vec::new(),
        unlisted: 0,
        ids: HashSet::new(),
        check_in_ids: HashSet::new(),
        choice_ids: HashSet::new(),
        seen: HashSet::new(),
        version: None,
        format: false,
        named_version: false,
    }
}

/// Imports an export file: checks every record first and writes nothing if any is invalid
/// (every problem listed with its record and field); else backs the journal up and writes
/// all records in one transaction, skipping entries already kept exactly so.
///
/// # Errors
/// [`ApiError::ImportInvalid`] with the problems; [`ApiError::Locked`]; backup failures.
pub fn import_file(
    session: &Session,
    path: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport, ApiError> {
    let now = session.clock().now();
    let clock = session.clock_arc();
    // The checking pass reads only the file: the journal is not held while it runs.
    let mut check = new_check(clock.as_ref());
    if let Err(p) = parse(path, &mut check, 0, progress) {
        check.problems.insert(0, p);
        return Err(ApiError::ImportInvalid(check.problems));
    }
    check.finish()?;
    let mut j = session.journal()?;
    {
        let backup = j.backup(Reason::BeforeImport, now, &mut |_| {})?;
        let mut import = j.import()?;
        let mut write = Write {
            import: &mut import,
            clock: clock.as_ref(),
            resources: Vec::new(),
            choices: Vec::new(),
            failed: None,
        };
        let total = 2 * std::fs::metadata(path).map_or(0, |m| m.len());
        parse(path, &mut write, total / 2, progress).map_err(|_| ApiError::Internal)?;
        if let Some(e) = write.failed {
            return Err(e);
        }
        let list = std::mem::take(&mut write.resources);
        let choices = std::mem::take(&mut write.choices);
        if !list.is_empty() {
            import.support_resources(&list)?;
        }
        if !choices.is_empty() {
            // A file that hides every template would leave none to write with: its order is kept,
            // its hiding is not.
            let all_hidden = choices.iter().all(|c| c.hidden);
            let choices: Vec<Choice> =
                choices.into_iter().map(|c| Choice { hidden: c.hidden && !all_hidden, ..c }).collect();
            import.template_choices(&choices)?;
        }
        let done = import.commit()?;
        Ok(ImportReport { added: done.added, skipped: done.skipped, backup: BackupView::from(&backup) })
    }
}
