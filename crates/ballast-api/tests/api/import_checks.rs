//! Importing what is not a clean export of this version: one bad record among many (nothing
//! written, every problem named), wrong versions, huge files, a journal that already has entries,
//! the share log's rules, the fuzz seeds, and a frozen version-5 export; and the export folder's
//! files.

use ballast_api::ApiError;
use chrono::Duration;

use crate::support::{Journey, contains};
use crate::transfer::{import, write_file};

#[test]
fn one_bad_record_among_many_writes_nothing_and_every_problem_is_named() {
    let source = Journey::new(50, "a line");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&ballast_api::transfer::export::export_json(&source.session).expect("export"))
            .expect("json");
    doc["entries"][17]["mood"] = 11.into();
    doc["entries"][30]["kind"] = "diary".into();
    doc["entries"][41]["created_at"] = "yesterday".into();
    doc["entries"][44]["colour"] = "blue".into();
    let target = Journey::new(2, "already here");
    let path = write_file(&target, "bad.json", &serde_json::to_vec(&doc).expect("json"));
    let before = target.texts();
    let err = import(&target, &path).expect_err("invalid");
    let ApiError::ImportInvalid(problems) = err else { panic!("an import problem list, got {err:?}") };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        ["entries[17].mood", "entries[30].kind", "entries[41].created_at", "entries[44].colour"],
        "each problem names its record and field"
    );
    assert!(problems.iter().all(|p| !p.message.contains("blue") && !p.message.contains("diary")), "no value is echoed");
    assert_eq!(target.texts(), before, "nothing was written");
    assert!(
        ballast_api::backups::list_backups(&target.session).expect("list").backups.is_empty(),
        "not even a backup: nothing was going to change"
    );
}

#[test]
fn wrong_version_not_json_and_empty_files_are_refused_plainly() {
    let j = Journey::new(1, "kept");
    let cases: [(&str, &[u8], &str); 5] = [
        ("version.json", br#"{"format": "ballast-export", "version": 9, "entries": [], "settings": []}"#, "version"),
        ("nonsense.json", b"this is not json at all", "file"),
        ("empty.json", b"", "file"),
        ("array.json", b"[1, 2, 3]", "file"),
        ("echo.json", br#"{"format": "ballast-export", "version": ["private words"], "entries": []}"#, "version"),
    ];
    for (name, bytes, field) in cases {
        let err = import(&j, &write_file(&j, name, bytes)).expect_err(name);
        let ApiError::ImportInvalid(problems) = err else { panic!("{name}: got {err:?}") };
        assert_eq!(problems[0].field, field, "{name} is refused for its {field}: {problems:?}");
        assert!(problems.iter().all(|p| !p.message.contains("private")), "{name}: nothing from the file is echoed");
    }
    assert_eq!(j.texts().len(), 1, "nothing was written");
}

#[test]
fn a_200_mb_file_streams_and_one_bad_record_at_its_end_writes_nothing() {
    let j = Journey::new(1, "kept");
    let path = j.tmp.path().join("big.json");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
        write!(f, "{{\"format\": \"ballast-export\", \"version\": 1, \"entries\": [").expect("write");
        let body = "x".repeat(49_000);
        for i in 1..=4_200 {
            write!(f, "{{\"id\": {i}, \"created_at\": \"2026-01-01T00:00:00Z\", \"updated_at\": \"2026-01-01T00:00:00Z\", \"kind\": \"reflection\", \"occurred_at\": \"2026-01-01T00:00:00Z\", \"text\": \"{body}\"}},").expect("write");
        }
        write!(f, "{{\"id\": 5000, \"kind\": \"reflection\"}}], \"settings\": []}}").expect("write");
    }
    let size = std::fs::metadata(&path).expect("size").len();
    assert!(size > 200_000_000, "the file is over 200 MB ({size})");
    let mut seen = 0;
    let err = ballast_api::transfer::import::import_file(&j.session, &path, &mut |p| seen = seen.max(p.done))
        .expect_err("the last record is invalid");
    let ApiError::ImportInvalid(problems) = err else { panic!("got {err:?}") };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        ["entries[4200].created_at", "entries[4200].updated_at", "entries[4200].occurred_at"],
        "only the bad record"
    );
    assert!(seen >= size, "progress reached the end of the file");
    assert_eq!(j.texts().len(), 1, "nothing was written");
}

#[test]
fn importing_into_a_journal_with_entries_adds_only_what_is_new() {
    let a = Journey::new(3, "from a");
    let b = Journey::new(2, "from b");
    let path = write_file(&b, "a.json", &ballast_api::transfer::export::export_json(&a.session).expect("export"));
    let report = import(&b, &path).expect("import");

    assert_eq!(report.backup.reason, "before_import", "the journal was backed up first");
    let mut texts = b.texts();
    texts.sort();
    assert_eq!(
        texts,
        ["from a 0", "from a 1", "from a 2", "from b 0", "from b 1"],
        "both journals' entries, once each"
    );
    assert_eq!(import(&b, &path).expect("again").added, 0, "a second import doubles nothing");
}

