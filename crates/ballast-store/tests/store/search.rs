//! Search against a real SQLCipher journal: prefixes, phrases, folding, ranking, snippets, every
//! filter and every field (template answers too), and hostile queries. The index's upkeep is in
//! `search_index`.

use ballast_core::search::{Hit, plain};
use ballast_core::{EntryBody, EntryKind, FixedClock, Outcome, ReflectionDraft, SetbackDraft, SetbackType};
use ballast_store::search::Search;
use ballast_store::{DataDir, Journal};
use chrono::{DateTime, Duration, TimeZone, Utc};
use secrecy::SecretString;

pub(crate) fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 18, 0, 0).single().expect("valid date")
}

pub(crate) fn journal() -> (tempfile::TempDir, Journal) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = DataDir::new(tmp.path().join("data"));
    let (j, _) =
        Journal::create(&dir, &SecretString::from("harbour lantern quietly".to_owned()), start()).expect("set up");
    (tmp, j)
}

fn at(days: i64) -> FixedClock {
    FixedClock(start() + Duration::days(days))
}

fn reflection(days: i64, d: ReflectionDraft) -> EntryBody {
    EntryBody::Reflection(d.validate(&at(days)).expect("a valid reflection"))
}

pub(crate) fn text(days: i64, t: &str) -> EntryBody {
    reflection(days, ReflectionDraft { text: Some(t.into()), ..Default::default() })
}

fn setback(days: i64, d: SetbackDraft) -> EntryBody {
    EntryBody::Setback(d.validate(&at(days)).expect("a valid setback"))
}

pub(crate) fn find(j: &mut Journal, typed: &str) -> Vec<Hit> {
    j.search(&Search { text: typed, limit: 50, ..Default::default() })
        .unwrap_or_else(|e| panic!("{typed:?} must be answered, not an error: {e}"))
}

pub(crate) fn ids(hits: &[Hit]) -> Vec<i64> {
    hits.iter().map(|h| h.id.0).collect()
}

#[test]
fn prefixes_phrases_and_folding() {
    let (_tmp, mut j) = journal();
    let cafe = j.insert(&text(0, "Met at the Café Nero after her hospital appointment."), start()).expect("save");
    let gentle = j.insert(&text(1, "Gentle persistence again: he said no, and that is fine."), start()).expect("save");
    let apart = j.insert(&text(2, "Persistence was gentle with myself, not with him."), start()).expect("save");

    assert_eq!(ids(&find(&mut j, "hosp")), vec![cafe.0], "a word's start finds it, as the worker types");
    assert_eq!(ids(&find(&mut j, "cafe")), vec![cafe.0], "diacritics are folded: cafe finds Café");
    assert_eq!(ids(&find(&mut j, "CAFÉ")), vec![cafe.0], "case is folded too");
    let mut both = ids(&find(&mut j, "gentle persistence"));
    both.sort_unstable();
    assert_eq!(both, vec![gentle.0, apart.0], "two words find every entry holding both, in any order");
    assert_eq!(
        ids(&find(&mut j, "\"gentle persistence\"")),
        vec![gentle.0],
        "a quoted phrase needs the words in order"
    );
    assert!(find(&mut j, "\"gentle pers\"").is_empty(), "a phrase is matched whole, not as a prefix");
    assert!(find(&mut j, "hospitality").is_empty(), "a longer word than the one written finds nothing");
}

#[test]
fn ranked_best_first_with_a_marked_snippet() {
    let (_tmp, mut j) = journal();
    let once =
        j.insert(&text(0, "A long day of calls and forms; the benefits office came up once."), start()).expect("save");
    let often = j.insert(&text(1, "Benefits, benefits, benefits: the benefits form again."), start()).expect("save");
    j.insert(&text(2, "Nothing about that today."), start()).expect("save");
    let hits = find(&mut j, "benefits");
    assert_eq!(ids(&hits), vec![often.0, once.0], "bm25 puts the entry that is most about it first");
    let s = &hits[1].snippet;
    assert!(s.iter().any(|p| p.matched && p.text == "benefits"), "the matched word is marked: {s:?}");
    assert!(s.iter().any(|p| !p.matched && p.text.contains("office")), "with its context unmarked: {s:?}");
    assert!(plain(s).contains("the benefits office came up once"), "the snippet is the entry's own words");
    assert_eq!(hits[0].kind, EntryKind::Reflection, "a result says its kind");
}

