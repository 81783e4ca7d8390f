//! Reflection templates: a named list of prompts. The built-in ones ship in
//! `assets/templates/built_in.toml`; a worker's own are kept in the journal. An entry written with
//! a template keeps a copy of the template's name and of each prompt beside its answer, so it
//! reads the same after the template is edited, hidden or removed.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::field::{Invalid, MAX_TEXT_CHARS, Problems};

/// The built-in template that is the everyday form (no prompts of its own).
pub const QUICK: &str = "post_shift";
/// The most prompts one template may have.
pub const MAX_PROMPTS: usize = 30;
/// The longest template name, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// The longest prompt or description, in characters.
pub const MAX_PROMPT_CHARS: usize = 500;

/// One question of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Prompt {
    /// Stable within its template; kept with every answer.
    pub id: String,
    /// The question, as shown.
    pub text: String,
}

/// A template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(deny_unknown_fields)]
pub struct Template {
    /// `post_shift`, `gibbs`, …, or `own_<n>` for the worker's own.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it is for, and the model it follows with its credit.
    pub about: String,
    /// Its prompts, in order.
    pub prompts: Vec<Prompt>,
    /// Whether it ships with Ballast (it cannot be edited or removed, only hidden).
    #[serde(default)]
    pub built_in: bool,
}

/// One answer, with a copy of its prompt as it read when the entry was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Answer {
    /// The prompt's id.
    pub prompt_id: String,
    /// The prompt's text then.
    pub prompt: String,
    /// The answer (`None`: left blank).
    pub text: Option<String>,
}

/// A templated entry's template and answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Answers {
    /// The template's id.
    pub template_id: String,
    /// The template's name then.
    pub template_name: String,
    /// One answer a prompt, in the template's order then.
    pub answers: Vec<Answer>,
}

#[derive(Deserialize)]
struct Shipped {
    template: Vec<Template>,
}

/// The built-in templates, in their shipped order.
///
/// # Panics
/// Never for a build of Ballast: the shipped file is checked by the tests.
pub fn built_ins() -> &'static [Template] {
    static ALL: OnceLock<Vec<Template>> = OnceLock::new();
    ALL.get_or_init(|| {
        let shipped: Shipped = toml::from_str(include_str!("../../../assets/templates/built_in.toml"))
            .expect("the shipped templates must parse");
        shipped.template.into_iter().map(|t| Template { built_in: true, ..t }).collect()
    })
}

/// A built-in template by id.
#[must_use]
pub fn built_in(id: &str) -> Option<&'static Template> {
    built_ins().iter().find(|t| t.id == id)
}

impl Template {
    /// The answers typed (by prompt id) against this template's prompts, in its order; a prompt
    /// left out is a blank answer.
    ///
    /// # Errors
    /// An answer to a prompt the template does not have, or one that is too long.
    pub fn answer(&self, typed: &[(String, Option<String>)]) -> Result<Answers, Invalid> {
        let mut p = Problems::default();
        // A template read back from an export is checked as a worker's own would be.
        if self.name.chars().count() > MAX_NAME_CHARS
            || self.prompts.iter().any(|q| q.text.chars().count() > MAX_PROMPT_CHARS)
        {
            p.add("template", "The template's name or one of its questions is longer than Ballast keeps.");
        }
        for (id, _) in typed {
            if !self.prompts.iter().any(|q| &q.id == id) {
                p.add("answers", "One of the answers is for a question this template does not have.");
            }
        }
        let answers = self
            .prompts
            .iter()
            .map(|q| {
                let given = typed.iter().find(|(id, _)| id == &q.id).and_then(|(_, t)| t.clone());
                Answer {
                    prompt_id: q.id.clone(),
                    prompt: q.text.clone(),
                    text: p.text("answers", &given, MAX_TEXT_CHARS),
                }
            })
            .collect();
        p.finish(Answers { template_id: self.id.clone(), template_name: self.name.clone(), answers })
    }

