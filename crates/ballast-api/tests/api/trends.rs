//! Trends through the use cases on a small seeded journal whose statistics are worked out by hand:
//! the coupling means and counts, the push–patience balance, the range, and every chart drawn
//! with a summary and a table.

use ballast_api::ApiError;
use ballast_api::trends::{CHART_NAMES, Span};
use ballast_core::{ReflectionDraft, SetbackDraft};
use chrono::NaiveDate;

use crate::support::Journey;

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("a valid date")
}

/// A reflection at noon UTC (the same local day in any time zone within ±11 hours).
fn reflect(j: &Journey, m: u32, d: u32, worth: i32, outcome: &str, push: i32) {
    let draft = ReflectionDraft {
        occurred_at: Some(format!("2026-{m:02}-{d:02}T12:00:00Z")),
        self_worth: Some(worth),
        mood: Some(worth),
        outcome: Some(outcome.to_owned()),
        push_patience: Some(push),
        worth_tied_to_outcomes: Some(7),
        ..Default::default()
    };
    ballast_api::entries::save_reflection(&j.session, None, &draft).expect("a valid reflection");
}

/// November: setback days 2 (worth 3), 4 (worth 4 and 6: mean 5) and 9 (a logged setback plus a
/// progress reflection, worth 4: a setback day); progress days 3 (8), 5 (9), 6 (7); day 7 neither
/// (6). Setback mean (3 + 5 + 4) / 3 = 4; progress mean (8 + 9 + 7) / 3 = 8; neither 6.
/// Push–patience in November: −2, −1 (held back), 0 × 4 (gentle persistence), 1, 2 (pushed).
fn seeded() -> Journey {
    let j = Journey::new(0, "");
    reflect(&j, 11, 2, 3, "setback", -2);
    reflect(&j, 11, 3, 8, "progress", 0);
    reflect(&j, 11, 4, 4, "setback", -1);
    reflect(&j, 11, 4, 6, "no_change", 0);
    reflect(&j, 11, 5, 9, "progress", 1);
    reflect(&j, 11, 6, 7, "progress", 0);
    reflect(&j, 11, 7, 6, "not_applicable", 2);
    reflect(&j, 11, 9, 4, "progress", 0);
    let setback = SetbackDraft {
        occurred_at: Some("2026-11-09T10:00:00Z".into()),
        setback_type: Some("crisis".into()),
        ..Default::default()
    };
    ballast_api::entries::save_setback(&j.session, None, &setback).expect("a valid setback");
    // Long before: outside a 30-day range.
    reflect(&j, 9, 1, 1, "setback", -2);
    ballast_api::check_ins::record(&j.session, "who5", vec![Some(3); 5]).expect("a check-in");
    j
}

#[test]
fn the_coupling_and_balance_match_the_hand_worked_seed() {
    let j = seeded();
    let view =
        ballast_api::trends::insights(&j.session, Span::Between { from: Some(date(11, 1)), to: Some(date(11, 30)) })
            .expect("insights");
    let c = &view.coupling;
    assert_eq!(
        (c.days.setback, c.days.progress, c.days.neither),
        (3, 3, 1),
        "day 9 (setback and progress) is a setback day"
    );
    assert!(c.enough_data, "three of each");
    assert_eq!(c.mean_self_worth.setback, Some(4.0), "(3 + 5 + 4) / 3, day 4 averaged first");
    assert_eq!(c.mean_self_worth.progress, Some(8.0), "(8 + 9 + 7) / 3");
    assert_eq!(c.mean_self_worth.neither, Some(6.0), "day 7");
    let p = view.push_patience;
    assert_eq!((p.held_back, p.gentle_persistence, p.pushed), (2, 4, 2), "−2 −1 | 0 0 0 0 | 1 2");
    let json = serde_json::to_value(&view).expect("JSON");
    for key in [
        "/coupling/enough_data",
        "/coupling/days/setback",
        "/coupling/mean_self_worth/progress",
        "/push_patience/held_back",
        "/nudges",
    ] {
        assert!(json.pointer(key).is_some(), "the CLI's JSON has {key}");
    }
}

#[test]
fn a_range_leaves_out_what_lies_outside_it_and_refuses_to_run_backwards() {
    let j = seeded();
    let september =
        ballast_api::trends::insights(&j.session, Span::Between { from: Some(date(9, 1)), to: Some(date(9, 30)) })
            .expect("insights");
    assert_eq!(september.coupling.days.setback, 1, "only the September day");
    assert!(!september.coupling.enough_data, "too little data in September");
    assert_eq!(september.coupling.more_days_needed.progress, 3, "and it says how many more progress days");
    let all = ballast_api::trends::insights(&j.session, Span::All).expect("all");
    assert_eq!(all.from, date(9, 1), "all starts at the first entry");
    let backwards =
        ballast_api::trends::insights(&j.session, Span::Between { from: Some(date(11, 30)), to: Some(date(11, 1)) });
    assert!(matches!(backwards, Err(ApiError::Invalid(_))), "a range that ends before it starts is refused");
}

