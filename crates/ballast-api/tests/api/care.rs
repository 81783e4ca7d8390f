//! The self-care plan's versions and the support resources through the use cases, and the simple
//! notes of older exports arriving as the plan and a resource.

use ballast_api::ApiError;
use ballast_core::care::{Resource, SelfCarePlan};
use chrono::Duration;

use crate::support::{Journey, pass};

#[test]
fn each_changed_save_of_the_plan_is_a_new_version_and_past_ones_stay_readable() {
    let j = Journey::new(0, "");
    let empty = ballast_api::care::self_care_plan(&j.session, None).expect("plan");
    assert_eq!((empty.version, empty.versions.len()), (None, 0), "no plan before the first save");
    let mut plan = SelfCarePlan {
        warning_signs: "Snapping at people.".into(),
        vt_goals: "Walk twice.\nSleep.".into(),
        ..Default::default()
    };
    assert_eq!(
        ballast_api::care::save_self_care_plan(&j.session, &plan).expect("save").version,
        Some(1),
        "the first version"
    );
    j.clock.advance(Duration::days(3));
    assert_eq!(
        ballast_api::care::save_self_care_plan(&j.session, &plan).expect("save").version,
        Some(1),
        "saving it unchanged adds nothing"
    );
    plan.people = "Sam, and my supervisor".into();
    let view = ballast_api::care::save_self_care_plan(&j.session, &plan).expect("save");
    assert_eq!(view.version, Some(2), "a change is a new version");
    assert_eq!(view.versions.iter().map(|v| v.version).collect::<Vec<_>>(), [2, 1], "newest first");
    let first = ballast_api::care::self_care_plan(&j.session, Some(1)).expect("version 1");
    assert_eq!(first.plan.people, "", "version 1 is as it was");
    assert_eq!(first.plan.vt_goals, "Walk twice.\nSleep.", "with its five-step plan");
    assert!(
        matches!(ballast_api::care::self_care_plan(&j.session, Some(9)), Err(ApiError::NotFound)),
        "a version that does not exist"
    );
    let bad = SelfCarePlan { boundaries: "no\u{0}".into(), ..plan.clone() };
    let Err(ApiError::Invalid(problems)) = ballast_api::care::save_self_care_plan(&j.session, &bad) else {
        panic!("refused")
    };
    assert_eq!(problems[0].field, "boundaries", "named by part");
    assert_eq!(
        ballast_api::care::self_care_plan(&j.session, None).expect("plan").version,
        Some(2),
        "and nothing was saved"
    );
}

#[test]
fn support_resources_start_with_a_list_that_names_its_country_and_are_the_workers_own_after_a_save() {
    let j = Journey::new(0, "");
    let start = ballast_api::care::support_resources(&j.session);
    assert_eq!(start.starting_list_country.as_deref(), Some("United States"), "the starting list says its country");
    assert!(start.notice.contains("check the numbers"), "and asks to check local numbers: {}", start.notice);
    assert!(start.resources.iter().any(|r| r.contact.contains("988")), "with a crisis line");
    let mine = vec![Resource { name: "Samaritans".into(), contact: "116 123".into(), note: "UK, any time".into() }];
    let saved = ballast_api::care::save_support_resources(&j.session, &mine).expect("save");
    assert_eq!((saved.resources.clone(), saved.starting_list_country), (mine.clone(), None), "the worker's own list");
    assert_eq!(saved.starting_list, start.resources, "with the starting list beside it, to add to one's own");
    j.session.lock();
    let locked = ballast_api::care::support_resources(&j.session);
    assert!(
        locked.starting_list_country.is_some(),
        "while locked the starting list is shown (the own list is encrypted)"
    );
    assert!(locked.notice.contains("unlocked"), "and says the own list shows once unlocked");
    j.session.unlock(&pass()).expect("unlock");
    assert_eq!(ballast_api::care::support_resources(&j.session).resources, mine, "unlocked, the own list again");
    let unnamed = vec![Resource::default()];
    assert!(
        matches!(ballast_api::care::save_support_resources(&j.session, &unnamed), Err(ApiError::Invalid(_))),
        "a resource needs a name"
    );
    assert_eq!(ballast_api::care::support_resources(&j.session).resources, mine, "nothing changed");
}

#[test]
fn the_simple_notes_of_an_older_export_arrive_as_the_plan_and_a_resource() {
    let j = Journey::new(0, "");
    let path = j.tmp.path().join("v3.json");
    std::fs::write(
        &path,
        r#"{"format": "ballast-export", "version": 3, "entries": [], "settings": [
            {"key": "self_care_note", "value": "Tea, then a walk."},
            {"key": "support_note", "value": "Call Sam."}
        ], "check_ins": [], "dismissed_nudges": []}"#,
    )
    .expect("write");
    ballast_api::transfer::import::import_file(&j.session, &path, &mut |_| {}).expect("an older export imports");
    assert_eq!(
        ballast_api::care::self_care_plan(&j.session, None).expect("plan").plan.notes,
        "Tea, then a walk.",
        "the note is the plan's notes"
    );
    let resources = ballast_api::care::support_resources(&j.session).resources;
    assert_eq!(
        (resources[0].name.as_str(), resources[0].note.as_str()),
        ("My notes", "Call Sam."),
        "the support note is a resource"
    );
    let json =
        String::from_utf8(ballast_api::transfer::export::export_json(&j.session).expect("export")).expect("utf-8");
    assert!(!json.contains("self_care_note"), "and no longer a setting");
}

