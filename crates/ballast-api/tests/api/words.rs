//! The words a careful reader found, gone: every band's words and chart label, every nudge, every
//! chart's title, summary, table and drawn text, every self-check result and every error message
//! the API can give are free of clinical labels ("symptoms"), alarm ("puts me at risk"), bare
//! statistics ("a scale from −1 to 1") and file or database jargon ("vault.json", "-wal",
//! "integrity check", "row counts"). And every result at the hard end of its scale (each
//! instrument, each subscale) comes with options, wherever it is shown.

use ballast_api::check_ins::{self, CheckInView, NO_LONGER_MATCHES};
use ballast_api::trends::Span;
use ballast_api::{ApiError, DataDir, Session};
use ballast_core::instrument::Instrument;
use ballast_core::{FieldError, ReflectionDraft, SetbackDraft};
use ballast_store::{BackupProblem, Damage, StoreError};
use chrono::Duration;
use secrecy::SecretString;

use crate::support::Journey;

/// What no string the worker can see may hold.
const GONE: [&str; 9] = [
    "symptom",
    "puts me at risk",
    "scale from −1 to 1",
    "Correlation (",
    "vault.json",
    "-wal",
    "integrity check",
    "row counts",
    "may have been altered",
];

fn assert_plain(what: &str, text: &str) {
    for word in GONE {
        assert!(
            !text.to_lowercase().contains(&word.to_lowercase()),
            "{what} must describe in plain words, without {word:?}: {text}"
        );
    }
}

/// Everything an instrument definition shows besides its verbatim questions and options (which
/// must stay as the reference has them, "symptoms of burnout" included).
fn instrument_words(def: &Instrument) -> Vec<(String, String)> {
    let mut out =
        vec![(format!("{} title", def.id), def.title.clone()), (format!("{} about", def.id), def.about.clone())];
    for sub in &def.subscales {
        let at = format!("{}/{}", def.id, sub.id);
        out.push((format!("{at} title"), sub.title.clone()));
        out.push((format!("{at} context"), sub.context.clone()));
        // Not shown on any screen, but sent to the UI with the instrument: kept plain as well.
        out.push((format!("{at} band source"), sub.band_source.clone()));
        for rule in &sub.chart_rules {
            out.push((format!("{at} chart rule"), rule.label.clone()));
        }
        for band in &sub.bands {
            out.push((format!("{at}/{} words", band.id), band.words.clone()));
            if let Some(label) = &band.chart_label {
                out.push((format!("{at}/{} chart label", band.id), label.clone()));
            }
        }
    }
    out
}

#[test]
fn no_band_word_chart_label_or_instrument_text_uses_the_old_words() {
    for def in check_ins::instruments() {
        for (what, text) in instrument_words(def) {
            assert_plain(&what, &text);
        }
    }
    let single = check_ins::instruments().iter().find(|d| d.id == "single_item_burnout").expect("shipped");
    let labels: Vec<Option<&str>> = single.subscales[0].bands.iter().map(|b| b.chart_label.as_deref()).collect();
    assert_eq!(labels, [Some("Statements 1–2"), Some("Statements 3–5")], "the chart names the statements chosen");
    assert!(
        single.subscales[0].bands[1].words.starts_with("You chose one of statements 3 to 5."),
        "the band describes the answer: {}",
        single.subscales[0].bands[1].words
    );
}

/// Every variant, so a new one cannot be added without its words being checked here.
fn variant(e: &ApiError) -> &'static str {
    match e {
        ApiError::NotSetUp => "not set up",
        ApiError::AlreadySetUp => "already set up",
        ApiError::WeakPassphrase(_) => "weak passphrase",
        ApiError::WrongPassphrase => "wrong passphrase",
        ApiError::WrongRecoveryKey => "wrong recovery key",
        ApiError::VaultDamaged => "key file damaged",
        ApiError::JournalDamaged(_) => "journal damaged",
        ApiError::BackupFailed(_) => "backup failed",
        ApiError::ExportFailed(_) => "export failed",
        ApiError::ImportInvalid(_) => "import invalid",
        ApiError::NotConfirmed(_) => "not confirmed",
        ApiError::JournalTooNew => "too new",
        ApiError::HeldByOtherProcess => "held",
        ApiError::Locked => "locked",
        ApiError::Invalid(_) => "invalid",
        ApiError::NotFound => "not found",
        ApiError::DiskFull => "disk full",
        ApiError::Internal => "internal",
    }
}

