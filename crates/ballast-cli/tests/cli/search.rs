//! `ballast search`: results as JSON best first with their snippets, the filters, hostile text,
//! and a calm error for a filter naming no known choice.

use crate::support::{ballast, code, init, ok};

fn add(dir: &std::path::Path, json: &str) -> String {
    ok(dir, &["add", "--json", "-"], Some(json)).trim().to_owned()
}

#[test]
fn search_prints_json_best_first_and_filters() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    init(dir);
    let often = add(
        dir,
        r#"{"occurred_at": "2026-11-20T18:00:00+00:00", "person_code": "R7", "tags": ["housing"], "outcome": "progress",
            "text": "Housing forms, housing calls, and the housing office again."}"#,
    );
    let once = add(
        dir,
        r#"{"occurred_at": "2026-11-24T18:00:00+00:00", "person_code": "K2", "text": "A quiet day; housing came up once at the café."}"#,
    );
    let setback = r#"{"setback_type": "crisis", "person_code": "R7", "what_happened": "lost the housing place"}"#;
    let sid = ok(dir, &["add-setback", "--json", "-"], Some(setback)).trim().to_owned();

    let all: serde_json::Value =
        serde_json::from_str(&ok(dir, &["search", "hous", "--json"], None)).expect("search --json is JSON");
    let hits = all.as_array().expect("an array of results");
    assert_eq!(hits.len(), 3, "the start of a word finds all three");
    assert_eq!(hits[0]["id"].to_string(), often, "the entry most about it comes first");
    for h in hits {
        for key in ["id", "kind", "occurred_at", "snippet"] {
            assert!(!h[key].is_null(), "each result has {key}: {h}");
        }
    }
    assert!(hits[0]["snippet"].as_str().is_some_and(|s| s.contains("Housing forms")), "the snippet is plain text");
    let only = |args: &[&str]| -> Vec<String> {
        let mut a = vec!["search", "housing", "--json"];
        a.extend_from_slice(args);
        let v: serde_json::Value = serde_json::from_str(&ok(dir, &a, None)).expect("JSON");
        v.as_array().expect("array").iter().map(|h| h["id"].to_string()).collect()
    };
    assert_eq!(only(&["--kind", "setback"]), vec![sid.clone()], "--kind");
    assert_eq!(only(&["--tag", "housing"]), vec![often.clone()], "--tag");
    assert_eq!(only(&["--code", "K2"]), vec![once.clone()], "--code");
    assert_eq!(only(&["--outcome", "progress"]), vec![often.clone()], "--outcome");
    assert_eq!(only(&["--setback-type", "crisis"]), vec![sid.clone()], "--setback-type");
    assert_eq!(only(&["--from", "2026-11-21", "--to", "2026-11-24"]), vec![once.clone()], "--from and --to");
    assert_eq!(only(&["--limit", "1"]).len(), 1, "--limit");
    assert_eq!(only(&["--code", "R7", "--kind", "reflection"]), vec![often], "filters combine");

    let text = ok(dir, &["search", "cafe"], None);
    assert!(text.contains("[café]"), "without --json, matches are marked in brackets: {text}");
    for hostile in ["\"", "NEAR(", "a AND", "text:x", "*", "((", "-x"] {
        let out = ballast(dir, &["search", hostile], &[("BALLAST_PASSPHRASE", crate::support::PASS)], None);
        assert_eq!(code(&out), 0, "{hostile:?} is searched as text, not an error");
    }
    let out =
        ballast(dir, &["search", "x", "--outcome", "great"], &[("BALLAST_PASSPHRASE", crate::support::PASS)], None);
    assert_ne!(code(&out), 0, "an unknown outcome is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("outcome"), "and the message names it");
}