fn import_text(j: &Journey, name: &str, text: &str) -> Result<ballast_api::dto::ImportReport, ApiError> {
    let path = j.tmp.path().join(name);
    std::fs::write(&path, text).expect("write");
    ballast_api::transfer::import::import_file(&j.session, &path, &mut |_| {})
}

#[test]
fn an_older_exports_note_never_replaces_a_plan_and_importing_it_twice_adds_nothing() {
    let j = Journey::new(0, "");
    let mine = SelfCarePlan { boundaries: "No calls after 8.".into(), ..Default::default() };
    ballast_api::care::save_self_care_plan(&j.session, &mine).expect("my plan");
    let v3 = r#"{"format": "ballast-export", "version": 3, "entries": [], "settings": [{"key": "self_care_note", "value": "Tea."}], "check_ins": [], "dismissed_nudges": []}"#;
    import_text(&j, "a.json", v3).expect("imports");
    import_text(&j, "b.json", v3).expect("imports again");
    let view = ballast_api::care::self_care_plan(&j.session, None).expect("plan");
    assert_eq!(view.plan, mine, "the worker's own plan stays the current one");
    assert_eq!(view.versions.len(), 1, "and the note added no version, once or twice");
}

#[test]
fn bad_plan_and_resource_records_and_parts_too_new_for_their_version_write_nothing() {
    let j = Journey::new(1, "kept");
    let head = |v: u32| {
        format!(
            r#"{{"format": "ballast-export", "version": {v}, "entries": [], "settings": [], "check_ins": [], "dismissed_nudges": []"#
        )
    };
    let many: Vec<String> = (0..101).map(|i| format!(r#"{{"name": "R{i}", "contact": "", "note": ""}}"#)).collect();
    let cases = [
        (
            "bad-plan.json",
            format!(
                r#"{}, "self_care_plans": [{{"version": 1, "saved_at": "2026-11-01T10:00:00Z", "plan": {{"notes": "a\u0000b"}}}}], "support_resources": []}}"#,
                head(4)
            ),
            "self_care_plans[0].plan.notes",
        ),
        (
            "unknown-part.json",
            format!(
                r#"{}, "self_care_plans": [{{"version": 1, "saved_at": "2026-11-01T10:00:00Z", "plan": {{"mood": "x"}}}}], "support_resources": []}}"#,
                head(4)
            ),
            "self_care_plans[0]",
        ),
        (
            "unnamed.json",
            format!(
                r#"{}, "self_care_plans": [], "support_resources": [{{"name": "", "contact": "1", "note": ""}}]}}"#,
                head(4)
            ),
            "support_resources[0].name",
        ),
        (
            "too-many.json",
            format!(r#"{}, "self_care_plans": [], "support_resources": [{}]}}"#, head(4), many.join(",")),
            "support_resources",
        ),
        (
            "too-new.json",
            format!(
                r#"{}, "self_care_plans": [{{"version": 1, "saved_at": "2026-11-01T10:00:00Z", "plan": {{}}}}]}}"#,
                head(3)
            ),
            "self_care_plans",
        ),
    ];
    for (name, text, field) in cases {
        let Err(ApiError::ImportInvalid(problems)) = import_text(&j, name, &text) else { panic!("{name} is refused") };
        assert!(problems.iter().any(|p| p.field == field), "{name}: the problem names {field}: {problems:?}");
    }
    assert_eq!(
        ballast_api::care::self_care_plan(&j.session, None).expect("plan").versions.len(),
        0,
        "no plan was written"
    );
    assert!(ballast_api::care::support_resources(&j.session).starting_list_country.is_some(), "no list was written");
}

#[test]
fn an_imported_older_plan_version_does_not_become_the_current_plan() {
    let j = Journey::new(0, "");
    let mine = SelfCarePlan { people: "Sam".into(), ..Default::default() };
    ballast_api::care::save_self_care_plan(&j.session, &mine).expect("my plan, saved now");
    let old = r#"{"format": "ballast-export", "version": 4, "entries": [], "settings": [], "check_ins": [], "dismissed_nudges": [],
        "self_care_plans": [{"version": 1, "saved_at": "2020-01-01T10:00:00Z", "plan": {"people": "Old list"}}], "support_resources": []}"#;
    import_text(&j, "old.json", old).expect("imports");
    let view = ballast_api::care::self_care_plan(&j.session, None).expect("plan");
    assert_eq!(view.plan, mine, "the newest by time stays current");
    assert_eq!(view.versions.len(), 2, "the older version is kept, to read");
}
