//! The self-care plan (with its versions) and the support resources.

use ballast_api::care::{PlanView, ResourcesView};
use ballast_api::{ApiError, Session};
use ballast_core::care::{Resource, SelfCarePlan};
use tauri::State;

use super::guarded;

/// The plan: `version`, or the latest, with the list of versions.
#[tauri::command(async)]
#[specta::specta]
pub fn get_self_care_plan(session: State<'_, Session>, version: Option<u32>) -> Result<PlanView, ApiError> {
    guarded(|| ballast_api::care::self_care_plan(&session, version))
}

/// Saves the plan as a new version when it changed.
#[tauri::command(async)]
#[specta::specta]
pub fn save_self_care_plan(session: State<'_, Session>, plan: SelfCarePlan) -> Result<PlanView, ApiError> {
    guarded(|| ballast_api::care::save_self_care_plan(&session, &plan))
}

/// The support resources (the starting list while locked).
#[tauri::command(async)]
#[specta::specta]
pub fn get_support_resources(session: State<'_, Session>) -> Result<ResourcesView, ApiError> {
    guarded(|| Ok(ballast_api::care::support_resources(&session)))
}

/// Saves the support resources.
#[tauri::command(async)]
#[specta::specta]
pub fn save_support_resources(
    session: State<'_, Session>,
    resources: Vec<Resource>,
) -> Result<ResourcesView, ApiError> {
    guarded(|| ballast_api::care::save_support_resources(&session, &resources))
}
