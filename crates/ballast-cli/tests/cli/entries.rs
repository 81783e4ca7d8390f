//! Setting up, adding, listing, showing and deleting entries; wrong secrets, invalid input and a
//! second writer, with their exit codes.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::{PASS, ballast, code, init, ok};

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