#[test]
fn every_text_field_is_searched() {
    let (_tmp, mut j) = journal();
    let strengths =
        reflection(0, ReflectionDraft { strengths: Some("humour under pressure".into()), ..Default::default() });
    let s = j.insert(&strengths, start()).expect("save");
    let mut found = vec![(s, "humour")];
    for (field, word) in [
        ("what_happened", "readmitted"),
        ("in_my_control", "boundaries"),
        ("outside_my_control", "waitlist"),
        ("my_reaction", "frustrated"),
        ("support", "supervisor"),
    ] {
        let mut d = SetbackDraft { setback_type: Some("crisis".into()), ..Default::default() };
        let value = Some(format!("something about {word}"));
        match field {
            "what_happened" => d.what_happened = value,
            "in_my_control" => d.in_my_control = value,
            "outside_my_control" => d.outside_my_control = value,
            "my_reaction" => d.my_reaction = value,
            _ => d.support = value,
        }
        found.push((j.insert(&setback(1, d), start()).expect("save"), word));
    }
    for (id, word) in found {
        assert_eq!(ids(&find(&mut j, word)), vec![id.0], "{word:?} is found in its own field");
    }
}

#[test]
fn every_filter_narrows_the_results() {
    let (_tmp, mut j) = journal();
    let early = j
        .insert(
            &reflection(
                0,
                ReflectionDraft {
                    text: Some("walk in the park".into()),
                    person_code: Some("A1".into()),
                    tags: vec!["outdoors".into()],
                    outcome: Some("progress".into()),
                    ..Default::default()
                },
            ),
            start(),
        )
        .expect("save");
    let late = j
        .insert(
            &reflection(
                10,
                ReflectionDraft {
                    text: Some("walk to the shop".into()),
                    person_code: Some("B2".into()),
                    tags: vec!["errands".into()],
                    outcome: Some("no_change".into()),
                    ..Default::default()
                },
            ),
            start(),
        )
        .expect("save");
    let crisis = j
        .insert(
            &setback(
                5,
                SetbackDraft {
                    setback_type: Some("crisis".into()),
                    what_happened: Some("a walk that ended in A&E".into()),
                    person_code: Some("A1".into()),
                    ..Default::default()
                },
            ),
            start(),
        )
        .expect("save");
    let base = Search { text: "walk", limit: 50, ..Default::default() };
    let mut run = |s: Search<'_>| {
        let mut v = ids(&j.search(&s).expect("search"));
        v.sort_unstable();
        v
    };
    assert_eq!(run(base.clone()).len(), 3, "without a filter, all three");
    assert_eq!(run(Search { kind: Some(EntryKind::Setback), ..base.clone() }), vec![crisis.0], "by kind");
    assert_eq!(run(Search { tag: Some("outdoors"), ..base.clone() }), vec![early.0], "by tag");
    assert_eq!(run(Search { person_code: Some("A1"), ..base.clone() }), vec![early.0, crisis.0], "by person code");
    assert_eq!(run(Search { outcome: Some(Outcome::NoChange), ..base.clone() }), vec![late.0], "by outcome");
    assert_eq!(
        run(Search { setback_type: Some(SetbackType::Crisis), ..base.clone() }),
        vec![crisis.0],
        "by setback type"
    );
    let from = Some(start() + Duration::days(3));
    let before = Some(start() + Duration::days(8));
    assert_eq!(run(Search { from, before, ..base.clone() }), vec![crisis.0], "by date range");
    assert_eq!(run(Search { from, ..base.clone() }), vec![late.0, crisis.0], "from a day on");
    let none = Search { text: "", person_code: Some("A1"), limit: 50, ..Default::default() };
    assert_eq!(
        ids(&j.search(&none).expect("search")),
        vec![crisis.0, early.0],
        "no query: the filter's entries, newest first"
    );
    let page = Search { limit: 1, offset: 1, ..none };
    assert_eq!(ids(&j.search(&page).expect("search")), vec![early.0], "offset and limit page through them");
}

