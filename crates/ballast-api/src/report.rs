//! The supervision summary: the entries of a range with their share ticks, the exact preview (the
//! very model the files are drawn from), writing the PDF or Markdown file atomically and recording
//! it in the share log, and the share log itself. What may appear is decided in
//! `ballast-report`'s allow-list; this module only reads the journal and writes the file.

use std::path::Path;

use ballast_core::share::{Format, Included, Shared, check_words};
use ballast_core::{Clock, EntryBody, EntryId, EntryKind, FieldError, instrument};
pub use ballast_report::{Block, Line, Section, Summary, SummaryRequest};
use ballast_report::{ChartPart, CheckInPart, Credit, ScorePart, Sources};
use std::hash::{Hash, Hasher};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::Serialize;

use crate::check_ins::{CheckInView, NOT_A_DIAGNOSIS};
use crate::error::ApiError;
use crate::session::{Open, Session};
use crate::setting::SettingKey;
use crate::trends::{BACKWARDS, read_for_report, start_of};

/// The setting that keeps the last "what I'd like from supervision" note.
pub const NOTE_KEY: &str = "summary.note";
/// The setting that keeps the last name put on a summary.
pub const NAME_KEY: &str = "summary.author";

/// The settings the summary keeps, checked as the summary screen checks its words.
pub const SETTINGS: &[SettingKey] = &[
    SettingKey::exact(NOTE_KEY, |_, v| word_problem(Some(v.to_owned()), None)),
    SettingKey::exact(NAME_KEY, |_, v| word_problem(None, Some(v.to_owned()))),
];

fn word_problem(note: Option<String>, author: Option<String>) -> Option<String> {
    check_words(&note, &author).err().and_then(|e| e.0.into_iter().next().map(|p| p.message))
}

/// An entry of the range, as the summary screen lists it for its share tick.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ShareableEntry {
    /// Its id.
    pub id: EntryId,
    /// Which kind.
    pub kind: EntryKind,
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// The start of its main text, for the worker to recognise it (never in the summary unless shared).
    pub preview: String,
    /// Whether its text goes into summaries.
    pub share: bool,
}

/// The summary screen: the exact summary, the entries to tick, and what the file will hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct SummaryPreview {
    /// The summary, exactly as the file will hold it.
    pub summary: Summary,
    /// Every entry in the range, oldest first.
    pub entries: Vec<ShareableEntry>,
    /// What the summary holds, as the share log will record it.
    pub included: Included,
    /// Identifies exactly this summary: saving with it refuses a file that would differ.
    pub fingerprint: String,
    /// Characters of the text that the PDF's font cannot draw (the PDF shows empty boxes; the
    /// Markdown keeps them).
    pub unsupported: Vec<String>,
    /// Whether any score in it is at the harder end of its scale, so comes with options (a
    /// self-care plan, someone to talk to, support), which the screen then offers.
    pub offer_options: bool,
}

/// A summary written to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct SummaryWritten {
    /// Where it went.
    pub path: String,
    /// Its format.
    pub format: Format,
    /// Its size in bytes.
    pub bytes: u32,
}

/// The note and name kept from the last summary.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct SummaryWords {
    /// "What I'd like from supervision".
    pub note: Option<String>,
    /// The name put on the document.
    pub author: Option<String>,
}

fn preview_of(body: &EntryBody) -> String {
    let text = match body {
        EntryBody::Reflection(r) => r.text.as_ref().or(r.strengths.as_ref()),
        EntryBody::Setback(s) => s.what_happened.as_ref().or(s.my_reaction.as_ref()),
    };
    text.map(|t| t.chars().take(140).collect()).unwrap_or_default()
}

/// Checks the request: a range that runs forwards, and the worker's words.
fn checked(req: &SummaryRequest) -> Result<SummaryRequest, ApiError> {
    if req.from > req.to {
        return Err(ApiError::Invalid(vec![FieldError::new("from", BACKWARDS)]));
    }
    for (field, d) in [("from", req.from), ("to", req.to)] {
        if !(1000..=9999).contains(&d.year()) {
            return Err(ApiError::Invalid(vec![FieldError::new(
                field,
                "Choose a day between the years 1000 and 9999.",
            )]));
        }
    }
    let (note, author) = check_words(&req.note, &req.author)?;
    Ok(SummaryRequest { note, author, ..req.clone() })
}

