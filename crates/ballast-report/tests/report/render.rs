//! The summary from hand-made sources: the PDF's extracted text carries the model's every text
//! block in order; the Markdown too; empty ranges give a sensible document; what the worker typed
//! is escaped in Markdown; the PDF's metadata holds a title and a name only when given.

use std::process::Command;

use ballast_charts::{Axis, Bar, BarChart, bar_chart};
use ballast_core::{Entry, EntryBody, EntryId, Outcome, Reflection, Score, Setback, SetbackType};
use ballast_report::{
    ChartPart, CheckInPart, Credit, ScorePart, Sources, Summary, SummaryRequest, markdown, pdf, summary,
};
use chrono::{NaiveDate, TimeZone, Utc};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).expect("a real day")
}

fn request() -> SummaryRequest {
    SummaryRequest {
        from: day(1),
        to: day(31),
        include_codes: false,
        include_tags: false,
        note: Some("Time to talk about boundaries & pacing <with> my team.".into()),
        author: None,
    }
}

fn entry(id: i64, body: EntryBody) -> Entry {
    let at = Utc.with_ymd_and_hms(2026, 3, 5, 18, 0, 0).single().expect("a valid time");
    Entry { id: EntryId(id), created_at: at, updated_at: at, body }
}

fn reflection(share: bool, text: &str) -> EntryBody {
    EntryBody::Reflection(Reflection {
        occurred_at: Utc.with_ymd_and_hms(2026, 3, 5, 18, 0, 0).single().expect("a valid time"),
        mood: Score::new(6),
        self_worth: Score::new(5),
        worth_tied_to_outcomes: None,
        outcome: Some(Outcome::Progress),
        push_patience: None,
        disclosure: None,
        connected_to_service: Some(true),
        service_kind: Some(ballast_core::ServiceKind::Housing),
        service_held: Some(ballast_core::LinkHeld::Held),
        strength_words: vec!["humour".into()],
        strengths: Some(format!("{text} strengths")),
        person_code: Some("R7".into()),
        tags: vec!["family".into()],
        text: Some(format!(
            "{text} first line\nand a second line that is long enough to wrap across the page's width once or twice, so that wrapping is read back too."
        )),
        share_text: share,
        template: None,
    })
}

fn sources(entries: Vec<Entry>, charts: bool) -> Sources {
    let svg = bar_chart::render(&BarChart {
        title: "Push and patience".into(),
        y: Axis { label: "Reflections".into(), min: 0.0, max: 5.0 },
        bars: vec![Bar { label: "Gentle".into(), value: Some(3.0), note: "3 times".into() }],
        absent: "no data".into(),
    })
    .expect("a chart draws");
    Sources {
        made_on: day(31),
        entries: entries.into_iter().map(|e| (day(5), e)).collect(),
        check_ins: vec![CheckInPart {
            day: day(6),
            instrument: "WHO-5".into(),
            scores: vec![ScorePart {
                title: "Wellbeing".into(),
                score: Some("48".into()),
                words: "Your score is 50 or lower.".into(),
            }],
        }],
        credits: vec![Credit {
            instrument: "WHO-5".into(),
            credit: "WHO-5 credit line.".into(),
            terms: "Terms line.".into(),
        }],
        charts: if charts {
            vec![ChartPart { title: "Push and patience".into(), svg, summary: "Gentle persistence 3 times.".into() }]
        } else {
            Vec::new()
        },
        coupling: None,
        not_a_diagnosis: "This is a self-check, not a diagnosis.".into(),
    }
}

