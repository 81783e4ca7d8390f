//! Crash safety. A child process (this same test binary, running `crash_child`) saves reflections
//! in a loop and prints `ACK <id> <n>` after each save returns. The parent kills it with SIGKILL
//! at a random moment (while it derives the key, opens the journal, or saves), reopens the journal,
//! and checks that every acknowledged reflection is present and intact and that SQLite's
//! integrity check passes. `BALLAST_CRASH_KILLS` sets the number of kills (default 200;
//! `scripts/crash-test.sh` runs 1,000) and `BALLAST_CRASH_SEED` replays a run.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::thread::JoinHandle;
use std::time::Duration;

use ballast_api::dto::EntryFields;
use ballast_api::{ApiError, DataDir, Secret, Session};
use ballast_core::{EntryId, ReflectionDraft, SystemClock};
use ballast_store::Damage;
use secrecy::SecretString;

const CHILD_DIR: &str = "BALLAST_CRASH_CHILD_DIR";
const CHILD_START: &str = "BALLAST_CRASH_CHILD_START";
const PASS: &str = "harbour lantern quietly";

fn draft(n: i32) -> ReflectionDraft {
    ReflectionDraft {
        mood: Some(n % 11),
        text: Some(format!("crash-safety entry {n}")),
        tags: vec![format!("round-{}", n / 10)],
        ..Default::default()
    }
}

fn unlock(dir: &std::path::Path) -> Session {
    let session = Session::new(DataDir::new(dir), Arc::new(SystemClock));
    session.unlock(&Secret::Passphrase(SecretString::from(PASS.to_owned()))).expect("the journal opens after a kill");
    session
}

/// The child's loop. It does nothing unless the parent started this binary with `CHILD_DIR` set.
#[test]
fn crash_child() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else { return };
    let start: i32 = std::env::var(CHILD_START).ok().and_then(|s| s.parse().ok()).unwrap_or(0);
    let session = unlock(std::path::Path::new(&dir));
    let mut out = std::io::stdout().lock();
    writeln!(out, "READY").and_then(|()| out.flush()).expect("the parent reads");
    for n in start.. {
        let saved = ballast_api::entries::save_reflection(&session, None, &draft(n)).expect("the child saves");
        writeln!(out, "ACK {} {n}", saved.id).and_then(|()| out.flush()).expect("the parent reads");
    }
}

fn check(session: &Session, (id, n): (EntryId, i32), when: &str) {
    let entry = ballast_api::entries::get_entry(session, id)
        .unwrap_or_else(|e| panic!("acknowledged entry {id} is missing {when}: {e:?}"));
    let EntryFields::Reflection(r) = entry.fields else { panic!("entry {id} changed kind {when}") };
    let want = draft(n);
    assert_eq!((r.text, r.mood, r.tags), (want.text, want.mood, want.tags), "entry {id} is intact {when}");
}

/// A small xorshift generator: the kill moments need no more, and a seed replays a run.
struct Moments(u64);

impl Moments {
    fn next_ms(&mut self, below: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % below
    }
}