    /// Checks a worker's own template: a name, at least one prompt, each prompt with text, none too
    /// long, ids unique. Returns it trimmed.
    ///
    /// # Errors
    /// Every problem, under `name`, `about` or `prompts`.
    pub fn checked(mut self) -> Result<Self, Invalid> {
        let mut p = Problems::default();
        let name = p.line("name", &Some(self.name.clone()), MAX_NAME_CHARS);
        if name.is_none() && self.name.trim().is_empty() {
            p.add("name", "Give the template a name.");
        }
        self.name = name.unwrap_or_default();
        self.about = p.text("about", &Some(self.about.clone()), MAX_PROMPT_CHARS).unwrap_or_default();
        if self.prompts.is_empty() {
            p.add("prompts", "Add at least one question.");
        }
        if self.prompts.len() > MAX_PROMPTS {
            p.add("prompts", format!("A template can hold up to {MAX_PROMPTS} questions."));
        }
        let mut seen: Vec<String> = Vec::new();
        for q in &mut self.prompts {
            match p.text("prompts", &Some(q.text.clone()), MAX_PROMPT_CHARS) {
                Some(t) => q.text = t,
                None if q.text.trim().is_empty() => p.add("prompts", "Each question needs some words."),
                None => {}
            }
            if q.id.trim().is_empty() || seen.contains(&q.id) {
                p.add("prompts", "Each question needs its own id.");
            }
            seen.push(q.id.clone());
        }
        p.finish(self)
    }
}

impl Answers {
    /// The template as this entry was written with it: its name and prompts then (for editing
    /// the entry after the template changed).
    #[must_use]
    pub fn as_written(&self) -> Template {
        Template {
            id: self.template_id.clone(),
            name: self.template_name.clone(),
            about: String::new(),
            prompts: self.answers.iter().map(|a| Prompt { id: a.prompt_id.clone(), text: a.prompt.clone() }).collect(),
            built_in: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_ins_load_with_unique_ids_and_prompts() {
        let all = built_ins();
        let ids: Vec<&str> = all.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "post_shift",
                "what_so_what_now_what",
                "gibbs",
                "setback",
                "self_disclosure",
                "vicarious_trauma_plan",
                "supervision_prep",
                "after_supervision"
            ],
            "every template the issue names, the everyday one first"
        );
        for t in all {
            assert!(t.built_in, "{} is marked built in", t.id);
            let mut seen = std::collections::HashSet::new();
            assert!(t.prompts.iter().all(|p| seen.insert(p.id.clone())), "{}: prompt ids are unique", t.id);
            assert!(
                t.id == QUICK || !t.prompts.is_empty(),
                "{}: a template other than the everyday one has prompts",
                t.id
            );
            assert!(
                t.id == QUICK || t.clone().checked().is_ok(),
                "{}: passes the rules a worker's own template meets",
                t.id
            );
        }
        assert_eq!(built_in("gibbs").map(|t| t.prompts.len()), Some(6), "Gibbs' cycle has its six steps");
        assert!(built_in("gibbs").is_some_and(|t| t.about.contains("Gibbs")), "and names its model");
    }

    #[test]
    fn answers_follow_the_prompts_and_keep_their_text() {
        let t = built_in("what_so_what_now_what").expect("a template");
        let a = t
            .answer(&[("so_what".into(), Some(" It mattered. ".into())), ("what".into(), Some("A call.".into()))])
            .expect("valid answers");
        assert_eq!(a.template_name, t.name, "the name is kept");
        let got: Vec<(&str, Option<&str>)> =
            a.answers.iter().map(|x| (x.prompt_id.as_str(), x.text.as_deref())).collect();
        assert_eq!(
            got,
            [("what", Some("A call.")), ("so_what", Some("It mattered.")), ("now_what", None)],
            "in order, trimmed"
        );
        assert_eq!(a.answers[0].prompt, t.prompts[0].text, "with the prompt's text as it reads now");
        assert!(t.answer(&[("nope".into(), Some("x".into()))]).is_err(), "an answer to no prompt is refused");
        assert!(t.answer(&[("what".into(), Some("x".repeat(MAX_TEXT_CHARS + 1)))]).is_err(), "too long is refused");
    }

    #[test]
    fn a_workers_own_template_is_checked() {
        let own = |name: &str, prompts: &[(&str, &str)]| Template {
            id: "own_1".into(),
            name: name.into(),
            about: String::new(),
            prompts: prompts.iter().map(|(i, t)| Prompt { id: (*i).into(), text: (*t).into() }).collect(),
            built_in: false,
        };
        assert!(own("Mine", &[("a", "Why?")]).checked().is_ok(), "a name and a prompt");
        assert!(own(" ", &[("a", "Why?")]).checked().is_err(), "a name is needed");
        assert!(own("Mine", &[]).checked().is_err(), "a question is needed");
        assert!(own("Mine", &[("a", "Why?"), ("a", "How?")]).checked().is_err(), "ids are unique");
        assert!(own("Mine", &[("a", "  ")]).checked().is_err(), "a question has words");
    }
}
