//! Trends and insights over a range of the worker's own (local) days: the statistics from
//! `ballast-core::insights`, each chart drawn by `ballast-charts` with a one-sentence summary and
//! a data table. Everything is computed here, ready to show; the UI does no statistics.

mod charts;
mod events;
mod scores;
mod views;

use std::collections::{BTreeMap, HashSet};

use ballast_core::insights::balance::balance;
use ballast_core::insights::coupling::{Coupling, MIN_DAYS_EACH, coupling};
use ballast_core::insights::days::{Day, by_day};
use ballast_core::insights::nudges::nudges;
use ballast_core::{CheckIn, FieldError, instrument};
use ballast_core::{Clock, Zone};
use ballast_store::Journal;
use chrono::{DateTime, Days, NaiveDate, Utc};

pub use views::{ChartTheme, ChartView, InsightsView, NudgeView, Span, TableView, TrendsView};

use crate::error::ApiError;
use crate::session::Session;

/// The charts, in the order the Trends screen shows them (`ballast chart NAME`).
pub const CHART_NAMES: [&str; 12] = [
    "proqol5",
    "cbi",
    "who5",
    "single_item_burnout",
    "mood",
    "coupling",
    "coupling_over_time",
    "dependence",
    "push_patience",
    "disclosure",
    "services",
    "setbacks",
];

/// Said of a range whose first day is after its last.
pub(crate) const BACKWARDS: &str = "The first day is after the last; choose a first day on or before the last.";

/// The days the nudges look at, up to today, whatever range is shown.
const NUDGE_DAYS: u64 = 90;

/// The start of the local day `day` in `zone`, as an instant (see [`ballast_core::start_of_day`]:
/// a midnight that does not exist starts at the first hour that does).
pub(crate) fn start_of(day: NaiveDate, zone: &Zone) -> DateTime<Utc> {
    ballast_core::start_of_day(day, zone)
}

/// What the statistics and charts are built from.
struct Data {
    from: NaiveDate,
    to: NaiveDate,
    days: BTreeMap<NaiveDate, Day>,
    /// Sound check-ins in the range, oldest first, with their local day.
    check_ins: Vec<(NaiveDate, CheckIn)>,
    coupling: Coupling,
    /// Every sound check-in, oldest first (the nudges look at all of them).
    sound: Vec<CheckIn>,
    /// The worker's today.
    today: NaiveDate,
    /// The worker's time zone, from the clock.
    zone: Zone,
    /// The last NUDGE_DAYS days up to today and the dismissed nudges, when a view shows nudges.
    recent: Option<(BTreeMap<NaiveDate, Day>, HashSet<String>)>,
}

fn invalid(field: &str, message: &str) -> ApiError {
    ApiError::Invalid(vec![FieldError::new(field, message)])
}

impl Data {
    /// Reads what the views need (and, `with_nudges`, what the nudges need) from the journal.
    /// Everything after this is pure, so it runs with the journal's guard dropped.
    fn load(j: &Journal, span: Span, clock: &dyn Clock, with_nudges: bool) -> Result<Self, ApiError> {
        let zone = clock.zone();
        let today = clock.today();
        let local_day = |t: DateTime<Utc>| clock.local_day(t);
        let all = j.check_ins(None)?;
        let earliest = || -> Result<NaiveDate, ApiError> {
            let first_entry = j.first_entry_at()?;
            let first_check_in = all.iter().map(|c| c.body.taken_at).min();
            Ok(first_entry.into_iter().chain(first_check_in).min().map_or(today, local_day))
        };
        let (from, to) = match span {
            Span::Days { days } => {
                let days = days.clamp(1, 36_600);
                (today.checked_sub_days(Days::new(u64::from(days) - 1)).unwrap_or(today), today)
            }
            Span::All => (earliest()?.min(today), today),
            Span::Between { from, to } => {
                let to = to.unwrap_or(today);
                (from.map_or_else(|| earliest().map(|e| e.min(to)), Ok)?, to)
            }
        };
        if from > to {
            return Err(invalid("from", BACKWARDS));
        }
        let facts = j.facts_between(start_of(from, &zone), start_of(to.succ_opt().unwrap_or(to), &zone))?;
        let days: BTreeMap<NaiveDate, Day> =
            by_day(facts, &zone).into_iter().filter(|(d, _)| (from..=to).contains(d)).collect();
        let mut sound: Vec<CheckIn> = all.into_iter().filter(|c| c.body.problems().is_empty()).collect();
        sound.sort_by_key(|c| (c.body.taken_at, c.id));
        let check_ins: Vec<(NaiveDate, CheckIn)> = sound
            .iter()
            .map(|c| (local_day(c.body.taken_at), c.clone()))
            .filter(|(d, _)| (from..=to).contains(d))
            .collect();
        let coupling = coupling(&days);
        let mut data = Self { from, to, days, check_ins, coupling, sound, today, zone, recent: None };
        if with_nudges {
            data.recent = Some(data.read_recent(j)?);
        }
        Ok(data)
    }

