//! Journeys through the use cases, as the shell and the CLI make them: a temporary data
//! directory, real SQLCipher, a fixed clock.

use std::sync::Arc;

use ballast_api::dto::{EntryFields, JournalState, Settings};
use ballast_api::{ApiError, Session};
use ballast_core::{FieldError, FixedClock, FormDraft, ReflectionDraft, SetbackDraft};
use ballast_store::{DataDir, Secret};
use chrono::{TimeZone, Utc};
use secrecy::SecretString;
use serde_json::json;

const PASS: &str = "harbour lantern quietly";

fn secret(s: &str) -> SecretString {
    SecretString::from(s.to_owned())
}

fn session(dir: &std::path::Path) -> Session {
    let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("valid date"));
    Session::new(DataDir::new(dir.join("data")), Arc::new(clock))
}

#[test]
fn the_error_wire_shape_is_pinned() {
    let wrong = serde_json::to_value(ApiError::WrongPassphrase).expect("serialise");
    assert_eq!(
        wrong,
        json!({"kind": "wrong_secret", "message": "That passphrase does not open this journal.", "fields": []}),
        "the UI switches on kind and shows message; changing this shape breaks it"
    );
    let invalid = serde_json::to_value(ApiError::Invalid(vec![FieldError::new(
        "mood",
        "Choose a number from 0 to 10, or leave it blank.",
    )]))
    .expect("serialise");
    assert_eq!(
        invalid,
        json!({"kind": "invalid", "message": "Some answers need a change before this can be saved; everything you typed is still here.",
               "fields": [{"field": "mood", "message": "Choose a number from 0 to 10, or leave it blank."}]}),
        "field problems travel with the error"
    );
    let held = serde_json::to_value(ApiError::HeldByOtherProcess).expect("serialise");
    assert_eq!(held["kind"], "held_by_other_process", "each kind has a stable snake_case name");
}

#[test]
fn set_up_lock_and_unlock() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let s = session(tmp.path());
    assert_eq!(s.status().state, JournalState::NeedsSetup, "a new directory needs set-up");
    let weak = s.set_up(&secret("short")).err().expect("a short passphrase is refused");
    assert!(matches!(weak, ApiError::WeakPassphrase(ref m) if m.contains("12")), "the rule is explained, got {weak:?}");
    assert_eq!(s.status().state, JournalState::NeedsSetup, "a refused set-up creates nothing");
    let recovery = s.set_up(&secret(PASS)).expect("set up").recovery_key;
    assert_eq!(s.status().state, JournalState::Unlocked, "set-up leaves the journal open");
    let id = ballast_api::entries::save_reflection(
        &s,
        None,
        &ReflectionDraft { text: Some("first".into()), ..Default::default() },
    )
    .expect("save")
    .id;
    s.lock();
    assert_eq!(s.status().state, JournalState::Locked, "locked after lock");
    assert_eq!(
        ballast_api::entries::get_entry(&s, id).err(),
        Some(ApiError::Locked),
        "nothing is readable while locked"
    );
    assert_eq!(
        s.unlock(&Secret::Passphrase(secret("wrong wrong wrong"))).err(),
        Some(ApiError::WrongPassphrase),
        "a wrong passphrase is refused"
    );
    assert_eq!(
        s.unlock(&Secret::RecoveryKey(secret("0000-0000-0000-0000-0000-0000-0000-0000"))).err(),
        Some(ApiError::WrongRecoveryKey),
        "a wrong recovery key has its own message"
    );
    s.unlock(&Secret::RecoveryKey(secret(&recovery))).expect("the recovery key opens it");
    assert!(ballast_api::entries::get_entry(&s, id).is_ok(), "the entry is still there");
}

#[test]
fn an_invalid_draft_writes_nothing_and_names_every_field() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let s = session(tmp.path());
    s.set_up(&secret(PASS)).expect("set up");
    let err = ballast_api::entries::save_reflection(
        &s,
        None,
        &ReflectionDraft {
            mood: Some(11),
            outcome: Some("worse".into()),
            text: Some("kept?".into()),
            ..Default::default()
        },
    )
    .expect_err("invalid");
    let ApiError::Invalid(fields) = err else { panic!("expected invalid, got {err:?}") };
    let names: Vec<_> = fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(names, ["mood", "outcome"], "both problems are reported");
    assert!(
        ballast_api::entries::list_entries(&s, None, 50).expect("list").entries.is_empty(),
        "nothing is half-saved"
    );
}

