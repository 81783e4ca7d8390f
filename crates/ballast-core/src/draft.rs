//! Drafts: what a form or the CLI hands in, as typed, before any rule is applied. `validate`
//! turns a draft into an [`crate::entry`] value or returns every problem at once, so a rejected
//! form can keep everything the worker typed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::clock::Clock;
use crate::entry::{
    Disclosure, EntryId, Landed, LinkHeld, Outcome, PushPatience, Reflection, ServiceKind, Setback, SetbackType,
};
use crate::field::{Invalid, MAX_CODE_CHARS, MAX_TAG_CHARS, MAX_TAGS, MAX_TEXT_CHARS, Problems};
use crate::template::Template;

/// A post-shift reflection as typed. Every field but the time is optional; a missing time means now.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(deny_unknown_fields, default)]
pub struct ReflectionDraft {
    /// RFC 3339 instant; `None` means now.
    pub occurred_at: Option<String>,
    /// 0–10.
    pub mood: Option<i32>,
    /// 0–10.
    pub self_worth: Option<i32>,
    /// 0–10.
    pub worth_tied_to_outcomes: Option<i32>,
    /// `setback` | `no_change` | `progress` | `not_applicable`.
    pub outcome: Option<String>,
    /// −2…2.
    pub push_patience: Option<i32>,
    /// `None` when no self-disclosure was used.
    pub disclosure: Option<DisclosureDraft>,
    /// Connected someone to a service.
    pub connected_to_service: Option<bool>,
    /// One of [`ServiceKind`]'s wire names, when connected.
    pub service_kind: Option<String>,
    /// One of [`LinkHeld`]'s wire names.
    pub service_held: Option<String>,
    /// Strengths noticed.
    pub strengths: Option<String>,
    /// Short words for the strengths noticed.
    pub strength_words: Vec<String>,
    /// Pseudonymous person code.
    pub person_code: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Free text.
    pub text: Option<String>,
    /// Share this entry's text in supervision summaries.
    pub share_text: bool,
    /// The template it was written with and the answers, when not the everyday form.
    pub template: Option<TemplateDraft>,
}

/// A templated reflection's answers as typed, by prompt id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(deny_unknown_fields, default)]
pub struct TemplateDraft {
    /// The template's id.
    pub id: String,
    /// The template's name as the entry was written (read back and exported; a new entry takes
    /// the template's own).
    pub name: String,
    /// Each answer with its prompt's id.
    pub answers: Vec<AnswerDraft>,
}

impl TemplateDraft {
    /// The template as this draft says it was written (its name and each answer's prompt), for
    /// an entry read back from an export; `None` when the draft does not say.
    #[must_use]
    pub fn as_written(&self) -> Option<Template> {
        (!self.name.trim().is_empty() && self.answers.iter().all(|a| !a.prompt.trim().is_empty())).then(|| Template {
            id: self.id.clone(),
            name: self.name.clone(),
            about: String::new(),
            prompts: self
                .answers
                .iter()
                .map(|a| crate::template::Prompt { id: a.prompt_id.clone(), text: a.prompt.clone() })
                .collect(),
            built_in: false,
        })
    }
}

/// One answer as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(deny_unknown_fields, default)]
pub struct AnswerDraft {
    /// The prompt's id.
    pub prompt_id: String,
    /// The prompt as the entry was written (read back and exported; ignored for a new entry).
    pub prompt: String,
    /// The answer.
    pub text: Option<String>,
}

/// A self-disclosure as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(deny_unknown_fields, default)]
pub struct DisclosureDraft {
    /// `helped` | `unsure` | `regretted`, or `None` when not said.
    pub landed: Option<String>,
}

/// A setback as typed. The type is required; everything else is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(deny_unknown_fields, default)]
pub struct SetbackDraft {
    /// RFC 3339 instant; `None` means now.
    pub occurred_at: Option<String>,
    /// One of [`SetbackType`]'s wire names.
    pub setback_type: Option<String>,
    /// Pseudonymous person code.
    pub person_code: Option<String>,
    /// What happened.
    pub what_happened: Option<String>,
    /// What I could control.
    pub in_my_control: Option<String>,
    /// What I could not control.
    pub outside_my_control: Option<String>,
    /// My reaction.
    pub my_reaction: Option<String>,
    /// The support I used or need.
    pub support: Option<String>,
    /// 0–10.
    pub mood: Option<i32>,
    /// Share this entry's text in supervision summaries.
    pub share_text: bool,
}