/// Whitespace folded to single spaces, so wrapped lines compare with the model's texts.
fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The PDF's text as `pdftotext` reads it, without the page numbers (page furniture, not content).
fn pdf_text(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("s.pdf");
    std::fs::write(&path, bytes).expect("write the pdf");
    let out =
        Command::new("pdftotext").arg("-layout").arg(&path).arg("-").output().expect("pdftotext runs (poppler-utils)");
    assert!(out.status.success(), "pdftotext reads the file: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .expect("utf-8 text")
        .lines()
        .filter(|l| !(l.trim().starts_with("Page ") && l.contains(" of ")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every text of the model, in order, in `text`.
fn in_order(model: &Summary, text: &str, what: &str) {
    let text = folded(text);
    let mut from = 0;
    for block in model.texts() {
        let block = folded(&block);
        match text[from..].find(&block) {
            Some(at) => from += at + block.len(),
            None => panic!(
                "the {what} should carry the model's text {block:?} after what came before, in the preview's order"
            ),
        }
    }
}

#[test]
fn the_pdf_carries_exactly_the_models_text_in_order() {
    let model = summary(&request(), &sources(vec![entry(1, reflection(true, "Shared-phrase"))], true));
    let bytes = pdf::render(&model).expect("the summary renders");
    assert!(bytes.starts_with(b"%PDF-"), "a PDF file");
    in_order(&model, &pdf_text(&bytes), "PDF");
}

#[test]
fn the_markdown_carries_the_models_text_with_what_was_typed_escaped() {
    let model = summary(&request(), &sources(vec![entry(1, reflection(true, "Shared-phrase"))], true));
    let md = markdown::render(&model);
    assert!(md.contains(r"\<with\>") && md.contains(r"\&"), "typed HTML and entities are escaped, never live: {md}");
    let unescaped: String = {
        let mut out = String::new();
        let mut chars = md.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
                continue;
            }
            out.push(c);
        }
        out
    };
    let lines: String = unescaped.lines().map(|l| l.trim_start_matches(['#', '-', ' '])).collect::<Vec<_>>().join("\n");
    in_order(&model, &lines, "Markdown");
}

#[test]
fn unshared_text_codes_and_tags_stay_out_unless_chosen() {
    let entries = vec![entry(1, reflection(true, "Shared-phrase")), entry(2, reflection(false, "Private-phrase"))];
    let model = summary(&request(), &sources(entries.clone(), false));
    let all = model.texts().join("\n");
    assert!(all.contains("Shared-phrase first line") && all.contains("Shared-phrase strengths"), "shared text is in");
    assert!(!all.contains("Private-phrase"), "an entry not marked share gives none of its text");
    assert!(!all.contains("R7") && !all.contains("family"), "codes and tags are off by default");
    let on =
        summary(&SummaryRequest { include_codes: true, include_tags: true, ..request() }, &sources(entries, false));
    let all = on.texts().join("\n");
    assert!(
        all.contains("Person code: R7") && all.contains("Tags: family"),
        "with the toggles, beside the shared entry"
    );
    assert_eq!(all.matches("Person code: R7").count(), 1, "and only the shared entry's");
}

#[test]
fn an_empty_range_and_a_range_with_only_check_ins_give_a_sensible_document() {
    let empty = Sources { check_ins: Vec::new(), credits: Vec::new(), ..sources(Vec::new(), false) };
    let model = summary(&SummaryRequest { note: None, ..request() }, &empty);
    let text = pdf_text(&pdf::render(&model).expect("an empty range still renders"));
    for said in [
        "No self-checks were taken in this range.",
        "No reflections or setbacks were written in this range.",
        "There is nothing to chart in this range.",
        "No entries are shared in this summary.",
    ] {
        assert!(folded(&text).contains(said), "an empty range says so plainly: {said}");
    }
    let only_checks = summary(&request(), &sources(Vec::new(), false));
    let text = folded(&pdf_text(&pdf::render(&only_checks).expect("renders")));
    assert!(text.contains("Wellbeing: 48. Your score is 50 or lower."), "the check-in is there");
    assert!(text.contains("WHO-5 credit line."), "with its credit");
}

#[test]
fn the_metadata_holds_a_title_and_a_name_only_when_one_is_given() {
    let info = |req: SummaryRequest| {
        let bytes = pdf::render(&summary(&req, &sources(Vec::new(), false))).expect("renders");
        let dir = tempfile::tempdir().expect("a temp dir");
        let path = dir.path().join("s.pdf");
        std::fs::write(&path, bytes).expect("write");
        let out = Command::new("pdfinfo").arg(&path).output().expect("pdfinfo runs");
        assert!(out.status.success(), "pdfinfo reads the summary: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let plain = info(request());
    assert!(plain.contains("Title:           Supervision summary, 1 March 2026 to 31 March 2026"), "{plain}");
    assert!(!plain.contains("Author:"), "no author unless the worker adds one: {plain}");
    assert!(plain.contains("Tagged:          yes"), "the structure is tagged: {plain}");
    let named = info(SummaryRequest { author: Some("Sam".into()), ..request() });
    assert!(named.contains("Author:          Sam"), "the name the worker chose: {named}");
    let page = pdf_text(
        &pdf::render(&summary(
            &SummaryRequest { author: Some("Sam Okafor".into()), ..request() },
            &sources(Vec::new(), false),
        ))
        .expect("renders"),
    );
    assert!(page.contains("Sam Okafor"), "and on the page, as the preview shows it");
}

#[test]
fn a_long_shared_text_flows_over_pages_without_losing_a_word() {
    let long = "Words that carry on. ".repeat(600);
    let body = EntryBody::Setback(Setback {
        occurred_at: Utc.with_ymd_and_hms(2026, 3, 5, 18, 0, 0).single().expect("a valid time"),
        setback_type: SetbackType::Crisis,
        person_code: None,
        what_happened: Some(long.clone()),
        in_my_control: None,
        outside_my_control: None,
        my_reaction: None,
        support: None,
        mood: None,
        share_text: true,
    });
    let model = summary(&request(), &sources(vec![entry(1, body)], false));
    let text = pdf_text(&pdf::render(&model).expect("renders"));
    assert_eq!(folded(&text).matches("Words that carry on.").count(), 600, "every sentence, across the page breaks");
}

#[test]
fn the_structure_tree_has_headings_lists_and_figures_in_reading_order() {
    let model = summary(&request(), &sources(vec![entry(1, reflection(true, "Shared-phrase"))], true));
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("s.pdf");
    std::fs::write(&path, pdf::render(&model).expect("renders")).expect("write");
    let out = Command::new("pdfinfo").arg("-struct").arg(&path).output().expect("pdfinfo runs (poppler-utils)");
    assert!(out.status.success(), "pdfinfo reads the structure tree");
    let tree = String::from_utf8_lossy(&out.stdout);
    let kinds: Vec<&str> =
        tree.lines().filter_map(|l| l.split_whitespace().next()).filter(|k| !k.starts_with('/')).collect();
    let at =
        |kind: &str| kinds.iter().position(|k| *k == kind).unwrap_or_else(|| panic!("the tree has a {kind}: {tree}"));
    assert_eq!(kinds.first(), Some(&"Document"), "one document");
    assert!(tree.contains("H1 \"Supervision summary\""), "the title is the first-level heading: {tree}");
    assert!(at("H1") < at("H2") && at("H2") < at("L"), "headings come before the lists they head");
    assert!(at("L") < at("LI") && at("LI") < at("LBody"), "a list holds items, an item its body");
    assert!(tree.contains("Figure"), "the chart is a figure (with its alternative text): {tree}");
}

#[test]
fn a_shared_templated_reflection_appears_prompt_by_prompt() {
    let templated = |share: bool, answer: &str| {
        let mut body = reflection(share, answer);
        if let EntryBody::Reflection(r) = &mut body {
            r.template = Some(ballast_core::template::Answers {
                template_id: "gibbs".into(),
                template_name: "A deeper look (Gibbs' cycle)".into(),
                answers: vec![
                    ballast_core::template::Answer {
                        prompt_id: "feelings".into(),
                        prompt: "What were you thinking and feeling at the time?".into(),
                        text: Some(format!("{answer} feeling")),
                    },
                    ballast_core::template::Answer {
                        prompt_id: "analysis".into(),
                        prompt: "What sense can you make of it?".into(),
                        text: None,
                    },
                ],
            });
        }
        body
    };
    let entries = vec![entry(1, templated(true, "Shared-answer")), entry(2, templated(false, "Private-answer"))];
    let model = summary(&request(), &sources(entries, false));
    let all = model.texts().join("\n");
    assert!(all.contains("Reflection (A deeper look (Gibbs' cycle))"), "the heading names the template: {all}");
    assert!(
        all.contains("What were you thinking and feeling at the time?: Shared-answer feeling"),
        "each answered prompt with its answer: {all}"
    );
    assert!(!all.contains("What sense can you make of it?"), "a prompt left blank is left out");
    assert!(!all.contains("Private-answer"), "an entry not marked share gives none of its answers");
    in_order(&model, &pdf_text(&pdf::render(&model).expect("renders")), "PDF");
}

#[test]
fn services_are_counted_by_kind_and_whether_they_held_and_strength_words_stay_with_shared_entries() {
    let entries = vec![entry(1, reflection(true, "Shared-phrase")), entry(2, reflection(false, "Private-phrase"))];
    let model = summary(&request(), &sources(entries, false));
    let all = model.texts().join("\n");
    assert!(all.contains("Housing: 2"), "both connections counted by kind: {all}");
    assert!(all.contains("It held: 2"), "and whether they held");
    assert!(all.contains("Reflections noting strengths I saw: 2"), "strengths counted, not quoted");
    assert_eq!(all.matches("Strengths, in a word: humour").count(), 1, "the words only beside the shared entry");
}
