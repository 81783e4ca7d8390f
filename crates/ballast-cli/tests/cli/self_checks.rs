//! Self-checks and trends from the command line: `score`, `check-in`, `check-ins`, `insights`
//! and `chart`.

use crate::support::{PASS, ballast, code, init, ok};

#[test]
fn score_prints_the_documented_json_without_a_journal() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("never-created");
    let json = |args: &[&str]| -> serde_json::Value {
        let out = ballast(&dir, args, &[], None);
        assert!(out.status.success(), "score needs no journal or passphrase: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).expect("JSON")
    };
    let who5 = json(&["score", "who5", "--answers", "3,3,3,3,0"]);
    assert_eq!(who5["instrument"], "who5", "the instrument's id");
    assert_eq!(
        who5["subscales"],
        serde_json::json!([{"id": "wellbeing", "score": 48.0, "band": "below_cutoff", "complete": true}]),
        "raw 12 × 4 = 48, at or below the cut-off"
    );
    let proqol = json(&["score", "proqol5", "--answers", &["3"; 30].join(",")]);
    let ids: Vec<&str> =
        proqol["subscales"].as_array().expect("list").iter().map(|s| s["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["compassion_satisfaction", "burnout", "secondary_traumatic_stress"], "in the reference's order");
    assert_eq!(proqol["subscales"][1]["score"], 30.0, "all 3s: 30 on every scale, reverse items included");
    let cbi = json(&["score", "cbi", "--answers", "100,75,75,,,,,,,,,,,,,,,,"]);
    let personal = &cbi["subscales"][0];
    assert_eq!(personal["score"], serde_json::json!(250.0 / 3.0), "a CBI mean is printed unrounded");
    assert_eq!(personal["complete"], false, "and marked incomplete");
    assert_eq!(cbi["subscales"][1]["score"], serde_json::Value::Null, "a scale with too few answers has no score");
    let skipped = json(&["score", "single_item_burnout", "--answers", ""]);
    assert_eq!(skipped["subscales"][0]["score"], serde_json::Value::Null, "an empty value is a skipped item");
    assert!(!dir.exists(), "scoring created no data directory");
    for (args, why) in [
        (vec!["score", "who5", "--answers", "3,3,3,3,6"], "a value that is not an option"),
        (vec!["score", "who5", "--answers", "3,3,3"], "too few answers"),
        (vec!["score", "who5", "--answers", "3,3,3,3,3,3"], "too many answers"),
        (vec!["score", "mbi", "--answers", "1"], "an unknown instrument"),
        (vec!["score", "who5", "--answers", "3,x,3,3,3"], "an answer that is not a number"),
    ] {
        let out = ballast(&dir, &args, &[], None);
        assert_eq!(code(&out), 4, "{why} exits 4");
        assert!(out.stdout.is_empty(), "{why}: no JSON printed");
        assert!(!out.stderr.is_empty(), "{why}: a message says what to change");
    }
}

#[test]
fn check_in_records_and_check_ins_lists_with_not_a_diagnosis() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    init(&dir);
    let out = ok(&dir, &["check-in", "who5", "--answers", "5,4,3,2,1"], None);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert!(v["id"].as_i64().is_some_and(|id| id >= 1), "the new id is printed: {out}");
    assert_eq!(v["subscales"][0]["score"], 60.0, "with the same scores as `score`");
    let bad = ballast(&dir, &["check-in", "who5", "--answers", "5,4,3,2,9"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&bad), 4, "a non-option value exits 4");
    let list = ok(&dir, &["check-ins"], None);
    assert_eq!(
        list.lines().filter(|l| l.contains("WHO-5")).count(),
        1,
        "one check-in kept, the refused one not: {list}"
    );
    assert!(list.contains("not a diagnosis"), "the list says the scores are not a diagnosis");
    let json: serde_json::Value = serde_json::from_str(&ok(&dir, &["check-ins", "--json"], None)).expect("JSON");
    assert_eq!(json[0]["answers"], serde_json::json!([5, 4, 3, 2, 1]), "every raw answer, item by item");
    assert!(!list.contains("comes with options"), "a WHO-5 of 60 is not marked: {list}");
}

#[test]
fn check_ins_lists_cbi_means_rounded_as_the_app_does_and_every_high_result_with_options() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    init(&dir);
    // Personal burnout from three answers: (25 + 50 + 50) / 3 = 41.666…; the other scales have too few.
    let cbi = ballast(
        &dir,
        &["check-in", "cbi", "--answers", "25,50,50,,,,,,,,,,,,,,,,"],
        &[("BALLAST_PASSPHRASE", PASS)],
        None,
    );
    assert!(cbi.status.success(), "a CBI is recorded: {}", String::from_utf8_lossy(&cbi.stderr));
    let v: serde_json::Value = serde_json::from_slice(&cbi.stdout).expect("standard output stays JSON");
    assert_eq!(v["subscales"][0]["score"], serde_json::json!(125.0 / 3.0), "JSON keeps the mean unrounded");
    assert!(
        String::from_utf8_lossy(&cbi.stderr).contains("comes with options"),
        "the CBI has no cut-off, so its result comes with options, said beside the JSON: {}",
        String::from_utf8_lossy(&cbi.stderr)
    );
    let single =
        ballast(&dir, &["check-in", "single_item_burnout", "--answers", "5"], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert!(String::from_utf8_lossy(&single.stderr).contains("self-care plan"), "statement 5 comes with options too");
    let list = ok(&dir, &["check-ins"], None);
    assert!(
        list.contains("Personal burnout 41.7 (from some answers)"),
        "rounded to one decimal, as the app shows it: {list}"
    );
    assert!(!list.contains("41.66"), "never the unrounded mean: {list}");
    assert_eq!(list.matches("(comes with options: see below)").count(), 2, "both results are marked: {list}");
    assert!(list.contains("look at your self-care plan"), "and the options are named under the list: {list}");
    assert!(
        list.contains("The CBI has no cut-off, so each CBI result comes with options."),
        "with why for the CBI: {list}"
    );
    let scored = ballast(&dir, &["score", "cbi", "--answers", &["100"; 19].join(",")], &[], None);
    assert!(
        String::from_utf8_lossy(&scored.stderr).contains("comes with options"),
        "`score` says so for a CBI of 100 too"
    );
    let low = ballast(&dir, &["score", "who5", "--answers", "5,5,5,5,5"], &[], None);
    assert!(low.stderr.is_empty(), "a WHO-5 of 100 comes with nothing on standard error");
}

#[test]
fn insights_json_and_chart_svg() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    init(&dir);
    for (day, worth, outcome) in [
        (2, 3, "setback"),
        (3, 8, "progress"),
        (4, 4, "setback"),
        (5, 9, "progress"),
        (6, 2, "setback"),
        (7, 7, "progress"),
    ] {
        let when = format!("2026-11-{day:02}T12:00:00Z");
        ok(
            &dir,
            &[
                "add",
                "--occurred-at",
                &when,
                "--self-worth",
                &worth.to_string(),
                "--outcome",
                outcome,
                "--push-patience",
                "0",
            ],
            None,
        );
    }
    let out = ok(&dir, &["insights", "--from", "2026-11-01", "--to", "2026-11-30", "--json"], None);
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["coupling"]["enough_data"], true, "three setback and three progress days");
    assert_eq!(
        v["coupling"]["days"],
        serde_json::json!({"setback": 3, "progress": 3, "neither": 0}),
        "counts per group"
    );
    assert_eq!(v["coupling"]["mean_self_worth"]["setback"], 3.0, "(3 + 4 + 2) / 3");
    assert_eq!(v["coupling"]["mean_self_worth"]["progress"], 8.0, "(8 + 9 + 7) / 3");
    assert_eq!(v["push_patience"]["gentle_persistence"], 6, "every answer was 0");
    assert!(v["nudges"].is_array(), "nudges are listed (possibly none)");
    let narrow = ok(&dir, &["insights", "--from", "2026-11-05", "--to", "2026-11-05", "--json"], None);
    let n: serde_json::Value = serde_json::from_str(&narrow).expect("JSON");
    assert_eq!(n["coupling"]["days"]["progress"], 1, "DATE bounds are inclusive: the one day");

    let svg = tmp.path().join("coupling.svg");
    ok(&dir, &["chart", "coupling", "--from", "2026-11-01", "--out", svg.to_str().expect("path")], None);
    let text = std::fs::read_to_string(&svg).expect("the SVG was written");
    assert!(text.starts_with("<svg") && text.contains("Setback days"), "a real chart");
    let bad =
        ballast(&dir, &["chart", "nope", "--out", svg.to_str().expect("path")], &[("BALLAST_PASSPHRASE", PASS)], None);
    assert_eq!(code(&bad), 4, "an unknown chart exits 4");
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(
        said.starts_with("The chart was not written. Ballast has no chart by this name."),
        "says what was not done and why, not the words for a form: {said}"
    );
    let backwards = ballast(
        &dir,
        &["insights", "--from", "2026-11-30", "--to", "2026-11-01"],
        &[("BALLAST_PASSPHRASE", PASS)],
        None,
    );
    assert_eq!(code(&backwards), 4, "a range that runs backwards exits 4");
}
