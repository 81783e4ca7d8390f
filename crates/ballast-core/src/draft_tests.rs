//! Every validation rule of a draft, each with its field and message.

use chrono::{TimeZone, Utc};

use super::*;
use crate::clock::FixedClock;
use crate::field::FieldError;

fn clock() -> FixedClock {
    FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("valid date"))
}

fn problems_of(d: &ReflectionDraft) -> Vec<FieldError> {
    d.validate(&clock()).expect_err("the draft breaks a rule and must be refused").0
}

fn only_field(errors: &[FieldError]) -> &str {
    assert_eq!(errors.len(), 1, "exactly one problem expected, got {errors:?}");
    &errors[0].field
}

#[test]
fn an_empty_reflection_is_valid_and_happens_now() {
    let r = ReflectionDraft::default().validate(&clock()).expect("every field but the time is optional");
    assert_eq!(r.occurred_at, clock().0, "a missing time must default to the clock's now");
    assert!(!r.share_text, "sharing must be off unless chosen");
}

#[test]
fn out_of_range_ratings_name_their_field() {
    for (field, d) in [
        ("mood", ReflectionDraft { mood: Some(11), ..Default::default() }),
        ("self_worth", ReflectionDraft { self_worth: Some(-1), ..Default::default() }),
        ("worth_tied_to_outcomes", ReflectionDraft { worth_tied_to_outcomes: Some(1000), ..Default::default() }),
    ] {
        let e = problems_of(&d);
        assert_eq!(only_field(&e), field, "a rating outside 0–10 must be reported on its own field");
        assert!(e[0].message.contains("0 to 10"), "the message must say the allowed range");
    }
    let e = problems_of(&ReflectionDraft { push_patience: Some(3), ..Default::default() });
    assert_eq!(only_field(&e), "push_patience", "push–patience is −2…2");
}

#[test]
fn unknown_choices_list_the_allowed_ones() {
    let e = problems_of(&ReflectionDraft { outcome: Some("sideways".into()), ..Default::default() });
    assert_eq!(only_field(&e), "outcome", "an unknown outcome must be refused");
    assert!(e[0].message.contains("no_change"), "the message lists the allowed values");
    let e = problems_of(&ReflectionDraft {
        disclosure: Some(DisclosureDraft { landed: Some("great".into()) }),
        ..Default::default()
    });
    assert_eq!(only_field(&e), "disclosure.landed", "an unknown landing must be refused");
    let e = SetbackDraft { setback_type: Some("bad_day".into()), ..Default::default() }
        .validate(&clock())
        .expect_err("an unknown setback type must be refused")
        .0;
    assert_eq!(only_field(&e), "setback_type", "reported on setback_type");
}

#[test]
fn a_setback_needs_its_type() {
    let e = SetbackDraft::default().validate(&clock()).expect_err("a setback without a type cannot be saved").0;
    assert_eq!(only_field(&e), "setback_type", "the missing type is named");
}

#[test]
fn malformed_dates_are_refused() {
    for bad in ["yesterday", "2026-13-01T00:00:00Z", "2026-11-25 18:00"] {
        let e = problems_of(&ReflectionDraft { occurred_at: Some(bad.into()), ..Default::default() });
        assert_eq!(only_field(&e), "occurred_at", "{bad:?} is not an RFC 3339 instant");
    }
    let ok = ReflectionDraft { occurred_at: Some("2026-11-25T18:30:00+01:00".into()), ..Default::default() }
        .validate(&clock())
        .expect("an RFC 3339 instant with an offset is valid");
    assert_eq!(ok.occurred_at.to_rfc3339(), "2026-11-25T17:30:00+00:00", "stored in UTC");
}

#[test]
fn long_text_and_control_characters_are_refused() {
    let e = problems_of(&ReflectionDraft { text: Some("a".repeat(50_001)), ..Default::default() });
    assert_eq!(only_field(&e), "text", "text over 50,000 characters must be refused");
    assert!(e[0].message.contains("50,000"), "the message names the limit");
    ReflectionDraft { text: Some("a".repeat(50_000)), ..Default::default() }
        .validate(&clock())
        .expect("exactly 50,000 characters is allowed");
    let e = problems_of(&ReflectionDraft { strengths: Some("kind\u{0007}ness".into()), ..Default::default() });
    assert_eq!(only_field(&e), "strengths", "a control character must be refused");
    ReflectionDraft { text: Some("line one\nline two\ttabbed".into()), ..Default::default() }
        .validate(&clock())
        .expect("newlines and tabs are ordinary text");
    let e = problems_of(&ReflectionDraft { person_code: Some("x".repeat(33)), ..Default::default() });
    assert_eq!(only_field(&e), "person_code", "a person code is short");
}

#[test]
fn every_problem_is_reported_at_once() {
    let e = problems_of(&ReflectionDraft {
        mood: Some(12),
        outcome: Some("nope".into()),
        occurred_at: Some("soon".into()),
        ..Default::default()
    });
    let fields: Vec<&str> = e.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["occurred_at", "mood", "outcome"], "all three problems, not just the first");
}

#[test]
fn messages_never_echo_what_was_typed() {
    let secret = "my-private-words\u{0001}";
    let e = problems_of(&ReflectionDraft { text: Some(secret.into()), ..Default::default() });
    assert!(!e[0].message.contains("my-private-words"), "messages cross IPC and must not carry journal text");
}

