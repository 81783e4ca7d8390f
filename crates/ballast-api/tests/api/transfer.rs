//! Export and import: a lossless round trip over generated journals (templated entries, a
//! template edited after them, services and strength words among them). What an import refuses
//! and the export folder's files are in `import_checks`.

use ballast_api::ApiError;
use ballast_core::draft::DisclosureDraft;
use ballast_core::{ReflectionDraft, SetbackDraft};
use chrono::Duration;
use proptest::prelude::*;

use crate::support::Journey;

/// The export with its own timestamp line taken out.
fn without_stamp(json: &[u8]) -> String {
    String::from_utf8(json.to_vec())
        .expect("utf-8")
        .lines()
        .filter(|l| !l.contains("\"exported_at\""))
        .collect::<Vec<_>>()
        .join("\n")
}

pub(crate) fn write_file(j: &Journey, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = j.tmp.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    path
}

pub(crate) fn import(j: &Journey, path: &std::path::Path) -> Result<ballast_api::dto::ImportReport, ApiError> {
    ballast_api::transfer::import::import_file(&j.session, path, &mut |_| {})
}

#[derive(Debug, Clone)]
enum Step {
    Reflection(ReflectionDraft),
    Setback(SetbackDraft),
    DeleteOldest,
    EditNewest(Option<String>),
    CheckIn(String, Vec<Option<i32>>),
    /// A reflection written with a template (a built-in one, or the journey's own when `own`),
    /// its answers in prompt order.
    Templated {
        own: bool,
        pick: usize,
        answers: Vec<Option<String>>,
    },
}

/// The journey's own template, made before any step (and edited after, so entries written with
/// it keep prompts it no longer has).
fn own_template() -> ballast_api::templates::OwnTemplateDraft {
    let prompt = |t: &str| ballast_core::template::Prompt { id: String::new(), text: t.into() };
    ballast_api::templates::OwnTemplateDraft {
        id: String::new(),
        name: "After a home visit".into(),
        about: "Mine, \"quoted\".".into(),
        prompts: vec![prompt("What did the home tell you?"), prompt("What will you bring next time?")],
    }
}

/// A check-in of any instrument, each answer one of its item's options or skipped.
fn check_in() -> impl Strategy<Value = Step> {
    crate::support::any_check_in().prop_map(|(def, answers)| Step::CheckIn(def.id, answers))
}

fn text() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop_oneof![
        "[a-zA-Z0-9 ,.'!?-]{0,40}",
        "\\PC{0,20}",
        Just("line one\nline \"two\"\t\\ done".to_owned())
    ])
}

fn score() -> impl Strategy<Value = Option<i32>> {
    prop::option::of(0..=10i32)
}

fn step() -> impl Strategy<Value = Step> {
    let reflection = (
        (
            score(),
            score(),
            score(),
            prop::option::of(prop::sample::select(vec!["setback", "no_change", "progress", "not_applicable"])),
        ),
        (
            prop::option::of(-2..=2i32),
            prop::option::of(prop::option::of(prop::sample::select(vec!["helped", "unsure", "regretted"]))),
        ),
        (
            prop::option::of(any::<bool>()),
            text(),
            prop::option::of("[A-Z][0-9]{1,2}"),
            prop::collection::vec("[a-z]{1,8}", 0..3),
        ),
        (text(), any::<bool>(), 0..2000i64),
    )
        .prop_map(
            |(
                (mood, self_worth, tied, outcome),
                (push, disclosure),
                (connected, strengths, code, tags),
                (text, share, mins),
            )| {
                Step::Reflection(ReflectionDraft {
                    occurred_at: Some(
                        (chrono::DateTime::UNIX_EPOCH + Duration::days(20_000) + Duration::minutes(mins)).to_rfc3339(),
                    ),
                    mood,
                    self_worth,
                    worth_tied_to_outcomes: tied,
                    outcome: outcome.map(str::to_owned),
                    push_patience: push,
                    disclosure: disclosure.map(|l| DisclosureDraft { landed: l.map(str::to_owned) }),
                    connected_to_service: connected,
                    // A kind and whether it held only go with a connection.
                    service_kind: connected.filter(|c| *c).and_then(|_| {
                        let kinds = [
                            "housing",
                            "benefits",
                            "clinical_care",
                            "peer_or_community_group",
                            "work_or_study",
                            "other",
                        ];
                        (mins % 7 != 6).then(|| kinds[usize::try_from(mins % 7).unwrap_or(0)].to_owned())
                    }),
                    service_held: connected.filter(|c| *c).and_then(|_| {
                        ["held", "did_not_hold", "not_yet_known"]
                            .get(usize::try_from(mins % 4).unwrap_or(0))
                            .map(|h| (*h).to_owned())
                    }),
                    strength_words: tags.iter().rev().map(|t| format!("{t} strength")).collect(),
                    strengths,
                    person_code: code,
                    tags,
                    text,
                    share_text: share,
                    template: None,
                })
            },
        );
    let setback =
        (prop::sample::select(vec!["relapse", "crisis", "loss", "other"]), text(), text(), score(), any::<bool>())
            .prop_map(|(kind, what, support, mood, share)| {
                Step::Setback(SetbackDraft {
                    setback_type: Some(kind.to_owned()),
                    what_happened: what,
                    support,
                    mood,
                    share_text: share,
                    ..Default::default()
                })
            });
    prop_oneof![
        4 => reflection,
        2 => setback,
        1 => Just(Step::DeleteOldest),
        1 => text().prop_map(Step::EditNewest),
        2 => check_in(),
        2 => (any::<bool>(), 0..8usize, prop::collection::vec(text(), 0..7))
            .prop_map(|(own, pick, answers)| Step::Templated { own, pick, answers })
    ]
}