#[test]
fn edits_keep_the_id_and_pages_link_up() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let s = session(tmp.path());
    s.set_up(&secret(PASS)).expect("set up");
    let saved = ballast_api::entries::save_setback(
        &s,
        None,
        &SetbackDraft {
            setback_type: Some("relapse".into()),
            person_code: Some("Jane Smith".into()),
            ..Default::default()
        },
    )
    .expect("save");
    assert_eq!(saved.warnings.len(), 1, "a name-like code warns without blocking");
    let edited = SetbackDraft {
        setback_type: Some("crisis".into()),
        person_code: Some("R7".into()),
        occurred_at: Some("2026-11-20T09:00:00+00:00".into()),
        ..Default::default()
    };
    ballast_api::entries::save_setback(&s, Some(saved.id), &edited).expect("edit");
    let view = ballast_api::entries::get_entry(&s, saved.id).expect("read");
    assert_eq!(view.fields, EntryFields::Setback(edited), "the edit is what is read back");
    for i in 0..4 {
        ballast_api::entries::save_reflection(&s, None, &ReflectionDraft { mood: Some(i), ..Default::default() })
            .expect("save");
    }
    let first = ballast_api::entries::list_entries(&s, None, 3).expect("page 1");
    assert_eq!(first.entries.len(), 3, "a full first page");
    let second = ballast_api::entries::list_entries(&s, first.next, 3).expect("page 2");
    assert_eq!(second.entries.len(), 2, "the rest on the second page");
    assert!(second.next.is_none(), "no cursor after the last page");
    assert_eq!(second.entries.last().map(|e| e.id), Some(saved.id), "the oldest entry comes last");
    ballast_api::entries::delete_entry(&s, saved.id).expect("delete");
    assert_eq!(ballast_api::entries::get_entry(&s, saved.id).err(), Some(ApiError::NotFound), "deleted");
}

#[test]
fn drafts_and_settings_survive_a_lock() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let s = session(tmp.path());
    s.set_up(&secret(PASS)).expect("set up");
    assert_eq!(
        ballast_api::settings::current(&s).expect("settings"),
        Settings { auto_lock_minutes: 10, lock_when_minimised: false, on_this_day: false },
        "auto-lock defaults to 10 minutes"
    );
    assert!(
        matches!(
            ballast_api::settings::save(
                &s,
                Settings { auto_lock_minutes: 0, lock_when_minimised: false, on_this_day: false }
            ),
            Err(ApiError::Invalid(_))
        ),
        "0 minutes is refused"
    );
    ballast_api::settings::save(&s, Settings { auto_lock_minutes: 3, lock_when_minimised: false, on_this_day: false })
        .expect("save settings");
    let draft = FormDraft::Reflection {
        entry_id: None,
        fields: ReflectionDraft { text: Some("unfinished".into()), ..Default::default() },
    };
    ballast_api::drafts::save_draft(&s, &draft).expect("keep draft");
    s.lock();
    s.unlock(&Secret::Passphrase(secret(PASS))).expect("unlock");
    assert_eq!(ballast_api::drafts::take_draft(&s).expect("take"), Some(draft), "the draft comes back after unlock");
    assert_eq!(ballast_api::settings::current(&s).expect("settings").auto_lock_minutes, 3, "settings persist");
}

#[test]
fn changing_the_passphrase_checks_both() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let s = session(tmp.path());
    s.set_up(&secret(PASS)).expect("set up");
    assert!(
        matches!(
            ballast_api::keys::change_passphrase(&s, &ballast_api::Secret::Passphrase(secret(PASS)), &secret("short")),
            Err(ApiError::WeakPassphrase(_))
        ),
        "the new one must meet the rule"
    );
    assert_eq!(
        ballast_api::keys::change_passphrase(
            &s,
            &ballast_api::Secret::Passphrase(secret("not it at all!")),
            &secret("a brand new phrase")
        )
        .err(),
        Some(ApiError::WrongPassphrase),
        "the current one must be right"
    );
    ballast_api::keys::change_passphrase(
        &s,
        &ballast_api::Secret::Passphrase(secret(PASS)),
        &secret("a brand new phrase"),
    )
    .expect("change");
    s.lock();
    s.unlock(&Secret::Passphrase(secret("a brand new phrase"))).expect("the new passphrase opens it");
}