/// Starts the child saving from number `start`; its stdout lines arrive on the receiver.
fn spawn_child(dir: &Path, start: i32) -> (Child, Receiver<String>, JoinHandle<()>) {
    let mut child = Command::new(std::env::current_exe().expect("this test binary"))
        .args(["--exact", "crash::crash_child", "--nocapture", "--test-threads=1"])
        .env(CHILD_DIR, dir)
        .env(CHILD_START, start.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the child");
    let stdout = child.stdout.take().expect("child stdout");
    let (lines, heard) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    (child, heard, reader)
}

#[test]
fn acknowledged_saves_survive_sigkill() {
    if std::env::var_os(CHILD_DIR).is_some() {
        return;
    }
    let kills: u32 = std::env::var("BALLAST_CRASH_KILLS").ok().and_then(|s| s.parse().ok()).unwrap_or(200);
    let seed: u64 = std::env::var("BALLAST_CRASH_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(1, |d| d.as_nanos() as u64 | 1)
    });
    let mut moments = Moments(seed);
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    Session::new(DataDir::new(&dir), Arc::new(SystemClock))
        .set_up(&SecretString::from(PASS.to_owned()))
        .expect("set up");

    let mut acked: Vec<(EntryId, i32)> = Vec::new();
    let mut kills_mid_saving = 0;
    for round in 0..kills {
        let next = acked.last().map_or(0, |(_, n)| n + 1);
        let (mut child, heard, reader) = spawn_child(&dir, next);
        // One round in six is killed blindly, usually while it starts, derives the key or opens
        // the journal; the rest within 100 ms of the child saying it is saving.
        let mut seen = Vec::new();
        if moments.next_ms(6) == 0 {
            std::thread::sleep(Duration::from_millis(moments.next_ms(250)));
        } else {
            loop {
                let line = heard.recv_timeout(Duration::from_secs(30)).expect("the child unlocks and says READY");
                // libtest prints "test crash::crash_child ... " without a newline before the test starts.
                let ready = line.ends_with("READY");
                seen.push(line);
                if ready {
                    break;
                }
            }
            std::thread::sleep(Duration::from_millis(moments.next_ms(100)));
        }
        child.kill().expect("SIGKILL the child");
        child.wait().expect("reap the child");
        reader.join().expect("reader");
        seen.extend(heard.try_iter());
        let before = acked.len();
        for line in seen {
            let mut parts = line.strip_prefix("ACK ").map(|l| l.split(' ')).into_iter().flatten();
            if let (Some(id), Some(n)) = (parts.next(), parts.next()) {
                acked.push((EntryId(id.parse().expect("an id")), n.parse().expect("a number")));
            }
        }
        if acked.len() > before {
            kills_mid_saving += 1;
        }

        // Every save this child acknowledged, and a sample of earlier ones; integrity_check covers
        // the rest of the file after each kill, and every entry is read once more at the end.
        let session = unlock(&dir);
        assert_eq!(
            ballast_api::backups::integrity_problems(&session).expect("integrity check"),
            Vec::<String>::new(),
            "integrity_check is ok after kill {round} (seed {seed})"
        );
        let sample: Vec<usize> =
            (0..20).filter(|_| before > 0).map(|_| moments.next_ms(before as u64) as usize).collect();
        for i in (before..acked.len()).chain(sample) {
            check(&session, acked[i], &format!("after kill {round} (seed {seed})"));
        }
    }
    let session = unlock(&dir);
    for &ack in &acked {
        check(&session, ack, &format!("at the end (seed {seed})"));
    }
    eprintln!(
        "crash safety: {kills} SIGKILLs ({kills_mid_saving} while saving, the rest while starting or unlocking), {} acknowledged saves, all present and intact; seed {seed}",
        acked.len()
    );
    assert!(
        kills_mid_saving * 2 >= kills,
        "most kills must land while saving, or the test proves little ({kills_mid_saving} of {kills})"
    );
}

#[test]
fn a_wal_deleted_after_an_unclean_exit_is_detected_and_recovered() {
    if std::env::var_os(CHILD_DIR).is_some() {
        return;
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    let first = Session::new(DataDir::new(&dir), Arc::new(SystemClock));
    first.set_up(&SecretString::from(PASS.to_owned())).expect("set up");
    for n in 0..10 {
        ballast_api::entries::save_reflection(&first, None, &draft(n)).expect("save");
    }
    first.lock();
    let (mut child, heard, reader) = spawn_child(&dir, 10);
    let mut acks = 0;
    while acks < 20 {
        let line = heard.recv_timeout(Duration::from_secs(30)).expect("the child saves");
        acks += usize::from(line.starts_with("ACK "));
    }
    child.kill().expect("SIGKILL the child");
    child.wait().expect("reap the child");
    reader.join().expect("reader");
    let data = DataDir::new(&dir);
    assert!(data.wal().exists() && data.shm().exists(), "an unclean exit leaves the log and its index");
    std::fs::remove_file(data.wal()).expect("delete the -wal");
    let (db, shm) = (std::fs::read(data.database()).expect("db"), std::fs::read(data.shm()).expect("shm"));

    let session = Session::new(data.clone(), Arc::new(SystemClock));
    let err = session.unlock(&Secret::Passphrase(SecretString::from(PASS.to_owned()))).expect_err("detected");
    assert_eq!(err, ApiError::JournalDamaged(Damage::LostRecentChanges), "named as lost recent changes");
    let folder = ballast_api::recovery::damage_report(&session).and_then(|r| r.quarantined_to).expect("moved aside");
    let folder = std::path::PathBuf::from(folder);
    assert_eq!(std::fs::read(folder.join("journal.db")).expect("kept db"), db, "the database, byte for byte");
    assert_eq!(std::fs::read(folder.join("journal.db-shm")).expect("kept shm"), shm, "its index, byte for byte");
    ballast_api::recovery::recover(&session, &Secret::Passphrase(SecretString::from(PASS.to_owned())), None)
        .expect("restore");
    for n in 0..10 {
        let id = EntryId(i64::from(n) + 1);
        check(&session, (id, n), "after restoring the day's backup");
    }
}
