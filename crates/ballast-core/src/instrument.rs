//! The self-check instruments, as data: `assets/instruments/<id>.toml`, compiled in. Each holds the
//! item text (after the authorised substitutions), options with their values, subscales with their
//! scoring and bands, the credit line and terms. This module reads them, checks an answer vector
//! against one, and builds the [`Scoring`] the one engine in [`crate::scoring`] runs.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::field::FieldError;
use crate::scoring::{Band, Method, Scoring, Subscale, SubscaleScore};

/// The shipped definitions, in the order the app lists them.
const SOURCES: [&str; 4] = [
    include_str!("../../../assets/instruments/proqol5.toml"),
    include_str!("../../../assets/instruments/who5.toml"),
    include_str!("../../../assets/instruments/cbi.toml"),
    include_str!("../../../assets/instruments/single_item_burnout.toml"),
];

/// One option of an item: the value stored and scored, and its label as printed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Choice {
    /// The value stored and scored.
    pub value: i32,
    /// The label, verbatim.
    pub label: String,
}

/// A named set of options shared by items (the CBI has two: frequency and degree).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct OptionSet {
    /// Its id, named by items.
    pub id: String,
    /// Its options, in the order shown.
    pub options: Vec<Choice>,
}

/// One item (question or statement).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct Item {
    /// Its number as printed, 1-based; answers are kept by it.
    pub n: u32,
    /// Its text, verbatim after the authorised substitutions.
    pub text: String,
    /// The id of its option set.
    pub options: String,
}

/// How a subscale's items combine, as written in the definitions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MethodName {
    /// The sum.
    Sum,
    /// The sum × 4.
    SumX4,
    /// The mean of the answered items (with `min_answered`).
    Mean,
    /// One item's value.
    Single,
}

/// A band with Ballast's words for it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct BandDef {
    /// The highest score in the band.
    pub max: f64,
    /// Its stable id.
    pub id: String,
    /// What it says to the worker: Ballast's own calm words, never a clinical label.
    pub words: String,
    /// Whether results in this band come with options (self-care plan, someone to talk to, support).
    pub offer_options: bool,
    /// Its name where a trend chart shades it, when it is shaded.
    #[serde(default)]
    pub chart_label: Option<String>,
}

/// A labelled line a trend chart draws across a subscale (a cut-off).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct ChartRule {
    /// Its value.
    pub at: f64,
    /// Its name, beside it.
    pub label: String,
}

/// A subscale: its items, scoring and bands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct SubscaleDef {
    /// Its stable id.
    pub id: String,
    /// Its name as shown.
    pub title: String,
    /// Its items, by number.
    pub items: Vec<u32>,
    /// The reverse-keyed items.
    pub reverse: Vec<u32>,
    /// How the items combine.
    pub method: MethodName,
    /// For `mean`: the fewest answered items that still give a score.
    #[serde(default)]
    pub min_answered: Option<u32>,
    /// The lowest and highest possible score.
    pub range: [i32; 2],
    /// What the numbers mean, in Ballast's words (and population context where known).
    pub context: String,
    /// Where the bands come from.
    pub band_source: String,
    /// The bands, lowest first; empty when there is no official cut-off.
    pub bands: Vec<BandDef>,
    /// Lines a trend chart draws across this subscale.
    #[serde(default)]
    pub chart_rules: Vec<ChartRule>,
    /// Whether a higher score means more strain, so a rise over check-ins raises a nudge
    /// (burnout and secondary traumatic stress scales).
    #[serde(default)]
    pub strain: bool,
}

impl SubscaleDef {
    /// Whether a result comes with options (the worker's self-care plan, someone to talk to,
    /// Support): a score in a band that offers them, or any score of a scale with no bands. A
    /// scale without bands has no published cut-off (the CBI's), so Ballast cannot tell a high
    /// result from a low one and draws no line of its own: it offers the options with every
    /// score. No score (too few answers) is no result, and comes with none.
    pub fn offers_options(&self, score: &SubscaleScore) -> bool {
        if score.score.is_none() {
            return false;
        }
        if self.bands.is_empty() {
            return true;
        }
        let band = score.band.as_deref().and_then(|b| self.bands.iter().find(|d| d.id == b));
        band.is_some_and(|b| b.offer_options)
    }
}

/// One instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct Instrument {
    /// Its stable id, e.g. `who5`.
    pub id: String,
    /// The version stored with each check-in.
    pub version: String,
    /// Its full name.
    pub title: String,
    /// Its short name.
    pub short_title: String,
    /// One line in Ballast's words: what it asks about.
    pub about: String,
    /// The period it asks about, when it names one.
    #[serde(default)]
    pub timeframe: Option<String>,
    /// Its own instructions, verbatim, when it has verified ones.
    #[serde(default)]
    pub instructions: Option<String>,
    /// The credit line.
    pub credit: String,
    /// The terms of use, short and plain.
    pub terms: String,
    /// The default days between check-ins; `None` for "any time".
    #[serde(default)]
    pub cadence_days: Option<u32>,
    /// A reverse-keyed answer `x` scores `reverse_total − x`.
    pub reverse_total: i32,
    /// The order items are shown in, when not the printed order.
    #[serde(default)]
    pub order: Option<Vec<u32>>,
    /// Its option sets.
    pub option_sets: Vec<OptionSet>,
    /// Its items, in printed order.
    pub items: Vec<Item>,
    /// Its subscales, in the reference's order.
    pub subscales: Vec<SubscaleDef>,
}

