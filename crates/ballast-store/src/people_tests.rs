//! Counts, one person's way, and renames that are all or nothing.

use ballast_core::{EntryBody, FixedClock, ReflectionDraft, SetbackDraft};
use chrono::{Duration, TimeZone, Utc};
use secrecy::SecretString;

use crate::{DataDir, Journal};

fn start() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 18, 0, 0).single().expect("valid date")
}

fn journal() -> (tempfile::TempDir, Journal) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = DataDir::new(tmp.path().join("data"));
    let (j, _) =
        Journal::create(&dir, &SecretString::from("harbour lantern quietly".to_owned()), start()).expect("set up");
    (tmp, j)
}

fn reflection(j: &mut Journal, day: i64, code: &str, outcome: &str, pp: i32, tags: &[&str]) -> ballast_core::EntryId {
    let d = ReflectionDraft {
        person_code: Some(code.into()),
        outcome: Some(outcome.into()),
        push_patience: Some(pp),
        tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        text: Some(format!("day {day}")),
        ..Default::default()
    };
    let body = EntryBody::Reflection(d.validate(&FixedClock(start() + Duration::days(day))).expect("valid"));
    j.insert(&body, start()).expect("save")
}

fn setback(j: &mut Journal, day: i64, code: &str) -> ballast_core::EntryId {
    let d = SetbackDraft { setback_type: Some("relapse".into()), person_code: Some(code.into()), ..Default::default() };
    let body = EntryBody::Setback(d.validate(&FixedClock(start() + Duration::days(day))).expect("valid"));
    j.insert(&body, start()).expect("save")
}

#[test]
fn codes_are_counted_with_their_first_and_last_days_and_outcomes() {
    let (_tmp, mut j) = journal();
    reflection(&mut j, 0, "R7", "no_change", -1, &["housing"]);
    setback(&mut j, 3, "R7");
    reflection(&mut j, 9, "R7", "progress", 0, &["housing", "benefits"]);
    reflection(&mut j, 5, "K2", "progress", 1, &[]);
    let codes = j.person_codes().expect("codes");
    assert_eq!(codes.iter().map(|c| c.code.as_str()).collect::<Vec<_>>(), ["R7", "K2"], "the most recently seen first");
    let r7 = &codes[0];
    assert_eq!((r7.entries, r7.setbacks), (3, 1), "three entries, one a setback");
    assert_eq!(r7.first_at, start(), "first day");
    assert_eq!(r7.last_at, start() + Duration::days(9), "last day");
    assert_eq!(
        (r7.outcomes.progress, r7.outcomes.no_change, r7.outcomes.setback),
        (1, 1, 0),
        "outcomes of reflections"
    );

    let way = j.person_journey("R7").expect("journey");
    let kinds: Vec<_> = way.iter().map(|s| (s.kind, s.outcome, s.push_patience)).collect();
    use ballast_core::{EntryKind::*, Outcome};
    assert_eq!(
        kinds,
        [
            (Reflection, Some(Outcome::NoChange), Some(-1)),
            (Setback, None, None),
            (Reflection, Some(Outcome::Progress), Some(0))
        ],
        "oldest first, with outcomes and push–patience along the way"
    );
    assert_eq!(way[1].setback_type, Some(ballast_core::SetbackType::Relapse), "a setback says its type");

    let tags = j.tags().expect("tags");
    assert_eq!(
        tags.iter().map(|t| (t.tag.as_str(), t.entries)).collect::<Vec<_>>(),
        [("housing", 2), ("benefits", 1)],
        "tags with counts, the most used first"
    );
}

#[test]
fn a_code_whose_entries_have_no_outcome_counts_zeros() {
    let (_tmp, mut j) = journal();
    setback(&mut j, 0, "S1");
    let codes = j.person_codes().expect("a code with no outcomes at all is listed, not an error");
    assert_eq!(codes[0].outcomes, ballast_core::people::OutcomeCounts::default(), "every outcome counted as 0");
    assert_eq!(codes[0].setbacks, 1, "and its setback counted");
}

#[test]
fn renaming_a_code_into_another_merges_them() {
    let (_tmp, mut j) = journal();
    reflection(&mut j, 0, "R7", "progress", 0, &[]);
    reflection(&mut j, 1, "R-7", "progress", 0, &[]);
    let done = j.rename_person_code("R-7", "R7", start()).expect("rename");
    assert_eq!((done.entries, done.merged), (1, true), "one entry moved into an existing code");
    let codes = j.person_codes().expect("codes");
    assert_eq!(codes.len(), 1, "one code left");
    assert_eq!(codes[0].entries, 2, "holding both entries");
    let same = j.rename_person_code("R7", "R7", start()).expect("a rename to itself");
    assert_eq!(same.entries, 0, "renaming to the same code changes nothing");
}

#[test]
fn renaming_a_tag_merges_and_keeps_one_of_each() {
    let (_tmp, mut j) = journal();
    let both = reflection(&mut j, 0, "A1", "progress", 0, &["benefit", "benefits", "calls"]);
    reflection(&mut j, 1, "A1", "progress", 0, &["benefit"]);
    let done = j.rename_tag("benefit", "benefits", start()).expect("rename");
    assert_eq!((done.entries, done.merged), (2, true), "two entries changed, merged into a tag in use");
    let EntryBody::Reflection(r) = j.get(both).expect("read").body else { panic!("a reflection") };
    assert_eq!(r.tags, ["benefits", "calls"], "an entry carrying both keeps one, in its place");
    assert_eq!(j.tags().expect("tags")[0].entries, 2, "the merged tag counts both entries");
}

#[test]
fn a_rename_that_fails_midway_changes_nothing() {
    let (_tmp, mut j) = journal();
    reflection(&mut j, 0, "R7", "progress", 0, &["housing"]);
    let second = reflection(&mut j, 1, "R7", "progress", 0, &["housing"]);
    reflection(&mut j, 2, "R7", "progress", 0, &["housing"]);
    // The second entry's update fails, after the first was changed inside the transaction.
    j.conn
        .execute_batch(&format!(
            "CREATE TEMP TRIGGER midway BEFORE UPDATE ON entries WHEN old.id = {} BEGIN SELECT RAISE(ABORT, 'midway'); END;",
            second.0
        ))
        .expect("a trigger that fails");
    assert!(j.rename_person_code("R7", "Q1", start()).is_err(), "the code rename fails");
    assert!(j.rename_tag("housing", "home", start()).is_err(), "the tag rename fails");
    j.conn.execute_batch("DROP TRIGGER midway").expect("drop");
    assert_eq!(j.person_codes().expect("codes")[0].entries, 3, "every entry kept its code");
    assert_eq!(j.tags().expect("tags")[0].tag, "housing", "every entry kept its tag");
    assert_eq!(j.tags().expect("tags")[0].entries, 3, "on all three entries");
}
