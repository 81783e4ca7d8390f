//! What the journal shows over time, computed from entries by local day: the self-worth coupling,
//! the push–patience balance, and the gentle nudges raised by trends in them and in the
//! check-ins. Pure functions with hand-computed tests; the charts are built from these.

pub mod balance;
pub mod coupling;
pub mod days;
pub mod nudges;

/// A number as shown in sentences and tables: up to two decimals, without trailing zeros.
pub fn number(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}
