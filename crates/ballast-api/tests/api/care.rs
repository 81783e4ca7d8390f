//! The self-care plan's versions and the support resources through the use cases, and the simple
//! notes of older exports arriving as the plan and a resource.

use ballast_api::ApiError;
use ballast_core::care::{Resource, SelfCarePlan};
use chrono::Duration;

use crate::support::{Journey, pass};

#[test]
fn each_changed_save_of_the_plan_is_a_new_version_and_past_ones_stay_readable() {
    let j = Journey::new(0, "");
    let empty = j.session.self_care_plan(None).expect("plan");
    assert_eq!((empty.version, empty.versions.len()), (None, 0), "no plan before the first save");
    let mut plan = SelfCarePlan {
        warning_signs: "Snapping at people.".into(),
        vt_goals: "Walk twice.\nSleep.".into(),
        ..Default::default()
    };
    assert_eq!(j.session.save_self_care_plan(&plan).expect("save").version, Some(1), "the first version");
    j.clock.advance(Duration::days(3));
    assert_eq!(
        j.session.save_self_care_plan(&plan).expect("save").version,
        Some(1),
        "saving it unchanged adds nothing"
    );
    plan.people = "Sam, and my supervisor".into();
    let view = j.session.save_self_care_plan(&plan).expect("save");
    assert_eq!(view.version, Some(2), "a change is a new version");
    assert_eq!(view.versions.iter().map(|v| v.version).collect::<Vec<_>>(), [2, 1], "newest first");
    let first = j.session.self_care_plan(Some(1)).expect("version 1");
    assert_eq!(first.plan.people, "", "version 1 is as it was");
    assert_eq!(first.plan.vt_goals, "Walk twice.\nSleep.", "with its five-step plan");
    assert!(matches!(j.session.self_care_plan(Some(9)), Err(ApiError::NotFound)), "a version that does not exist");
    let bad = SelfCarePlan { boundaries: "no\u{0}".into(), ..plan.clone() };
    let Err(ApiError::Invalid(problems)) = j.session.save_self_care_plan(&bad) else { panic!("refused") };
    assert_eq!(problems[0].field, "boundaries", "named by part");
    assert_eq!(j.session.self_care_plan(None).expect("plan").version, Some(2), "and nothing was saved");
}

#[test]
fn support_resources_start_with_a_list_that_names_its_country_and_are_the_workers_own_after_a_save() {
    let j = Journey::new(0, "");
    let start = j.session.support_resources();
    assert_eq!(start.starting_list_country.as_deref(), Some("United States"), "the starting list says its country");
    assert!(start.notice.contains("check the numbers"), "and asks to check local numbers: {}", start.notice);
    assert!(start.resources.iter().any(|r| r.contact.contains("988")), "with a crisis line");
    let mine = vec![Resource { name: "Samaritans".into(), contact: "116 123".into(), note: "UK, any time".into() }];
    let saved = j.session.save_support_resources(&mine).expect("save");
    assert_eq!((saved.resources.clone(), saved.starting_list_country), (mine.clone(), None), "the worker's own list");
    j.session.lock();
    let locked = j.session.support_resources();
    assert!(
        locked.starting_list_country.is_some(),
        "while locked the starting list is shown (the own list is encrypted)"
    );
    assert!(locked.notice.contains("unlocked"), "and says the own list shows once unlocked");
    j.session.unlock(&pass()).expect("unlock");
    assert_eq!(j.session.support_resources().resources, mine, "unlocked, the own list again");
    let unnamed = vec![Resource::default()];
    assert!(matches!(j.session.save_support_resources(&unnamed), Err(ApiError::Invalid(_))), "a resource needs a name");
    assert_eq!(j.session.support_resources().resources, mine, "nothing changed");
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
    j.session.import_file(&path, &mut |_| {}).expect("an older export imports");
    assert_eq!(
        j.session.self_care_plan(None).expect("plan").plan.notes,
        "Tea, then a walk.",
        "the note is the plan's notes"
    );
    let resources = j.session.support_resources().resources;
    assert_eq!(
        (resources[0].name.as_str(), resources[0].note.as_str()),
        ("My notes", "Call Sam."),
        "the support note is a resource"
    );
    let json = String::from_utf8(j.session.export_json().expect("export")).expect("utf-8");
    assert!(!json.contains("self_care_note"), "and no longer a setting");
}
