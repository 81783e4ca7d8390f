//! The `ballast` binary as a script would use it: real processes, a temporary data directory,
//! and the documented exit codes.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const PASS: &str = "harbour lantern quietly";

fn ballast(dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ballast"));
    cmd.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("BALLAST_PASSPHRASE")
        .env_remove("BALLAST_RECOVERY_KEY")
        .env_remove("BALLAST_DATA_DIR");
    cmd.envs(env.iter().copied()).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run ballast");
    let mut pipe = child.stdin.take().expect("stdin");
    pipe.write_all(stdin.unwrap_or("").as_bytes()).expect("write stdin");
    drop(pipe);
    child.wait_with_output().expect("wait")
}

fn ok(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let out = ballast(dir, args, &[("BALLAST_PASSPHRASE", PASS)], stdin);
    assert!(out.status.success(), "ballast {args:?} should succeed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally")
}

fn init(dir: &Path) -> String {
    let out = ok(dir, &["init"], None);
    out.lines()
        .map(str::trim)
        .find(|l| l.len() == 39 && l.matches('-').count() == 7)
        .expect("the recovery key is printed")
        .to_owned()
}

#[test]
fn version_and_usage_errors() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = ballast(tmp.path(), &["--version"], &[], None);
    assert!(
        out.status.success() && String::from_utf8_lossy(&out.stdout).starts_with("ballast "),
        "--version prints the name and version"
    );
    assert_eq!(code(&ballast(tmp.path(), &["frobnicate"], &[], None)), 2, "an unknown command is a usage error");
    let out = ballast(tmp.path(), &["list"], &[], None);
    assert_eq!(code(&out), 1, "listing before set-up fails plainly");
    assert!(String::from_utf8_lossy(&out.stderr).contains("ballast init"), "and says how to start a journal");
}

#[test]
fn init_add_list_show_delete() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    let recovery = init(dir);
    let json = r#"{"occurred_at": "2026-11-25T18:30:00+00:00", "mood": 6, "self_worth": 5, "worth_tied_to_outcomes": 8,
        "outcome": "progress", "push_patience": 0, "disclosure": {"landed": "helped"}, "connected_to_service": true,
        "strengths": "humour", "person_code": "R7", "tags": ["housing"], "text": "a good session", "share_text": false}"#;
    let id = ok(dir, &["add", "--json", "-"], Some(json)).trim().to_owned();
    assert!(id.parse::<i64>().is_ok(), "add prints the new id, got {id:?}");
    let flags = ok(dir, &["add", "--mood", "3", "--push-patience", "-2", "--tag", "tired", "--text", "by hand"], None);
    let setback = r#"{"setback_type": "hospital_admission", "person_code": "R7", "what_happened": "admitted", "mood": 2, "share_text": true}"#;
    let sb_path = dir.join("setback.json");
    std::fs::write(&sb_path, setback).expect("write json");
    let sid = ok(dir, &["add-setback", "--json", sb_path.to_str().expect("utf-8 path")], None).trim().to_owned();
    let list: serde_json::Value =
        serde_json::from_str(&ok(dir, &["list", "--json"], None)).expect("list --json is JSON");
    assert_eq!(list.as_array().map(Vec::len), Some(3), "three entries listed");
    let shown: serde_json::Value =
        serde_json::from_str(&ok(dir, &["show", &id, "--json"], None)).expect("show --json is JSON");
    assert_eq!(shown["kind"], "reflection", "the kind is tagged");
    assert_eq!(shown["text"], "a good session", "fields come back as saved");
    assert_eq!(shown["disclosure"]["landed"], "helped", "nested fields too");
    let text = ok(dir, &["show", &sid], None);
    assert!(text.contains("hospital_admission") && text.contains("admitted"), "show prints the setback's fields");
    let table = ok(dir, &["list"], None);
    assert!(table.contains("by hand") && table.contains("setback"), "the table shows previews and kinds");
    assert!(!flags.trim().is_empty(), "the flag form prints an id too");
    ok(dir, &["delete", &id], None);
    assert_eq!(
        code(&ballast(dir, &["show", &id], &[("BALLAST_PASSPHRASE", PASS)], None)),
        1,
        "a deleted entry is not found"
    );
    let out = ballast(dir, &["list"], &[("BALLAST_RECOVERY_KEY", &recovery)], None);
    assert!(out.status.success(), "the recovery key opens the journal from the CLI too");
}

