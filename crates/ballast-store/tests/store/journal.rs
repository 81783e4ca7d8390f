//! The store's journeys against real SQLCipher files in a temporary directory.

use ballast_core::{Clock, EntryBody, FixedClock, FormDraft, ReflectionDraft, SetbackDraft};
use ballast_store::{DataDir, Journal, Secret, StoreError};
use chrono::{TimeZone, Utc};
use secrecy::SecretString;

const PASS: &str = "harbour lantern quietly";

fn clock() -> FixedClock {
    FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("valid date"))
}

fn pass(s: &str) -> Secret {
    Secret::Passphrase(SecretString::from(s.to_owned()))
}

fn new_journal() -> (tempfile::TempDir, DataDir, String) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = DataDir::new(tmp.path().join("data"));
    let (_j, recovery) = Journal::create(&dir, &SecretString::from(PASS.to_owned()), clock().now()).expect("set up");
    (tmp, dir, recovery.expose().to_owned())
}

fn reflection(text: &str) -> EntryBody {
    EntryBody::Reflection(
        ReflectionDraft { text: Some(text.into()), mood: Some(5), ..Default::default() }
            .validate(&clock())
            .expect("valid"),
    )
}

#[test]
fn opens_with_the_passphrase_or_the_recovery_key_and_not_otherwise() {
    let (_tmp, dir, recovery) = new_journal();
    let mut j = Journal::open(&dir, &pass(PASS), clock().now()).expect("the passphrase opens the journal");
    let id = j.insert(&reflection("kept"), clock().now()).expect("save");
    drop(j);
    let j = Journal::open(&dir, &Secret::RecoveryKey(SecretString::from(recovery.to_lowercase())), clock().now())
        .expect("the recovery key opens it too");
    assert!(j.get(id).is_ok(), "the entry is there after unlocking with the recovery key");
    drop(j);
    let before = std::fs::read(dir.database()).expect("db bytes");
    let err = Journal::open(&dir, &pass("not the passphrase at all"), clock().now())
        .expect_err("a wrong passphrase must not open it");
    assert!(matches!(err, StoreError::WrongSecret), "reported as a wrong secret, got {err:?}");
    assert_eq!(err.to_string(), "that passphrase does not open this journal", "the calm message");
    assert_eq!(
        std::fs::read(dir.database()).expect("db bytes"),
        before,
        "a wrong passphrase never touches the database"
    );
    let err = Journal::open(&dir, &Secret::RecoveryKey(SecretString::from("AAAA-BBBB".to_owned())), clock().now())
        .expect_err("a wrong recovery key fails");
    assert!(matches!(err, StoreError::WrongSecret), "got {err:?}");
}

#[test]
fn changing_the_passphrase_rewraps_the_key_and_keeps_every_entry() {
    let (_tmp, dir, recovery) = new_journal();
    let mut j = Journal::open(&dir, &pass(PASS), clock().now()).expect("open");
    let ids: Vec<_> =
        (0..5).map(|i| j.insert(&reflection(&format!("entry {i}")), clock().now()).expect("save")).collect();
    let err = j
        .change_passphrase(&pass("wrong current one"), &SecretString::from("x".repeat(20)))
        .expect_err("current must be right");
    assert!(matches!(err, StoreError::WrongSecret), "got {err:?}");
    j.change_passphrase(&pass(PASS), &SecretString::from("a new and longer phrase".to_owned())).expect("change");
    drop(j);
    assert!(
        matches!(Journal::open(&dir, &pass(PASS), clock().now()), Err(StoreError::WrongSecret)),
        "the old passphrase no longer opens it"
    );
    let j = Journal::open(&dir, &pass("a new and longer phrase"), clock().now()).expect("the new one does");
    for id in &ids {
        assert!(j.get(*id).is_ok(), "entry {id} survives the change");
    }
    drop(j);
    Journal::open(&dir, &Secret::RecoveryKey(SecretString::from(recovery)), clock().now())
        .expect("the recovery key still works after a change");
}

