//! The reminders' clock: a thread that looks, every [`TICK`], at the worker's reminder choices
//! and at what the journal says (when something was last logged, whether a self-check has come
//! due), and sends a system notification when `ballast_core::reminder` says one is due.
//!
//! The journal is encrypted, so Ballast can only know the choices once it has been unlocked:
//! after the first unlock of a run it keeps them, with the time of the newest entry and which
//! self-check is due, in memory, and reminds from that while the journal is locked (in the tray,
//! say). Nothing of this is written anywhere, and what is kept is no journal content: times and
//! an instrument's id. Before the first unlock of a run there are no reminders. Looking does not
//! count as the worker's activity, so it never keeps the journal from locking when idle.

use std::sync::Mutex;
use std::time::Duration;

use ballast_api::Session;
use ballast_api::reminders;
use ballast_core::reminder::{self, Facts, Schedule, Sent};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

/// How often the reminders look at the clock.
pub const TICK: Duration = Duration::from_secs(15);

/// What the reminders know, in memory only.
#[derive(Default)]
pub struct Reminders(Mutex<Known>);

#[derive(Default)]
struct Known {
    /// The choices and facts as of the last look at an unlocked journal; `None` before one.
    plan: Option<(Schedule, Facts)>,
    sent: Sent,
}

impl Reminders {
    /// Whether the worker has reminders on, as of the last look at the unlocked journal.
    pub fn on(&self) -> bool {
        self.known().plan.as_ref().is_some_and(|(schedule, _)| schedule.on)
    }

    /// Reads the choices and facts again from the journal, when it is open (after the worker
    /// changes the choices, say, so closing the window at once already follows them).
    pub fn learn(&self, session: &Session) {
        let mut known = self.known();
        learn(&mut known, session);
    }

    fn known(&self) -> std::sync::MutexGuard<'_, Known> {
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Forgets everything (the journal was deleted): no reminders until it is unlocked again.
    pub fn forget(&self) {
        *self.known() = Known::default();
    }
}

/// Starts the reminders' clock on its own thread.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let spawned = std::thread::Builder::new().name("ballast-reminders".into()).spawn(move || {
        loop {
            std::thread::sleep(TICK);
            look(&app);
        }
    });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "the reminders could not start");
    }
}

fn learn(known: &mut Known, session: &Session) {
    if session.is_unlocked()
        && let (Ok(schedule), Ok(facts)) = (reminders::schedule_quietly(session), reminders::facts(session))
    {
        known.plan = Some((schedule, facts));
    }
}

/// One look: refreshes what is known from the journal if it is open, then sends what is due.
fn look<R: Runtime>(app: &AppHandle<R>) {
    let session = app.state::<Session>();
    let state = app.state::<Reminders>();
    let mut known = state.known();
    learn(&mut known, &session);
    let Some((schedule, facts)) = &known.plan else { return };
    let clock = session.clock();
    let due = reminder::due(schedule, facts, &known.sent, clock.now(), &clock.zone());
    for r in due {
        match app.notification().builder().title("Ballast").body(r.text()).show() {
            Ok(()) => tracing::info!("a reminder was sent"),
            Err(e) => tracing::warn!(error = %e, "a reminder could not be shown"),
        }
        // Marked even when it could not be shown, so a missing notification service is not
        // asked again every few seconds.
        r.mark(&mut known.sent);
    }
}
