//! A session with one data directory: set up, unlock, lock, and every journal use case. The
//! desktop shell keeps one in its state; each CLI command makes one. Every method takes `&self`,
//! so the shell can share it between commands; the open journal sits behind a mutex (one writer).

use std::sync::{Arc, Mutex, MutexGuard};

use ballast_core::passphrase::passphrase_problem;
use ballast_core::person_code::{code_warnings, tag_warnings};
use ballast_core::{Clock, Cursor, EntryBody, EntryId, FieldError, FormDraft, ReflectionDraft, SetbackDraft};
use ballast_store::{DataDir, Journal, Secret};
use secrecy::{ExposeSecret, SecretString};

use crate::dto::{AppStatus, EntryPage, EntryView, JournalState, Saved, SetUp, Settings};
use crate::error::ApiError;

const AUTO_LOCK_KEY: &str = "auto_lock_minutes";
/// The most entries one page of the list may hold.
pub const MAX_PAGE: u32 = 500;

/// One data directory, locked or unlocked.
pub struct Session {
    pub(crate) dir: DataDir,
    pub(crate) clock: Arc<dyn Clock>,
    journal: Mutex<Option<Journal>>,
    /// What went wrong with the last backup made without being asked (shown, never hidden).
    pub(crate) backup_problem: Mutex<Option<String>>,
    /// The damage found at the last unlock, and where the damaged files went.
    pub(crate) damage: Mutex<Option<crate::dto::DamageReport>>,
}

/// Locks a mutex, carrying on after a panic elsewhere (SQLite transactions roll back on their own).
pub(crate) fn guard<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Session {
    /// A locked session over `dir`.
    pub fn new(dir: DataDir, clock: Arc<dyn Clock>) -> Self {
        Self { dir, clock, journal: Mutex::new(None), backup_problem: Mutex::new(None), damage: Mutex::new(None) }
    }

    pub(crate) fn slot(&self) -> MutexGuard<'_, Option<Journal>> {
        guard(&self.journal)
    }

    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut Journal) -> Result<T, ApiError>) -> Result<T, ApiError> {
        let mut slot = self.slot();
        let journal = slot.as_mut().ok_or(ApiError::Locked)?;
        f(journal)
    }

    /// Where the app stands.
    pub fn status(&self) -> AppStatus {
        let state = if self.slot().is_some() {
            JournalState::Unlocked
        } else if self.dir.is_set_up() {
            JournalState::Locked
        } else if self.dir.backup_vault().exists() {
            JournalState::NeedsRecovery
        } else {
            JournalState::NeedsSetup
        };
        let backup_problem = guard(&self.backup_problem).clone();
        AppStatus { state, data_dir: self.dir.root().display().to_string(), backup_problem }
    }

    /// Sets up a new journal and leaves it unlocked; returns the recovery key to show once.
    ///
    /// # Errors
    /// [`ApiError::WeakPassphrase`], [`ApiError::AlreadySetUp`], [`ApiError::HeldByOtherProcess`].
    pub fn set_up(&self, passphrase: &SecretString) -> Result<SetUp, ApiError> {
        if let Some(why) = passphrase_problem(passphrase.expose_secret()) {
            return Err(ApiError::WeakPassphrase(why));
        }
        let (journal, recovery) = Journal::create(&self.dir, passphrase, self.clock.now())?;
        *self.slot() = Some(journal);
        Ok(SetUp { recovery_key: recovery.expose().to_owned() })
    }

    /// Unlocks with a passphrase or the recovery key, and makes the day's backup if none has
    /// been made today. Unlocking an open session is a no-op.
    ///
    /// # Errors
    /// [`ApiError::WrongPassphrase`] / [`ApiError::WrongRecoveryKey`], too new, held; for damage
    /// ([`ApiError::JournalDamaged`], [`ApiError::VaultDamaged`]) the damaged files are first
    /// moved into `quarantine/` and [`Session::damage_report`] says what happened.
    pub fn unlock(&self, secret: &Secret) -> Result<(), ApiError> {
        let mut slot = self.slot();
        if slot.is_none() {
            let now = self.clock.now();
            let mut journal = Journal::open(&self.dir, secret, now).map_err(|e| self.opening_failed(e, secret))?;
            self.daily_backup(&mut journal);
            *slot = Some(journal);
        }
        Ok(())
    }

    /// Closes the journal and releases the lock.
    pub fn lock(&self) {
        *self.slot() = None;
    }

    /// Changes the passphrase (re-wrapping the key only).
    ///
    /// # Errors
    /// [`ApiError::WeakPassphrase`] for the new one, [`ApiError::WrongPassphrase`] for the current.
    pub fn change_passphrase(&self, current: &SecretString, next: &SecretString) -> Result<(), ApiError> {
        if let Some(why) = passphrase_problem(next.expose_secret()) {
            return Err(ApiError::WeakPassphrase(why));
        }
        self.with(|j| Ok(j.change_passphrase(current, next)?))
    }

    fn save(&self, id: Option<EntryId>, body: EntryBody, warnings: Vec<FieldError>) -> Result<Saved, ApiError> {
        let now = self.clock.now();
        self.with(|j| {
            let id = match id {
                Some(id) => j.update(id, &body, now).map(|()| id)?,
                None => j.insert(&body, now)?,
            };
            Ok(Saved { id, warnings })
        })
    }

    /// Saves a reflection: a new one when `id` is `None`, else replaces that entry.
    ///
    /// # Errors
    /// [`ApiError::Invalid`] with every problem (nothing written), [`ApiError::Locked`],
    /// [`ApiError::NotFound`].
    pub fn save_reflection(&self, id: Option<EntryId>, draft: &ReflectionDraft) -> Result<Saved, ApiError> {
        let r = draft.validate(self.clock.as_ref())?;
        let mut warnings = r.person_code.as_deref().map(code_warnings).unwrap_or_default();
        warnings.extend(tag_warnings(&r.tags));
        self.save(id, EntryBody::Reflection(r), warnings)
    }

    /// Saves a setback: a new one when `id` is `None`, else replaces that entry.
    ///
    /// # Errors
    /// As [`Session::save_reflection`].
    pub fn save_setback(&self, id: Option<EntryId>, draft: &SetbackDraft) -> Result<Saved, ApiError> {
        let s = draft.validate(self.clock.as_ref())?;
        let warnings = s.person_code.as_deref().map(code_warnings).unwrap_or_default();
        self.save(id, EntryBody::Setback(s), warnings)
    }

    /// Warnings about a person code, for the form to show as the worker types.
    pub fn check_person_code(&self, code: &str) -> Vec<FieldError> {
        code_warnings(code)
    }

    /// Deletes an entry.
    ///
    /// # Errors
    /// [`ApiError::NotFound`], [`ApiError::Locked`].
    pub fn delete_entry(&self, id: EntryId) -> Result<(), ApiError> {
        self.with(|j| Ok(j.delete(id)?))
    }

    /// One entry.
    ///
    /// # Errors
    /// [`ApiError::NotFound`], [`ApiError::Locked`].
    pub fn get_entry(&self, id: EntryId) -> Result<EntryView, ApiError> {
        self.with(|j| Ok(EntryView::from(&j.get(id)?)))
    }

    /// A page of the list, newest first, strictly older than `before`.
    ///
    /// # Errors
    /// [`ApiError::Locked`].
    pub fn list_entries(&self, before: Option<Cursor>, limit: u32) -> Result<EntryPage, ApiError> {
        let limit = limit.clamp(1, MAX_PAGE);
        self.with(|j| {
            let entries = j.page(before, limit)?;
            let full = u32::try_from(entries.len()).is_ok_and(|n| n == limit);
            let next = entries.last().filter(|_| full).map(|e| Cursor { occurred_at: e.occurred_at, id: e.id });
            Ok(EntryPage { entries, next })
        })
    }

    /// SQLite's integrity check of the open journal: empty when sound.
    ///
    /// # Errors
    /// [`ApiError::Locked`].
    pub fn integrity_problems(&self) -> Result<Vec<String>, ApiError> {
        self.with(|j| Ok(j.integrity_problems()?))
    }

    /// Keeps an unsaved form, encrypted, until [`Session::take_draft`].
    ///
    /// # Errors
    /// [`ApiError::Locked`].
    pub fn save_draft(&self, draft: &FormDraft) -> Result<(), ApiError> {
        let now = self.clock.now();
        self.with(|j| Ok(j.save_draft(draft, now)?))
    }

    /// Hands back the kept form, once.
    ///
    /// # Errors
    /// [`ApiError::Locked`].
    pub fn take_draft(&self) -> Result<Option<FormDraft>, ApiError> {
        self.with(|j| Ok(j.take_draft()?))
    }

    /// The worker's settings, with defaults for anything not yet set.
    ///
    /// # Errors
    /// [`ApiError::Locked`].
    pub fn settings(&self) -> Result<Settings, ApiError> {
        self.with(|j| {
            let minutes = j.setting(AUTO_LOCK_KEY)?.and_then(|v| v.parse().ok());
            Ok(Settings { auto_lock_minutes: minutes.unwrap_or(Settings::default().auto_lock_minutes) })
        })
    }

    /// Saves the settings.
    ///
    /// # Errors
    /// [`ApiError::Invalid`] for minutes outside 1–240; [`ApiError::Locked`].
    pub fn save_settings(&self, settings: Settings) -> Result<(), ApiError> {
        if let Some(why) = setting_problem(AUTO_LOCK_KEY, &settings.auto_lock_minutes.to_string()) {
            return Err(ApiError::Invalid(vec![FieldError::new(AUTO_LOCK_KEY, why)]));
        }
        self.with(|j| Ok(j.set_setting(AUTO_LOCK_KEY, &settings.auto_lock_minutes.to_string())?))
    }
}

