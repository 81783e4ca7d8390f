//! The door: a lock that never waits behind a long call, an idle deadline kept by the wall clock,
//! an unlock that always checks the secret, and settings each feature checks by its own rule.

use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant};

use ballast_api::dto::{JournalState, LockReason};
use ballast_api::trends::Span;
use ballast_api::{ApiError, DataDir, Secret, Session};
use ballast_core::FixedClock;
use chrono::Duration;
use secrecy::SecretString;

use crate::support::{Journey, PASS, TestClock, pass};

/// A five-year sample journal (as the benches read it), unlocked.
fn five_years(tmp: &std::path::Path) -> Session {
    let end = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 11, 25, 20, 0, 0).single().expect("date");
    let session = Session::new(DataDir::new(tmp.join("journal")), Arc::new(FixedClock(end)));
    session.set_up(&SecretString::from(PASS.to_owned())).expect("set up");
    let file = tmp.join("sample.json");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("sample file"));
    ballast_api::sample::write(&mut out, 1826, end, 42).expect("write the sample");
    drop(out);
    ballast_api::transfer::import::import_file(&session, &file, &mut |_| {}).expect("import the sample");
    session
}

/// Runs `long` on another thread, locks while it runs, and checks the lock returned at once and
/// the journal is closed (its file lock free for another process) once the call ends.
fn lock_during(session: Arc<Session>, dir: DataDir, what: &str, long: impl FnOnce(&Session) + Send + 'static) {
    let worker = {
        let session = session.clone();
        std::thread::spawn(move || long(&session))
    };
    // Let the long call get going (its read, then its drawing).
    std::thread::sleep(StdDuration::from_millis(30));
    let started = Instant::now();
    session.lock();
    let took = started.elapsed();
    assert!(took <= StdDuration::from_millis(100), "lock during {what} must return within 100 ms, took {took:?}");
    assert_ne!(session.status().state, JournalState::Unlocked, "the status says locked at once during {what}");
    assert_eq!(
        ballast_api::entries::list_entries(&session, None, 1).expect_err("no command after a lock"),
        ApiError::Locked,
        "no command reaches the journal once the lock is asked for, during {what}"
    );
    worker.join().expect("the long call ends without a panic");
    let other = Session::new(dir, Arc::new(ballast_core::SystemClock));
    other.unlock(&pass()).expect("once the long call ended the journal was closed and its file lock released");
}

#[test]
fn lock_returns_at_once_during_a_five_year_trends_call_and_a_twelve_month_pdf() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = DataDir::new(tmp.path().join("journal"));
    let session = Arc::new(five_years(tmp.path()));
    lock_during(session.clone(), dir.clone(), "a five-year Trends call", |s| {
        // Either it finished its read before the lock (and draws its charts) or it is refused.
        let _ = ballast_api::trends::trends(s, Span::All);
    });
    let session = Arc::new(Session::new(dir.clone(), session.clock_arc()));
    session.unlock(&pass()).expect("unlock again");
    let out = tmp.path().join("summary.pdf");
    lock_during(session, dir, "a twelve-month summary PDF", move |s| {
        let from = chrono::NaiveDate::from_ymd_opt(2025, 11, 26).expect("date");
        let to = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
        let req = ballast_api::report::SummaryRequest {
            from,
            to,
            include_codes: false,
            include_tags: false,
            note: None,
            author: None,
        };
        let _ = ballast_api::report::write(s, &req, &out, None);
    });
}

#[test]
fn a_wall_clock_jump_past_the_deadline_locks_at_the_next_command() {
    let j = Journey::new(1, "before the night");
    let session = Session::new(j.dir.clone(), j.clock.clone()).with_auto_lock();
    j.session.lock();
    session.unlock(&pass()).expect("unlock");
    ballast_api::settings::save(
        &session,
        ballast_api::dto::Settings { auto_lock_minutes: 10, lock_when_minimised: false, on_this_day: false },
    )
    .expect("ten minutes");
    j.clock.advance(Duration::minutes(9));
    ballast_api::entries::list_entries(&session, None, 10).expect("nine minutes in, the journal is still open");
    assert!(!session.lock_if_idle(), "the timer finds the deadline not yet passed");
    // The lid closes: the page's timers stop, the wall clock does not.
    j.clock.advance(Duration::hours(9));
    assert_eq!(
        ballast_api::entries::list_entries(&session, None, 10).expect_err("locked"),
        ApiError::Locked,
        "the first command after the night finds the journal locked"
    );
    let status = session.status();
    assert_eq!(status.state, JournalState::Locked, "and the status says so");
    assert_eq!(status.locked_because, Some(LockReason::Idle), "with the reason, for the unlock screen");
    session.unlock(&pass()).expect("unlock again");
    j.clock.advance(Duration::minutes(11));
    assert!(session.lock_if_idle(), "the timer locks a journal past its deadline without any command");
    assert_eq!(session.status().state, JournalState::Locked, "the timer's lock holds");
}