#[test]
fn codes_and_tags_are_listed_and_renamed() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    init(dir);
    add(
        dir,
        r#"{"occurred_at": "2026-11-20T18:00:00+00:00", "person_code": "R7", "outcome": "progress", "tags": ["benefit"]}"#,
    );
    add(
        dir,
        r#"{"occurred_at": "2026-11-22T18:00:00+00:00", "person_code": "R-7", "outcome": "no_change", "tags": ["benefits"]}"#,
    );
    let codes: serde_json::Value =
        serde_json::from_str(&ok(dir, &["codes", "--json"], None)).expect("codes --json is JSON");
    assert_eq!(codes.as_array().map(Vec::len), Some(2), "two codes");
    assert_eq!(codes[0]["code"], "R-7", "the most recently seen first");
    assert_eq!(codes[0]["outcomes"]["no_change"], 1, "with its outcomes");
    let said = ok(dir, &["rename-code", "R-7", "R7"], None);
    assert!(said.contains("joining"), "a rename into a code in use says the two became one: {said}");
    let codes: serde_json::Value = serde_json::from_str(&ok(dir, &["codes", "--json"], None)).expect("JSON");
    assert_eq!(codes.as_array().map(Vec::len), Some(1), "one code left");
    assert_eq!(codes[0]["entries"], 2, "with both entries");
    let out = ballast(dir, &["rename-code", "R7", "Jane Smith"], &[("BALLAST_PASSPHRASE", crate::support::PASS)], None);
    assert_eq!(code(&out), 0, "a name-like code is allowed");
    assert!(String::from_utf8_lossy(&out.stderr).contains("real name"), "with the gentle warning");
    let out = ballast(dir, &["rename-code", "nobody", "X1"], &[("BALLAST_PASSPHRASE", crate::support::PASS)], None);
    assert_ne!(code(&out), 0, "renaming a code no entry has is refused");

    ok(dir, &["rename-tag", "benefit", "benefits"], None);
    let tags: serde_json::Value =
        serde_json::from_str(&ok(dir, &["tags", "--json"], None)).expect("tags --json is JSON");
    assert_eq!(tags, serde_json::json!([{"tag": "benefits", "entries": 2}]), "the two tags became one");
    assert!(ok(dir, &["tags"], None).contains("benefits"), "tags prints a table");
}

#[test]
fn templates_are_listed_and_add_takes_answers_by_prompt() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path();
    init(dir);
    let list: serde_json::Value =
        serde_json::from_str(&ok(dir, &["templates", "--json"], None)).expect("templates --json is JSON");
    assert_eq!(list.as_array().map(Vec::len), Some(8), "the built-in templates");
    assert!(ok(dir, &["templates"], None).contains("feelings: What were you thinking"), "the prompts with their ids");
    let json = r#"{"mood": 4, "answers": {"feelings": "Shaky after the tribunal", "action_plan": "Ask for a break"}}"#;
    let id = ok(dir, &["add", "--template", "gibbs", "--json", "-"], Some(json)).trim().to_owned();
    let shown: serde_json::Value = serde_json::from_str(&ok(dir, &["show", &id, "--json"], None)).expect("JSON");
    assert_eq!(shown["template"]["id"], "gibbs", "the entry keeps its template");
    let answers = shown["template"]["answers"].as_array().expect("answers");
    assert_eq!(answers.len(), 6, "one a prompt");
    assert_eq!(answers[1]["text"], "Shaky after the tribunal", "in the prompts' order");
    let found: serde_json::Value =
        serde_json::from_str(&ok(dir, &["search", "tribunal", "--template", "gibbs", "--json"], None)).expect("JSON");
    assert_eq!(found.as_array().map(Vec::len), Some(1), "found by an answer, filtered by template");
    let bad = r#"{"answers": {"nope": "x"}}"#;
    let out = ballast(
        dir,
        &["add", "--template", "gibbs", "--json", "-"],
        &[("BALLAST_PASSPHRASE", crate::support::PASS)],
        Some(bad),
    );
    assert_ne!(code(&out), 0, "an answer to no prompt is refused");
    let out = ballast(
        dir,
        &["add", "--template", "no_such", "--json", "-"],
        &[("BALLAST_PASSPHRASE", crate::support::PASS)],
        Some("{}"),
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("template"), "an unknown template is named");
}