#[test]
fn every_chart_is_drawn_with_a_summary_and_a_table() {
    let j = seeded();
    let trends = ballast_api::trends::trends(&j.session, Span::All).expect("trends");
    let ids: Vec<&str> = trends.charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, CHART_NAMES, "every chart, in order");
    for chart in &trends.charts {
        assert!(chart.svg.starts_with("<svg") && chart.svg.contains("<title>"), "{}: an SVG with a title", chart.id);
        assert!(!chart.summary.is_empty(), "{}: a one-sentence summary", chart.id);
        assert!(
            chart.table.rows.iter().all(|r| r.len() == chart.table.columns.len()),
            "{}: a cell per column",
            chart.id
        );
    }
    let table = |id: &str| &trends.charts.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("the {id} chart")).table;
    // Over everything, September's setback day (worth 1) joins November's three: (3 + 5 + 4 + 1) / 4.
    assert_eq!(table("coupling").rows[0], ["Setback days", "4 days", "3.25"], "the coupling table over all days");
    assert_eq!(table("who5").rows.len(), 1, "one WHO-5 check-in");
    assert_eq!(table("who5").rows[0][1], "60", "raw 15 × 4");
    let mood = table("mood");
    let nov4 = mood.iter_rows_for("4 Nov 2026");
    assert_eq!(nov4, ["4 Nov 2026", "5", "5", "2"], "two entries on 4 November, averaged, with their count");
    assert!(trends.coupling_words.contains("averaged"), "the coupling sentence gives the means");
    assert_eq!(
        table("setbacks").rows,
        [["9 Nov 2026", "Crisis", "4"]],
        "the logged setback on its day, by type, with that day's mood (the reflection's 4)"
    );
    let disclosure = trends.charts.iter().find(|c| c.id == "disclosure").expect("chart");
    assert!(disclosure.summary.starts_with("No self-disclosures"), "none noted: {}", disclosure.summary);
    assert!(
        matches!(ballast_api::trends::chart(&j.session, "nope", Span::All), Err(ApiError::Invalid(_))),
        "an unknown chart is refused"
    );
}

trait Rows {
    fn iter_rows_for(&self, first: &str) -> Vec<String>;
}

impl Rows for ballast_api::trends::TableView {
    fn iter_rows_for(&self, first: &str) -> Vec<String> {
        self.rows.iter().find(|r| r[0] == first).cloned().unwrap_or_default()
    }
}

#[test]
fn a_nudge_appears_once_until_dismissed_and_a_new_occurrence_appears_again() {
    let j = seeded();
    let ids = |j: &Journey| -> Vec<String> {
        ballast_api::trends::insights(&j.session, Span::All)
            .expect("insights")
            .nudges
            .into_iter()
            .map(|n| n.id)
            .collect()
    };
    assert!(!ids(&j).iter().any(|id| id.starts_with("wellbeing_low")), "a WHO-5 of 60 raises nothing");
    j.clock.advance(chrono::Duration::days(1));
    let low = ballast_api::check_ins::record(&j.session, "who5", vec![Some(3), Some(3), Some(3), Some(3), Some(0)])
        .expect("48");
    let stamp = |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let first = format!("wellbeing_low:{}", stamp(low.taken_at));
    assert!(ids(&j).contains(&first), "a WHO-5 of 48 raises a nudge: {:?}", ids(&j));
    let message = ballast_api::trends::insights(&j.session, Span::All)
        .expect("insights")
        .nudges
        .into_iter()
        .find(|n| n.id == first)
        .expect("it")
        .message;
    assert!(message.contains("self-care plan") && message.contains("supervisor"), "with options: {message}");
    ballast_api::trends::dismiss_nudge(&j.session, &first).expect("dismiss");
    assert!(!ids(&j).contains(&first), "dismissed, it does not come back");
    j.clock.advance(chrono::Duration::days(14));
    let again = ballast_api::check_ins::record(&j.session, "who5", vec![Some(2); 5]).expect("40");
    assert!(
        ids(&j).contains(&format!("wellbeing_low:{}", stamp(again.taken_at))),
        "a later low WHO-5 is a new occurrence"
    );
    assert!(
        matches!(ballast_api::trends::dismiss_nudge(&j.session, ""), Err(ApiError::Invalid(_))),
        "an empty id is refused"
    );
}

#[test]
fn connections_are_charted_by_kind_with_whether_they_held() {
    let j = Journey::new(0, "");
    let link = |kind: Option<&str>, held: Option<&str>| {
        let d = ReflectionDraft {
            connected_to_service: Some(true),
            service_kind: kind.map(str::to_owned),
            service_held: held.map(str::to_owned),
            ..Default::default()
        };
        ballast_api::entries::save_reflection(&j.session, None, &d).expect("a connection");
    };
    link(Some("housing"), Some("held"));
    link(Some("housing"), Some("did_not_hold"));
    link(Some("benefits"), None);
    link(None, None);
    let no_link = ReflectionDraft {
        connected_to_service: Some(false),
        service_kind: Some("housing".into()),
        ..Default::default()
    };
    assert!(
        matches!(ballast_api::entries::save_reflection(&j.session, None, &no_link), Err(ApiError::Invalid(_))),
        "a kind of service goes with a connection"
    );
    let chart = ballast_api::trends::chart(&j.session, "services", Span::All).expect("the chart");
    assert_eq!(
        chart.summary,
        "You connected someone to a service 4 times. Of those links, 1 held, 1 did not, and for 2 it is not known yet.",
        "said in words"
    );
    let row = |label: &str| chart.table.rows.iter().find(|r| r[0] == label).cloned().expect("a row");
    assert_eq!(row("Housing"), ["Housing", "2", "1", "1", "0"], "housing twice: one held, one did not");
    assert_eq!(row("Benefits"), ["Benefits", "1", "0", "0", "1"], "benefits once, not known yet");
    assert_eq!(
        row("Kind not said"),
        ["Kind not said", "1", "0", "0", "1"],
        "a connection without a kind is counted too"
    );
    assert!(chart.svg.contains("<svg"), "drawn");
}