#[test]
fn the_export_folder_holds_json_csv_per_table_and_markdown() {
    let j = Journey::new(3, "=SUM(A1) spreadsheet-safe");
    let out = j.tmp.path().join("export");
    let report = ballast_api::transfer::export::export_to(&j.session, &out).expect("export");
    assert_eq!(report.entries, 3, "three entries exported");
    let names: Vec<String> = report.files.iter().map(|f| f.rsplit('/').next().unwrap_or_default().to_owned()).collect();
    assert_eq!(
        names,
        ["ballast-export.json", "entries.csv", "settings.csv", "check_ins.csv", "check_in_answers.csv", "entries.md"],
        "the JSON, a CSV per table and the Markdown"
    );
    let mut csv = csv::Reader::from_path(out.join("entries.csv")).expect("csv");
    let headers = csv.headers().expect("headers").clone();
    assert_eq!(headers.len(), ballast_api::transfer::tables::ENTRY_COLUMNS.len(), "a column per field");
    assert!(
        headers.iter().any(|h| h == "service_kind") && headers.iter().any(|h| h == "template"),
        "the newer fields too"
    );
    let rows: Vec<csv::StringRecord> = csv.records().collect::<Result<_, _>>().expect("rows");
    assert_eq!(rows.len(), 3, "a row per entry");
    let text_col = headers.iter().position(|h| h == "text").expect("text column");
    assert!(rows[0][text_col].starts_with("'=SUM"), "a formula-like cell is defused for spreadsheets");
    let md = std::fs::read(out.join("entries.md")).expect("markdown");
    assert!(contains(&md, "> =SUM(A1) spreadsheet-safe 0"), "the Markdown quotes the text as written");
    let settings = std::fs::read_to_string(out.join("settings.csv")).expect("settings");
    assert_eq!(settings, "key,value\n", "no settings saved yet, just the header");
}

#[test]
fn the_fuzz_seeds_are_what_they_say() {
    let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/seeds");
    let clock = ballast_core::FixedClock(chrono::DateTime::UNIX_EPOCH + Duration::days(20_600));
    for (name, valid) in [("valid.json", true), ("check-ins.json", true), ("invalid.json", false)] {
        let file = std::fs::File::open(seeds.join(name)).expect("a seed");
        let checked = ballast_api::transfer::import::check_document(file, &clock);
        assert_eq!(
            checked.is_ok(),
            valid,
            "fuzz/seeds/{name} should be {}: {checked:?}",
            if valid { "valid" } else { "invalid" }
        );
    }
}

#[test]
fn a_share_log_record_that_breaks_a_rule_writes_nothing() {
    let source = Journey::new(1, "a line");
    let req = ballast_api::report::SummaryRequest {
        from: chrono::NaiveDate::from_ymd_opt(2026, 11, 1).expect("day"),
        to: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("day"),
        include_codes: false,
        include_tags: false,
        note: None,
        author: None,
    };
    ballast_api::report::write(&source.session, &req, &source.tmp.path().join("s.md"), None).expect("a summary");
    let mut doc: serde_json::Value =
        serde_json::from_slice(&ballast_api::transfer::export::export_json(&source.session).expect("export"))
            .expect("json");
    assert_eq!(doc["share_log"].as_array().map(Vec::len), Some(1), "the export carries the share log");
    doc["share_log"][0]["from"] = "2026-12-01".into();
    let target = Journey::new(0, "");
    let path = write_file(&target, "bad.json", &serde_json::to_vec(&doc).expect("json"));
    let err = import(&target, &path).expect_err("a backwards range in the log is refused");
    let ApiError::ImportInvalid(problems) = err else { panic!("an import problem list, got {err:?}") };
    assert_eq!(problems[0].field, "share_log[0].from", "names the record and field");
    assert!(
        ballast_api::report::share_log(&target.session).expect("log").is_empty() && target.texts().is_empty(),
        "nothing was written"
    );
}

#[test]
fn an_export_of_the_previous_version_imports_whole() {
    // Written by Ballast at export version 5 and never changed (tests/fixtures/export-v5).
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/export-v5/ballast-export.json");
    let j = Journey::new(0, "");
    let report = import(&j, &fixture).expect("a version 5 export imports");
    assert_eq!(report.skipped, 0, "nothing to skip in an empty journal");
    let texts = j.texts();
    assert_eq!(texts.len(), 3, "its three entries");
    assert!(texts.iter().any(|t| t.contains("\"Quoted\" words, a tab\tand ünïcode.")), "text kept exactly");
    let again = import(&j, &fixture).expect("a second import");
    assert_eq!(again.added, 0, "a second import adds nothing");
    let json =
        String::from_utf8(ballast_api::transfer::export::export_json(&j.session).expect("export")).expect("utf-8");
    assert!(json.contains("\"version\": 6"), "it is written back at the current version");
    assert!(
        json.contains("\"templates\": [") && json.contains("\"template_choices\": ["),
        "with the parts version 6 added"
    );
}
