//! The supervision summary through the use cases on a real journal: a redaction test built to
//! fail (distinctive phrases in every text field of shared and unshared reflections and setbacks,
//! person codes and tags, read back from the PDF with `pdftotext`, its metadata with `pdfinfo`,
//! its attachments with `pdfdetach`, and from the Markdown), the preview carrying the PDF's text,
//! the share log, sensible documents for thin ranges, and bad input leaving no file behind.

use std::path::Path;
use std::process::Command;

use ballast_api::ApiError;
use ballast_api::report::SummaryRequest;
use ballast_core::share::Format;
use ballast_core::{ReflectionDraft, SetbackDraft};
use chrono::NaiveDate;

use crate::support::Journey;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("a real day")
}

fn november() -> SummaryRequest {
    SummaryRequest {
        from: day(11, 1),
        to: day(11, 24),
        include_codes: false,
        include_tags: false,
        note: Some("Talking through pacing".into()),
        author: None,
    }
}

/// Every text field of a reflection and of a setback, shared (`SHARED`) and not (`PRIVATE`), each
/// with its own code and tag; and a shared entry outside the range.
fn seeded() -> Journey {
    let j = Journey::new(0, "");
    for (who, share, at) in [
        ("SHARED", true, "2026-11-10T12:00:00Z"),
        ("PRIVATE", false, "2026-11-11T12:00:00Z"),
        ("OUTSIDE", true, "2026-10-20T12:00:00Z"),
    ] {
        let r = ReflectionDraft {
            occurred_at: Some(at.into()),
            mood: Some(6),
            outcome: Some("progress".into()),
            strengths: Some(format!("{who}-strengths-aurora")),
            text: Some(format!("{who}-text-borealis\n{who}-second-line-cirrus")),
            person_code: Some(format!("PC{who}R")),
            tags: vec![format!("tag{who}kite")],
            share_text: share,
            ..Default::default()
        };
        ballast_api::entries::save_reflection(&j.session, None, &r).expect("a valid reflection");
        let s = SetbackDraft {
            occurred_at: Some(at.replace("12:00", "15:00")),
            setback_type: Some("crisis".into()),
            person_code: Some(format!("PC{who}S")),
            what_happened: Some(format!("{who}-happened-cobalt")),
            in_my_control: Some(format!("{who}-control-delta")),
            outside_my_control: Some(format!("{who}-outside-fjord")),
            my_reaction: Some(format!("{who}-reaction-garnet")),
            support: Some(format!("{who}-support-harbor")),
            share_text: share,
            ..Default::default()
        };
        ballast_api::entries::save_setback(&j.session, None, &s).expect("a valid setback");
    }
    ballast_api::check_ins::record(&j.session, "who5", vec![Some(3); 5]).expect("a check-in");
    j
}

const FIELDS: [&str; 8] = [
    "strengths-aurora",
    "text-borealis",
    "second-line-cirrus",
    "happened-cobalt",
    "control-delta",
    "outside-fjord",
    "reaction-garnet",
    "support-harbor",
];

