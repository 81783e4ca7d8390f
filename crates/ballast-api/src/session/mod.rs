//! The door: one data directory, locked or unlocked. `Session` sets up, unlocks, locks and says
//! where things stand, and hands out the open journal through one guard, [`Open`]. Every feature
//! (entries, drafts, check-ins, care, trends, report, backups, transfer, recovery, keys) is a
//! module of functions over that guard; nothing else lives here, and no feature module is
//! imported here.
//!
//! The lock holds: [`Session::lock`] never waits behind a command (a running one finishes its
//! read and the journal closes as its guard is dropped; no new one starts), the idle deadline is
//! kept here by the wall clock and checked before every command, and [`Session::unlock`] always
//! checks the secret, even when the journal is already open.

mod idle;
pub(crate) mod opening;

use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, TryLockError};

use ballast_core::passphrase::passphrase_problem;
use ballast_core::{Clock, FieldError};
use ballast_store::{DataDir, Journal, Secret};
use secrecy::{ExposeSecret, SecretString};

use crate::dto::{AppStatus, DamageReport, JournalState, LockReason, SetUp};
use crate::error::ApiError;
use crate::setting::SettingKey;

/// How many idle minutes before the journal locks (1–240; default 10).
pub const AUTO_LOCK_KEY: &str = "auto_lock_minutes";
/// Whether the journal locks when Ballast's window is minimised ("true" or "false"; default off).
pub const LOCK_ON_MINIMISE_KEY: &str = "lock_when_minimised";
pub use crate::dto::DEFAULT_AUTO_LOCK_MINUTES;

/// The door's own settings.
pub const SETTINGS: &[SettingKey] = &[
    SettingKey::exact(AUTO_LOCK_KEY, |_, v| match v.parse::<u32>() {
        Ok(1..=240) => None,
        _ => Some("Choose between 1 and 240 minutes.".to_owned()),
    }),
    SettingKey::exact(LOCK_ON_MINIMISE_KEY, |_, v| match v {
        "true" | "false" => None,
        _ => Some("Choose on or off.".to_owned()),
    }),
];

/// Locks a mutex, carrying on after a panic elsewhere (SQLite transactions roll back on their own).
pub(crate) fn guard<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// One data directory, locked or unlocked.
pub struct Session {
    dir: DataDir,
    clock: Arc<dyn Clock>,
    journal: Mutex<Option<Journal>>,
    /// Set by [`Session::lock`]: no command may start, and the journal closes as soon as the one
    /// running (if any) drops its guard. Cleared only when an unlock begins.
    closing: AtomicBool,
    /// Whether the idle deadline applies (the desktop app; never the CLI).
    auto_lock: AtomicBool,
    /// Set when a journal opens: its whole-file check is still to run.
    check_due: AtomicBool,
    idle: Mutex<idle::Idle>,
    /// Why the journal last locked without being asked, for the unlock screen to say.
    locked_because: Mutex<Option<LockReason>>,
    /// What went wrong with the last backup made without being asked (shown, never hidden).
    backup_problem: Mutex<Option<String>>,
    /// The damage found at the last unlock, and where the damaged files went.
    damage: Mutex<Option<DamageReport>>,
    /// Something to tell the worker once, after an unlock (files that were readable by others).
    notice: Mutex<Option<String>>,
}

/// Told once when an unlock found Ballast's files readable by others and made them owner-only.
pub const TIGHTENED: &str =
    "Some of Ballast's files could be read by other accounts on this computer. They are now readable only by you.";

/// The open journal, held for one command. While it is held no other command runs; drop it
/// before drawing, laying out or writing files, so [`Session::lock`] is never kept waiting.
pub struct Open<'s> {
    slot: MutexGuard<'s, Option<Journal>>,
    session: &'s Session,
}

impl Deref for Open<'_> {
    type Target = Journal;
    #[allow(clippy::expect_used)] // `Session::journal` hands out an `Open` only over an open journal
    fn deref(&self) -> &Journal {
        self.slot.as_ref().expect("an Open guard always holds an open journal")
    }
}

impl DerefMut for Open<'_> {
    #[allow(clippy::expect_used)] // as in `deref`
    fn deref_mut(&mut self) -> &mut Journal {
        self.slot.as_mut().expect("an Open guard always holds an open journal")
    }
}

impl Open<'_> {
    /// Closes the journal (after a restore that could not reopen it, say): the session is locked.
    pub fn close(mut self) {
        *self.slot = None;
    }

    /// Takes the journal out of the session, which is then locked ("delete everything").
    pub fn take(mut self) -> Option<Journal> {
        self.slot.take()
    }
}

impl Drop for Open<'_> {
    fn drop(&mut self) {
        if self.session.closing.load(Ordering::SeqCst) {
            *self.slot = None;
        }
    }
}