/// Every shipped instrument, parsed once.
///
/// # Panics
/// When a shipped definition does not parse; `tests/core/instruments.rs` makes that a test failure.
pub fn all() -> &'static [Instrument] {
    static ALL: OnceLock<Vec<Instrument>> = OnceLock::new();
    ALL.get_or_init(|| {
        SOURCES.iter().map(|s| toml::from_str(s).expect("a shipped instrument definition must parse")).collect()
    })
}

/// The instrument with this id.
pub fn find(id: &str) -> Option<&'static Instrument> {
    all().iter().find(|i| i.id == id)
}

/// The ids of every instrument, for messages.
pub fn ids() -> Vec<&'static str> {
    all().iter().map(|i| i.id.as_str()).collect()
}

impl Instrument {
    /// The options of item `n`.
    pub fn options_of(&self, item: &Item) -> &[Choice] {
        self.option_sets.iter().find(|s| s.id == item.options).map_or(&[], |s| &s.options)
    }

    /// The order items are shown in (item numbers).
    pub fn display_order(&self) -> Vec<u32> {
        self.order.clone().unwrap_or_else(|| self.items.iter().map(|i| i.n).collect())
    }

    /// Checks an answer vector (option values in item order, `None` for skipped): the right
    /// number of answers, each one of its item's options. Every problem is listed, by item.
    ///
    /// # Errors
    /// The problems, as `answers` (the count) or `answers[n]` (item `n`), without the values.
    pub fn check(&self, answers: &[Option<i32>]) -> Result<(), Vec<FieldError>> {
        if answers.len() != self.items.len() {
            return Err(vec![FieldError::new(
                "answers",
                format!(
                    "The {} has {} items, so it needs {} answers (leave one empty to skip it); {} were given.",
                    self.short_title,
                    self.items.len(),
                    self.items.len(),
                    answers.len()
                ),
            )]);
        }
        let problems: Vec<FieldError> = self
            .items
            .iter()
            .zip(answers)
            .filter_map(|(item, a)| {
                let value = (*a)?;
                let options = self.options_of(item);
                (!options.iter().any(|c| c.value == value)).then(|| {
                    let allowed: Vec<String> = options.iter().map(|c| c.value.to_string()).collect();
                    FieldError::new(
                        format!("answers[{}]", item.n),
                        format!("Item {} takes one of {}, or nothing to skip it.", item.n, allowed.join(", ")),
                    )
                })
            })
            .collect();
        if problems.is_empty() { Ok(()) } else { Err(problems) }
    }

    /// How it is scored, for the engine.
    pub fn scoring(&self) -> Scoring {
        let to_usize = |v: &[u32]| v.iter().map(|&n| n as usize).collect();
        Scoring {
            reverse_total: self.reverse_total,
            subscales: self
                .subscales
                .iter()
                .map(|s| Subscale {
                    id: s.id.clone(),
                    items: to_usize(&s.items),
                    reverse: to_usize(&s.reverse),
                    method: match s.method {
                        MethodName::Sum => Method::Sum,
                        MethodName::SumX4 => Method::SumTimes4,
                        MethodName::Mean => Method::Mean { min_answered: s.min_answered.unwrap_or(1) as usize },
                        MethodName::Single => Method::Single,
                    },
                    bands: s.bands.iter().map(|b| Band { max: b.max, id: b.id.clone() }).collect(),
                })
                .collect(),
        }
    }

    /// Checks and scores an answer vector.
    ///
    /// # Errors
    /// As [`Instrument::check`]; nothing is scored then.
    pub fn score(&self, answers: &[Option<i32>]) -> Result<Vec<SubscaleScore>, Vec<FieldError>> {
        self.check(answers)?;
        Ok(self.scoring().score(answers))
    }

    /// Whether any of `scores` (this instrument's, in its subscales' order) comes with options;
    /// see [`SubscaleDef::offers_options`].
    pub fn offers_options(&self, scores: &[SubscaleScore]) -> bool {
        scores.iter().any(|s| self.subscales.iter().find(|d| d.id == s.id).is_some_and(|d| d.offers_options(s)))
    }

    /// The band definition a score landed in.
    pub fn band(&self, subscale: &str, band: &str) -> Option<&BandDef> {
        self.subscales.iter().find(|s| s.id == subscale)?.bands.iter().find(|b| b.id == band)
    }
}