fn check_in_part(day: NaiveDate, view: &CheckInView) -> CheckInPart {
    CheckInPart {
        day,
        instrument: view.title.clone(),
        scores: view
            .scores
            .iter()
            .map(|s| ScorePart {
                title: s.title.clone(),
                score: s.score.map(ballast_core::insights::number),
                words: s.words.clone(),
            })
            .collect(),
    }
}

/// Reads what the range holds (under the journal's guard), then, with the guard dropped, draws
/// the charts and builds the summary, with the entries to tick.
fn build(j: Open<'_>, req: &SummaryRequest, clock: &dyn Clock) -> Result<SummaryPreview, ApiError> {
    let zone = clock.zone();
    let entries = j.entries_between(start_of(req.from, &zone), start_of(req.to.succ_opt().unwrap_or(req.to), &zone))?;
    let read = read_for_report(&j, req.from, req.to, clock)?;
    drop(j);
    let parts = read.report_parts()?;
    let views: Vec<(NaiveDate, CheckInView)> =
        parts.check_ins.iter().map(|(d, c)| (*d, CheckInView::from(c))).filter(|(_, v)| v.problem.is_none()).collect();
    let mut credits: Vec<Credit> = Vec::new();
    for def in instrument::all() {
        if let Some((_, v)) = views.iter().find(|(_, v)| v.instrument == def.id) {
            credits.push(Credit { instrument: v.title.clone(), credit: v.credit.clone(), terms: v.terms.clone() });
        }
    }
    let sources = Sources {
        made_on: clock.today(),
        entries: entries.iter().map(|e| (clock.local_day(e.body.occurred_at()), e.clone())).collect(),
        check_ins: views.iter().map(|(d, v)| check_in_part(*d, v)).collect(),
        credits,
        charts: parts
            .charts
            .into_iter()
            .map(|c| ChartPart { title: c.title, svg: c.svg, summary: c.summary })
            .collect(),
        coupling: parts.coupling,
        not_a_diagnosis: NOT_A_DIAGNOSIS.to_owned(),
    };
    let summary = ballast_report::summary(req, &sources);
    let blocks = || summary.sections.iter().flat_map(|s| &s.blocks);
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let included = Included {
        check_ins: count(sources.check_ins.len()),
        charts: count(blocks().filter(|b| matches!(b, Block::Chart { .. })).count()),
        shared_entries: count(entries.iter().filter(|e| e.body.share_text()).count()),
        person_codes: req.include_codes,
        tags: req.include_tags,
        note: req.note.is_some(),
        name: req.author.is_some(),
    };
    let entries = entries
        .into_iter()
        .map(|e| ShareableEntry {
            id: e.id,
            kind: e.body.kind(),
            occurred_at: e.body.occurred_at(),
            preview: preview_of(&e.body),
            share: e.body.share_text(),
        })
        .collect();
    let mut hasher = std::hash::DefaultHasher::new();
    summary.hash(&mut hasher);
    let unsupported = ballast_report::pdf::unsupported(&summary).into_iter().map(String::from).collect();
    let offer_options = views.iter().any(|(_, v)| v.offer_options);
    Ok(SummaryPreview {
        fingerprint: format!("{:016x}", hasher.finish()),
        summary,
        entries,
        included,
        unsupported,
        offer_options,
    })
}

/// The path the save dialog chose, with `format`'s extension added when its name does not
/// already end in it (a name typed without one, or with another).
pub fn with_extension(chosen: std::path::PathBuf, format: Format) -> std::path::PathBuf {
    let name = chosen.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    if Format::of_file(&name) == Some(format) {
        return chosen;
    }
    let mut with = chosen.into_os_string();
    with.push(format!(".{}", format.extension()));
    with.into()
}