#[test]
fn a_second_writer_is_refused_while_the_journal_is_open() {
    let (_tmp, dir, _) = new_journal();
    let j = Journal::open(&dir, &pass(PASS), clock().now()).expect("open");
    let err = Journal::open(&dir, &pass(PASS), clock().now()).expect_err("a second open must be refused");
    assert!(matches!(err, StoreError::HeldByOther(_)), "refused because another holder has it, got {err:?}");
    drop(j);
    Journal::open(&dir, &pass(PASS), clock().now()).expect("free again once the first holder closes");
}

#[test]
fn damage_is_told_apart_from_a_wrong_passphrase() {
    let (_tmp, dir, _) = new_journal();
    std::fs::write(dir.vault(), b"{ not json").expect("damage the vault");
    let err = Journal::open(&dir, &pass(PASS), clock().now()).expect_err("a damaged vault cannot open");
    assert!(matches!(err, StoreError::VaultDamaged(_)), "a damaged vault is not a wrong passphrase, got {err:?}");

    let (_tmp, dir, _) = new_journal();
    std::fs::write(dir.database(), vec![0x42; 8192]).expect("damage the database");
    let err = Journal::open(&dir, &pass(PASS), clock().now()).expect_err("a damaged database cannot open");
    assert!(matches!(err, StoreError::JournalDamaged(_)), "a damaged database is its own error, got {err:?}");

    let (_tmp, dir, _) = new_journal();
    std::fs::remove_file(dir.database()).expect("remove the database");
    let err = Journal::open(&dir, &pass(PASS), clock().now()).expect_err("a missing database cannot open");
    assert!(matches!(err, StoreError::JournalDamaged(_)), "a missing database is reported, got {err:?}");
    assert!(!dir.database().exists(), "opening must not quietly create an empty journal in its place");
}

#[test]
fn setting_up_twice_is_refused() {
    let (_tmp, dir, _) = new_journal();
    let err = Journal::create(&dir, &SecretString::from(PASS.to_owned()), clock().now())
        .expect_err("only one journal per directory");
    assert!(matches!(err, StoreError::AlreadySetUp), "got {err:?}");
}

#[test]
fn entries_round_trip_update_and_delete() {
    let (_tmp, dir, _) = new_journal();
    let mut j = Journal::open(&dir, &pass(PASS), clock().now()).expect("open");
    let d = ReflectionDraft {
        mood: Some(3),
        self_worth: Some(4),
        worth_tied_to_outcomes: Some(8),
        outcome: Some("setback".into()),
        push_patience: Some(2),
        disclosure: Some(ballast_core::draft::DisclosureDraft { landed: None }),
        connected_to_service: Some(false),
        tags: vec!["b".into(), "a".into()],
        ..Default::default()
    };
    let body = EntryBody::Reflection(d.validate(&clock()).expect("valid"));
    let id = j.insert(&body, clock().now()).expect("save");
    assert_eq!(j.get(id).expect("read").body, body, "what was saved is what is read back, tags in order");
    let setback = EntryBody::Setback(
        SetbackDraft {
            setback_type: Some("crisis".into()),
            support: Some("called my supervisor".into()),
            ..Default::default()
        }
        .validate(&clock())
        .expect("valid"),
    );
    j.update(id, &setback, clock().now()).expect("edit");
    assert_eq!(j.get(id).expect("read").body, setback, "an edit replaces the contents under the same id");
    j.delete(id).expect("delete");
    assert!(matches!(j.get(id), Err(StoreError::NotFound)), "a deleted entry is gone");
    assert!(matches!(j.delete(id), Err(StoreError::NotFound)), "deleting twice says not found");
}

