//! Writing the export: the JSON document (entries in the order they were first saved, one per
//! line, then settings by key), and the folder with it, the CSVs and the Markdown.

use std::io::Write;
use std::path::Path;

use ballast_core::{CheckIn, CheckInBody, CheckInId, EntryId};
use ballast_store::Journal;
use ballast_store::durable::Staged;

use super::{ChoiceRecord, DismissedRecord, FORMAT, JSON_FILE, PlanRecord, SettingRecord, VERSION, tables};
use crate::dto::{EntryView, ExportReport};
use crate::error::ApiError;
use crate::session::Session;

/// Entries read per page while exporting.
const PAGE: u32 = 500;

fn write_err(e: std::io::Error) -> ApiError {
    if ballast_store::error::io_is_full(&e) {
        return ApiError::DiskFull;
    }
    tracing::error!(error = %e, "could not write the export");
    ApiError::ExportFailed(e.kind().to_string())
}

/// Calls `each` with every entry, in id order, a page at a time.
pub(crate) fn each_entry(
    j: &Journal,
    mut each: impl FnMut(&EntryView) -> Result<(), ApiError>,
) -> Result<u64, ApiError> {
    let (mut after, mut count) = (EntryId(0), 0);
    loop {
        let page = j.entries_after(after, PAGE)?;
        let Some(last) = page.last() else { return Ok(count) };
        after = last.id;
        for e in &page {
            each(&EntryView::from(e))?;
            count += 1;
        }
    }
}

/// One check-in as exported: its id, then its contents.
#[derive(serde::Serialize)]
struct CheckInRecord<'a> {
    id: CheckInId,
    #[serde(flatten)]
    body: &'a CheckInBody,
}

/// Calls `each` with every check-in, in id order, a page at a time.
pub(crate) fn each_check_in(
    j: &Journal,
    mut each: impl FnMut(&CheckIn) -> Result<(), ApiError>,
) -> Result<u64, ApiError> {
    let (mut after, mut count) = (CheckInId(0), 0);
    loop {
        let page = j.check_ins_after(after, PAGE)?;
        let Some(last) = page.last() else { return Ok(count) };
        after = last.id;
        for c in &page {
            each(c)?;
            count += 1;
        }
    }
}

/// Writes the JSON document to `out`; returns the number of entries.
pub(crate) fn json(j: &Journal, exported_at: &str, out: &mut dyn Write) -> Result<u64, ApiError> {
    let quoted = |s: &str| serde_json::to_string(s).map_err(|_| ApiError::Internal);
    write!(
        out,
        "{{\n  \"format\": {},\n  \"version\": {VERSION},\n  \"exported_at\": {},\n  \"entries\": [",
        quoted(FORMAT)?,
        quoted(exported_at)?
    )
    .map_err(write_err)?;
    let mut first = true;
    let count = each_entry(j, |e| {
        let line = serde_json::to_string(e).map_err(|_| ApiError::Internal)?;
        write!(out, "{}\n    {line}", if first { "" } else { "," }).map_err(write_err)?;
        first = false;
        Ok(())
    })?;
    write!(out, "\n  ],\n  \"settings\": [").map_err(write_err)?;
    for (i, (key, value)) in j.all_settings()?.into_iter().enumerate() {
        let line = serde_json::to_string(&SettingRecord { key, value }).map_err(|_| ApiError::Internal)?;
        write!(out, "{}\n    {line}", if i == 0 { "" } else { "," }).map_err(write_err)?;
    }
    write!(out, "\n  ],\n  \"check_ins\": [").map_err(write_err)?;
    let mut first = true;
    each_check_in(j, |c| {
        let line = serde_json::to_string(&CheckInRecord { id: c.id, body: &c.body }).map_err(|_| ApiError::Internal)?;
        write!(out, "{}\n    {line}", if first { "" } else { "," }).map_err(write_err)?;
        first = false;
        Ok(())
    })?;
    write!(out, "\n  ],\n  \"dismissed_nudges\": [").map_err(write_err)?;
    for (i, (id, dismissed_at)) in j.dismissed_nudges()?.into_iter().enumerate() {
        let line = serde_json::to_string(&DismissedRecord { id, dismissed_at }).map_err(|_| ApiError::Internal)?;
        write!(out, "{}\n    {line}", if i == 0 { "" } else { "," }).map_err(write_err)?;
    }
    write!(out, "\n  ],\n  \"self_care_plans\": [").map_err(write_err)?;
    for (i, v) in j.plan_versions()?.into_iter().enumerate() {
        let record = PlanRecord { version: v.version, saved_at: v.saved_at, plan: v.plan };
        let line = serde_json::to_string(&record).map_err(|_| ApiError::Internal)?;
        write!(out, "{}\n    {line}", if i == 0 { "" } else { "," }).map_err(write_err)?;
    }
    write!(out, "\n  ],\n  \"support_resources\": [").map_err(write_err)?;
    for (i, r) in j.support_resources()?.into_iter().enumerate() {
        let line = serde_json::to_string(&r).map_err(|_| ApiError::Internal)?;
        write!(out, "{}\n    {line}", if i == 0 { "" } else { "," }).map_err(write_err)?;
    }
    write!(out, "\n  ],\n  \"share_log\": [").map_err(write_err)?;
    for (i, r) in j.share_log()?.into_iter().rev().enumerate() {
        let line = serde_json::to_string(&r).map_err(|_| ApiError::Internal)?;
        write!(out, "{}\n    {line}", if i == 0 { "" } else { "," }).map_err(write_err)?;
    }
    write!(out, "\n  ],\n  \"templates\": [").map_err(write_err)?;
    for (i, t) in j.own_templates()?.into_iter().enumerate() {
        let line = serde_json::to_string(&t).map_err(|_| ApiError::Internal)?;
        write!(out, "{}\n    {line}", if i == 0 { "" } else { "," }).map_err(write_err)?;
    }
    write!(out, "\n  ],\n  \"template_choices\": [").map_err(write_err)?;
    for (i, c) in j.template_choices()?.into_iter().enumerate() {
        let record = ChoiceRecord { id: c.id, position: c.position, hidden: c.hidden };
        let line = serde_json::to_string(&record).map_err(|_| ApiError::Internal)?;
        write!(out, "{}\n    {line}", if i == 0 { "" } else { "," }).map_err(write_err)?;
    }
    writeln!(out, "\n  ]\n}}").map_err(write_err)?;
    Ok(count)
}