#[test]
fn hostile_queries_are_searched_as_text() {
    let (_tmp, mut j) = journal();
    let id = j
        .insert(
            &text(0, "NEAR the end AND the start: a (small) step. Said \"no\" twice. Her text: end of the day."),
            start(),
        )
        .expect("save");
    for typed in [
        "\"",
        "\"\"",
        "\"\"\"",
        "*",
        "**",
        "a*b",
        "(",
        ")",
        "((",
        "())",
        "NEAR",
        "NEAR(",
        "NEAR(a b, 2)",
        "AND",
        "OR",
        "NOT",
        "a OR",
        "NOT a",
        "text:",
        "text:end",
        "{text}: end",
        "-end",
        "+end",
        "^end",
        "end^",
        ":",
        ";",
        "'",
        "''",
        "\\",
        "\0",
        "%",
        "_",
        "\u{E000}",
        "col:*",
        "- - -",
        "\u{301}\u{301}",
        "🙂",
        "x\"y",
        "\"no\" twice",
        "SELECT * FROM entries; --",
        "\u{202E}",
        "end\u{E001}",
        "\n\t",
    ] {
        let _ = find(&mut j, typed);
    }
    assert_eq!(ids(&find(&mut j, "NEAR")), vec![id.0], "NEAR is a word here");
    assert_eq!(ids(&find(&mut j, "AND start")), vec![id.0], "AND is a word here");
    assert_eq!(ids(&find(&mut j, "(small")), vec![id.0], "a parenthesis is left out, the word is found");
    assert_eq!(ids(&find(&mut j, "text:end")), vec![id.0], "a column prefix is only text");
    assert_eq!(ids(&find(&mut j, "\"no\" twice")), vec![id.0], "quotes make a phrase");
    let long = "word ".repeat(10_000);
    assert!(find(&mut j, &long).is_empty(), "a huge query is answered");
}

#[test]
fn template_answers_are_kept_searched_and_filtered() {
    use ballast_core::draft::{AnswerDraft, TemplateDraft};
    let (_tmp, mut j) = journal();
    let answer = |prompt_id: &str, text: &str| AnswerDraft {
        prompt_id: prompt_id.into(),
        prompt: String::new(),
        text: Some(text.into()),
    };
    let gibbs = reflection(
        0,
        ReflectionDraft {
            template: Some(TemplateDraft {
                name: String::new(),
                id: "gibbs".into(),
                answers: vec![
                    answer("feelings", "Anxious before the tribunal"),
                    answer("action_plan", "Ask for a break"),
                ],
            }),
            ..Default::default()
        },
    );
    let id = j.insert(&gibbs, start()).expect("save");
    let plain = j.insert(&text(1, "An ordinary day before the tribunal"), start()).expect("save");
    let EntryBody::Reflection(r) = j.get(id).expect("read").body else { panic!("a reflection") };
    let a = r.template.expect("the answers are kept");
    assert_eq!(a.template_id, "gibbs", "with the template's id");
    assert_eq!(a.answers.len(), 6, "an answer (or a blank) for each of the six prompts");
    assert!(a.answers[1].prompt.contains("feeling"), "each with its prompt's text as written");
    assert_eq!(ids(&find(&mut j, "anxi")), vec![id.0], "an answer is searched");
    let listed = j.page(None, 10).expect("the list");
    let row = listed.iter().find(|e| e.id == id).expect("listed");
    assert_eq!(row.preview, "Anxious before the tribunal", "the list shows its first answer");
    let mut by_template = |t: &'static str| {
        let mut v = ids(&j
            .search(&Search { text: "tribunal", template: Some(t), limit: 9, ..Default::default() })
            .expect("search"));
        v.sort_unstable();
        v
    };
    assert_eq!(by_template("gibbs"), vec![id.0], "the template filter finds the Gibbs reflection");
    assert_eq!(by_template(ballast_core::template::QUICK), vec![plain.0], "and the everyday form's entries");
    j.update(id, &text(0, "now without a template"), start()).expect("edit");
    assert!(find(&mut j, "anxi").is_empty(), "answers taken away leave the index");
}
