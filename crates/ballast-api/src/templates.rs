//! Reflection templates: the built-in ones and the worker's own, in the worker's order, with the
//! hidden ones marked; adding and editing one's own (its prompts edited and reordered); hiding and
//! reordering any. Saving a templated reflection answers against the template it names (see
//! [`for_draft`]): a new entry against the template as it is now, an edited one against the prompts
//! it was written with, so an entry never changes because its template did.

use ballast_core::template::{Prompt, Template, built_in, built_ins};
use ballast_core::{Entry, EntryBody};
use ballast_store::Journal;
use ballast_store::templates::Choice;
use serde::{Deserialize, Serialize};

use crate::error::ApiError;
use crate::session::Session;

/// A template as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type)]
pub struct TemplateView {
    /// The template.
    pub template: Template,
    /// Whether the worker hid it (it is not offered for new entries; its entries stay as written).
    pub hidden: bool,
}

/// A template of the worker's own as the editor sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, specta::Type)]
#[serde(default)]
pub struct OwnTemplateDraft {
    /// Empty for a new template.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it is for.
    pub about: String,
    /// Its prompts in order; a new prompt has an empty id.
    pub prompts: Vec<Prompt>,
}

/// Every template, built-in and own, in the worker's order (a template never placed comes after,
/// in Ballast's order), hidden ones included and marked.
pub(crate) fn all(j: &Journal) -> Result<Vec<TemplateView>, ApiError> {
    let choices = j.template_choices()?;
    let mut all: Vec<Template> = built_ins().to_vec();
    all.extend(j.own_templates()?);
    let place = |t: &Template| choices.iter().find(|c| c.id == t.id).map_or(i64::MAX, |c| c.position);
    all.sort_by_key(place);
    Ok(all
        .into_iter()
        .map(|t| {
            let hidden = choices.iter().any(|c| c.id == t.id && c.hidden);
            TemplateView { template: t, hidden }
        })
        .collect())
}

/// The template a reflection is answered against: the prompts `existing` was written with when it
/// was written with the same template, else the template as it is now (built-in or own).
pub(crate) fn for_draft(j: &Journal, id: &str, existing: Option<&Entry>) -> Result<Option<Template>, ApiError> {
    if let Some(Entry { body: EntryBody::Reflection(r), .. }) = existing
        && let Some(a) = r.template.as_ref().filter(|a| a.template_id == id)
    {
        return Ok(Some(a.as_written()));
    }
    match built_in(id) {
        Some(t) => Ok(Some(t.clone())),
        None => Ok(j.own_template(id)?),
    }
}

/// Every template in the worker's order.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn templates(session: &Session) -> Result<Vec<TemplateView>, ApiError> {
    let j = session.journal()?;
    all(&j)
}

/// Keeps a template of the worker's own: new prompts get ids, and answers already written keep
/// their own copy of the prompts. Returns it as kept.
///
/// # Errors
/// [`ApiError::Invalid`] (nothing kept): no name, no prompt, a prompt without words, too long;
/// [`ApiError::NotFound`] for an id that is not the worker's own; [`ApiError::Locked`].
pub fn save_own(session: &Session, draft: &OwnTemplateDraft) -> Result<Template, ApiError> {
    let mut prompts = draft.prompts.clone();
    let mut next = prompts.iter().filter_map(|p| p.id.strip_prefix('q')?.parse::<u32>().ok()).max().unwrap_or(0);
    for p in prompts.iter_mut().filter(|p| p.id.trim().is_empty()) {
        next += 1;
        p.id = format!("q{next}");
    }
    let t = Template {
        id: draft.id.clone(),
        name: draft.name.clone(),
        about: draft.about.clone(),
        prompts,
        built_in: false,
    }
    .checked()?;
    if built_in(&t.id).is_some() {
        return Err(ApiError::Invalid(vec![ballast_core::FieldError::new(
            "name",
            "Ballast's own templates stay as they are; you can hide them, or make a template of your own.",
        )]));
    }
    let now = session.clock().now();
    let mut j = session.journal()?;
    let id = j.save_own_template(&t, now)?;
    Ok(Template { id, ..t })
}

/// Sets the order of the templates (`order`: ids, first first) and which are hidden. Ids Ballast
/// does not have are left out; a template not named keeps its place after the named ones.
///
/// # Errors
/// [`ApiError::Invalid`] when every template would be hidden; [`ApiError::Locked`].
pub fn arrange(session: &Session, order: &[String], hidden: &[String]) -> Result<Vec<TemplateView>, ApiError> {
    let mut j = session.journal()?;
    let known: Vec<String> = all(&j)?.into_iter().map(|v| v.template.id).collect();
    let mut ids: Vec<&String> = Vec::new();
    for id in order.iter().filter(|id| known.contains(id)) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    for id in &known {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if ids.iter().all(|id| hidden.contains(id)) {
        return Err(ApiError::Invalid(vec![ballast_core::FieldError::new(
            "hidden",
            "Keep at least one template to write with.",
        )]));
    }
    let choices: Vec<Choice> =
        (0..).zip(ids).map(|(position, id)| Choice { id: id.clone(), position, hidden: hidden.contains(id) }).collect();
    j.set_template_choices(&choices)?;
    all(&j)
}