#[test]
fn wrong_secrets_exit_3() {
    let tmp = tempfile::tempdir().expect("temp dir");
    init(tmp.path());
    let out = ballast(tmp.path(), &["list"], &[("BALLAST_PASSPHRASE", "this is not it")], None);
    assert_eq!(code(&out), 3, "a wrong passphrase exits 3");
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("That passphrase does not open this journal."),
        "with the calm message"
    );
    let out =
        ballast(tmp.path(), &["list"], &[("BALLAST_RECOVERY_KEY", "0000-0000-0000-0000-0000-0000-0000-0000")], None);
    assert_eq!(code(&out), 3, "a wrong recovery key exits 3");
    let out = ballast(tmp.path(), &["list"], &[], None);
    assert_eq!(code(&out), 2, "no passphrase and no terminal is a usage problem, not a hang");
}

#[test]
fn invalid_input_exits_4_and_writes_nothing() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    init(dir);
    for (json, field) in [
        (r#"{"mood": 11}"#, "mood"),
        (r#"{"outcome": "sideways"}"#, "outcome"),
        (r#"{"occurred_at": "last tuesday"}"#, "occurred_at"),
        (r#"{"colour": "blue"}"#, "colour"),
        (r#"{"mood": 4,"#, "JSON"),
    ] {
        let out = ballast(dir, &["add", "--json", "-"], &[("BALLAST_PASSPHRASE", PASS)], Some(json));
        assert_eq!(code(&out), 4, "{json} is invalid input and exits 4");
        assert!(String::from_utf8_lossy(&out.stderr).contains(field), "stderr names {field} for {json}");
    }
    let out = ballast(dir, &["add-setback", "--json", "-"], &[("BALLAST_PASSPHRASE", PASS)], Some("{}"));
    assert_eq!(code(&out), 4, "a setback without a type exits 4");
    let out = ballast(tmp.path(), &["init"], &[("BALLAST_PASSPHRASE", "short")], None);
    assert_eq!(code(&out), 4, "a short passphrase at init is invalid input");
    let list: serde_json::Value = serde_json::from_str(&ok(dir, &["list", "--json"], None)).expect("JSON");
    assert_eq!(list.as_array().map(Vec::len), Some(0), "nothing was written by any rejected command");
}

#[test]
fn a_second_writer_exits_5() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().to_owned();
    init(&dir);
    // The first process holds the journal while it waits for its JSON on standard input.
    let mut holder = hold_journal(&dir);
    let out = ballast(&dir, &["list"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&out), 5, "a second process is refused while the first holds the journal");
    assert!(String::from_utf8_lossy(&out.stderr).contains("open in another Ballast window or command"), "and told why");
    let mut pipe = holder.stdin.take().expect("stdin");
    pipe.write_all(br#"{"mood": 5}"#).expect("feed the holder");
    drop(pipe);
    assert!(holder.wait_with_output().expect("holder ends").status.success(), "the holder saves normally");
    ok(&dir, &["list"], None);
}

/// Starts `ballast add --json -` and returns once it is seen holding the journal's lock. A probe
/// that takes the lock for an instant can make the starting holder lose the race and exit 5; the
/// holder is then started again.
fn hold_journal(dir: &Path) -> std::process::Child {
    for _ in 0..10 {
        let mut holder = Command::new(env!("CARGO_BIN_EXE_ballast"))
            .arg("--data-dir")
            .arg(dir)
            .args(["add", "--json", "-"])
            .env("BALLAST_PASSPHRASE", PASS)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the holder");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while std::time::Instant::now() < deadline {
            if holder.try_wait().expect("poll holder").is_some() {
                break;
            }
            let probe = std::fs::File::open(dir.join("ballast.lock")).expect("open lock file");
            if matches!(probe.try_lock(), Err(std::fs::TryLockError::WouldBlock)) {
                return holder;
            }
            drop(probe);
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        let _ = holder.kill();
        let _ = holder.wait();
    }
    panic!("the holder never took the journal's lock");
}

#[test]
fn backup_list_verify_and_restore() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    init(&dir);
    ok(&dir, &["add", "--text", "first", "--mood", "4"], None);
    // Opening the journal made the day's backup; `backup` makes another.
    let made = ok(&dir, &["backup"], None);
    assert!(made.starts_with("Backed up and verified:"), "says it was verified: {made}");
    let list: serde_json::Value = serde_json::from_str(&ok(&dir, &["backups", "--json"], None)).expect("json");
    let backups = list["backups"].as_array().expect("a list");
    assert_eq!(backups.len(), 2, "the daily backup and the one asked for: {list}");
    assert!(backups.iter().all(|b| b["verified"] == true), "each is verified");
    let newest = backups[0]["file_name"].as_str().expect("name").to_owned();
    assert!(ok(&dir, &["verify"], None).contains("journal: sound"), "verify checks the journal too");
    assert!(ok(&dir, &["verify", &newest], None).contains("verified"), "and one named backup");

    ok(&dir, &["add", "--text", "second"], None);
    let out = ballast(&dir, &["restore", &newest], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&out), 2, "restore without --confirm is refused as a usage error");
    assert_eq!(ok(&dir, &["list", "--json"], None).matches("\"id\"").count(), 2, "and nothing changed");
    let restored = ok(&dir, &["restore", &newest, "--confirm"], None);
    assert!(restored.contains("is kept as"), "names the backup made first: {restored}");
    assert_eq!(ok(&dir, &["list", "--json"], None).matches("\"id\"").count(), 1, "the backup's one entry");

    let bad = dir.join("backups").join(&newest);
    let mut bytes = std::fs::read(&bad).expect("read");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0xFF;
    std::fs::write(&bad, bytes).expect("damage a backup");
    let out = ballast(&dir, &["verify"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&out), 1, "a damaged backup fails verify");
    assert!(String::from_utf8_lossy(&out.stdout).contains("did not pass its check"), "and says which");
}

#[test]
fn restore_newest_recovers_a_damaged_journal() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    init(&dir);
    ok(&dir, &["add", "--text", "kept"], None);
    ok(&dir, &["backup"], None);
    std::fs::write(dir.join("journal.db"), b"").expect("empty the journal");
    let out = ballast(&dir, &["list"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&out), 1, "a damaged journal does not open");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("is empty") && err.contains("ballast restore newest --confirm"),
        "says what and what to do: {err}"
    );
    let q: Vec<_> = std::fs::read_dir(dir.join("quarantine")).expect("quarantine").collect();
    assert_eq!(q.len(), 1, "the damaged file was moved aside");
    ok(&dir, &["restore", "newest", "--confirm"], None);
    assert!(ok(&dir, &["list"], None).contains("kept"), "the entry is back");
}

