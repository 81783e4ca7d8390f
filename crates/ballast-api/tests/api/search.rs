//! Search through the door: local days as filters, a calm error for an unknown choice, the index
//! right after a restore and a delete-all, and no indexed word in plaintext in any file of the
//! data folder (the database, its WAL, the backups).

use ballast_api::ApiError;
use ballast_api::delete_all::{DELETE_WORDS, DeleteChoice};
use ballast_api::search::{SearchRequest, search};
use ballast_core::search::Hit;
use ballast_core::{ReflectionDraft, SetbackDraft};
use chrono::{Duration, NaiveDate};
use secrecy::SecretString;

use crate::support::{Journey, PASS, contains};

fn find(j: &Journey, text: &str) -> Vec<Hit> {
    search(&j.session, &SearchRequest { text: text.into(), limit: 50, ..Default::default() }).expect("search")
}

#[test]
fn local_days_bound_the_range_and_unknown_choices_are_calm_errors() {
    let j = Journey::new(0, "");
    let save = |text: &str| {
        let d = ReflectionDraft { text: Some(text.into()), ..Default::default() };
        ballast_api::entries::save_reflection(&j.session, None, &d).expect("save").id
    };
    let first = save("kettle on the first day");
    j.clock.advance(Duration::days(1));
    let second = save("kettle on the second day");
    let day = |d: u32| NaiveDate::from_ymd_opt(2026, 11, d);
    let only = |from, to| {
        let req = SearchRequest { text: "kettle".into(), from, to, limit: 10, ..Default::default() };
        search(&j.session, &req).expect("search").iter().map(|h| h.id).collect::<Vec<_>>()
    };
    assert_eq!(only(day(25), day(25)), vec![first], "a one-day range holds that whole local day");
    assert_eq!(only(day(26), None), vec![second], "from a day on");
    assert_eq!(only(None, day(25)), vec![first], "up to and including a day");

    let bad = SearchRequest { text: "kettle".into(), outcome: Some("great".into()), limit: 10, ..Default::default() };
    let err = search(&j.session, &bad).expect_err("an unknown outcome is refused");
    assert!(
        matches!(&err, ApiError::Invalid(f) if f.iter().any(|f| f.field == "outcome")),
        "named by field, got {err:?}"
    );
    let backwards = SearchRequest { from: day(26), to: day(25), limit: 10, ..Default::default() };
    assert!(matches!(search(&j.session, &backwards), Err(ApiError::Invalid(_))), "a backwards range is refused");
    j.session.lock();
    let req = SearchRequest { text: "kettle".into(), limit: 10, ..Default::default() };
    assert_eq!(search(&j.session, &req), Err(ApiError::Locked), "a locked journal cannot be searched");
}

#[test]
fn the_index_follows_a_restore_and_a_delete_all() {
    let j = Journey::new(2, "lighthouse keeper");
    let backup = ballast_api::backups::back_up_now(&j.session, &mut |_| {}).expect("back up");
    j.clock.advance(Duration::minutes(5));
    let d = SetbackDraft {
        setback_type: Some("loss".into()),
        what_happened: Some("the lighthouse closed".into()),
        ..Default::default()
    };
    ballast_api::entries::save_setback(&j.session, None, &d).expect("save");
    assert_eq!(find(&j, "lighthouse").len(), 3, "three entries hold the word");
    ballast_api::backups::restore(&j.session, &backup.file_name, "restore", &mut |_| {}).expect("restore");
    assert_eq!(find(&j, "lighthouse").len(), 2, "after a restore, the index is the backup's");
    assert!(find(&j, "closed").is_empty(), "the setback saved after the backup is not found");

    let choice = DeleteChoice { confirmation: DELETE_WORDS.into(), final_backup: false, remove_backups: true };
    ballast_api::delete_all::delete_everything(&j.session, &choice).expect("delete everything");
    j.session.set_up(&SecretString::from(PASS.to_owned())).expect("a new journal");
    assert!(find(&j, "lighthouse").is_empty(), "after a delete-all, nothing is found");
}

