//! The self-care plan (kept in versions, past versions viewable) and the support resources (one
//! list, a starting list until the worker saves their own). The resources can be read while the
//! journal is locked: then the starting list is shown, since the worker's own list is encrypted.

use ballast_core::FieldError;
use ballast_core::care::{DEFAULT_COUNTRY, Resource, SelfCarePlan, default_resources, resource_problems};
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::error::ApiError;
use crate::session::Session;
use crate::setting::SettingKey;

/// The setting that held the simple self-care note (export versions 2 and 3); on import it
/// becomes a plan version. Checked as the plan's text is (see [`SETTINGS`]).
pub(crate) const SELF_CARE_NOTE: &str = "self_care_note";
/// The setting that held the simple support note (export versions 2 and 3); on import it
/// becomes a resource named "My notes".
pub(crate) const SUPPORT_NOTE: &str = "support_note";

/// The settings care keeps: only in exports of versions 2 and 3, which the import turns into the
/// plan and a resource.
pub const SETTINGS: &[SettingKey] =
    &[SettingKey::exact(SELF_CARE_NOTE, note_problem), SettingKey::exact(SUPPORT_NOTE, note_problem)];

fn note_problem(_: &str, value: &str) -> Option<String> {
    let plan = SelfCarePlan { notes: value.to_owned(), ..Default::default() };
    plan.problems().into_iter().next().map(|p| p.message)
}

/// A version of the plan, as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PlanVersionView {
    /// Its number, from 1.
    #[specta(type = u32)]
    pub version: u32,
    /// When it was saved.
    pub saved_at: DateTime<Utc>,
}

/// The plan as shown: its latest version (empty before the first save) and the list of versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct PlanView {
    /// The plan shown: the latest version, or the one asked for.
    pub plan: SelfCarePlan,
    /// Which version that is (`None` before the first save).
    pub version: Option<u32>,
    /// When it was saved.
    pub saved_at: Option<DateTime<Utc>>,
    /// Every version, newest first.
    pub versions: Vec<PlanVersionView>,
}

/// The support resources as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct ResourcesView {
    /// The list.
    pub resources: Vec<Resource>,
    /// Set when this is Ballast's starting list: the country it is for.
    pub starting_list_country: Option<String>,
    /// A calm sentence about the list (check local numbers; locked: your own list is kept safe).
    pub notice: String,
    /// Ballast's starting list, which the worker can add to their own (for example after an
    /// older version turned a note into a list without crisis numbers).
    pub starting_list: Vec<Resource>,
}

fn starting(notice: String) -> ResourcesView {
    ResourcesView {
        resources: default_resources(),
        starting_list_country: Some(DEFAULT_COUNTRY.to_owned()),
        notice,
        starting_list: default_resources(),
    }
}

fn check_local() -> String {
    format!(
        "This starting list is for the {DEFAULT_COUNTRY}. Please check the numbers for where you live, and change the list to suit you."
    )
}

/// The self-care plan: `version` (or the latest) and the list of versions.
///
/// # Errors
/// [`ApiError::NotFound`] for a version that does not exist; [`ApiError::Locked`].
pub fn self_care_plan(session: &Session, version: Option<u32>) -> Result<PlanView, ApiError> {
    let all = session.journal()?.plan_versions()?;
    let shown = match version {
        Some(n) => Some(all.iter().find(|v| v.version == n).ok_or(ApiError::NotFound)?),
        None => all.last(),
    };
    Ok(PlanView {
        plan: shown.map(|v| v.plan.clone()).unwrap_or_default(),
        version: shown.map(|v| v.version),
        saved_at: shown.map(|v| v.saved_at),
        versions: all.iter().rev().map(|v| PlanVersionView { version: v.version, saved_at: v.saved_at }).collect(),
    })
}

/// Saves the plan as a new version when it changed; returns the plan as now kept.
///
/// # Errors
/// [`ApiError::Invalid`] naming each part that is too long or holds a control character
/// (nothing saved); [`ApiError::Locked`].
pub fn save_self_care_plan(session: &Session, plan: &SelfCarePlan) -> Result<PlanView, ApiError> {
    let problems = plan.problems();
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    let now = session.clock().now();
    {
        let mut j = session.journal()?;
        // An empty plan is not worth a first version.
        if *plan != SelfCarePlan::default() || !j.plan_versions()?.is_empty() {
            j.save_plan(plan, now)?;
        }
    }
    self_care_plan(session, None)
}

/// The support resources: the worker's list, or the starting list (also while locked).
pub fn support_resources(session: &Session) -> ResourcesView {
    let own = session.journal().and_then(|j| Ok(j.support_resources()?));
    match own {
        Ok(list) if !list.is_empty() => ResourcesView {
            resources: list,
            starting_list_country: None,
            notice: "Your own list. Keep the numbers current for where you are.".to_owned(),
            starting_list: default_resources(),
        },
        Ok(_) => starting(check_local()),
        Err(_) if !session.dir().is_set_up() => starting(check_local()),
        Err(_) => starting(format!(
            "Your own list is kept safe in your journal and shows once it is unlocked. Until then, this starting list is for the {DEFAULT_COUNTRY}; check the numbers for where you live."
        )),
    }
}

/// Saves the support resources (an empty list brings back the starting list).
///
/// # Errors
/// [`ApiError::Invalid`] naming each resource's problem (nothing saved); [`ApiError::Locked`].
pub fn save_support_resources(session: &Session, list: &[Resource]) -> Result<ResourcesView, ApiError> {
    let problems: Vec<FieldError> = resource_problems(list);
    if !problems.is_empty() {
        return Err(ApiError::Invalid(problems));
    }
    session.journal()?.save_support_resources(list)?;
    Ok(support_resources(session))
}