#[test]
fn export_import_and_delete_all() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    init(&a);
    init(&b);
    ok(&a, &["add", "--text", "travels with me", "--mood", "7"], None);
    let out = tmp.path().join("out");
    let printed = ok(&a, &["export", "--out", out.to_str().expect("utf-8")], None);
    assert!(printed.contains("Exported 1 entries"), "says how many: {printed}");
    for f in ["ballast-export.json", "entries.csv", "settings.csv", "entries.md"] {
        assert!(out.join(f).exists(), "{f} is written");
    }
    let file = out.join("ballast-export.json");
    let printed = ok(&b, &["import", file.to_str().expect("utf-8")], None);
    assert!(printed.contains("Imported 1 records"), "one record: {printed}");
    assert!(ok(&b, &["list"], None).contains("travels with me"), "the entry is in b");

    let mut doc: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).expect("read")).expect("json");
    doc["entries"][0]["mood"] = 12.into();
    std::fs::write(&file, serde_json::to_vec(&doc).expect("json")).expect("write");
    let bad = ballast(&b, &["import", file.to_str().expect("utf-8")], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&bad), 4, "an invalid import exits 4");
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("entries[0].mood"),
        "and lists the problem by record and field"
    );

    let refused = ballast(&a, &["delete-all"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&refused), 2, "delete-all needs --confirm");
    assert!(a.join("journal.db").exists(), "and nothing was removed");
    let printed = ok(&a, &["delete-all", "--confirm"], None);
    assert!(printed.contains("journal.db") && printed.contains("vault.json"), "says what was removed: {printed}");
    assert!(printed.contains("final backup"), "and that a final backup was kept: {printed}");
    assert!(!a.join("journal.db").exists() && !a.join("vault.json").exists(), "the journal and its key are gone");
    let out = ballast(&a, &["list"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert!(String::from_utf8_lossy(&out.stderr).contains("ballast restore newest"), "says how to undo it");
    ok(&a, &["restore", "newest", "--confirm"], None);
    assert!(ok(&a, &["list"], None).contains("travels with me"), "the final backup undoes it");
    let printed = ok(&a, &["delete-all", "--confirm", "--no-final-backup", "--remove-backups"], None);
    assert!(printed.contains("backups"), "the backups are listed as removed: {printed}");
    assert!(!a.exists(), "nothing is left of the data folder");
}

#[test]
fn score_prints_the_documented_json_without_a_journal() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("never-created");
    let json = |args: &[&str]| -> serde_json::Value {
        let out = ballast(&dir, args, &[], None);
        assert!(out.status.success(), "score needs no journal or passphrase: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let who5 = json(&["score", "who5", "--answers", "3,3,3,3,0"]);
    assert_eq!(who5["instrument"], "who5", "the instrument's id");
    assert_eq!(
        who5["subscales"],
        serde_json::json!([{"id": "wellbeing", "score": 48.0, "band": "below_cutoff", "complete": true}]),
        "raw 12 × 4 = 48, at or below the cut-off"
    );
    let proqol = json(&["score", "proqol5", "--answers", &["3"; 30].join(",")]);
    let ids: Vec<&str> =
        proqol["subscales"].as_array().expect("list").iter().map(|s| s["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["compassion_satisfaction", "burnout", "secondary_traumatic_stress"], "in the reference's order");
    assert_eq!(proqol["subscales"][1]["score"], 30.0, "all 3s: 30 on every scale, reverse items included");
    let cbi = json(&["score", "cbi", "--answers", "100,75,75,,,,,,,,,,,,,,,,"]);
    let personal = &cbi["subscales"][0];
    assert_eq!(personal["score"], serde_json::json!(250.0 / 3.0), "a CBI mean is printed unrounded");
    assert_eq!(personal["complete"], false, "and marked incomplete");
    assert_eq!(cbi["subscales"][1]["score"], serde_json::Value::Null, "a scale with too few answers has no score");
    let skipped = json(&["score", "single_item_burnout", "--answers", ""]);
    assert_eq!(skipped["subscales"][0]["score"], serde_json::Value::Null, "an empty value is a skipped item");
    assert!(!dir.exists(), "scoring created no data directory");
    for (args, why) in [
        (vec!["score", "who5", "--answers", "3,3,3,3,6"], "a value that is not an option"),
        (vec!["score", "who5", "--answers", "3,3,3"], "too few answers"),
        (vec!["score", "who5", "--answers", "3,3,3,3,3,3"], "too many answers"),
        (vec!["score", "mbi", "--answers", "1"], "an unknown instrument"),
        (vec!["score", "who5", "--answers", "3,x,3,3,3"], "an answer that is not a number"),
    ] {
        let out = ballast(&dir, &args, &[], None);
        assert_eq!(code(&out), 4, "{why} exits 4");
        assert!(out.stdout.is_empty(), "{why}: no JSON printed");
        assert!(!out.stderr.is_empty(), "{why}: a message says what to change");
    }
}

#[test]
fn check_in_records_and_check_ins_lists_with_not_a_diagnosis() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    init(&dir);
    let out = ok(&dir, &["check-in", "who5", "--answers", "5,4,3,2,1"], None);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(v["id"].as_i64().is_some_and(|id| id >= 1), "the new id is printed: {out}");
    assert_eq!(v["subscales"][0]["score"], 60.0, "with the same scores as `score`");
    let bad = ballast(&dir, &["check-in", "who5", "--answers", "5,4,3,2,9"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&bad), 4, "a non-option value exits 4");
    let list = ok(&dir, &["check-ins"], None);
    assert_eq!(
        list.lines().filter(|l| l.contains("WHO-5")).count(),
        1,
        "one check-in kept, the refused one not: {list}"
    );
    assert!(list.contains("not a diagnosis"), "the list says the scores are not a diagnosis");
    let json: serde_json::Value = serde_json::from_str(&ok(&dir, &["check-ins", "--json"], None)).expect("JSON");
    assert_eq!(json[0]["answers"], serde_json::json!([5, 4, 3, 2, 1]), "every raw answer, item by item");
}

#[test]
fn insights_json_and_chart_svg() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    init(&dir);
    for (day, worth, outcome) in [
        (2, 3, "setback"),
        (3, 8, "progress"),
        (4, 4, "setback"),
        (5, 9, "progress"),
        (6, 2, "setback"),
        (7, 7, "progress"),
    ] {
        let when = format!("2026-11-{day:02}T12:00:00Z");
        ok(
            &dir,
            &[
                "add",
                "--occurred-at",
                &when,
                "--self-worth",
                &worth.to_string(),
                "--outcome",
                outcome,
                "--push-patience",
                "0",
            ],
            None,
        );
    }
    let out = ok(&dir, &["insights", "--from", "2026-11-01", "--to", "2026-11-30", "--json"], None);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["coupling"]["enough_data"], true, "three setback and three progress days");
    assert_eq!(
        v["coupling"]["days"],
        serde_json::json!({"setback": 3, "progress": 3, "neither": 0}),
        "counts per group"
    );
    assert_eq!(v["coupling"]["mean_self_worth"]["setback"], 3.0, "(3 + 4 + 2) / 3");
    assert_eq!(v["coupling"]["mean_self_worth"]["progress"], 8.0, "(8 + 9 + 7) / 3");
    assert_eq!(v["push_patience"]["gentle_persistence"], 6, "every answer was 0");
    assert!(v["nudges"].is_array(), "nudges are listed (possibly none)");
    let narrow = ok(&dir, &["insights", "--from", "2026-11-05", "--to", "2026-11-05", "--json"], None);
    let n: serde_json::Value = serde_json::from_str(&narrow).expect("JSON");
    assert_eq!(n["coupling"]["days"]["progress"], 1, "DATE bounds are inclusive: the one day");

    let svg = tmp.path().join("coupling.svg");
    ok(&dir, &["chart", "coupling", "--from", "2026-11-01", "--out", svg.to_str().expect("path")], None);
    let text = std::fs::read_to_string(&svg).expect("the SVG was written");
    assert!(text.starts_with("<svg") && text.contains("Setback days"), "a real chart");
    let bad =
        ballast(&dir, &["chart", "nope", "--out", svg.to_str().expect("path")], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&bad), 4, "an unknown chart exits 4");
    let backwards = ballast(
        &dir,
        &["insights", "--from", "2026-11-30", "--to", "2026-11-01"],
        &[("BALLAST_PASSPHRASE", PASS)],
        None,
    );
    assert_eq!(code(&backwards), 4, "a range that runs backwards exits 4");
}