#[test]
fn no_error_message_names_files_or_database_checks() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let session = Session::new(DataDir::new(tmp.path().join("data")), std::sync::Arc::new(ballast_core::SystemClock));
    let Err(weak) = session.set_up(&SecretString::from("short".to_owned())) else {
        panic!("a short passphrase is refused")
    };
    let mut all = vec![
        ApiError::NotSetUp,
        ApiError::AlreadySetUp,
        weak,
        ApiError::WrongPassphrase,
        ApiError::WrongRecoveryKey,
        ApiError::VaultDamaged,
        ApiError::ExportFailed("could not use /home/me/export: permission denied".into()),
        ApiError::ImportInvalid(vec![FieldError::new("entries[0].mood", "Mood is from 0 to 10.")]),
        ApiError::NotConfirmed("restore"),
        ApiError::NotConfirmed("delete everything"),
        ApiError::JournalTooNew,
        ApiError::HeldByOtherProcess,
        ApiError::Locked,
        ApiError::Invalid(Vec::new()),
        ApiError::NotFound,
        ApiError::DiskFull,
        ApiError::Internal,
    ];
    all.extend(Damage::ALL.into_iter().map(|d| ApiError::from(StoreError::JournalDamaged(d))));
    all.extend(BackupProblem::ALL.into_iter().map(|p| ApiError::from(StoreError::BackupFailed(p))));
    let mut seen: Vec<&str> = all.iter().map(variant).collect();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), 18, "every variant of ApiError is checked: {seen:?}");
    for e in &all {
        assert_plain(&format!("the {} message", variant(e)), &e.to_string());
        assert_plain(&format!("the {} message on the wire", variant(e)), &e.wire().message);
    }
    assert_plain("a damaged check-in", NO_LONGER_MATCHES);
    let key = ApiError::VaultDamaged.sentence();
    assert!(
        key.starts_with("The key file that opens your journal"),
        "the damaged key file is named in plain words: {key}"
    );
    let lost = ApiError::from(StoreError::JournalDamaged(Damage::LostRecentChanges)).sentence();
    assert!(lost.contains("most recent changes"), "and the lost recent changes: {lost}");
}

/// The answers that put `sub` of `def` at the `high` (or low) end of its range: each of its
/// items at the option that scores highest (or lowest) once reverse keying is applied; every
/// other item at its first option.
fn at_the_end(def: &Instrument, sub: &str, high: bool) -> Vec<Option<i32>> {
    let s = def.subscales.iter().find(|s| s.id == sub).expect("the subscale");
    def.items
        .iter()
        .map(|item| {
            let values: Vec<i32> = def.options_of(item).iter().map(|c| c.value).collect();
            let (lo, hi) = (values.iter().min().copied(), values.iter().max().copied());
            if !s.items.contains(&item.n) {
                return values.first().copied();
            }
            if high != s.reverse.contains(&item.n) { hi } else { lo }
        })
        .collect()
}

/// Where each subscale is hardest: the end of its range a worker would most want the options at.
const HARD_END: [(&str, &str, bool); 8] = [
    ("proqol5", "compassion_satisfaction", false),
    ("proqol5", "burnout", true),
    ("proqol5", "secondary_traumatic_stress", true),
    ("who5", "wellbeing", false),
    ("cbi", "personal", true),
    ("cbi", "work", true),
    ("cbi", "client", true),
    ("single_item_burnout", "burnout", true),
];

#[test]
fn every_result_at_the_hard_end_of_its_scale_comes_with_options() {
    let every: Vec<(&str, &str)> = check_ins::instruments()
        .iter()
        .flat_map(|d| d.subscales.iter().map(move |s| (d.id.as_str(), s.id.as_str())))
        .collect();
    let listed: Vec<(&str, &str)> = HARD_END.iter().map(|(i, s, _)| (*i, *s)).collect();
    assert_eq!(listed, every, "every subscale of every instrument has its hard end here");
    let j = Journey::new(0, "");
    for (id, sub, high) in HARD_END {
        let def = check_ins::instruments().iter().find(|d| d.id == id).expect("shipped");
        let s = def.subscales.iter().find(|s| s.id == sub).expect("the subscale");
        j.clock.advance(Duration::minutes(5));
        let view: CheckInView = check_ins::record(&j.session, id, at_the_end(def, sub, high)).expect("recorded");
        let score = view.scores.iter().find(|v| v.id == sub).expect("its score");
        let end = f64::from(if high { s.range[1] } else { s.range[0] });
        assert_eq!(score.score, Some(end), "{id}/{sub}: the answers reach the end of its range");
        assert!(score.offer_options, "{id}/{sub}: a result of {end} comes with options, not only a number");
        assert!(view.offer_options, "{id}/{sub}: and the result as a whole offers them");
        let listed = check_ins::list(&j.session, Some(id)).expect("the history");
        assert!(listed[0].offer_options, "{id}/{sub}: the history shows it with its options too");
    }
    let cbi = check_ins::record(&j.session, "cbi", vec![Some(0); 19]).expect("a low CBI");
    assert!(
        cbi.scores.iter().all(|s| s.offer_options),
        "the CBI has no cut-off, so Ballast draws no line of its own: every CBI score comes with options"
    );
    let none = check_ins::record(&j.session, "cbi", vec![None; 19]).expect("an empty CBI");
    assert!(!none.offer_options, "but no score (nothing answered) is no result, and has no options");
}