    /// The days the nudges look at (the last NUDGE_DAYS up to today, whatever range is shown)
    /// and the nudges dismissed.
    fn read_recent(&self, j: &Journal) -> Result<(BTreeMap<NaiveDate, Day>, HashSet<String>), ApiError> {
        let (from, to, today) = (self.from, self.to, self.today);
        let recent_from = today.checked_sub_days(Days::new(NUDGE_DAYS - 1)).unwrap_or(today);
        let recent: BTreeMap<NaiveDate, Day> = if from <= recent_from && to >= today {
            // The range shown already holds those days: no second read.
            self.days.range(recent_from..=today).map(|(d, day)| (*d, day.clone())).collect()
        } else {
            let zone = &self.zone;
            let recent_facts =
                j.facts_between(start_of(recent_from, zone), start_of(today.succ_opt().unwrap_or(today), zone))?;
            by_day(recent_facts, zone).into_iter().filter(|(d, _)| (recent_from..=today).contains(d)).collect()
        };
        let dismissed: HashSet<String> = j.dismissed_nudges()?.into_iter().map(|(id, _)| id).collect();
        Ok((recent, dismissed))
    }

    /// The nudges that apply now and have not been dismissed. They speak of now, whatever range
    /// is shown: every check-in, and the last NUDGE_DAYS days up to today. Only the views that
    /// show nudges ask (not a single chart, not a summary).
    fn nudges(&self) -> Vec<NudgeView> {
        let Some((recent, dismissed)) = &self.recent else { return Vec::new() };
        nudges(&self.sound, recent, &coupling(recent), self.today)
            .into_iter()
            .filter(|n| !dismissed.contains(&n.id))
            .map(|n| NudgeView { id: n.id, message: n.message })
            .collect()
    }

    fn insights(&self) -> InsightsView {
        InsightsView {
            from: self.from,
            to: self.to,
            coupling: self.coupling.clone(),
            push_patience: balance(&self.days),
            nudges: self.nudges(),
        }
    }

    fn chart(&self, name: &str) -> Result<ChartView, ApiError> {
        let (from, to) = (self.from, self.to);
        match name {
            "mood" => charts::mood(&self.days, from, to),
            "coupling" => charts::coupling(&self.coupling, &coupling_words(&self.coupling)),
            "coupling_over_time" => charts::coupling_over_time(&self.coupling, from, to),
            "dependence" => charts::dependence(&self.coupling, from, to),
            "push_patience" => charts::push_patience(&self.days, from, to),
            "disclosure" => events::disclosure(&self.days),
            "services" => events::services(&self.days),
            "setbacks" => events::setbacks(&self.days, from, to),
            id => {
                let def = instrument::find(id).ok_or_else(|| {
                    invalid(
                        "chart",
                        &format!("Ballast has no chart by this name. The charts are: {}.", CHART_NAMES.join(", ")),
                    )
                })?;
                let taken: Vec<(NaiveDate, &CheckIn)> =
                    self.check_ins.iter().filter(|(_, c)| c.body.instrument == def.id).map(|(d, c)| (*d, c)).collect();
                scores::chart(def, &taken, from, to)
            }
        }
    }
}

/// What a supervision summary takes from the trends over a range: the charts that have something
/// to show in it, the coupling in words when there is enough data, and the sound check-ins.
pub(crate) struct ReportParts {
    pub(crate) charts: Vec<ChartView>,
    pub(crate) coupling: Option<String>,
    pub(crate) check_ins: Vec<(NaiveDate, CheckIn)>,
}

impl Data {
    /// Whether the chart `name` has anything to show in the range.
    fn has_data(&self, name: &str) -> bool {
        let any = |f: fn(&Day) -> bool| self.days.values().any(f);
        match name {
            "mood" => any(|d| !d.mood.is_empty() || !d.self_worth.is_empty()),
            "coupling" | "coupling_over_time" => self.coupling.enough_data,
            "dependence" => any(|d| !d.worth_tied.is_empty()),
            "push_patience" => any(|d| !d.push_patience.is_empty()),
            "disclosure" => any(|d| !d.disclosures.is_empty()),
            "services" => any(|d| !d.links.is_empty()),
            "setbacks" => any(|d| !d.setback_types.is_empty()),
            id => self.check_ins.iter().any(|(_, c)| c.body.instrument == id),
        }
    }
}

/// What the trends of `from..=to` are drawn from, read under the journal's guard; turn it into
/// a summary's parts with [`TrendsRead::report_parts`] once the guard is dropped.
pub(crate) struct TrendsRead(Data);

/// Reads the trends of `from..=to` for a supervision summary.
pub(crate) fn read_for_report(
    j: &Journal,
    from: NaiveDate,
    to: NaiveDate,
    clock: &dyn Clock,
) -> Result<TrendsRead, ApiError> {
    Data::load(j, Span::Between { from: Some(from), to: Some(to) }, clock, false).map(TrendsRead)
}

