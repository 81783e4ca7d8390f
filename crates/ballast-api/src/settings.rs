//! The Settings screen (auto-lock minutes, locking when minimised, "On this day") and the registry of every
//! setting Ballast keeps: each feature declares its own keys with their checks beside its code
//! (`SETTINGS`); this gathers them, so saving and importing check a value by the same rule.

use crate::dto::Settings;
use crate::error::ApiError;
use crate::on_this_day::ON_THIS_DAY_KEY;
use crate::session::{AUTO_LOCK_KEY, DEFAULT_AUTO_LOCK_MINUTES, LOCK_ON_MINIMISE_KEY, Session, invalid};
use crate::setting::SettingKey;

/// Every feature's settings.
pub const REGISTRY: &[&[SettingKey]] = &[
    crate::session::SETTINGS,
    crate::check_ins::SETTINGS,
    crate::care::SETTINGS,
    crate::report::SETTINGS,
    crate::on_this_day::SETTINGS,
    crate::appearance::SETTINGS,
    crate::reminders::SETTINGS,
];

pub(crate) use crate::setting::UNKNOWN_SETTING;

/// Why a stored setting's value is not acceptable, if it is not (for saving and for import).
pub(crate) fn problem(key: &str, value: &str) -> Option<String> {
    match REGISTRY.iter().flat_map(|keys| keys.iter()).find(|k| k.matches(key)) {
        Some(k) => (k.problem)(key, value),
        None => Some(UNKNOWN_SETTING.to_owned()),
    }
}

/// The worker's settings, with defaults for anything not yet set.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn current(session: &Session) -> Result<Settings, ApiError> {
    let j = session.journal()?;
    let minutes = j.setting(AUTO_LOCK_KEY)?.and_then(|v| v.parse().ok());
    let minimised = j.setting(LOCK_ON_MINIMISE_KEY)?.is_some_and(|v| v == "true");
    let on_this_day = j.setting(ON_THIS_DAY_KEY)?.is_some_and(|v| v == "true");
    Ok(Settings {
        auto_lock_minutes: minutes.unwrap_or(DEFAULT_AUTO_LOCK_MINUTES),
        lock_when_minimised: minimised,
        on_this_day,
    })
}

/// Saves the settings; the new idle minutes apply from now.
///
/// # Errors
/// [`ApiError::Invalid`] for minutes outside 1–240; [`ApiError::Locked`].
pub fn save(session: &Session, settings: Settings) -> Result<(), ApiError> {
    let minutes = settings.auto_lock_minutes.to_string();
    if let Some(why) = problem(AUTO_LOCK_KEY, &minutes) {
        return Err(invalid(AUTO_LOCK_KEY, why));
    }
    let mut j = session.journal()?;
    j.set_setting(AUTO_LOCK_KEY, &minutes)?;
    j.set_setting(LOCK_ON_MINIMISE_KEY, if settings.lock_when_minimised { "true" } else { "false" })?;
    j.set_setting(ON_THIS_DAY_KEY, if settings.on_this_day { "true" } else { "false" })?;
    drop(j);
    session.set_auto_lock_minutes(settings.auto_lock_minutes);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_setting_is_checked_by_its_own_feature() {
        assert_eq!(problem(AUTO_LOCK_KEY, "10"), None, "ten minutes is a valid auto-lock");
        assert!(problem(AUTO_LOCK_KEY, "0").is_some(), "auto-lock needs at least a minute");
        assert!(problem(LOCK_ON_MINIMISE_KEY, "maybe").is_some(), "lock on minimise is on or off");
        assert_eq!(problem("check_in_every_days.who5", "14"), None, "a schedule for a scheduled instrument");
        assert_eq!(
            problem("check_in_every_days.single_item_burnout", "14").as_deref(),
            Some(UNKNOWN_SETTING),
            "the any-time measure has no schedule setting"
        );
        assert_eq!(problem("no_such_thing", "1").as_deref(), Some(UNKNOWN_SETTING), "unknown names are refused");
    }

    #[test]
    fn no_two_features_claim_the_same_name() {
        let all: Vec<&SettingKey> = REGISTRY.iter().flat_map(|k| k.iter()).collect();
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert!(!a.matches(b.name) && !b.matches(a.name), "{} and {} overlap", a.name, b.name);
            }
        }
    }
}