/// Reflections and check-ins that raise every nudge rule on 25 November 2026 (the journey's day):
/// setbacks (self-worth 2) on the 19th, 21st and 23rd and progress (8) on the 18th, 20th, 22nd
/// and 24th: self-worth follows outcomes closely, and three setback days fall within a week.
/// ProQOL burnout 25, 30, 50 rises into its higher range; the CBI rises 25, 75, 100; the WHO-5 is
/// 40; the single item is 4 three times.
fn every_nudge() -> Journey {
    let j = Journey::new(0, "");
    for (d, outcome, worth) in [
        (18, "progress", 8),
        (19, "setback", 2),
        (20, "progress", 8),
        (21, "setback", 2),
        (22, "progress", 8),
        (23, "setback", 2),
        (24, "progress", 8),
    ] {
        let draft = ReflectionDraft {
            occurred_at: Some(format!("2026-11-{d}T12:00:00Z")),
            self_worth: Some(worth),
            mood: Some(worth),
            outcome: Some(outcome.into()),
            ..Default::default()
        };
        ballast_api::entries::save_reflection(&j.session, None, &draft).expect("a reflection");
    }
    let setback = SetbackDraft {
        occurred_at: Some("2026-11-23T15:00:00Z".into()),
        setback_type: Some("crisis".into()),
        ..Default::default()
    };
    ballast_api::entries::save_setback(&j.session, None, &setback).expect("a setback");
    let proqol = |x: i32, r: i32| -> Vec<Option<i32>> {
        (1..=30)
            .map(|n| match n {
                8 | 10 | 19 | 21 | 26 => Some(x),
                1 | 4 | 15 | 17 | 29 => Some(r),
                _ => Some(3),
            })
            .collect()
    };
    let mut taken: Vec<(&str, Vec<Option<i32>>)> =
        vec![("proqol5", proqol(2, 3)), ("proqol5", proqol(3, 3)), ("proqol5", proqol(5, 1))];
    taken.extend([25, 75, 100].map(|v| ("cbi", vec![Some(v); 19])));
    taken.push(("who5", vec![Some(2); 5]));
    taken.extend([4, 4, 4].map(|v| ("single_item_burnout", vec![Some(v)])));
    for (id, answers) in taken {
        j.clock.advance(Duration::minutes(5));
        check_ins::record(&j.session, id, answers).expect("a check-in");
    }
    j
}

#[test]
fn no_nudge_or_chart_uses_the_old_words_and_scores_say_they_are_not_a_diagnosis() {
    let j = every_nudge();
    let trends = ballast_api::trends::trends(&j.session, Span::All).expect("trends");
    let nudges = &trends.insights.nudges;
    for rule in
        ["rising:", "entered_band:", "wellbeing_low:", "single_item_repeated:", "strong_coupling:", "setback_cluster:"]
    {
        assert!(nudges.iter().any(|n| n.id.starts_with(rule)), "the seed raises a {rule} nudge: {nudges:?}");
    }
    for n in nudges {
        assert_plain(&format!("the {} nudge", n.id), &n.message);
        assert!(n.message.contains("self-care plan"), "the {} nudge offers options: {}", n.id, n.message);
    }
    let coupled = nudges.iter().find(|n| n.id.starts_with("strong_coupling:")).expect("raised");
    assert!(
        coupled.message.contains("closely followed") && !coupled.message.chars().any(|c| c.is_ascii_digit()),
        "the coupling is said in words, with no number: {}",
        coupled.message
    );
    assert_plain("the coupling words", &trends.coupling_words);
    for chart in &trends.charts {
        let what = format!("the {} chart", chart.id);
        assert_plain(&format!("{what}'s title"), &chart.title);
        assert_plain(&format!("{what}'s summary"), &chart.summary);
        assert_plain(&format!("{what}'s drawing"), &chart.svg);
        for cell in chart.table.columns.iter().chain(chart.table.rows.iter().flatten()) {
            assert_plain(&format!("{what}'s table"), cell);
        }
    }
    let chart = |id: &str| trends.charts.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("the {id} chart"));
    for def in check_ins::instruments() {
        let summary = &chart(&def.id).summary;
        assert!(summary.contains("not a diagnosis"), "the {} chart says it is not a diagnosis: {summary}", def.id);
        assert!(summary.contains("comes with options"), "and that its high results come with options: {summary}");
    }
    assert!(
        chart("cbi").summary.contains("The CBI has no cut-off, so each result comes with options"),
        "the CBI chart says why each of its results has options: {}",
        chart("cbi").summary
    );
    let over_time = chart("coupling_over_time");
    assert!(over_time.svg.contains("How closely self-worth followed their days"), "the axis is named in words");
    assert!(
        over_time.summary.contains("closely followed how the people you support were doing"),
        "so is the summary: {}",
        over_time.summary
    );
    assert_eq!(
        over_time.table.columns[1..3],
        ["How closely", "Correlation"],
        "the table keeps the number beside its words"
    );
    let last = over_time.table.rows.last().expect("a row");
    assert!(last[2].parse::<f64>().is_ok_and(|r| r >= 0.5), "the number is still there for who wants it: {last:?}");
    for view in check_ins::list(&j.session, None).expect("the check-ins") {
        for s in &view.scores {
            assert_plain(&format!("the {} result's words", view.instrument), &s.words);
            assert_plain(&format!("the {} result's context", view.instrument), &s.context);
        }
    }
}
