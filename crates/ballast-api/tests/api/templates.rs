//! Templates through the door: the built-ins load in order, a template of one's own is checked,
//! kept and edited, hiding and reordering, and entries that keep their prompts and answers after
//! their template is hidden or edited; a templated entry edited later keeps the prompts it had.

use ballast_api::ApiError;
use ballast_api::dto::EntryFields;
use ballast_api::templates::{OwnTemplateDraft, arrange, save_own, templates};
use ballast_core::ReflectionDraft;
use ballast_core::draft::{AnswerDraft, TemplateDraft};
use ballast_core::template::Prompt;

use crate::support::Journey;

fn prompt(text: &str) -> Prompt {
    Prompt { id: String::new(), text: text.into() }
}

fn templated(id: &str, answers: &[(&str, &str)]) -> ReflectionDraft {
    let answers = answers
        .iter()
        .map(|(p, t)| AnswerDraft { prompt_id: (*p).into(), prompt: String::new(), text: Some((*t).into()) })
        .collect();
    ReflectionDraft {
        template: Some(TemplateDraft { id: id.into(), name: String::new(), answers }),
        ..Default::default()
    }
}

fn answers_of(j: &Journey, id: ballast_core::EntryId) -> TemplateDraft {
    match ballast_api::entries::get_entry(&j.session, id).expect("read").fields {
        EntryFields::Reflection(r) => r.template.expect("a templated entry"),
        EntryFields::Setback(_) => panic!("a reflection"),
    }
}

#[test]
fn the_built_ins_load_and_ones_own_are_checked_and_kept() {
    let j = Journey::new(0, "");
    let all = templates(&j.session).expect("list");
    assert_eq!(all.len(), 8, "the eight built-in templates");
    assert_eq!(all[0].template.id, "post_shift", "the everyday form first");
    assert!(all.iter().all(|t| t.template.built_in && !t.hidden), "built in, none hidden");

    let blank = OwnTemplateDraft { name: "  ".into(), prompts: vec![], ..Default::default() };
    let err = save_own(&j.session, &blank).expect_err("a template needs a name and a question");
    let ApiError::Invalid(fields) = err else { panic!("refused calmly, got {err:?}") };
    assert!(fields.iter().any(|f| f.field == "name") && fields.iter().any(|f| f.field == "prompts"), "both named");

    let mine = OwnTemplateDraft {
        name: "After a home visit".into(),
        prompts: vec![prompt("What did the home tell you?"), prompt(" What next? ")],
        ..Default::default()
    };
    let kept = save_own(&j.session, &mine).expect("kept");
    assert_eq!(kept.id, "own_1", "the first of one's own");
    assert_eq!(kept.prompts.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["q1", "q2"], "new prompts get ids");
    assert_eq!(kept.prompts[1].text, "What next?", "trimmed");
    assert_eq!(
        templates(&j.session).expect("list").last().map(|t| t.template.id.clone()),
        Some("own_1".into()),
        "listed last"
    );
    let not_mine = OwnTemplateDraft { id: "gibbs".into(), ..mine };
    assert!(save_own(&j.session, &not_mine).is_err(), "a built-in template cannot be overwritten");
}

#[test]
fn hidden_or_edited_templates_leave_their_entries_as_written() {
    let j = Journey::new(0, "");
    let mine = OwnTemplateDraft {
        name: "After a home visit".into(),
        prompts: vec![prompt("What did the home tell you?"), prompt("What next?")],
        ..Default::default()
    };
    let own = save_own(&j.session, &mine).expect("kept");
    let gibbs =
        ballast_api::entries::save_reflection(&j.session, None, &templated("gibbs", &[("feelings", "Worried")]))
            .expect("a Gibbs reflection")
            .id;
    let visit = ballast_api::entries::save_reflection(&j.session, None, &templated(&own.id, &[("q1", "Cold flat")]))
        .expect("one of my own")
        .id;

    let list = arrange(&j.session, &[own.id.clone(), "gibbs".into()], &["gibbs".into()]).expect("arranged");
    assert_eq!(list[0].template.id, own.id, "one's own first now");
    assert!(list.iter().any(|t| t.template.id == "gibbs" && t.hidden), "Gibbs hidden");
    assert!(
        arrange(&j.session, &[], &list.iter().map(|t| t.template.id.clone()).collect::<Vec<_>>()).is_err(),
        "not every one hidden"
    );
    let shown = answers_of(&j, gibbs);
    assert_eq!(shown.name, "A deeper look (Gibbs' cycle)", "a hidden template's entry keeps its name");
    assert!(
        shown.answers.iter().any(|a| a.prompt.contains("feeling") && a.text.as_deref() == Some("Worried")),
        "and its prompt with the answer"
    );

    let edited = OwnTemplateDraft {
        id: own.id.clone(),
        name: "Home visits".into(),
        prompts: vec![
            Prompt { id: "q2".into(), text: "What will you try next?".into() },
            prompt("Who else was there?"),
        ],
        ..Default::default()
    };
    save_own(&j.session, &edited).expect("edited");
    let old = answers_of(&j, visit);
    assert_eq!(old.name, "After a home visit", "the old entry keeps the name it was written with");
    assert_eq!(old.answers[0].prompt, "What did the home tell you?", "and the prompt, though the template dropped it");
    assert_eq!(old.answers[0].text.as_deref(), Some("Cold flat"), "with its answer");

    // Edited later, the entry is answered against the prompts it was written with.
    let mut d = ballast_api::entries::get_entry(&j.session, visit).expect("read");
    let EntryFields::Reflection(ref mut r) = d.fields else { panic!("a reflection") };
    if let Some(t) = r.template.as_mut() {
        t.answers[0].text = Some("Cold flat, warmer now".into());
    }
    ballast_api::entries::save_reflection(&j.session, Some(visit), r).expect("edit the old entry");
    let again = answers_of(&j, visit);
    assert_eq!(again.answers[0].prompt, "What did the home tell you?", "still its own prompts");
    assert_eq!(again.answers[0].text.as_deref(), Some("Cold flat, warmer now"), "with the new answer");
    let found = ballast_api::search::search(
        &j.session,
        &ballast_api::search::SearchRequest { text: "warmer".into(), limit: 5, ..Default::default() },
    )
    .expect("search");
    assert_eq!(found.len(), 1, "the edited answer is searched");
    let by_template =
        ballast_api::search::SearchRequest { template: Some("gibbs".into()), limit: 5, ..Default::default() };
    assert_eq!(ballast_api::search::search(&j.session, &by_template).expect("search").len(), 1, "filtered by template");
}