fn build(steps: &[Step], auto_lock: u32) -> Journey {
    let j = Journey::new(0, "");
    let own = ballast_api::templates::save_own(&j.session, &own_template()).expect("a template of one's own");
    for s in steps {
        j.clock.advance(Duration::milliseconds(1_234_567));
        match s {
            Step::Reflection(d) => drop(
                ballast_api::entries::save_reflection(&j.session, None, d).expect("a generated reflection is valid"),
            ),
            Step::Setback(d) => {
                drop(ballast_api::entries::save_setback(&j.session, None, d).expect("a generated setback is valid"))
            }
            Step::Templated { own: mine, pick, answers } => {
                let t = if *mine { own.clone() } else { ballast_core::template::built_ins()[*pick].clone() };
                let answers = t
                    .prompts
                    .iter()
                    .zip(answers)
                    .map(|(p, a)| ballast_core::draft::AnswerDraft {
                        prompt_id: p.id.clone(),
                        prompt: String::new(),
                        text: a.clone(),
                    })
                    .collect();
                let template =
                    Some(ballast_core::draft::TemplateDraft { id: t.id.clone(), name: String::new(), answers });
                let d = ReflectionDraft { template, ..Default::default() };
                drop(
                    ballast_api::entries::save_reflection(&j.session, None, &d)
                        .expect("a templated reflection is valid"),
                );
            }
            Step::CheckIn(id, answers) => {
                drop(
                    ballast_api::check_ins::record(&j.session, id, answers.clone())
                        .expect("a generated check-in is valid"),
                );
            }
            Step::DeleteOldest | Step::EditNewest(_) => {
                let page = ballast_api::entries::list_entries(&j.session, None, 500).expect("list");
                let (Some(newest), Some(oldest)) = (page.entries.first(), page.entries.last()) else { continue };
                if let Step::EditNewest(t) = s {
                    if let ballast_api::dto::EntryFields::Reflection(mut r) =
                        ballast_api::entries::get_entry(&j.session, newest.id).expect("get").fields
                    {
                        r.text = t.clone();
                        ballast_api::entries::save_reflection(&j.session, Some(newest.id), &r).expect("edit");
                    }
                } else {
                    ballast_api::entries::delete_entry(&j.session, oldest.id).expect("delete");
                }
            }
        }
    }
    ballast_api::settings::save(
        &j.session,
        ballast_api::dto::Settings { auto_lock_minutes: auto_lock, lock_when_minimised: false, on_this_day: false },
    )
    .expect("settings");
    let mut edited = own_template();
    edited.id = own.id.clone();
    edited.prompts = own.prompts.clone();
    edited.prompts[0].text = "What did the home tell you, now?".into();
    edited.prompts.reverse();
    ballast_api::templates::save_own(&j.session, &edited).expect("the template edited after its entries");
    ballast_api::templates::arrange(&j.session, &["gibbs".into(), own.id.clone()], &["setback".into()])
        .expect("an order of one's own, with a template hidden");
    ballast_api::check_ins::set_every(&j.session, "cbi", auto_lock % 60).expect("a schedule");
    let mut plan =
        ballast_core::care::SelfCarePlan { vt_goals: format!("plan {auto_lock}\n\"quoted\""), ..Default::default() };
    ballast_api::care::save_self_care_plan(&j.session, &plan).expect("a plan");
    j.clock.advance(Duration::minutes(1));
    plan.people = "Sam".into();
    ballast_api::care::save_self_care_plan(&j.session, &plan).expect("a second version");
    let resource = ballast_core::care::Resource { name: "Sam".into(), contact: "0123".into(), note: String::new() };
    ballast_api::care::save_support_resources(&j.session, &[resource]).expect("resources");
    ballast_api::trends::dismiss_nudge(&j.session, &format!("wellbeing_low:{auto_lock}")).expect("dismiss a nudge");
    let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 11, d).expect("a real day");
    let summary = ballast_api::report::SummaryRequest {
        from: day(1),
        to: day(1 + auto_lock % 29),
        include_codes: auto_lock.is_multiple_of(2),
        include_tags: auto_lock.is_multiple_of(3),
        note: Some(format!("note {auto_lock}")),
        author: auto_lock.is_multiple_of(5).then(|| "Sam".to_owned()),
    };
    ballast_api::report::write(&j.session, &summary, &j.tmp.path().join("summary.md"), None)
        .expect("a summary, kept in the share log");
    j
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_byte_identical(steps in prop::collection::vec(step(), 0..25), minutes in 1..=240u32) {
        let a = build(&steps, minutes);
        let first = ballast_api::transfer::export::export_json(&a.session).expect("export");
        let b = Journey::new(0, "");
        let path = write_file(&b, "export.json", &first);
        let report = import(&b, &path).expect("a fresh export imports");
        b.clock.advance(Duration::days(3));
        let second = ballast_api::transfer::export::export_json(&b.session).expect("export again");
        prop_assert_eq!(without_stamp(&first), without_stamp(&second), "export → import → export is lossless");
        prop_assert_eq!(report.skipped, 0, "nothing to skip in an empty journal");
        let again = import(&b, &path).expect("the same file again");
        prop_assert_eq!(again.added, 0, "a second import adds nothing");
        prop_assert_eq!(without_stamp(&ballast_api::transfer::export::export_json(&b.session).expect("export")), without_stamp(&first), "and doubles nothing");
    }
}