#[test]
fn tags_are_trimmed_and_deduplicated_and_blanks_dropped() {
    let r = ReflectionDraft {
        tags: vec![" housing ".into(), "housing".into(), "".into(), "hope".into()],
        ..Default::default()
    }
    .validate(&clock())
    .expect("valid tags");
    assert_eq!(r.tags, ["housing", "hope"], "tags keep their order, lose duplicates and blanks");
}

#[test]
fn a_validated_entry_turns_back_into_the_same_draft() {
    let d = ReflectionDraft {
        occurred_at: Some("2026-11-25T17:30:00+00:00".into()),
        mood: Some(6),
        self_worth: Some(4),
        worth_tied_to_outcomes: Some(9),
        outcome: Some("setback".into()),
        push_patience: Some(-1),
        disclosure: Some(DisclosureDraft { landed: Some("unsure".into()) }),
        connected_to_service: Some(true),
        service_kind: Some("housing".into()),
        service_held: Some("not_yet_known".into()),
        strength_words: vec!["humour".into(), "patience".into()],
        strengths: Some("humour".into()),
        person_code: Some("R7".into()),
        tags: vec!["housing".into()],
        text: Some("a long day".into()),
        share_text: true,
        template: None,
    };
    let r = d.validate(&clock()).expect("valid");
    assert_eq!(ReflectionDraft::from(&r), d, "editing an entry starts from exactly what was saved");
    let s = SetbackDraft {
        occurred_at: Some("2026-11-25T17:30:00+00:00".into()),
        setback_type: Some("hospital_admission".into()),
        mood: Some(3),
        my_reaction: Some("it echoed my own admission".into()),
        ..Default::default()
    };
    assert_eq!(SetbackDraft::from(&s.validate(&clock()).expect("valid")), s, "setbacks round-trip too");
}

#[test]
fn unknown_json_fields_are_refused() {
    let e = serde_json::from_str::<ReflectionDraft>(r#"{"mood": 3, "colour": "blue"}"#);
    assert!(e.is_err_and(|e| e.to_string().contains("colour")), "an unknown field must be an error that names it");
}

#[test]
fn a_person_code_or_a_tag_with_a_line_break_is_refused_with_its_own_words() {
    for code in ["R7\nR8", "R7\rR8", "R\t7", "R7\u{2028}R8"] {
        let d = ReflectionDraft { person_code: Some(code.into()), ..Default::default() };
        let errors = problems_of(&d);
        assert_eq!(only_field(&errors), "person_code", "{code:?} is refused as a person code");
        assert!(
            errors[0].message.contains("single line"),
            "with words about the line break, got {:?}",
            errors[0].message
        );
    }
    let d = ReflectionDraft { tags: vec!["housing\nnight shift".into()], ..Default::default() };
    assert_eq!(only_field(&problems_of(&d)), "tags", "a tag is one line too");
    let ok =
        ReflectionDraft { person_code: Some("  R7 ".into()), text: Some("two\nlines".into()), ..Default::default() };
    let kept = ok.validate(&clock()).expect("spaces round a code are trimmed, and free text keeps its line breaks");
    assert_eq!(kept.person_code.as_deref(), Some("R7"), "the code is kept without its spaces");
}

#[test]
fn a_code_or_tag_on_its_own_is_one_trimmed_line() {
    assert_eq!(crate::field::person_code_alone("  R7 "), Ok("R7".into()), "trimmed");
    assert!(crate::field::person_code_alone("   ").is_err(), "blank is refused: a code is renamed to something");
    assert!(crate::field::person_code_alone("R\n7").is_err(), "one line");
    assert!(crate::field::tag_alone(&"t".repeat(1000)).is_err(), "not too long");
    let err = crate::field::tag_alone("").expect_err("blank");
    assert_eq!(err.0[0].field, "tags", "named by its field");
}

#[test]
fn a_templated_entry_turns_back_into_a_draft_with_its_prompts() {
    use super::{AnswerDraft, TemplateDraft};
    let answer =
        |id: &str, text: &str| AnswerDraft { prompt_id: id.into(), prompt: String::new(), text: Some(text.into()) };
    let d = ReflectionDraft {
        template: Some(TemplateDraft {
            id: "gibbs".into(),
            name: String::new(),
            answers: vec![answer("analysis", "It helped to wait")],
        }),
        ..Default::default()
    };
    let r = d.validate(&clock()).expect("valid");
    let back = ReflectionDraft::from(&r);
    let t = back.template.as_ref().expect("the template comes back");
    assert_eq!(t.name, "A deeper look (Gibbs' cycle)", "with the name it was written with");
    assert_eq!(t.answers.len(), 6, "and every prompt");
    assert!(t.answers.iter().all(|a| !a.prompt.is_empty()), "each with its text");
    let again = back.validate(&clock()).expect("the draft read back is valid");
    assert_eq!(ReflectionDraft::from(&again), back, "saving it again changes nothing");
    let unknown = ReflectionDraft {
        template: Some(TemplateDraft { id: "nope".into(), ..Default::default() }),
        ..Default::default()
    };
    assert!(problems_of(&unknown).iter().any(|f| f.field == "template"), "a template Ballast does not have is refused");
}