#[test]
fn without_auto_lock_moving_the_clock_leaves_the_journal_open() {
    let j = Journey::new(1, "cli");
    j.clock.advance(Duration::days(3));
    ballast_api::entries::list_entries(&j.session, None, 10).expect("the CLI and tests do not auto-lock");
}

#[test]
fn unlock_with_the_journal_open_still_refuses_a_wrong_secret() {
    let j = Journey::new(1, "open");
    let wrong = Secret::Passphrase(SecretString::from("not the passphrase at all".to_owned()));
    assert_eq!(j.session.unlock(&wrong), Err(ApiError::WrongPassphrase), "an open journal is no proof of the secret");
    let wrong_key = Secret::RecoveryKey(SecretString::from("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA".to_owned()));
    assert_eq!(j.session.unlock(&wrong_key), Err(ApiError::WrongRecoveryKey), "nor of the recovery key");
    assert_eq!(j.session.status().state, JournalState::Unlocked, "a wrong guess does not lock the worker out");
    j.session.unlock(&pass()).expect("the right passphrase is accepted while open");
}

#[test]
fn a_lock_while_locked_and_an_unlock_after_it_behave() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let clock = Arc::new(TestClock::at("2026-11-25T08:00:00Z"));
    let session = Session::new(DataDir::new(tmp.path().join("data")), clock);
    session.lock();
    assert_eq!(session.status().state, JournalState::NeedsSetup, "locking before set-up changes nothing");
    session.set_up(&SecretString::from(PASS.to_owned())).expect("set up after a lock");
    ballast_api::entries::list_entries(&session, None, 1)
        .expect("a set-up journal is open: the earlier lock is done with");
    session.lock();
    session.lock();
    session.unlock(&pass()).expect("unlock after two locks");
    ballast_api::entries::list_entries(&session, None, 1).expect("open again");
}

#[test]
fn the_door_imports_no_feature_module() {
    let features = [
        "entries",
        "drafts",
        "keys",
        "settings",
        "backups",
        "recovery",
        "delete_all",
        "transfer",
        "check_ins",
        "care",
        "trends",
        "report",
        "sample",
    ];
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/session");
    let mut read = 0;
    for file in std::fs::read_dir(&folder).expect("src/session") {
        let path = file.expect("entry").path();
        let code = std::fs::read_to_string(&path).expect("source");
        read += 1;
        for f in features {
            for form in
                [format!("crate::{f}::"), format!("crate::{f};"), format!("crate::{f}}}"), format!("crate::{{{f}")]
            {
                assert!(!code.contains(&form), "{} must not import the feature module {f} ({form})", path.display());
            }
        }
    }
    assert!(read >= 3, "the door's files were read: mod.rs, idle.rs, opening.rs");
}

#[cfg(unix)]
#[test]
fn files_readable_by_others_are_tightened_at_unlock_and_the_worker_is_told_once() {
    use std::os::unix::fs::PermissionsExt;
    let j = Journey::new(1, "mine alone");
    j.session.lock();
    let mode = |p: &std::path::Path| std::fs::metadata(p).expect("exists").permissions().mode() & 0o777;
    std::fs::set_permissions(j.dir.root(), std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::fs::set_permissions(j.dir.database(), std::fs::Permissions::from_mode(0o644)).expect("chmod");
    j.session.unlock(&pass()).expect("unlock");
    assert_eq!(mode(j.dir.root()), 0o700, "the data folder is owner-only again");
    assert_eq!(mode(&j.dir.database()), 0o600, "the journal is owner-only again");
    assert_eq!(j.session.status().notice.as_deref(), Some(ballast_api::session::TIGHTENED), "the worker is told");
    assert_eq!(j.session.status().notice, None, "once");
    j.session.lock();
    j.session.unlock(&pass()).expect("unlock again");
    assert_eq!(j.session.status().notice, None, "nothing to tell when nothing was wider");
}