fn run(tool: &str, args: &[&str], file: &Path) -> String {
    let out =
        Command::new(tool).args(args).arg(file).output().unwrap_or_else(|e| panic!("{tool} runs (poppler-utils): {e}"));
    assert!(out.status.success(), "{tool} reads the file: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Everything a reader of the PDF can get at: its text, its metadata (info and XMP), its structure
/// tree with its text (headings' titles, figures' alternative text) and its attachments' list.
fn readable(pdf: &Path) -> String {
    let attachments = run("pdfdetach", &["-list"], pdf);
    assert!(attachments.starts_with("0 embedded files"), "a summary has no attachments: {attachments}");
    [
        pdf_text(pdf),
        run("pdfinfo", &[], pdf),
        run("pdfinfo", &["-meta"], pdf),
        run("pdfinfo", &["-struct-text"], pdf),
        attachments,
    ]
    .join("\n")
}

/// The PDF's text as `pdftotext` lays it out, without the page numbers (page furniture).
fn pdf_text(pdf: &Path) -> String {
    let out =
        Command::new("pdftotext").arg("-layout").arg(pdf).arg("-").output().expect("pdftotext runs (poppler-utils)");
    assert!(out.status.success(), "pdftotext reads the summary");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter(|l| !(l.trim().starts_with("Page ") && l.contains(" of ")))
        .collect::<Vec<_>>()
        .join("\n")
}

fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn only_shared_text_and_only_chosen_codes_and_tags_reach_the_pdf_and_the_markdown() {
    let j = seeded();
    let out = j.tmp.path().join("out");
    std::fs::create_dir(&out).expect("a folder");
    for (codes_and_tags, name) in [(false, "plain"), (true, "with-codes")] {
        let req = SummaryRequest { include_codes: codes_and_tags, include_tags: codes_and_tags, ..november() };
        let pdf = out.join(format!("{name}.pdf"));
        let md = out.join(format!("{name}.md"));
        ballast_api::report::write(&j.session, &req, &pdf, None).expect("the PDF is written");
        ballast_api::report::write(&j.session, &req, &md, None).expect("the Markdown is written");
        let markdown = std::fs::read_to_string(&md).expect("read the markdown");
        for (what, text) in [("PDF", readable(&pdf)), ("Markdown", markdown)] {
            for field in FIELDS {
                assert!(text.contains(&format!("SHARED-{field}")), "{what} ({name}) holds the shared entry's {field}");
                assert!(
                    !text.contains(&format!("PRIVATE-{field}")),
                    "{what} ({name}) must not hold the unshared entry's {field}"
                );
                assert!(
                    !text.contains(&format!("OUTSIDE-{field}")),
                    "{what} ({name}) must not hold text from outside the range"
                );
            }
            for private in ["PCPRIVATER", "PCPRIVATES", "tagPRIVATEkite", "PCOUTSIDER", "tagOUTSIDEkite"] {
                assert!(
                    !text.contains(private),
                    "{what} ({name}) must never hold an unshared entry's code or tag {private}"
                );
            }
            for shared in ["PCSHAREDR", "PCSHAREDS", "tagSHAREDkite"] {
                assert_eq!(
                    text.contains(shared),
                    codes_and_tags,
                    "{what} ({name}): a shared entry's code or tag {shared} appears exactly when its toggle is on"
                );
            }
        }
    }
}

#[test]
fn the_preview_is_the_text_of_the_pdf_in_order() {
    let j = seeded();
    let req = SummaryRequest { to: day(11, 25), ..november() };
    let preview = ballast_api::report::preview(&j.session, &req).expect("a preview");
    let pdf = j.tmp.path().join("s.pdf");
    ballast_api::report::write(&j.session, &req, &pdf, None).expect("written");
    let text = folded(&pdf_text(&pdf));
    let mut from = 0;
    for block in preview.summary.texts() {
        let block = folded(&block);
        let at = text[from..]
            .find(&block)
            .unwrap_or_else(|| panic!("the PDF holds the preview's {block:?} in the same order"));
        from += at + block.len();
    }
    assert_eq!(preview.included.shared_entries, 2, "the shared reflection and setback in range");
    assert_eq!(preview.included.check_ins, 1, "the WHO-5 taken on the last day");
    assert_eq!(preview.entries.len(), 4, "every entry of the range is listed for its tick, shared or not");
}

fn run_to_file(j: &Journey, req: &SummaryRequest, file: &Path) -> Result<(), ApiError> {
    ballast_api::report::write(&j.session, req, file, None).map(|_| ())
}

#[test]
fn the_share_log_records_each_file_and_never_its_content_and_can_be_cleared() {
    let j = seeded();
    let pdf = j.tmp.path().join("for-supervision.pdf");
    run_to_file(&j, &SummaryRequest { include_tags: true, ..november() }, &pdf).expect("written");
    let log = ballast_api::report::share_log(&j.session).expect("the log");
    assert_eq!(log.len(), 1, "one record per file written");
    let r = &log[0];
    assert_eq!(
        (r.from, r.to, r.format, r.file_name.as_str()),
        (day(11, 1), day(11, 24), Format::Pdf, "for-supervision.pdf")
    );
    assert!(r.included.tags && !r.included.person_codes && r.included.note, "what kinds of things it held");
    assert_eq!(r.included.shared_entries, 2, "how many entries' text");
    let json = serde_json::to_string(&log).expect("json");
    assert!(!json.contains("SHARED-") && !json.contains("pacing"), "the log never holds content: {json}");
    ballast_api::report::set_share_text(&j.session, ballast_core::EntryId(1), false)
        .expect("untick the shared reflection");
    let preview = ballast_api::report::preview(&j.session, &november()).expect("a preview");
    assert_eq!(preview.included.shared_entries, 1, "a tick changes what the next summary holds");
    assert_eq!(ballast_api::report::clear_share_log(&j.session).expect("cleared"), 1, "clearing says how many");
    assert!(ballast_api::report::share_log(&j.session).expect("the log").is_empty(), "and the log is empty");
    assert!(pdf.exists(), "clearing the log leaves the files alone");
}

#[test]
fn thin_ranges_give_sensible_documents() {
    let j = seeded();
    let only =
        ReflectionDraft { occurred_at: Some("2026-09-15T12:00:00Z".into()), mood: Some(5), ..Default::default() };
    ballast_api::entries::save_reflection(&j.session, None, &only).expect("a reflection on a day of its own");
    let cases = [
        (day(1, 1), day(1, 31), "No self-checks were taken in this range."),
        (day(9, 15), day(9, 15), "Reflections: 1 Setbacks logged: 0"),
        (day(9, 15), day(9, 15), "No self-checks were taken in this range."),
        (day(11, 25), day(11, 25), "WHO-5, 25 November 2026"),
    ];
    for (from, to, said) in cases {
        let pdf = j.tmp.path().join(format!("{from}.pdf"));
        run_to_file(&j, &SummaryRequest { from, to, ..november() }, &pdf).expect("a thin range still gives a document");
        assert!(folded(&pdf_text(&pdf)).contains(said), "{from}..{to} says {said:?}");
    }
}

#[test]
fn bad_input_gives_a_calm_error_and_leaves_no_file() {
    let j = seeded();
    let dir = j.tmp.path().join("out");
    std::fs::create_dir(&dir).expect("a folder");
    let backwards = SummaryRequest { from: day(11, 24), to: day(11, 1), ..november() };
    let e = run_to_file(&j, &backwards, &dir.join("a.pdf")).expect_err("a backwards range is refused");
    assert!(matches!(&e, ApiError::Invalid(f) if f[0].field == "from"), "names the first day: {e:?}");
    let e = run_to_file(&j, &november(), &dir.join("a.docx")).expect_err("an unknown extension is refused");
    assert!(matches!(&e, ApiError::Invalid(f) if f[0].field == "out" && f[0].message.contains(".pdf")), "{e:?}");
    let e = run_to_file(&j, &november(), &dir.join("missing").join("a.pdf")).expect_err("a folder that is not there");
    assert!(matches!(&e, ApiError::ExportFailed(_)), "a calm export error: {e:?}");
    std::fs::create_dir(dir.join("taken.pdf")).expect("a folder with a summary's name");
    let e = run_to_file(&j, &november(), &dir.join("taken.pdf")).expect_err("a folder cannot be replaced by a file");
    assert!(matches!(&e, ApiError::ExportFailed(_)), "a calm export error once the file was drawn: {e:?}");
    std::fs::remove_dir(dir.join("taken.pdf")).expect("the folder is left as it was, and empty");
    let long_note = SummaryRequest { note: Some("x".repeat(6000)), ..november() };
    let e = run_to_file(&j, &long_note, &dir.join("a.md")).expect_err("a note over the limit");
    assert!(matches!(&e, ApiError::Invalid(f) if f[0].field == "note"), "{e:?}");
    let left: Vec<_> = std::fs::read_dir(&dir).expect("read").flatten().map(|e| e.file_name()).collect();
    assert!(left.is_empty(), "no file and no partial file is left behind: {left:?}");
    assert!(ballast_api::report::share_log(&j.session).expect("log").is_empty(), "and nothing is recorded as shared");
}

#[test]
fn a_summary_that_changed_since_its_preview_is_not_saved() {
    let j = seeded();
    let preview = ballast_api::report::preview(&j.session, &november()).expect("a preview");
    let pdf = j.tmp.path().join("s.pdf");
    ballast_api::report::set_share_text(&j.session, ballast_core::EntryId(3), true).expect("a tick after the preview");
    let e = ballast_api::report::write(&j.session, &november(), &pdf, Some(&preview.fingerprint))
        .expect_err("the file would differ");
    assert!(matches!(&e, ApiError::Invalid(f) if f[0].field == "preview"), "says the preview changed: {e:?}");
    assert!(
        !pdf.exists() && ballast_api::report::share_log(&j.session).expect("log").is_empty(),
        "nothing is written or recorded"
    );
    let fresh = ballast_api::report::preview(&j.session, &november()).expect("the preview again");
    assert_ne!(fresh.fingerprint, preview.fingerprint, "a different summary has a different fingerprint");
    ballast_api::report::write(&j.session, &november(), &pdf, Some(&fresh.fingerprint))
        .expect("the file of the preview shown");
    assert!(pdf_text(&pdf).contains("PRIVATE-text-borealis"), "now holding the entry ticked before this preview");
}

#[test]
fn a_name_chosen_in_the_dialog_gets_the_formats_extension() {
    use ballast_api::report::with_extension;
    use std::path::PathBuf;
    let cases = [
        ("summary", Format::Pdf, "summary.pdf"),
        ("summary.PDF", Format::Pdf, "summary.PDF"),
        ("notes.md", Format::Pdf, "notes.md.pdf"),
        ("notes", Format::Markdown, "notes.md"),
    ];
    for (typed, format, saved) in cases {
        assert_eq!(
            with_extension(PathBuf::from("/d").join(typed), format),
            PathBuf::from("/d").join(saved),
            "{typed} as {format:?}"
        );
    }
}

#[test]
fn characters_the_pdf_cannot_draw_are_named_in_the_preview() {
    let j = Journey::new(0, "");
    let draft = ReflectionDraft {
        occurred_at: Some("2026-11-10T12:00:00Z".into()),
        text: Some("Held steady 🌱 today".into()),
        share_text: true,
        ..Default::default()
    };
    ballast_api::entries::save_reflection(&j.session, None, &draft).expect("saved");
    let preview = ballast_api::report::preview(&j.session, &november()).expect("a preview");
    assert_eq!(preview.unsupported, ["🌱"], "the seedling has no glyph in the PDF's font, and the preview says so");
}
