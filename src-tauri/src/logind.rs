//! Linux: locking when the machine is about to sleep and when the desktop session is locked, from
//! logind's signals on the system bus (`org.freedesktop.login1`): the manager's
//! `PrepareForSleep(true)` and this session's `Lock`. Each watch runs on its own thread. Without
//! a system bus or logind (a container, some CI machines) nothing is watched, and the idle
//! deadline, checked by the wall clock, still counts the time asleep.

use ballast_api::dto::LockReason;
use zbus::blocking::{Connection, Proxy};
use zbus::zvariant::OwnedObjectPath;

const LOGIND: &str = "org.freedesktop.login1";
const MANAGER_PATH: &str = "/org/freedesktop/login1";
const MANAGER: &str = "org.freedesktop.login1.Manager";
const SESSION: &str = "org.freedesktop.login1.Session";

/// This process's login session, as logind names it, if it has one.
pub fn own_session(conn: &Connection) -> Option<OwnedObjectPath> {
    let manager = Proxy::new(conn, LOGIND, MANAGER_PATH, MANAGER).ok()?;
    manager.call("GetSessionByPID", &(std::process::id(),)).ok()
}

/// Watches `conn` for the machine going to sleep and, with `session`, for that session being
/// locked, calling `on_lock` each time. Returns how many watches started.
pub fn watch(
    conn: &Connection,
    session: Option<OwnedObjectPath>,
    on_lock: impl Fn(LockReason) + Send + Clone + 'static,
) -> usize {
    let mut started = 0;
    let sleep = Proxy::new(conn, LOGIND, MANAGER_PATH, MANAGER).and_then(|p| p.receive_signal("PrepareForSleep"));
    match sleep {
        Ok(signals) => {
            let on = on_lock.clone();
            let spawned = std::thread::Builder::new().name("ballast-sleep".into()).spawn(move || {
                for msg in signals {
                    // `true` as the machine goes to sleep, `false` as it wakes.
                    if msg.body().deserialize::<bool>().unwrap_or(true) {
                        on(LockReason::Sleep);
                    }
                }
            });
            started += usize::from(spawned.is_ok());
        }
        Err(e) => tracing::warn!(error = %e, "cannot watch for sleep; the idle deadline still applies"),
    }
    if let Some(path) = session {
        let locks = Proxy::new(conn, LOGIND, path, SESSION).and_then(|p| p.receive_signal("Lock"));
        match locks {
            Ok(signals) => {
                let spawned = std::thread::Builder::new().name("ballast-session-lock".into()).spawn(move || {
                    for _ in signals {
                        on_lock(LockReason::SessionLocked);
                    }
                });
                started += usize::from(spawned.is_ok());
            }
            Err(e) => tracing::warn!(error = %e, "cannot watch for the session being locked"),
        }
    }
    started
}

/// Starts both watches on the system bus, from a thread of their own: connecting and asking
/// logind take a few round trips, which the first window does not wait for.
pub fn start(on_lock: impl Fn(LockReason) + Send + Clone + 'static) {
    let spawned = std::thread::Builder::new().name("ballast-logind".into()).spawn(move || match Connection::system() {
        Ok(conn) => {
            let session = own_session(&conn);
            let started = watch(&conn, session, on_lock);
            tracing::info!(started, "watching logind for sleep and session locks");
            // The connection must outlive the watches: it is kept for the life of the app.
            std::mem::forget(conn);
        }
        Err(e) => tracing::warn!(error = %e, "no system bus; sleep and session locks are not watched"),
    });
    if let Err(e) = spawned {
        tracing::warn!(error = %e, "cannot start watching logind; the idle deadline still applies");
    }
}
