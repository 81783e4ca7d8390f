//! Reading drafts from JSON files, standard input or flags.

use std::io::Read;

use ballast_core::ReflectionDraft;
use ballast_core::draft::DisclosureDraft;
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
    if let Some(source) = &a.json {
        return from_json(source);
    }
    Ok(ReflectionDraft {
        occurred_at: a.occurred_at.clone(),
        mood: a.mood,
        self_worth: a.self_worth,
        worth_tied_to_outcomes: a.worth_tied_to_outcomes,
        outcome: a.outcome.clone(),
        push_patience: a.push_patience,
        disclosure: a.disclosure.as_ref().map(|d| DisclosureDraft { landed: (d != "used").then(|| d.clone()) }),
        connected_to_service: a.connected_to_service,
        strengths: a.strengths.clone(),
        person_code: a.person_code.clone(),
        tags: a.tags.clone(),
        text: a.text.clone(),
        share_text: a.share_text,
    })
}