#[test]
fn no_indexed_word_is_in_plaintext_in_any_file() {
    // Words that occur nowhere else, in every indexed field.
    let words = ["zephyrquill", "marrowlight", "thistlewick", "cobaltfern", "emberloam", "quillmoss", "driftsorrel"];
    let j = Journey::new(0, "");
    let r = ReflectionDraft {
        text: Some(format!("{} and more", words[0])),
        strengths: Some(words[1].into()),
        ..Default::default()
    };
    ballast_api::entries::save_reflection(&j.session, None, &r).expect("save");
    let s = SetbackDraft {
        setback_type: Some("crisis".into()),
        what_happened: Some(words[2].into()),
        in_my_control: Some(words[3].into()),
        outside_my_control: Some(words[4].into()),
        my_reaction: Some(words[5].into()),
        support: Some(words[6].into()),
        ..Default::default()
    };
    ballast_api::entries::save_setback(&j.session, None, &s).expect("save");
    for w in words {
        assert_eq!(find(&j, &w[..4]).len(), 1, "{w} is indexed and found by its start");
    }
    ballast_api::backups::back_up_now(&j.session, &mut |_| {}).expect("back up");
    // Read while the journal is open (its WAL holds the newest pages) and again once it is locked.
    let mut checked = 0;
    for files in [j.files(), {
        j.session.lock();
        j.files()
    }] {
        assert!(files.iter().any(|(p, _)| p.starts_with(j.dir.backups())), "the backups are among the files");
        for (path, bytes) in &files {
            checked += 1;
            for w in words {
                assert!(!contains(bytes, w), "{} must not hold the indexed word {w} in plaintext", path.display());
            }
        }
    }
    assert!(checked > 4, "the database, its WAL and the backups were read ({checked} files)");
}

#[test]
fn a_renamed_code_is_changed_everywhere_and_a_blank_one_is_refused() {
    let j = Journey::new(0, "");
    let d = ReflectionDraft { person_code: Some("R7".into()), text: Some("kettle".into()), ..Default::default() };
    let id = ballast_api::entries::save_reflection(&j.session, None, &d).expect("save").id;
    let err = ballast_api::people::rename_person_code(&j.session, "R7", "  ").expect_err("blank");
    assert!(matches!(err, ApiError::Invalid(_)), "a blank code is refused, got {err:?}");
    let done = ballast_api::people::rename_person_code(&j.session, "R7", " Q4 ").expect("rename");
    assert_eq!((done.name.as_str(), done.entries, done.merged), ("Q4", 1, false), "trimmed, one entry");
    let by_code = |c: &str| {
        let req = SearchRequest { person_code: Some(c.into()), limit: 10, ..Default::default() };
        search(&j.session, &req).expect("search").len()
    };
    assert_eq!((by_code("R7"), by_code("Q4")), (0, 1), "the search filter sees the new code only");
    assert_eq!(find(&j, "kettle")[0].person_code.as_deref(), Some("Q4"), "results show the new code");
    let shown = ballast_api::entries::get_entry(&j.session, id).expect("read");
    let ballast_api::dto::EntryFields::Reflection(r) = shown.fields else { panic!("a reflection") };
    assert_eq!(r.person_code.as_deref(), Some("Q4"), "the entry itself has the new code");
    assert_eq!(
        ballast_api::people::person_journey(&j.session, "R7"),
        Err(ApiError::NotFound),
        "the old code has no entries"
    );
    assert_eq!(ballast_api::people::person_journey(&j.session, "Q4").expect("journey").len(), 1, "the new one has it");
}

#[test]
fn on_this_day_is_off_until_turned_on_then_shows_earlier_dates() {
    let j = Journey::new(0, "");
    let save = |at: &str, text: &str| {
        let d = ReflectionDraft { occurred_at: Some(at.into()), text: Some(text.into()), ..Default::default() };
        ballast_api::entries::save_reflection(&j.session, None, &d).expect("save");
    };
    // The journey's clock says 25 November 2026.
    save("2025-11-25T12:00:00Z", "a year ago today");
    save("2026-10-25T12:00:00Z", "a month ago today");
    save("2026-10-24T12:00:00Z", "not on this day");
    let off = ballast_api::on_this_day::on_this_day(&j.session).expect("read");
    assert!(!off.on && off.days.is_empty(), "off by default, and nothing is shown");
    let mut s = ballast_api::settings::current(&j.session).expect("settings");
    s.on_this_day = true;
    ballast_api::settings::save(&j.session, s).expect("turn it on");
    let on = ballast_api::on_this_day::on_this_day(&j.session).expect("read");
    let got: Vec<(&str, String)> = on.days.iter().map(|d| (d.ago.as_str(), d.entries[0].preview.clone())).collect();
    assert_eq!(
        got,
        [("1 year ago", "a year ago today".to_owned()), ("1 month ago", "a month ago today".to_owned())],
        "the same date a year ago first, then in earlier months, and no other day"
    );
}
