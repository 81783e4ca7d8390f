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

/// `ballast score`: prints the scores as JSON, touching no journal.
pub fn score(instrument: &str, answers: &str) -> Result<(), Failure> {
    render::json(&check_ins::score(instrument, &parse_answers(answers)?)?)
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
    render::json(&Recorded {
        id: view.id,
        scored: Scored { instrument: view.instrument, version: view.version, subscales },
    })
}

fn line(c: &CheckInView) -> String {
    let when = render::local(c.taken_at);
    let scores: Vec<String> = if let Some(problem) = &c.problem {
        vec![problem.clone()]
    } else {
        c.scores
            .iter()
            .map(|s| match s.score {
                Some(v) => format!("{} {}{}", s.title, v, if s.complete { "" } else { " (from some answers)" }),
                None => format!("{} incomplete", s.title),
            })
            .collect()
    };
    format!("{:>5}  {when}  {:<20}  {}", c.id, c.title, scores.join("; "))
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
    Ok(())
}
