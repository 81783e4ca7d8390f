//! Self-checks through the use cases: recording and recomputing, bad input writing nothing,
//! resuming an unfinished check-in after a lock, the gentle schedule, the notes, and check-ins in
//! backups and exports.

use ballast_api::ApiError;
use ballast_api::check_ins::{self, NOT_A_DIAGNOSIS};
use ballast_core::cadence::Due;
use chrono::Duration;

use crate::support::{Journey, pass};

fn proqol(value: i32) -> Vec<Option<i32>> {
    vec![Some(value); 30]
}

#[test]
fn every_kept_check_in_equals_a_recomputation_from_its_stored_answers() {
    let j = Journey::new(0, "");
    let given: [(&str, Vec<Option<i32>>); 5] = [
        ("proqol5", proqol(4)),
        ("who5", vec![Some(3), Some(3), Some(3), Some(3), Some(0)]),
        ("cbi", (0..19).map(|i| if i % 4 == 3 { None } else { Some([0, 25, 50, 75, 100][i % 5]) }).collect()),
        ("single_item_burnout", vec![Some(3)]),
        ("who5", vec![Some(5), None, Some(5), Some(5), Some(5)]),
    ];
    for (id, answers) in &given {
        j.clock.advance(Duration::minutes(5));
        let view = ballast_api::check_ins::record(&j.session, id, answers.clone()).expect("record");
        assert_eq!(&view.answers, answers, "{id}: every raw answer is kept item by item");
        assert_eq!(view.note, NOT_A_DIAGNOSIS, "{id}: the result says it is not a diagnosis");
        assert!(!view.credit.is_empty() && !view.terms.is_empty(), "{id}: credit and terms come with it");
    }
    let kept = ballast_api::check_ins::list(&j.session, None).expect("list");
    assert_eq!(kept.len(), 5, "all five kept");
    for view in &kept {
        assert_eq!(view.problem, None, "{}: a sound record", view.instrument);
        let again = check_ins::score(&view.instrument, &view.answers).expect("recompute");
        let stored: Vec<(Option<f64>, Option<String>, bool)> =
            view.scores.iter().map(|s| (s.score, s.band.clone(), s.complete)).collect();
        let fresh: Vec<(Option<f64>, Option<String>, bool)> =
            again.subscales.iter().map(|s| (s.score, s.band.clone(), s.complete)).collect();
        assert_eq!(
            stored, fresh,
            "{}: the stored scores equal a recomputation from the stored answers",
            view.instrument
        );
    }
    let newest = &kept[0];
    assert_eq!(newest.instrument, "who5", "newest first");
    assert_eq!(newest.scores[0].score, None, "a skipped WHO-5 item leaves the score out, never low");
    assert!(newest.scores[0].words.starts_with("Incomplete"), "and says so: {}", newest.scores[0].words);
    let high = kept.iter().find(|v| v.instrument == "single_item_burnout").expect("single");
    assert!(high.offer_options, "a single-item answer of 3 comes with options");
    let who5 = kept.iter().find(|v| v.instrument == "who5" && v.scores[0].score.is_some()).expect("who5");
    assert_eq!(who5.scores[0].score, Some(48.0), "raw 12 × 4");
    assert_eq!(who5.scores[0].band.as_deref(), Some("below_cutoff"), "48 is at or below 50");
    assert!(who5.offer_options, "below the cut-off comes with options");
    assert_eq!(ballast_api::check_ins::list(&j.session, Some("cbi")).expect("cbi").len(), 1, "history per instrument");
}