impl TrendsRead {
    /// The charts with something to show, the coupling in words and the sound check-ins (drawing
    /// happens here, with no journal held).
    pub(crate) fn report_parts(self) -> Result<ReportParts, ApiError> {
        let data = self.0;
        let charts =
            CHART_NAMES.iter().filter(|n| data.has_data(n)).map(|n| data.chart(n)).collect::<Result<_, _>>()?;
        let coupling = data.coupling.enough_data.then(|| coupling_words(&data.coupling));
        Ok(ReportParts { charts, coupling, check_ins: data.check_ins })
    }
}

/// One calm sentence on the coupling: what the means are and why it matters, or how many more
/// days it needs.
pub fn coupling_words(c: &Coupling) -> String {
    if c.enough_data {
        format!(
            "On days with a setback your self-worth averaged {}, and on days with progress {} ({} and {} days). Many peer workers feel the setbacks and progress of the people they support as their own; noticing it can make that easier to hold.",
            c.mean_self_worth.setback.map_or_else(String::new, charts::number),
            c.mean_self_worth.progress.map_or_else(String::new, charts::number),
            c.days.setback,
            c.days.progress
        )
    } else {
        let plural = |n: u32| if n == 1 { "day" } else { "days" };
        format!(
            "So far there are {} {} with a setback and {} with progress that also rate your self-worth; this comparison appears once there are {MIN_DAYS_EACH} of each.",
            c.days.setback,
            plural(c.days.setback),
            c.days.progress
        )
    }
}

/// The statistics over `span`.
///
/// # Errors
/// [`ApiError::Invalid`] for a range that ends before it starts; [`ApiError::Locked`].
pub fn insights(session: &Session, span: Span) -> Result<InsightsView, ApiError> {
    let data = Data::load(&*session.journal()?, span, session.clock(), true)?;
    Ok(data.insights())
}

/// The Trends screen over `span`: the statistics and every chart. The journal is read first and
/// released; the charts are drawn after, so a lock asked for meanwhile does not wait for them.
///
/// # Errors
/// As [`insights`]; [`ApiError::Internal`] when a chart cannot be drawn.
pub fn trends(session: &Session, span: Span) -> Result<TrendsView, ApiError> {
    let data = Data::load(&*session.journal()?, span, session.clock(), true)?;
    let charts = CHART_NAMES.iter().map(|n| data.chart(n)).collect::<Result<_, _>>()?;
    Ok(TrendsView { insights: data.insights(), coupling_words: coupling_words(&data.coupling), charts })
}

/// What Home shows of the trends: the first nudge that applies and the mood and self-worth chart
/// over the last `days` days (light; see [`ChartView::in_theme`]).
///
/// # Errors
/// [`ApiError::Locked`]; [`ApiError::Internal`] when the chart cannot be drawn.
pub fn glance(session: &Session, days: u32) -> Result<(Option<NudgeView>, ChartView), ApiError> {
    let data = Data::load(&*session.journal()?, Span::Days { days }, session.clock(), true)?;
    Ok((data.insights().nudges.into_iter().next(), data.chart("mood")?))
}

/// Reads every entry and check-in row without interpreting them (the dashboard benchmark's
/// baseline: the floor any view of the whole journal pays); returns how many rows.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn scan_rows(session: &Session) -> Result<u64, ApiError> {
    Ok(session.journal()?.scan_rows(None)?)
}

/// Reads the entry and check-in rows of the local days `from..=to` without interpreting them
/// (the summary benchmark's baseline); returns how many rows.
///
/// # Errors
/// [`ApiError::Locked`].
pub fn scan_rows_between(session: &Session, from: NaiveDate, to: NaiveDate) -> Result<u64, ApiError> {
    let zone = session.clock().zone();
    Ok(session.journal()?.scan_rows(Some((start_of(from, &zone), start_of(to.succ_opt().unwrap_or(to), &zone))))?)
}

/// Sets a nudge aside so it does not appear again.
///
/// # Errors
/// [`ApiError::Invalid`] for an id that is empty or over 200 characters; [`ApiError::Locked`].
pub fn dismiss_nudge(session: &Session, id: &str) -> Result<(), ApiError> {
    if id.is_empty() || id.chars().count() > 200 {
        return Err(invalid("id", "A nudge id is 1 to 200 characters."));
    }
    let now = session.clock().now();
    Ok(session.journal()?.dismiss_nudge(id, now)?)
}

/// One chart by name over `span`.
///
/// # Errors
/// [`ApiError::Invalid`] for an unknown name or an empty range; [`ApiError::Locked`].
pub fn chart(session: &Session, name: &str, span: Span) -> Result<ChartView, ApiError> {
    let data = Data::load(&*session.journal()?, span, session.clock(), false)?;
    data.chart(name)
}
