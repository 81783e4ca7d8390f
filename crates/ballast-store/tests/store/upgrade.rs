//! Upgrades: a frozen copy of every released schema, with data, lives in `tests/fixtures/schema-vN/`
//! (written once by `write_fixture_for_the_current_schema`, then never changed). Each is opened with
//! this build, upgraded to the latest schema, and must keep every record.

use std::path::{Path, PathBuf};

use ballast_core::{CheckInBody, CheckInId, Entry, EntryBody, EntryId, FixedClock, ReflectionDraft, SetbackDraft};
use ballast_store::{DataDir, Journal, Secret, migrations};
use chrono::{Duration, TimeZone, Utc};
use secrecy::SecretString;
use serde_json::{Value, json};

const PASS: &str = "frozen fixture passphrase";

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// What must survive of each entry, in a form that later schemas keep.
fn summary(e: &Entry) -> Value {
    let (kind, text, mood, tags) = match &e.body {
        EntryBody::Reflection(r) => ("reflection", r.text.clone(), r.mood.map(|m| m.get()), r.tags.clone()),
        EntryBody::Setback(s) => ("setback", s.what_happened.clone(), s.mood.map(|m| m.get()), Vec::new()),
    };
    json!({"id": e.id.0, "kind": kind, "created_at": e.created_at, "updated_at": e.updated_at, "text": text, "mood": mood, "tags": tags})
}

fn all(j: &Journal) -> Vec<Value> {
    let mut out = Vec::new();
    let mut after = EntryId(0);
    loop {
        let page = j.entries_after(after, 100).expect("read");
        let Some(last) = page.last() else { return out };
        after = last.id;
        out.extend(page.iter().map(summary));
    }
}

/// Every check-in (schema 2 on), whole.
fn check_ins(j: &Journal) -> Value {
    let all = j.check_ins_after(CheckInId(0), 1000).expect("read check-ins");
    Value::Array(all.iter().map(|c| json!({"id": c.id.0, "body": c.body})).collect())
}

#[test]
#[ignore = "run once when a schema is released: cargo test -p ballast-store --test store upgrade -- --ignored"]
fn write_fixture_for_the_current_schema() {
    let out = fixtures().join(format!("schema-v{}", migrations::latest_version()));
    assert!(!out.exists(), "a released schema's fixture is frozen; {} exists", out.display());
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = DataDir::new(tmp.path().join("data"));
    let start = Utc.with_ymd_and_hms(2026, 11, 1, 18, 0, 0).single().expect("date");
    let (mut j, _) = Journal::create(&dir, &SecretString::from(PASS.to_owned()), start).expect("set up");
    for i in 0..30 {
        let clock = FixedClock(start + Duration::hours(i * 7));
        let body = if i % 5 == 4 {
            let d = SetbackDraft {
                setback_type: Some("crisis".into()),
                what_happened: Some(format!("setback {i}")),
                mood: Some(2),
                ..Default::default()
            };
            EntryBody::Setback(d.validate(&clock).expect("valid"))
        } else {
            let d = ReflectionDraft {
                text: Some(format!("reflection {i} — ünïcode")),
                mood: Some(i32::try_from(i % 11).expect("small")),
                tags: vec![format!("t{}", i % 3)],
                ..Default::default()
            };
            EntryBody::Reflection(d.validate(&clock).expect("valid"))
        };
        j.insert(&body, clock.0).expect("save");
    }
    j.set_setting("auto_lock_minutes", "15").expect("setting");
    let answers: [(&str, Vec<Option<i32>>); 4] = [
        ("proqol5", (0..30).map(|i| if i == 7 { None } else { Some(i % 5 + 1) }).collect()),
        ("who5", vec![Some(5), Some(4), Some(3), Some(2), Some(1)]),
        ("cbi", (0..19).map(|i| Some([100, 75, 50, 25, 0][i % 5])).collect()),
        ("single_item_burnout", vec![Some(3)]),
    ];
    for (n, (id, a)) in (0..).zip(answers) {
        let body = CheckInBody::new(id, a, start + Duration::days(n)).expect("valid answers");
        j.record_check_in(&body).expect("record");
    }
    let shared = ballast_core::share::Shared {
        shared_at: start + Duration::days(5),
        from: start.date_naive(),
        to: (start + Duration::days(4)).date_naive(),
        format: ballast_core::share::Format::Pdf,
        file_name: "supervision-summary.pdf".into(),
        included: ballast_core::share::Included {
            check_ins: 4,
            charts: 3,
            shared_entries: 1,
            note: true,
            ..Default::default()
        },
    };
    j.record_share(&shared).expect("a share-log record");
    let expected = all(&j);
    let expected_check_ins = check_ins(&j);
    let expected_share_log = serde_json::to_string_pretty(&j.share_log().expect("the log")).expect("json");
    drop(j);
    std::fs::create_dir_all(&out).expect("fixture folder");
    for name in ["vault.json", "journal.db"] {
        std::fs::copy(dir.root().join(name), out.join(name)).expect("copy");
    }
    std::fs::write(out.join("expected.json"), serde_json::to_string_pretty(&expected).expect("json"))
        .expect("expected");
    std::fs::write(out.join("check_ins.json"), serde_json::to_string_pretty(&expected_check_ins).expect("json"))
        .expect("expected check-ins");
    std::fs::write(out.join("share_log.json"), expected_share_log).expect("expected share log");
}

