//! Reading drafts from JSON files, standard input or flags.

use std::io::Read;

use ballast_core::ReflectionDraft;
use ballast_core::draft::{AnswerDraft, DisclosureDraft, TemplateDraft};
use serde::de::DeserializeOwned;

use crate::args::AddArgs;
use crate::exit::Failure;

/// Parses a draft from a JSON file, or standard input for `-`. Unknown fields are an error.
pub fn from_json<T: DeserializeOwned>(source: &str) -> Result<T, Failure> {
    let text = if source == "-" {
        let mut s = String::new();
        std::io::stdin()
            .read_to_string(&mut s)
            .map_err(|e| Failure::other(format!("could not read standard input: {e}")))?;
        s
    } else {
        std::fs::read_to_string(source).map_err(|e| Failure::other(format!("could not read {source}: {e}")))?
    };
    serde_json::from_str(&text).map_err(|e| Failure::invalid_json(&e))
}

/// The reflection from `--json` or from the flags.
pub fn reflection(a: &AddArgs) -> Result<ReflectionDraft, Failure> {
    let mut draft = match (&a.json, &a.template) {
        (Some(source), Some(_)) => {
            // The answers by prompt id sit beside the reflection's own fields.
            let mut value: serde_json::Value = from_json(source)?;
            let answers = value.as_object_mut().and_then(|o| o.remove("answers"));
            let mut d: ReflectionDraft = serde_json::from_value(value).map_err(|e| Failure::invalid_json(&e))?;
            d.template = Some(TemplateDraft { answers: answers_from(answers)?, ..TemplateDraft::default() });
            d
        }
        (Some(source), None) => from_json(source)?,
        (None, _) => flags(a),
    };
    if let Some(id) = &a.template {
        draft.template.get_or_insert_with(TemplateDraft::default).id = id.clone();
    }
    Ok(draft)
}

/// `"answers": {"PROMPT_ID": "text", …}`, in the order given.
fn answers_from(value: Option<serde_json::Value>) -> Result<Vec<AnswerDraft>, Failure> {
    let Some(value) = value else { return Ok(Vec::new()) };
    let serde_json::Value::Object(map) = value else {
        return Err(Failure::other(
            "\"answers\" is an object of answers by prompt id, like {\"feelings\": \"…\"}.".to_owned(),
        ));
    };
    map.into_iter()
        .map(|(prompt_id, v)| match v {
            serde_json::Value::String(t) => Ok(AnswerDraft { prompt_id, prompt: String::new(), text: Some(t) }),
            serde_json::Value::Null => Ok(AnswerDraft { prompt_id, prompt: String::new(), text: None }),
            _ => Err(Failure::other(format!("The answer to {prompt_id} is text (in quotes), or null."))),
        })
        .collect()
}

fn flags(a: &AddArgs) -> ReflectionDraft {
    ReflectionDraft {
        occurred_at: a.occurred_at.clone(),
        mood: a.mood,
        self_worth: a.self_worth,
        worth_tied_to_outcomes: a.worth_tied_to_outcomes,
        outcome: a.outcome.clone(),
        push_patience: a.push_patience,
        disclosure: a.disclosure.as_ref().map(|d| DisclosureDraft { landed: (d != "used").then(|| d.clone()) }),
        connected_to_service: a.connected_to_service,
        service_kind: a.service_kind.clone(),
        service_held: a.service_held.clone(),
        strength_words: a.strength_words.clone(),
        strengths: a.strengths.clone(),
        person_code: a.person_code.clone(),
        tags: a.tags.clone(),
        text: a.text.clone(),
        share_text: a.share_text,
        template: None,
    }
}