/// The problem with a setting name Ballast does not have.
pub(crate) const UNKNOWN_SETTING: &str = "Ballast has no setting by this name.";

/// Why a stored setting's value is not acceptable, if it is not (for saving and for import).
pub(crate) fn setting_problem(key: &str, value: &str) -> Option<String> {
    match key {
        AUTO_LOCK_KEY => match value.parse::<u32>() {
            Ok(1..=240) => None,
            _ => Some("Choose between 1 and 240 minutes.".to_owned()),
        },
        // Only in exports of versions 2 and 3: the import turns them into the plan and resources.
        crate::care::SELF_CARE_NOTE | crate::care::SUPPORT_NOTE => {
            let plan = ballast_core::care::SelfCarePlan { notes: value.to_owned(), ..Default::default() };
            plan.problems().into_iter().next().map(|p| p.message)
        }
        crate::report::NOTE_KEY | crate::report::NAME_KEY => {
            let value = Some(value.to_owned());
            let (note, author) = if key == crate::report::NOTE_KEY { (&value, &None) } else { (&None, &value) };
            ballast_core::share::check_words(note, author).err().and_then(|e| e.0.into_iter().next().map(|p| p.message))
        }
        _ if key
            .strip_prefix(crate::check_ins::EVERY_PREFIX)
            .is_some_and(|id| ballast_core::instrument::find(id).is_some_and(|d| d.cadence_days.is_some())) =>
        {
            crate::check_ins::every_problem(value)
        }
        _ => Some(UNKNOWN_SETTING.to_owned()),
    }
}