#[test]
fn the_list_pages_newest_first_without_gaps_or_repeats() {
    let (_tmp, dir, _) = new_journal();
    let mut j = Journal::open(&dir, &pass(PASS), clock().now()).expect("open");
    let base = clock().now();
    for i in 0..25i64 {
        // Pairs share a time, so the id must break ties.
        let at = base - chrono::Duration::hours(i / 2);
        let body = EntryBody::Reflection(
            ReflectionDraft { occurred_at: Some(at.to_rfc3339()), ..Default::default() }
                .validate(&clock())
                .expect("valid"),
        );
        j.insert(&body, base).expect("save");
    }
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = j.page(cursor, 7).expect("page");
        if page.is_empty() {
            break;
        }
        let last = page.last().expect("non-empty");
        cursor = Some(ballast_core::Cursor { occurred_at: last.occurred_at, id: last.id });
        seen.extend(page);
    }
    assert_eq!(seen.len(), 25, "every entry appears exactly once across the pages");
    assert!(
        seen.windows(2).all(|w| (w[0].occurred_at, w[0].id) > (w[1].occurred_at, w[1].id)),
        "strictly newest first"
    );
}

#[test]
fn a_kept_draft_is_handed_back_once() {
    let (_tmp, dir, _) = new_journal();
    let mut j = Journal::open(&dir, &pass(PASS), clock().now()).expect("open");
    let draft = FormDraft::Reflection {
        entry_id: None,
        fields: ReflectionDraft { text: Some("half a thought".into()), mood: Some(99), ..Default::default() },
    };
    j.save_draft(&draft, clock().now()).expect("keep");
    drop(j);
    let mut j = Journal::open(&dir, &pass(PASS), clock().now()).expect("reopen");
    assert_eq!(j.take_draft().expect("take"), Some(draft), "the draft survives locking, even with invalid values");
    assert_eq!(j.take_draft().expect("take"), None, "and is handed back only once");
}

fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir") {
        let p = e.expect("entry").path();
        if p.is_dir() { out.extend(files_under(&p)) } else { out.push(p) }
    }
    out
}

#[test]
fn nothing_is_stored_in_plaintext() {
    let (tmp, dir, _) = new_journal();
    let mut j = Journal::open(&dir, &pass(PASS), clock().now()).expect("open");
    let phrase = |f: &str| format!("zebracrossing-{f}-7731");
    let r = ReflectionDraft {
        strengths: Some(phrase("strengths")),
        person_code: Some(phrase("code")),
        tags: vec![phrase("tag")],
        text: Some(phrase("text")),
        ..Default::default()
    };
    j.insert(&EntryBody::Reflection(r.validate(&clock()).expect("valid")), clock().now()).expect("save");
    let s = SetbackDraft {
        setback_type: Some("loss".into()),
        person_code: Some(phrase("scode")),
        what_happened: Some(phrase("what")),
        in_my_control: Some(phrase("in")),
        outside_my_control: Some(phrase("out")),
        my_reaction: Some(phrase("reaction")),
        support: Some(phrase("support")),
        ..Default::default()
    };
    j.insert(&EntryBody::Setback(s.validate(&clock()).expect("valid")), clock().now()).expect("save");
    j.save_draft(
        &FormDraft::Setback {
            entry_id: None,
            fields: SetbackDraft { what_happened: Some(phrase("draft")), ..Default::default() },
        },
        clock().now(),
    )
    .expect("draft");
    j.set_setting("auto_lock_minutes", "zebracrossing-setting-7731").expect("setting");
    let check = |when: &str| {
        let files = files_under(tmp.path());
        assert!(
            files.iter().any(|p| p.ends_with("journal.db-wal")) || when == "closed",
            "the WAL exists while open, so it is checked too"
        );
        for f in files {
            let bytes = std::fs::read(&f).expect("read file");
            let found = bytes.windows(b"zebracrossing".len()).any(|w| w == b"zebracrossing");
            assert!(!found, "{} holds journal text in plaintext ({when})", f.display());
        }
    };
    check("open");
    drop(j);
    check("closed");
}