#[test]
fn bad_answers_and_unknown_instruments_are_refused_and_nothing_is_kept() {
    let j = Journey::new(0, "");
    let bad: [(&str, Vec<Option<i32>>, &str); 5] = [
        ("who5", vec![Some(3), Some(3), Some(6), Some(3), Some(3)], "answers[3]"),
        ("who5", vec![Some(3); 4], "answers"),
        ("who5", vec![Some(3); 6], "answers"),
        ("cbi", (0..19).map(|_| Some(60)).collect(), "answers[1]"),
        ("mbi", vec![Some(1)], "instrument"),
    ];
    for (id, answers, field) in bad {
        let err = ballast_api::check_ins::record(&j.session, id, answers.clone()).expect_err("refused");
        let ApiError::Invalid(problems) = &err else { panic!("{id}: a calm invalid-input error, got {err:?}") };
        assert_eq!(problems[0].field, field, "{id}: the problem names {field}: {problems:?}");
        assert!(ballast_api::check_ins::save_draft(&j.session, id, answers, 0).is_err(), "{id}: nor kept as a draft");
    }
    assert!(ballast_api::check_ins::list(&j.session, None).expect("list").is_empty(), "nothing was stored");
    let backup = ballast_api::backups::back_up_now(&j.session, &mut |_| {}).expect("backup");
    let report = ballast_api::backups::verify_backup(&j.session, &backup.file_name).expect("verify");
    assert_eq!(report.counts.get("check_ins"), Some(&0), "no check-in row was written");
    assert_eq!(report.counts.get("check_in_drafts"), Some(&0), "nor any draft");
}

#[test]
fn a_half_done_proqol_is_kept_through_a_lock_and_finished_later() {
    let j = Journey::new(0, "");
    let mut answers = vec![None; 30];
    for (i, a) in answers.iter_mut().enumerate().take(12) {
        *a = Some(i32::try_from(i % 5).expect("small") + 1);
    }
    ballast_api::check_ins::save_draft(&j.session, "proqol5", answers.clone(), 12).expect("keep");
    j.session.lock();
    assert!(ballast_api::check_ins::overview(&j.session).is_err(), "locked: nothing is readable");
    j.session.unlock(&pass()).expect("unlock");
    let overview = ballast_api::check_ins::overview(&j.session).expect("overview");
    let proqol = overview.iter().find(|s| s.instrument.id == "proqol5").expect("proqol");
    let draft = proqol.draft.as_ref().expect("the unfinished check-in is still there after unlocking");
    assert_eq!((draft.answers.clone(), draft.position), (answers.clone(), 12), "with its answers and place");
    for a in answers.iter_mut().skip(12) {
        *a = Some(3);
    }
    ballast_api::check_ins::record(&j.session, "proqol5", answers).expect("finish");
    let overview = ballast_api::check_ins::overview(&j.session).expect("overview");
    assert!(overview.iter().all(|s| s.draft.is_none()), "finishing forgets the draft");
    ballast_api::check_ins::save_draft(&j.session, "who5", vec![None; 5], 0).expect("keep");
    ballast_api::check_ins::discard_draft(&j.session, "who5").expect("discard");
    assert!(
        ballast_api::check_ins::overview(&j.session).expect("overview").iter().all(|s| s.draft.is_none()),
        "starting again forgets it"
    );
}

#[test]
fn check_ins_are_suggested_gently_on_their_schedule_and_can_be_turned_off() {
    let j = Journey::new(0, "");
    let due = |id: &str| {
        ballast_api::check_ins::overview(&j.session)
            .expect("overview")
            .into_iter()
            .find(|s| s.instrument.id == id)
            .expect("known")
            .due
    };
    assert_eq!(due("who5"), Due::Now, "never taken: suggested");
    assert_eq!(due("single_item_burnout"), Due::Unscheduled, "the single item is there any time");
    ballast_api::check_ins::record(&j.session, "who5", vec![Some(3); 5]).expect("record");
    let taken = ballast_core::Clock::today(j.clock.as_ref());
    assert_eq!(
        due("who5"),
        Due::Later { from: taken + chrono::Days::new(14) },
        "fortnightly by default, in local days"
    );
    j.clock.advance(Duration::days(14));
    assert_eq!(due("who5"), Due::Now, "suggested again after 14 days");
    ballast_api::check_ins::set_every(&j.session, "who5", 30).expect("monthly");
    assert_eq!(due("who5"), Due::Later { from: taken + chrono::Days::new(30) }, "the worker's own schedule");
    ballast_api::check_ins::set_every(&j.session, "who5", 0).expect("off");
    assert_eq!(due("who5"), Due::Unscheduled, "turned off");
    for (id, days) in [("single_item_burnout", 7), ("who5", 366), ("nope", 7)] {
        assert!(
            matches!(ballast_api::check_ins::set_every(&j.session, id, days), Err(ApiError::Invalid(_))),
            "{id} every {days} days is refused"
        );
    }
}

