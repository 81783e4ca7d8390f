//! A deterministic sample journal, written as an export file (the current version) that `ballast import`
//! reads through the same checks as any import: up to years of varied reflections (self-worth that dips
//! on setback days), setbacks, and check-ins on their default schedules. For the dashboard
//! benchmark, the end-to-end run and demonstrations. The same seed and end give the same file.

use std::io::Write;

use ballast_core::{CheckInBody, ReflectionDraft, SetbackDraft, instrument};
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

use crate::transfer::{FORMAT, VERSION};

/// A small, fast, deterministic generator (xorshift64*): the sample journal's, and the
/// benchmarks' (so a seed always gives the same journal).
#[derive(Debug, Clone)]
pub struct Rng(pub u64);

impl Rng {
    /// The next 64 random bits.
    pub fn bits(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A whole number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.bits() % n.max(1)
    }

    /// A number in `[0, 1)`.
    #[allow(clippy::cast_precision_loss, reason = "53 random bits make an exact double")]
    pub fn unit(&mut self) -> f64 {
        (self.bits() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// One of `from`, each as likely.
    pub fn pick<'a, T>(&mut self, from: &'a [T]) -> &'a T {
        &from[usize::try_from(self.below(from.len() as u64)).unwrap_or(0)]
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const TAGS: [&str; 6] = ["housing", "benefits", "family", "employment", "medication", "groups"];
const CODES: [&str; 8] = ["R1", "R2", "R3", "K4", "K5", "M6", "M7", "T8"];
const SETBACK_TYPES: [&str; 7] =
    ["relapse", "hospital_admission", "disengagement", "crisis", "loss", "conflict_with_services", "other"];
const NOTES: [&str; 5] = [
    "A long session; we stayed with it.",
    "Walked to the appointment together.",
    "Hard to hear, and I listened.",
    "Small step forward today.",
    "Checked in by phone.",
];

fn clamp(v: i64) -> i32 {
    i32::try_from(v.clamp(0, 10)).unwrap_or(0)
}

/// Writes a sample export covering `days` days up to `end`, from `seed`.
///
/// # Errors
/// When writing to `out` fails.
pub fn write(out: &mut dyn Write, days: u32, end: DateTime<Utc>, seed: u64) -> std::io::Result<Summary> {
    let mut rng = Rng(seed | 1);
    let start = end - Duration::days(i64::from(days));
    let mut entries: Vec<Value> = Vec::new();
    let mut summary = Summary::default();
    for day in 0..i64::from(days) {
        let date = start + Duration::days(day);
        // About three reflections a day on working days (five days in seven): one per session.
        if rng.below(7) >= 5 {
            continue;
        }
        let count = 2 + rng.below(3) + u64::from(rng.chance(10));
        for n in 0..count {
            let at = date
                + Duration::hours(9 + 3 * i64::try_from(n).unwrap_or(0))
                + Duration::minutes(i64::try_from(rng.below(50)).unwrap_or(0));
            let outcome = *rng.pick(&["setback", "no_change", "progress", "progress", "no_change", "not_applicable"]);
            let base: i64 = match outcome {
                "setback" => 3,
                "progress" => 7,
                _ => 5,
            };
            let worth = clamp(base + i64::try_from(rng.below(3)).unwrap_or(0) - 1);
            let connected = rng.chance(25);
            // The kind and whether it held follow from the day and the session, so the random
            // sequence (and every sample made before) stays as it was.
            let kinds = ["housing", "benefits", "clinical_care", "peer_or_community_group", "work_or_study", "other"];
            let held = ["held", "held", "did_not_hold", "not_yet_known"];
            let pick = usize::try_from(day).unwrap_or(0) + usize::try_from(n).unwrap_or(0);
            let draft = ReflectionDraft {
                occurred_at: Some(at.to_rfc3339()),
                mood: Some(clamp(base + i64::try_from(rng.below(5)).unwrap_or(0) - 2)),
                self_worth: Some(worth),
                worth_tied_to_outcomes: Some(clamp(4 + i64::try_from(rng.below(5)).unwrap_or(0))),
                outcome: Some(outcome.to_owned()),
                push_patience: Some(*rng.pick(&[-2, -1, 0, 0, 0, 1, 2])),
                disclosure: None,
                connected_to_service: Some(connected),
                service_kind: connected.then(|| kinds[pick % kinds.len()].to_owned()),
                service_held: connected.then(|| held[pick % held.len()].to_owned()),
                strength_words: Vec::new(),
                strengths: None,
                person_code: Some((*rng.pick(&CODES)).to_owned()),
                tags: vec![(*rng.pick(&TAGS)).to_owned()],
                text: Some((*rng.pick(&NOTES)).to_owned()),
                share_text: rng.chance(10),
                template: None,
            };
            entries.push(record(at, "reflection", serde_json::to_value(draft).unwrap_or_default()));
            summary.reflections += 1;
        }
        if rng.chance(8) {
            let at = date + Duration::hours(8);
            let draft = SetbackDraft {
                occurred_at: Some(at.to_rfc3339()),
                setback_type: Some((*rng.pick(&SETBACK_TYPES)).to_owned()),
                person_code: Some((*rng.pick(&CODES)).to_owned()),
                mood: Some(clamp(2 + i64::try_from(rng.below(3)).unwrap_or(0))),
                what_happened: Some("A hard turn for someone I support.".to_owned()),
                ..Default::default()
            };
            entries.push(record(at, "setback", serde_json::to_value(draft).unwrap_or_default()));
            summary.setbacks += 1;
        }
    }
    entries.sort_by_key(|e| e["occurred_at"].as_str().unwrap_or_default().to_owned());
    let mut check_ins: Vec<Value> = Vec::new();
    for def in instrument::all() {
        let Some(every) = def.cadence_days else { continue };
        let mut day = i64::from(every / 2);
        while day < i64::from(days) {
            let at = start + Duration::days(day) + Duration::hours(19);
            let answers = def
                .items
                .iter()
                .map(|item| {
                    let options = def.options_of(item);
                    (!rng.chance(2)).then(|| rng.pick(options).value)
                })
                .collect();
            if let Ok(body) = CheckInBody::new(&def.id, answers, at) {
                check_ins.push(serde_json::to_value(body).unwrap_or_default());
                summary.check_ins += 1;
            }
            day += i64::from(every);
        }
    }
    check_ins.sort_by_key(|c| c["taken_at"].as_str().unwrap_or_default().to_owned());
    write!(
        out,
        "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n  \"exported_at\": \"{}\",\n  \"entries\": [",
        end.to_rfc3339()
    )?;
    for (i, mut e) in entries.into_iter().enumerate() {
        e["id"] = json!(i + 1);
        write!(out, "{}\n    {e}", if i == 0 { "" } else { "," })?;
    }
    write!(out, "\n  ],\n  \"settings\": [],\n  \"check_ins\": [")?;
    for (i, mut c) in check_ins.into_iter().enumerate() {
        c["id"] = json!(i + 1);
        write!(out, "{}\n    {c}", if i == 0 { "" } else { "," })?;
    }
    writeln!(out, "\n  ],\n  \"dismissed_nudges\": []\n}}")?;
    Ok(summary)
}

/// An entry record: times, kind and the draft's fields.
fn record(at: DateTime<Utc>, kind: &str, draft: Value) -> Value {
    let mut v = draft;
    v["kind"] = json!(kind);
    v["created_at"] = json!(at.to_rfc3339());
    v["updated_at"] = json!(at.to_rfc3339());
    v
}

/// What a sample holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Reflections written.
    pub reflections: u32,
    /// Setbacks written.
    pub setbacks: u32,
    /// Check-ins written.
    pub check_ins: u32,
}