/// The summary screen for `req`: the exact summary, the entries of the range to tick, and what
/// the file will hold. Keeps the note and name for next time.
///
/// # Errors
/// [`ApiError::Invalid`] for a backwards range or words that break a rule; [`ApiError::Locked`].
pub fn preview(session: &Session, req: &SummaryRequest) -> Result<SummaryPreview, ApiError> {
    let req = checked(req)?;
    let mut j = session.journal()?;
    j.set_setting(NOTE_KEY, req.note.as_deref().unwrap_or(""))?;
    j.set_setting(NAME_KEY, req.author.as_deref().unwrap_or(""))?;
    build(j, &req, session.clock())
}

/// Checks `req` as saving would, before anything is asked of the worker (the save dialog).
///
/// # Errors
/// [`ApiError::Invalid`] for a backwards range or words that break a rule.
pub fn check(req: &SummaryRequest) -> Result<(), ApiError> {
    checked(req).map(|_| ())
}

/// The note and name kept from the last summary.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn words(session: &Session) -> Result<SummaryWords, ApiError> {
    let j = session.journal()?;
    let get = |k| j.setting(k).map(|v| v.filter(|v: &String| !v.is_empty()));
    Ok(SummaryWords { note: get(NOTE_KEY)?, author: get(NAME_KEY)? })
}

/// Marks an entry's text as shared in supervision summaries, or not.
///
/// # Errors
/// [`ApiError::NotFound`]; [`ApiError::Locked`].
pub fn set_share_text(session: &Session, id: EntryId, share: bool) -> Result<(), ApiError> {
    let now = session.clock().now();
    Ok(session.journal()?.set_share_text(id, share, now)?)
}

/// Writes the summary for `req` to `path` (PDF or Markdown, by its extension) atomically, and
/// records it in the share log once the file is written (a record that cannot be kept takes the
/// file away again). With `previewed` (a preview's fingerprint), a summary that would differ from
/// that preview is refused. On any failure no file, and no partial file, is left. The journal is
/// held only to read; drawing, layout and the write happen without it.
///
/// # Errors
/// [`ApiError::Invalid`] for an extension other than `.pdf` or `.md`, a backwards range,
/// words that break a rule, or a summary that changed since its preview;
/// [`ApiError::ExportFailed`] when the file cannot be written; [`ApiError::Locked`].
pub fn write(
    session: &Session,
    req: &SummaryRequest,
    path: &Path,
    previewed: Option<&str>,
) -> Result<SummaryWritten, ApiError> {
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let format = Format::of_file(&file_name).ok_or_else(|| {
        ApiError::Invalid(vec![FieldError::new(
            "out",
            "A summary is written as a PDF (a name ending in .pdf) or as Markdown (ending in .md); choose a name with one of these.",
        )])
    })?;
    let req = checked(req)?;
    let now = session.clock().now();
    let preview = build(session.journal()?, &req, session.clock())?;
    if previewed.is_some_and(|f| f != preview.fingerprint) {
        return Err(ApiError::Invalid(vec![FieldError::new(
            "preview",
            "What the file would hold has changed since the preview (an entry's tick, or the journal). Nothing was saved; look at the preview again, then save.",
        )]));
    }
    let bytes = match format {
        Format::Pdf => ballast_report::pdf::render(&preview.summary).map_err(|e| {
            tracing::error!(error = %e, "a summary could not be drawn");
            ApiError::Internal
        })?,
        Format::Markdown => ballast_report::markdown::render(&preview.summary).into_bytes(),
    };
    let shared = Shared { shared_at: now, from: req.from, to: req.to, format, file_name, included: preview.included };
    ballast_store::durable::write_atomic(path, &bytes).map_err(ApiError::from_write)?;
    if let Err(e) = session.journal().and_then(|mut j| Ok(j.record_share(&shared)?)) {
        // A file is never left without its record in the share log.
        let _ = std::fs::remove_file(path);
        return Err(e);
    }
    Ok(SummaryWritten {
        path: path.display().to_string(),
        format,
        bytes: u32::try_from(bytes.len()).unwrap_or(u32::MAX),
    })
}

/// The share log, newest first: when, the range, what kinds of things, the file's name.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn share_log(session: &Session) -> Result<Vec<Shared>, ApiError> {
    Ok(session.journal()?.share_log()?)
}

/// Clears the share log; returns how many records it held. The files themselves are not
/// touched.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn clear_share_log(session: &Session) -> Result<u64, ApiError> {
    Ok(session.journal()?.clear_share_log()?)
}
