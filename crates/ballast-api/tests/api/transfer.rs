//! Export and import: a lossless round trip over generated journals, an invalid import that writes
//! nothing and lists every problem, duplicates skipped, and the tables for people.

use ballast_api::ApiError;
use ballast_core::draft::DisclosureDraft;
use ballast_core::{ReflectionDraft, SetbackDraft};
use chrono::Duration;
use proptest::prelude::*;

use crate::support::{Journey, contains};

/// The export with its own timestamp line taken out.
fn without_stamp(json: &[u8]) -> String {
    String::from_utf8(json.to_vec())
        .expect("utf-8")
        .lines()
        .filter(|l| !l.contains("\"exported_at\""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_file(j: &Journey, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = j.tmp.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

fn import(j: &Journey, path: &std::path::Path) -> Result<ballast_api::dto::ImportReport, ApiError> {
    ballast_api::transfer::import::import_file(&j.session, path, &mut |_| {})
}

#[derive(Debug, Clone)]
enum Step {
    Reflection(ReflectionDraft),
    Setback(SetbackDraft),
    DeleteOldest,
    EditNewest(Option<String>),
    CheckIn(String, Vec<Option<i32>>),
    /// A reflection written with a template (a built-in one, or the journey's own when `own`),
    /// its answers in prompt order.
    Templated {
        own: bool,
        pick: usize,
        answers: Vec<Option<String>>,
    },
}

/// The journey's own template, made before any step (and edited after, so entries written with
/// it keep prompts it no longer has).
fn own_template() -> ballast_api::templates::OwnTemplateDraft {
    let prompt = |t: &str| ballast_core::template::Prompt { id: String::new(), text: t.into() };
    ballast_api::templates::OwnTemplateDraft {
        id: String::new(),
        name: "After a home visit".into(),
        about: "Mine, \"quoted\".".into(),
        prompts: vec![prompt("What did the home tell you?"), prompt("What will you bring next time?")],
    }
}

/// A check-in of any instrument, each answer one of its item's options or skipped.
fn check_in() -> impl Strategy<Value = Step> {
    crate::support::any_check_in().prop_map(|(def, answers)| Step::CheckIn(def.id, answers))
}

fn text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        "[a-zA-Z0-9 ,.'!?-]{0,40}",
        "\\PC{0,20}",
        Just("line one\nline \"two\"\t\\ done".to_owned())
    ])
}

fn score() -> impl Strategy<Value = Option<i32>> {
    prop::option::of(0..=10i32)
}

fn step() -> impl Strategy<Value = Step> {
    let reflection = (
        (
            score(),
            score(),
            score(),
            prop::option::of(prop::sample::select(vec!["setback", "no_change", "progress", "not_applicable"])),
        ),
        (
            prop::option::of(-2..=2i32),
            prop::option::of(prop::option::of(prop::sample::select(vec!["helped", "unsure", "regretted"]))),
        ),
        (
            prop::option::of(any::<bool>()),
            text(),
            prop::option::of("[A-Z][0-9]{1,2}"),
            prop::collection::vec("[a-z]{1,8}", 0..3),
        ),
        (text(), any::<bool>(), 0..2000i64),
    )
        .prop_map(
            |(
                (mood, self_worth, tied, outcome),
                (push, disclosure),
                (connected, strengths, code, tags),
                (text, share, mins),
            )| {
                Step::Reflection(ReflectionDraft {
                    occurred_at: Some(
                        (chrono::DateTime::UNIX_EPOCH + Duration::days(20_000) + Duration::minutes(mins)).to_rfc3339(),
                    ),
                    mood,
                    self_worth,
                    worth_tied_to_outcomes: tied,
                    outcome: outcome.map(str::to_owned),
                    push_patience: push,
                    disclosure: disclosure.map(|l| DisclosureDraft { landed: l.map(str::to_owned) }),
                    connected_to_service: connected,
                    // A kind and whether it held only go with a connection.
                    service_kind: connected.filter(|c| *c).and_then(|_| {
                        let kinds = [
                            "housing",
                            "benefits",
                            "clinical_care",
                            "peer_or_community_group",
                            "work_or_study",
                            "other",
                        ];
                        (mins % 7 != 6).then(|| kinds[usize::try_from(mins % 7).unwrap_or(0)].to_owned())
                    }),
                    service_held: connected.filter(|c| *c).and_then(|_| {
                        ["held", "did_not_hold", "not_yet_known"]
                            .get(usize::try_from(mins % 4).unwrap_or(0))
                            .map(|h| (*h).to_owned())
                    }),
                    strength_words: tags.iter().rev().map(|t| format!("{t} strength")).collect(),
                    strengths,
                    person_code: code,
                    tags,
                    text,
                    share_text: share,
                    template: None,
                })
            },
        );
    let setback =
        (prop::sample::select(vec!["relapse", "crisis", "loss", "other"]), text(), text(), score(), any::<bool>())
            .prop_map(|(kind, what, support, mood, share)| {
                Step::Setback(SetbackDraft {
                    setback_type: Some(kind.to_owned()),
                    what_happened: what,
                    support,
                    mood,
                    share_text: share,
                    ..Default::default()
                })
            });
    prop_oneof![
        4 => reflection,
        2 => setback,
        1 => Just(Step::DeleteOldest),
        1 => text().prop_map(Step::EditNewest),
        2 => check_in(),
        2 => (any::<bool>(), 0..8usize, prop::collection::vec(text(), 0..7))
            .prop_map(|(own, pick, answers)| Step::Templated { own, pick, answers })
    ]
}

fn build(steps: &[Step], auto_lock: u32) -> Journey {
    let j = Journey::new(0, "");
    let own = ballast_api::templates::save_own(&j.session, &own_template()).expect("a template of one's own");
    for s in steps {
        j.clock.advance(Duration::milliseconds(1_234_567));
        match s {
            Step::Reflection(d) => drop(
                ballast_api::entries::save_reflection(&j.session, None, d).expect("a generated reflection is valid"),
            ),
            Step::Setback(d) => {
                drop(ballast_api::entries::save_setback(&j.session, None, d).expect("a generated setback is valid"))
            }
            Step::Templated { own: mine, pick, answers } => {
                let t = if *mine { own.clone() } else { ballast_core::template::built_ins()[*pick].clone() };
                let answers = t
                    .prompts
                    .iter()
                    .zip(answers)
                    .map(|(p, a)| ballast_core::draft::AnswerDraft {
                        prompt_id: p.id.clone(),
                        prompt: String::new(),
                        text: a.clone(),
                    })
                    .collect();
                let template =
                    Some(ballast_core::draft::TemplateDraft { id: t.id.clone(), name: String::new(), answers });
                let d = ReflectionDraft { template, ..Default::default() };
                drop(
                    ballast_api::entries::save_reflection(&j.session, None, &d)
                        .expect("a templated reflection is valid"),
                );
            }
            Step::CheckIn(id, answers) => {
                drop(
                    ballast_api::check_ins::record(&j.session, id, answers.clone())
                        .expect("a generated check-in is valid"),
                );
            }
            Step::DeleteOldest | Step::EditNewest(_) => {
                let page = ballast_api::entries::list_entries(&j.session, None, 500).expect("list");
                let (Some(newest), Some(oldest)) = (page.entries.first(), page.entries.last()) else { continue };
                if let Step::EditNewest(t) = s {
                    if let ballast_api::dto::EntryFields::Reflection(mut r) =
                        ballast_api::entries::get_entry(&j.session, newest.id).expect("get").fields
                    {
                        r.text = t.clone();
                        ballast_api::entries::save_reflection(&j.session, Some(newest.id), &r).expect("edit");
                    }
                } else {
                    ballast_api::entries::delete_entry(&j.session, oldest.id).expect("delete");
                }
            }
        }
    }
    ballast_api::settings::save(
        &j.session,
        ballast_api::dto::Settings { auto_lock_minutes: auto_lock, lock_when_minimised: false, on_this_day: false },
    )
    .expect("settings");
    let mut edited = own_template();
    edited.id = own.id.clone();
    edited.prompts = own.prompts.clone();
    edited.prompts[0].text = "What did the home tell you, now?".into();
    edited.prompts.reverse();
    ballast_api::templates::save_own(&j.session, &edited).expect("the template edited after its entries");
    ballast_api::templates::arrange(&j.session, &["gibbs".into(), own.id.clone()], &["setback".into()])
        .expect("an order of one's own, with a template hidden");
    ballast_api::check_ins::set_every(&j.session, "cbi", auto_lock % 60).expect("a schedule");
    let mut plan =
        ballast_core::care::SelfCarePlan { vt_goals: format!("plan {auto_lock}\n\"quoted\""), ..Default::default() };
    ballast_api::care::save_self_care_plan(&j.session, &plan).expect("a plan");
    j.clock.advance(Duration::minutes(1));
    plan.people = "Sam".into();
    ballast_api::care::save_self_care_plan(&j.session, &plan).expect("a second version");
    let resource = ballast_core::care::Resource { name: "Sam".into(), contact: "0123".into(), note: String::new() };
    ballast_api::care::save_support_resources(&j.session, &[resource]).expect("resources");
    ballast_api::trends::dismiss_nudge(&j.session, &format!("wellbeing_low:{auto_lock}")).expect("dismiss a nudge");
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).expect("a real day");
    let summary = ballast_api::report::SummaryRequest {
        from: day(1),
        to: day(1 + auto_lock % 29),
        include_codes: auto_lock.is_multiple_of(2),
        include_tags: auto_lock.is_multiple_of(3),
        note: Some(format!("note {auto_lock}")),
        author: auto_lock.is_multiple_of(5).then(|| "Sam".to_owned()),
    };
    ballast_api::report::write(&j.session, &summary, &j.tmp.path().join("summary.md"), None)
        .expect("a summary, kept in the share log");
    j
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_byte_identical(steps in prop::collection::vec(step(), 0..25), minutes in 1..=240u32) {
        let a = build(&steps, minutes);
        let first = ballast_api::transfer::export::export_json(&a.session).expect("export");
        let b = Journey::new(0, "");
        let path = write_file(&b, "export.json", &first);
        let report = import(&b, &path).expect("a fresh export imports");
        b.clock.advance(Duration::days(3));
        let second = ballast_api::transfer::export::export_json(&b.session).expect("export again");
        prop_assert_eq!(without_stamp(&first), without_stamp(&second), "export → import → export is lossless");
        prop_assert_eq!(report.skipped, 0, "nothing to skip in an empty journal");
        let again = import(&b, &path).expect("the same file again");
        prop_assert_eq!(again.added, 0, "a second import adds nothing");
        prop_assert_eq!(without_stamp(&ballast_api::transfer::export::export_json(&b.session).expect("export")), without_stamp(&first), "and doubles nothing");
    }
}

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