#[test]
fn backups_count_check_ins_and_a_tampered_export_imports_nothing() {
    let j = Journey::new(1, "kept");
    ballast_api::check_ins::record(&j.session, "who5", vec![Some(2); 5]).expect("record");
    let backup = ballast_api::backups::back_up_now(&j.session, &mut |_| {}).expect("backup");
    let report = ballast_api::backups::verify_backup(&j.session, &backup.file_name).expect("verify");
    assert_eq!(report.counts.get("check_ins"), Some(&1), "check-ins are in the verified counts: {:?}", report.counts);
    assert_eq!(report.counts.get("check_in_answers"), Some(&5), "with their answers");

    let json =
        String::from_utf8(ballast_api::transfer::export::export_json(&j.session).expect("export")).expect("utf-8");
    assert!(json.contains("\"check_ins\": ["), "the export carries check-ins");
    let tampered = json.replacen("\"answers\":[2,2,2,2,2]", "\"answers\":[2,2,7,2,2]", 1);
    assert_ne!(tampered, json, "the test altered an answer");
    let b = Journey::new(0, "");
    let path = b.tmp.path().join("tampered.json");
    std::fs::write(&path, tampered).expect("write");
    let err = ballast_api::transfer::import::import_file(&b.session, &path, &mut |_| {}).expect_err("refused");
    let ApiError::ImportInvalid(problems) = err else { panic!("an import problem, got {err:?}") };
    assert_eq!(problems[0].field, "check_ins[0].answers[3]", "named by record and item: {problems:?}");
    assert!(
        b.texts().is_empty() && ballast_api::check_ins::list(&b.session, None).expect("list").is_empty(),
        "nothing was written"
    );
}

/// A subscale's score computed plainly from the stored answers, as the manuals describe it.
fn by_hand(
    def: &ballast_core::instrument::Instrument,
    sub: &ballast_core::instrument::SubscaleDef,
    answers: &[Option<i32>],
) -> Option<f64> {
    use ballast_core::instrument::MethodName;
    let mut values = Vec::new();
    for &n in &sub.items {
        if let Some(raw) = answers[n as usize - 1] {
            values.push(f64::from(if sub.reverse.contains(&n) { def.reverse_total - raw } else { raw }));
        }
    }
    let all = values.len() == sub.items.len();
    let total: f64 = values.iter().sum();
    match sub.method {
        MethodName::Sum | MethodName::Single => all.then_some(total),
        MethodName::SumX4 => all.then_some(total * 4.0),
        MethodName::Mean => (values.len() as u32 >= sub.min_answered.unwrap_or(1) && !values.is_empty())
            .then(|| total / values.len() as f64),
    }
}