#[test]
fn every_frozen_schema_upgrades_and_keeps_every_record() {
    let mut found = 0;
    for fixture in std::fs::read_dir(fixtures()).expect("fixtures").flatten().map(|e| e.path()).filter(|p| p.is_dir()) {
        found += 1;
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = DataDir::new(tmp.path().join("data"));
        std::fs::create_dir_all(dir.root()).expect("dir");
        for name in ["vault.json", "journal.db"] {
            std::fs::copy(fixture.join(name), dir.root().join(name)).expect("copy the frozen journal");
        }
        let expected: Value =
            serde_json::from_slice(&std::fs::read(fixture.join("expected.json")).expect("expected")).expect("json");
        let now = Utc.with_ymd_and_hms(2027, 1, 1, 9, 0, 0).single().expect("date");
        let mut j = Journal::open(&dir, &Secret::Passphrase(SecretString::from(PASS.to_owned())), now)
            .unwrap_or_else(|e| panic!("{} opens and upgrades: {e}", fixture.display()));
        assert_eq!(Value::Array(all(&j)), expected, "{}: every record is kept by the upgrade", fixture.display());
        assert_eq!(j.setting("auto_lock_minutes").expect("setting").as_deref(), Some("15"), "settings are kept");
        let schema: i64 = fixture
            .file_name()
            .and_then(|n| n.to_str()?.strip_prefix("schema-v")?.parse().ok())
            .expect("fixtures are named schema-vN");
        if schema >= 2 {
            let kept = std::fs::read(fixture.join("check_ins.json")).expect("from schema 2 on, check_ins.json");
            let kept: Value = serde_json::from_slice(&kept).expect("json");
            assert_eq!(check_ins(&j), kept, "{}: every check-in is kept by the upgrade", fixture.display());
        }
        if schema >= 5 {
            let kept: Value = serde_json::from_slice(
                &std::fs::read(fixture.join("share_log.json")).expect("from schema 5 on, share_log.json"),
            )
            .expect("json");
            let now = serde_json::to_value(j.share_log().expect("the log")).expect("json");
            assert_eq!(now, kept, "{}: the share log is kept by the upgrade", fixture.display());
        }
        let texts: Vec<i64> = expected
            .as_array()
            .expect("a list")
            .iter()
            .filter(|e| e["text"].as_str().is_some_and(|t| t.contains("reflection")))
            .filter_map(|e| e["id"].as_i64())
            .collect();
        let search = ballast_store::search::Search { text: "unicode", limit: 500, ..Default::default() };
        let mut found_ids: Vec<i64> = j.search(&search).expect("search").iter().map(|h| h.id.0).collect();
        found_ids.sort_unstable();
        assert_eq!(found_ids, texts, "{}: the upgrade indexes every existing entry for search", fixture.display());
        assert_eq!(j.integrity_problems().expect("check"), Vec::<String>::new(), "the upgraded file is sound");
    }
    assert!(found >= 1, "there is a frozen copy of at least the first schema");
}