/// An unsaved form, kept (encrypted) when the journal locks, and restored after unlock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FormDraft {
    /// A reflection form; `entry_id` when editing an existing entry.
    Reflection {
        /// The entry being edited, if any.
        entry_id: Option<EntryId>,
        /// What was typed.
        fields: ReflectionDraft,
    },
    /// A setback form.
    Setback {
        /// The entry being edited, if any.
        entry_id: Option<EntryId>,
        /// What was typed.
        fields: SetbackDraft,
    },
    /// The self-care plan form.
    SelfCarePlan {
        /// What was typed.
        fields: crate::care::SelfCarePlan,
    },
}

fn when(p: &mut Problems, value: &Option<String>, clock: &dyn Clock) -> DateTime<Utc> {
    match value.as_deref().map(str::trim).filter(|v| !v.is_empty()) {
        None => clock.now(),
        Some(v) => match DateTime::parse_from_rfc3339(v) {
            Ok(t) => t.with_timezone(&Utc),
            Err(_) => {
                p.add("occurred_at", "Use a date and time like 2026-11-25T18:30:00+00:00, or leave it blank for now.");
                clock.now()
            }
        },
    }
}

fn person_code(p: &mut Problems, value: &Option<String>) -> Option<String> {
    p.line("person_code", value, MAX_CODE_CHARS)
}

fn choice<T>(
    p: &mut Problems,
    field: &str,
    value: &Option<String>,
    parse: fn(&str) -> Option<T>,
    names: String,
) -> Option<T> {
    let v = value.as_deref().map(str::trim).filter(|v| !v.is_empty())?;
    let parsed = parse(v);
    if parsed.is_none() {
        p.add(field, format!("Choose one of: {names}."));
    }
    parsed
}

/// The most strength words one entry may carry, and the longest.
pub const MAX_STRENGTH_WORDS: usize = 10;
/// See [`MAX_STRENGTH_WORDS`].
pub const MAX_STRENGTH_WORD_CHARS: usize = 40;

fn words(p: &mut Problems, value: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in value {
        if let Some(w) = p.line("strength_words", &Some(w.clone()), MAX_STRENGTH_WORD_CHARS)
            && !out.contains(&w)
        {
            out.push(w);
        }
    }
    if out.len() > MAX_STRENGTH_WORDS {
        p.add("strength_words", format!("A few words are enough: up to {MAX_STRENGTH_WORDS}."));
    }
    out
}

fn tags(p: &mut Problems, value: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in value {
        if let Some(t) = p.line("tags", &Some(tag.clone()), MAX_TAG_CHARS)
            && !out.contains(&t)
        {
            out.push(t);
        }
    }
    if out.len() > MAX_TAGS {
        p.add("tags", format!("An entry can carry up to {MAX_TAGS} tags."));
    }
    out
}

impl ReflectionDraft {
    /// Checks every rule and returns the reflection, or every problem found. A template is looked
    /// up among the built-in ones; for the worker's own, see [`ReflectionDraft::validate_with`].
    ///
    /// # Errors
    /// [`Invalid`] listing each field that breaks a rule, with a calm message.
    pub fn validate(&self, clock: &dyn Clock) -> Result<Reflection, Invalid> {
        let template = self.template.as_ref().and_then(|t| crate::template::built_in(&t.id));
        self.validate_with(clock, template)
    }

    /// As [`ReflectionDraft::validate`], answering against `template` (the worker's own, or the
    /// prompts an entry was written with). The everyday form's template keeps no answers.
    ///
    /// # Errors
    /// As [`ReflectionDraft::validate`]; also a template that is not `template`.
    pub fn validate_with(&self, clock: &dyn Clock, template: Option<&Template>) -> Result<Reflection, Invalid> {
        let mut p = Problems::default();
        let answers = match (&self.template, template) {
            (None, _) => None,
            (Some(d), _) if d.id == crate::template::QUICK && d.answers.is_empty() => None,
            (Some(d), Some(t)) if t.id == d.id => {
                let typed: Vec<(String, Option<String>)> =
                    d.answers.iter().map(|a| (a.prompt_id.clone(), a.text.clone())).collect();
                t.answer(&typed).map_err(|e| p.0.extend(e.0)).ok()
            }
            (Some(_), _) => {
                p.add("template", "Choose one of the templates Ballast has.");
                None
            }
        };
        let push_patience = self.push_patience.and_then(|v| {
            let r = i8::try_from(v).ok().and_then(PushPatience::new);
            if r.is_none() {
                p.add("push_patience", "Choose a point from −2 (held back too much) to +2 (pushed too hard).");
            }
            r
        });
        let disclosure = self.disclosure.as_ref().map(|d| Disclosure {
            landed: choice(&mut p, "disclosure.landed", &d.landed, Landed::parse, Landed::names()),
        });
        let r = Reflection {
            occurred_at: when(&mut p, &self.occurred_at, clock),
            mood: p.score("mood", self.mood),
            self_worth: p.score("self_worth", self.self_worth),
            worth_tied_to_outcomes: p.score("worth_tied_to_outcomes", self.worth_tied_to_outcomes),
            outcome: choice(&mut p, "outcome", &self.outcome, Outcome::parse, Outcome::names()),
            push_patience,
            disclosure,
            connected_to_service: self.connected_to_service,
            service_kind: choice(&mut p, "service_kind", &self.service_kind, ServiceKind::parse, ServiceKind::names()),
            service_held: choice(&mut p, "service_held", &self.service_held, LinkHeld::parse, LinkHeld::names()),
            strengths: p.text("strengths", &self.strengths, MAX_TEXT_CHARS),
            strength_words: words(&mut p, &self.strength_words),
            person_code: person_code(&mut p, &self.person_code),
            tags: tags(&mut p, &self.tags),
            text: p.text("text", &self.text, MAX_TEXT_CHARS),
            share_text: self.share_text,
            template: answers,
        };
        if self.connected_to_service != Some(true) && (r.service_kind.is_some() || r.service_held.is_some()) {
            p.add(
                "service_kind",
                "These go with connecting someone to a service: choose Yes there first, or leave them out.",
            );
        }
        p.finish(r)
    }
}

