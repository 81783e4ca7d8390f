//! The trends commands: `insights` (the statistics, as text or JSON), `chart` (one chart as SVG)
//! and `sample-data` (a made-up journal to import).

use std::path::Path;

use ballast_api::Session;
use ballast_api::trends::{Span, coupling_words};
use chrono::NaiveDate;

use crate::exit::Failure;
use crate::render;

/// `ballast insights`.
pub fn insights(session: &Session, from: Option<NaiveDate>, to: Option<NaiveDate>, json: bool) -> Result<(), Failure> {
    let view = ballast_api::trends::insights(session, Span::Between { from, to })?;
    if json {
        return render::json(&view);
    }
    let p = &view.push_patience;
    println!("From {} to {}.", view.from, view.to);
    println!("{}", coupling_words(&view.coupling));
    println!(
        "Push and patience: held back {}, gentle persistence {}, pushed {}.",
        p.held_back, p.gentle_persistence, p.pushed
    );
    for n in &view.nudges {
        println!("{}", n.message);
    }
    Ok(())
}

/// `ballast chart NAME --out FILE.svg`: written whole, then renamed into place.
pub fn chart(
    session: &Session,
    name: &str,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    out: &Path,
) -> Result<(), Failure> {
    let chart = ballast_api::trends::chart(session, name, Span::Between { from, to })
        .map_err(|e| Failure::not_done("The chart", e))?;
    let part = out.with_extension("svg.part");
    std::fs::write(&part, chart.svg.as_bytes())
        .and_then(|()| std::fs::rename(&part, out))
        .map_err(|e| Failure::other(format!("The chart could not be written to {}: {e}.", out.display())))?;
    println!("{}", chart.summary);
    Ok(())
}

/// `ballast sample-data`: a made-up journal as an export file.
pub fn sample(days: u32, seed: u64, end: Option<NaiveDate>, out: &Path) -> Result<(), Failure> {
    let fail =
        |e: std::io::Error| Failure::other(format!("The sample could not be written to {}: {e}.", out.display()));
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).map_err(fail)?);
    let now = ballast_core::Clock::now(&ballast_core::SystemClock);
    let end = end.and_then(|d| d.and_hms_opt(20, 0, 0)).map_or(now, |t| t.and_utc()).min(now);
    let made = ballast_api::sample::write(&mut file, days, end, seed).map_err(fail)?;
    std::io::Write::flush(&mut file).map_err(fail)?;
    println!(
        "Wrote {} reflections, {} setbacks and {} check-ins (all made up) to {}. Import it with: ballast import {}",
        made.reflections,
        made.setbacks,
        made.check_ins,
        out.display(),
        out.display()
    );
    Ok(())
}
