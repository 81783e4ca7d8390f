//! Reflection templates: the list in the worker's order, one's own kept, the order and hiding.

use ballast_api::templates::{OwnTemplateDraft, TemplateView};
use ballast_api::{ApiError, Session};
use ballast_core::template::Template;
use tauri::State;

use super::guarded;

/// Every template in the worker's order, hidden ones marked.
#[tauri::command(async)]
#[specta::specta]
pub fn list_templates(session: State<'_, Session>) -> Result<Vec<TemplateView>, ApiError> {
    guarded(|| ballast_api::templates::templates(&session))
}

/// Keeps a template of the worker's own (new when its id is empty).
#[tauri::command(async)]
#[specta::specta]
pub fn save_own_template(session: State<'_, Session>, template: OwnTemplateDraft) -> Result<Template, ApiError> {
    guarded(|| ballast_api::templates::save_own(&session, &template))
}

/// Sets the templates' order and which are hidden.
#[tauri::command(async)]
#[specta::specta]
pub fn arrange_templates(
    session: State<'_, Session>,
    order: Vec<String>,
    hidden: Vec<String>,
) -> Result<Vec<TemplateView>, ApiError> {
    guarded(|| ballast_api::templates::arrange(&session, &order, &hidden))
}
