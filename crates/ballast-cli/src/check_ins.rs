//! The self-check commands: `score` (no journal), `check-in` and `check-ins`.

use ballast_api::Session;
use ballast_api::check_ins::{self, CheckInView, NOT_A_DIAGNOSIS, Scored};
use ballast_core::scoring::SubscaleScore;

use crate::exit::Failure;
use crate::render;

/// Answers as typed: option values separated by commas, an empty value for a skipped item.
pub fn parse_answers(text: &str) -> Result<Vec<Option<i32>>, Failure> {
    text.split(',')
        .enumerate()
        .map(|(i, a)| match a.trim() {
            "" => Ok(None),
            v => v.parse::<i32>().map(Some).map_err(|_| {
                Failure::invalid(format!(
                    "Answer {} is not a whole number. Give option values separated by commas, and leave a value empty to skip that item. Nothing was saved.",
                    i + 1
                ))
            }),
        })
        .collect()
}

/// Said on standard error beside a result that comes with options (standard output stays JSON).
pub const OPTIONS: &str = "This result comes with options, if you want them: look at your self-care plan (in the Ballast app), talk it over with your supervisor or a peer, or contact someone on your support list (Support, at the top of every screen in the app).";

/// Said under the list when any result in it comes with options.
const LIST_OPTIONS: &str = "Results marked \"comes with options\" are ones where it can help to pause: look at your self-care plan (in the Ballast app), talk it over with your supervisor or a peer, or contact someone on your support list (Support, at the top of every screen in the app).";

/// A score as the app shows it: a whole number as it is, anything else to one decimal (a CBI
/// mean of 41.666… is "41.7"). JSON keeps the unrounded value.
pub fn shown(score: f64) -> String {
    if score.fract() == 0.0 { format!("{score:.0}") } else { format!("{:.1}", (score * 10.0).round() / 10.0) }
}

/// The options, on standard error, when any of `scores` (of `instrument`) comes with them.
fn options_note(instrument: &str, scores: &[SubscaleScore]) {
    if ballast_core::instrument::find(instrument).is_some_and(|d| d.offers_options(scores)) {
        eprintln!("{OPTIONS}");
    }
}

/// `ballast score`: prints the scores as JSON, touching no journal.
pub fn score(instrument: &str, answers: &str) -> Result<(), Failure> {
    let scored = check_ins::score(instrument, &parse_answers(answers)?)?;
    render::json(&scored)?;
    options_note(&scored.instrument, &scored.subscales);
    Ok(())
}

/// The JSON `check-in` prints: the id, then what `score` prints.
#[derive(serde::Serialize)]
struct Recorded {
    id: ballast_core::CheckInId,
    #[serde(flatten)]
    scored: Scored,
}

/// `ballast check-in`: records one and prints its id and scores as JSON.
pub fn check_in(session: &Session, instrument: &str, answers: &str) -> Result<(), Failure> {
    let view = ballast_api::check_ins::record(session, instrument, parse_answers(answers)?)?;
    let subscales = view
        .scores
        .iter()
        .map(|s| SubscaleScore { id: s.id.clone(), score: s.score, band: s.band.clone(), complete: s.complete })
        .collect();
    let offered = view.offer_options;
    render::json(&Recorded {
        id: view.id,
        scored: Scored { instrument: view.instrument, version: view.version, subscales },
    })?;
    if offered {
        eprintln!("{OPTIONS}");
    }
    Ok(())
}

fn line(c: &CheckInView) -> String {
    let when = render::local(c.taken_at);
    let scores: Vec<String> = if let Some(problem) = &c.problem {
        vec![problem.clone()]
    } else {
        c.scores
            .iter()
            .map(|s| match s.score {
                Some(v) => format!("{} {}{}", s.title, shown(v), if s.complete { "" } else { " (from some answers)" }),
                None => format!("{} incomplete", s.title),
            })
            .collect()
    };
    let options = if c.offer_options && c.problem.is_none() { "  (comes with options: see below)" } else { "" };
    format!("{:>5}  {when}  {:<20}  {}{options}", c.id, c.title, scores.join("; "))
}

/// `ballast check-ins`: every check-in, newest first.
pub fn list(session: &Session, json: bool) -> Result<(), Failure> {
    let all = ballast_api::check_ins::list(session, None)?;
    if json {
        return render::json(&all);
    }
    if all.is_empty() {
        println!("No check-ins yet.");
        return Ok(());
    }
    for c in &all {
        println!("{}", line(c));
    }
    println!("\n{NOT_A_DIAGNOSIS}");
    let offered: Vec<&CheckInView> = all.iter().filter(|c| c.offer_options && c.problem.is_none()).collect();
    if !offered.is_empty() {
        println!("\n{LIST_OPTIONS}");
    }
    // A measure without bands has no cut-off: say why each of its results is marked.
    let mut uncut: Vec<&str> = offered
        .iter()
        .filter(|c| {
            ballast_core::instrument::find(&c.instrument)
                .is_some_and(|d| d.subscales.iter().all(|s| s.bands.is_empty()))
        })
        .map(|c| c.title.as_str())
        .collect();
    uncut.sort_unstable();
    uncut.dedup();
    for title in uncut {
        println!("The {title} has no cut-off, so each {title} result comes with options.");
    }
    Ok(())
}
