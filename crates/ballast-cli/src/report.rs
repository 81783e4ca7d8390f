//! `ballast report`: a supervision summary over a range, written as PDF or Markdown (by the file's
//! extension), atomically, and recorded in the share log.

use std::path::Path;

use ballast_api::Session;
use ballast_api::report::SummaryRequest;
use chrono::NaiveDate;

use crate::exit::Failure;

/// A day that is not written as YYYY-MM-DD (or is not a real calendar day).
#[derive(Debug, thiserror::Error)]
#[error("write the day as YYYY-MM-DD, for example 2026-03-01 (a real calendar day)")]
pub struct NotADay;

/// Reads a day written as YYYY-MM-DD (clap's value parser for `--from` and `--to`).
///
/// # Errors
/// [`NotADay`], whose message says how to write it.
pub fn day(s: &str) -> Result<NaiveDate, NotADay> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| NotADay)
}

/// What `ballast report` was asked for.
pub struct Asked<'a> {
    /// The first day.
    pub from: NaiveDate,
    /// The last day.
    pub to: NaiveDate,
    /// The file to write.
    pub out: &'a Path,
    /// Put person codes beside the shared entries.
    pub include_codes: bool,
    /// Put tags beside the shared entries.
    pub include_tags: bool,
    /// "What I'd like from supervision".
    pub note: Option<String>,
}

/// `ballast report`.
pub fn report(session: &Session, asked: Asked<'_>) -> Result<(), Failure> {
    let req = SummaryRequest {
        from: asked.from,
        to: asked.to,
        include_codes: asked.include_codes,
        include_tags: asked.include_tags,
        note: asked.note,
        author: None,
    };
    let written =
        ballast_api::report::write(session, &req, asked.out, None).map_err(|e| Failure::not_done("The summary", e))?;
    println!(
        "Wrote the supervision summary for {} to {} to {} ({} bytes). It is recorded in the share log.",
        asked.from, asked.to, written.path, written.bytes
    );
    Ok(())
}