#[test]
fn any_valid_answers_are_stored_scored_in_range_and_equal_a_plain_recomputation() {
    use proptest::prelude::*;
    use proptest::test_runner::{Config, TestRunner};

    let j = Journey::new(0, "");
    let strategy = crate::support::any_check_in();
    let mut runner = TestRunner::new(Config { cases: 200, ..Config::default() });
    runner
        .run(&strategy, |(def, answers)| {
            j.clock.advance(Duration::seconds(1));
            let id = ballast_api::check_ins::record(&j.session, &def.id, answers).expect("valid answers are kept").id;
            let kept = ballast_api::check_ins::get(&j.session, id).expect("read back");
            prop_assert_eq!(&kept.problem, &None, "{}: the kept record is sound", def.id);
            prop_assert_eq!(kept.scores.len(), def.subscales.len(), "{}: a score for every subscale", def.id);
            for (sub, score) in def.subscales.iter().zip(&kept.scores) {
                let expected = by_hand(&def, sub, &kept.answers);
                prop_assert_eq!(
                    score.score,
                    expected,
                    "{}/{}: the stored score equals a plain recomputation",
                    def.id,
                    sub.id
                );
                if let Some(v) = score.score {
                    prop_assert!(
                        f64::from(sub.range[0]) <= v && v <= f64::from(sub.range[1]),
                        "{}/{}: {} within {:?}",
                        def.id,
                        sub.id,
                        v,
                        sub.range
                    );
                }
            }
            Ok(())
        })
        .expect("every generated check-in holds");
}

#[test]
fn cbi_means_with_long_decimals_survive_export_and_import_exactly() {
    let a = Journey::new(0, "");
    // 550/6, 575/6 and 675/7: means whose shortest decimal form needs 17 digits.
    let answers: [[i32; 19]; 3] = [
        [100, 100, 100, 100, 75, 75, 0, 0, 0, 0, 0, 0, 100, 0, 0, 0, 0, 0, 0],
        [100, 100, 100, 100, 100, 75, 100, 100, 100, 100, 100, 75, 0, 100, 100, 100, 100, 100, 75],
        [0, 0, 0, 0, 0, 0, 100, 100, 100, 100, 100, 75, 0, 0, 0, 0, 0, 0, 0],
    ];
    for row in answers {
        a.clock.advance(Duration::minutes(1));
        ballast_api::check_ins::record(&a.session, "cbi", row.iter().copied().map(Some).collect()).expect("record");
    }
    let first = ballast_api::transfer::export::export_json(&a.session).expect("export");
    let b = Journey::new(0, "");
    let path = b.tmp.path().join("cbi.json");
    std::fs::write(&path, &first).expect("write");
    let report = ballast_api::transfer::import::import_file(&b.session, &path, &mut |_| {})
        .expect("an export with long CBI means imports");
    assert_eq!(report.added, 3, "all three check-ins");
    let means = |j: &Journey| -> Vec<Option<f64>> {
        ballast_api::check_ins::list(&j.session, None)
            .expect("list")
            .iter()
            .flat_map(|v| v.scores.iter().map(|s| s.score))
            .collect()
    };
    assert_eq!(means(&b), means(&a), "every mean is read back bit for bit");
    assert!(means(&a).contains(&Some(550.0 / 6.0)), "the long decimal case is among them");
}

#[test]
fn an_export_saying_version_1_cannot_carry_check_ins() {
    let j = Journey::new(0, "");
    ballast_api::check_ins::record(&j.session, "single_item_burnout", vec![Some(2)]).expect("record");
    let json =
        String::from_utf8(ballast_api::transfer::export::export_json(&j.session).expect("export")).expect("utf-8");
    let current = format!("\"version\": {}", ballast_api::transfer::VERSION);
    let v1 = json.replacen(&current, "\"version\": 1", 1);
    assert_ne!(v1, json, "the test changed the version");
    let b = Journey::new(0, "");
    let path = b.tmp.path().join("v1.json");
    std::fs::write(&path, v1).expect("write");
    let Err(ApiError::ImportInvalid(problems)) =
        ballast_api::transfer::import::import_file(&b.session, &path, &mut |_| {})
    else {
        panic!("refused")
    };
    assert!(problems.iter().any(|p| p.field == "check_ins"), "named: {problems:?}");
    assert!(ballast_api::check_ins::list(&b.session, None).expect("list").is_empty(), "nothing written");
}
