//! What the journal shows over time, computed from entries by local day: the self-worth coupling,
//! the push–patience balance, and the gentle nudges raised by trends in them and in the
//! check-ins. Pure functions with hand-computed tests; the charts are built from these.

pub mod balance;
pub mod coupling;
pub mod days;
pub mod nudges;

/// A number as shown in sentences and tables: up to two decimals, without trailing zeros.
/// Halves round away from zero (6.125 is "6.13"), as the UI writes numbers too, and a value
/// that rounds to zero is "0", never "-0".
pub fn number(v: f64) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let s = format!("{:.2}", if rounded == 0.0 { 0.0 } else { rounded });
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}