impl From<&Reflection> for ReflectionDraft {
    fn from(r: &Reflection) -> Self {
        Self {
            occurred_at: Some(r.occurred_at.to_rfc3339()),
            mood: r.mood.map(|s| s.get().into()),
            self_worth: r.self_worth.map(|s| s.get().into()),
            worth_tied_to_outcomes: r.worth_tied_to_outcomes.map(|s| s.get().into()),
            outcome: r.outcome.map(|o| o.as_str().to_owned()),
            push_patience: r.push_patience.map(|v| v.get().into()),
            disclosure: r.disclosure.map(|d| DisclosureDraft { landed: d.landed.map(|l| l.as_str().to_owned()) }),
            connected_to_service: r.connected_to_service,
            service_kind: r.service_kind.map(|k| k.as_str().to_owned()),
            service_held: r.service_held.map(|h| h.as_str().to_owned()),
            strengths: r.strengths.clone(),
            strength_words: r.strength_words.clone(),
            person_code: r.person_code.clone(),
            tags: r.tags.clone(),
            text: r.text.clone(),
            share_text: r.share_text,
            template: r.template.as_ref().map(|a| TemplateDraft {
                id: a.template_id.clone(),
                name: a.template_name.clone(),
                answers: a
                    .answers
                    .iter()
                    .map(|x| AnswerDraft {
                        prompt_id: x.prompt_id.clone(),
                        prompt: x.prompt.clone(),
                        text: x.text.clone(),
                    })
                    .collect(),
            }),
        }
    }
}

impl SetbackDraft {
    /// Checks every rule and returns the setback, or every problem found.
    ///
    /// # Errors
    /// [`Invalid`] listing each field that breaks a rule, with a calm message.
    pub fn validate(&self, clock: &dyn Clock) -> Result<Setback, Invalid> {
        let mut p = Problems::default();
        let occurred_at = when(&mut p, &self.occurred_at, clock);
        let setback_type = choice(&mut p, "setback_type", &self.setback_type, SetbackType::parse, SetbackType::names());
        if self.setback_type.as_deref().is_none_or(|t| t.trim().is_empty()) {
            p.add("setback_type", "Choose what kind of setback this was (\"other\" is fine).");
        }
        let s = Setback {
            occurred_at,
            setback_type: setback_type.unwrap_or(SetbackType::Other),
            person_code: person_code(&mut p, &self.person_code),
            what_happened: p.text("what_happened", &self.what_happened, MAX_TEXT_CHARS),
            in_my_control: p.text("in_my_control", &self.in_my_control, MAX_TEXT_CHARS),
            outside_my_control: p.text("outside_my_control", &self.outside_my_control, MAX_TEXT_CHARS),
            my_reaction: p.text("my_reaction", &self.my_reaction, MAX_TEXT_CHARS),
            support: p.text("support", &self.support, MAX_TEXT_CHARS),
            mood: p.score("mood", self.mood),
            share_text: self.share_text,
        };
        p.finish(s)
    }
}

impl From<&Setback> for SetbackDraft {
    fn from(s: &Setback) -> Self {
        Self {
            occurred_at: Some(s.occurred_at.to_rfc3339()),
            setback_type: Some(s.setback_type.as_str().to_owned()),
            person_code: s.person_code.clone(),
            what_happened: s.what_happened.clone(),
            in_my_control: s.in_my_control.clone(),
            outside_my_control: s.outside_my_control.clone(),
            my_reaction: s.my_reaction.clone(),
            support: s.support.clone(),
            mood: s.mood.map(|m| m.get().into()),
            share_text: s.share_text,
        }
    }
}

#[cfg(test)]
#[path = "draft_tests.rs"]
mod tests;