/// Writes the export into the folder `out` (created, owner-only, if needed):
/// `ballast-export.json`, `entries.csv`, `settings.csv`, `check_ins.csv`,
/// `check_in_answers.csv` and `entries.md`. Drafts are not exported. Each file is written to a
/// temporary of Ballast's own name and synced; only when all are written are they renamed into
/// place, so a failed export (a full disk, say) leaves no file, not even an empty one.
///
/// # Errors
/// [`ApiError::DiskFull`]; [`ApiError::ExportFailed`] when a file cannot be written;
/// [`ApiError::Locked`].
pub fn export_to(session: &Session, out: &Path) -> Result<ExportReport, ApiError> {
    let now = session.clock().now();
    let stamp = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut staged = Staged::new(out).map_err(ApiError::from_write)?;
    let mut entries = 0;
    {
        let j = session.journal()?;
        let mut write = |name: &str, body: &mut dyn FnMut(&mut dyn Write) -> Result<(), ApiError>| {
            let mut f = std::io::BufWriter::new(staged.add(name).map_err(ApiError::from_write)?);
            body(&mut f)?;
            f.flush().map_err(write_err)
        };
        write(JSON_FILE, &mut |w| json(&j, &stamp, w).map(|n| entries = n))?;
        write(tables::ENTRIES_CSV, &mut |w| tables::entries_csv(&j, w))?;
        write(tables::SETTINGS_CSV, &mut |w| tables::settings_csv(&j, w))?;
        write(tables::CHECK_INS_CSV, &mut |w| tables::check_ins_csv(&j, true, w))?;
        write(tables::CHECK_IN_ANSWERS_CSV, &mut |w| tables::check_ins_csv(&j, false, w))?;
        write(tables::ENTRIES_MD, &mut |w| tables::entries_markdown(&j, &stamp, w))?;
    }
    let files = staged.finish().map_err(ApiError::from_write)?;
    Ok(ExportReport { files: files.iter().map(|p| p.display().to_string()).collect(), entries })
}

/// Where to suggest writing an export: a dated folder in the documents folder, else home.
pub fn suggested_export_folder(session: &Session) -> std::path::PathBuf {
    let base = directories::UserDirs::new()
        .and_then(|u| u.document_dir().map(Path::to_owned).or_else(|| Some(u.home_dir().to_owned())))
        .unwrap_or_else(|| session.dir().root().to_owned());
    base.join(format!("Ballast export {}", session.clock().now().format("%Y-%m-%d")))
}

/// The JSON document alone, as bytes (for tests and small journals).
///
/// # Errors
/// [`ApiError::Locked`].
pub fn export_json(session: &Session) -> Result<Vec<u8>, ApiError> {
    let stamp = session.clock().now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut out = Vec::new();
    json(&*session.journal()?, &stamp, &mut out)?;
    Ok(out)
}