impl Session {
    /// A locked session over `dir`, without auto-lock (see [`Session::with_auto_lock`]).
    pub fn new(dir: DataDir, clock: Arc<dyn Clock>) -> Self {
        let now = clock.now();
        Self {
            dir,
            clock,
            journal: Mutex::new(None),
            closing: AtomicBool::new(false),
            auto_lock: AtomicBool::new(false),
            check_due: AtomicBool::new(false),
            idle: Mutex::new(idle::Idle::new(now)),
            locked_because: Mutex::new(None),
            backup_problem: Mutex::new(None),
            damage: Mutex::new(None),
            notice: Mutex::new(None),
        }
    }

    /// The same session with the idle deadline applied: the journal locks after the worker's
    /// auto-lock minutes without a command or [`Session::note_activity`].
    #[must_use]
    pub fn with_auto_lock(self) -> Self {
        self.auto_lock.store(true, Ordering::SeqCst);
        self
    }

    /// The clock every use case reads.
    pub fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }

    /// The clock, shared (for work that outlives a borrow).
    pub fn clock_arc(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    /// The data directory.
    pub fn dir(&self) -> &DataDir {
        &self.dir
    }

    /// The open journal, for one command.
    ///
    /// # Errors
    /// [`ApiError::Locked`] when the journal is locked, is being locked, or has just passed its
    /// idle deadline (it is then closed).
    pub fn journal(&self) -> Result<Open<'_>, ApiError> {
        self.open_journal(true)
    }

    /// The open journal for a look taken in the background (the reminders' clock): as
    /// [`Session::journal`], but it does not count as the worker's activity, so it never keeps
    /// the journal from locking when idle (and past the idle deadline it leaves the locking to
    /// the idle timer, which tells the window).
    ///
    /// # Errors
    /// As [`Session::journal`].
    pub(crate) fn journal_quietly(&self) -> Result<Open<'_>, ApiError> {
        self.open_journal(false)
    }

    fn open_journal(&self, activity: bool) -> Result<Open<'_>, ApiError> {
        let mut slot = guard(&self.journal);
        if self.closing.load(Ordering::SeqCst) {
            *slot = None;
            return Err(ApiError::Locked);
        }
        if slot.is_none() {
            return Err(ApiError::Locked);
        }
        let now = self.clock.now();
        let mut idle = guard(&self.idle);
        if self.auto_lock.load(Ordering::SeqCst) && idle.expired(now) {
            if !activity {
                // Left to the idle timer, which locks and tells the window.
                return Err(ApiError::Locked);
            }
            *slot = None;
            *guard(&self.locked_because) = Some(LockReason::Idle);
            return Err(ApiError::Locked);
        }
        if activity {
            idle.touch(now);
        }
        drop(idle);
        Ok(Open { slot, session: self })
    }

    /// Whether the journal is open and not being locked. Never waits behind a running command.
    pub fn is_unlocked(&self) -> bool {
        let open = match self.journal.try_lock() {
            Ok(slot) => slot.is_some(),
            Err(TryLockError::Poisoned(p)) => p.into_inner().is_some(),
            Err(TryLockError::WouldBlock) => true,
        };
        open && !self.closing.load(Ordering::SeqCst)
    }

    /// Where the app stands. Never waits behind a running command. A notice is given once: the
    /// status that carries it clears it.
    pub fn status(&self) -> AppStatus {
        let state = if self.is_unlocked() {
            JournalState::Unlocked
        } else if self.dir.is_set_up() {
            JournalState::Locked
        } else if self.dir.backup_vault().exists() {
            JournalState::NeedsRecovery
        } else {
            JournalState::NeedsSetup
        };
        AppStatus {
            state,
            data_dir: self.dir.root().display().to_string(),
            backup_problem: guard(&self.backup_problem).clone(),
            locked_because: if state == JournalState::Unlocked { None } else { *guard(&self.locked_because) },
            notice: if state == JournalState::Unlocked { guard(&self.notice).take() } else { None },
        }
    }

    /// Sets up a new journal and leaves it unlocked; returns the recovery key to show once.
    ///
    /// # Errors
    /// [`ApiError::WeakPassphrase`], [`ApiError::AlreadySetUp`], [`ApiError::HeldByOtherProcess`].
    pub fn set_up(&self, passphrase: &SecretString) -> Result<SetUp, ApiError> {
        if let Some(why) = passphrase_problem(passphrase.expose_secret()) {
            return Err(ApiError::WeakPassphrase(why));
        }
        let mut slot = self.opening();
        let (journal, recovery) = Journal::create(&self.dir, passphrase, self.clock.now())?;
        self.install(&mut slot, journal);
        Ok(SetUp { recovery_key: recovery.expose().to_owned() })
    }

    /// Unlocks with a passphrase or the recovery key, and makes the day's backup if none has
    /// been made today. The secret is checked even when the journal is already open.
    ///
    /// # Errors
    /// [`ApiError::WrongPassphrase`] / [`ApiError::WrongRecoveryKey`], too new, held; for damage
    /// ([`ApiError::JournalDamaged`], [`ApiError::VaultDamaged`]) the damaged files are first
    /// moved into `quarantine/` and the damage report says what happened.
    pub fn unlock(&self, secret: &Secret) -> Result<(), ApiError> {
        let mut slot = self.opening();
        if let Some(journal) = slot.as_ref() {
            journal.check_secret(secret).map_err(|e| opening::with_secret(e, secret))?;
            guard(&self.idle).touch(self.clock.now());
            return Ok(());
        }
        let now = self.clock.now();
        let mut journal = Journal::open(&self.dir, secret, now).map_err(|e| self.opening_failed(e, secret))?;
        self.daily_backup(&mut journal);
        self.install(&mut slot, journal);
        Ok(())
    }

    /// Locks: no command starts from now on, and the journal closes at once, or, when a command
    /// is running, as soon as it finishes its read. Returns without waiting for it.
    pub fn lock(&self) {
        self.lock_because(LockReason::Asked);
    }

    /// Locks for `reason` (idle, sleep, the desktop session locked, the window minimised).
    pub fn lock_because(&self, reason: LockReason) {
        self.closing.store(true, Ordering::SeqCst);
        *guard(&self.locked_because) = (reason != LockReason::Asked).then_some(reason);
        match self.journal.try_lock() {
            Ok(mut slot) => *slot = None,
            Err(TryLockError::Poisoned(p)) => *p.into_inner() = None,
            // A command is running: its guard closes the journal when it is dropped.
            Err(TryLockError::WouldBlock) => {}
        }
    }

    /// Locks when the idle deadline has passed (the desktop app's timer asks this every few
    /// seconds, so a deadline passed while the page was suspended is noticed without a click).
    /// Also closes a journal whose lock was asked for while a command was running. Returns whether
    /// the journal locked just now.
    pub fn lock_if_idle(&self) -> bool {
        let Ok(mut slot) = self.journal.try_lock() else { return false };
        if slot.is_none() {
            return false;
        }
        if self.closing.load(Ordering::SeqCst) {
            *slot = None;
            return true;
        }
        let expired = self.auto_lock.load(Ordering::SeqCst) && guard(&self.idle).expired(self.clock.now());
        if expired {
            *slot = None;
            *guard(&self.locked_because) = Some(LockReason::Idle);
        }
        expired
    }

    /// The worker is active in the window (typing, clicking): the idle deadline starts again.
    ///
    /// # Errors
    /// [`ApiError::Locked`] when the journal is locked or the deadline had already passed.
    pub fn note_activity(&self) -> Result<(), ApiError> {
        self.journal().map(drop)
    }

    /// Sets the idle minutes from now on (after the worker changes them).
    pub fn set_auto_lock_minutes(&self, minutes: u32) {
        guard(&self.idle).set_limit(Some(chrono::Duration::minutes(i64::from(minutes))));
    }

    /// The damage found at the last unlock, if any.
    pub fn damage_report(&self) -> Option<DamageReport> {
        guard(&self.damage).clone()
    }

    /// The slot, held for opening a journal: a lock asked for before this point is done with.
    pub(crate) fn opening(&self) -> MutexGuard<'_, Option<Journal>> {
        let slot = guard(&self.journal);
        self.closing.store(false, Ordering::SeqCst);
        slot
    }

    /// Puts an opened journal in the slot: the idle deadline starts from now.
    pub(crate) fn install(&self, slot: &mut Option<Journal>, journal: Journal) {
        let minutes = journal
            .setting(AUTO_LOCK_KEY)
            .ok()
            .flatten()
            .and_then(|v| v.parse::<u32>().ok())
            .unwrap_or(DEFAULT_AUTO_LOCK_MINUTES);
        {
            let mut idle = guard(&self.idle);
            idle.set_limit(Some(chrono::Duration::minutes(i64::from(minutes))));
            idle.touch(self.clock.now());
        }
        if ballast_store::private::tighten_data_dir(&self.dir) {
            // Made by an older Ballast, or copied in: now owner-only, and the worker is told once.
            tracing::warn!("the data folder's files were readable by others; they are now owner-only");
            *guard(&self.notice) = Some(TIGHTENED.to_owned());
        }
        *guard(&self.locked_because) = None;
        *guard(&self.damage) = None;
        *slot = Some(journal);
        self.check_due.store(true, Ordering::SeqCst);
    }

    /// What went wrong with the last backup made without being asked.
    pub(crate) fn backup_problem(&self) -> Option<String> {
        guard(&self.backup_problem).clone()
    }

    /// Keeps (or, with `None`, clears) the last unasked backup's problem.
    pub(crate) fn set_backup_problem(&self, problem: Option<String>) {
        *guard(&self.backup_problem) = problem;
    }
}

/// A single field's problem, as the error the worker sees.
pub(crate) fn invalid(field: &str, message: impl Into<String>) -> ApiError {
    ApiError::Invalid(vec![FieldError::new(field, message.into())])
}
