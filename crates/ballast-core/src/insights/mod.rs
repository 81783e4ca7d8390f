//! What the journal shows over time, computed from entries by local day: the self-worth coupling
//! and the push–patience balance. Pure functions with hand-computed tests; the charts and the
//! nudges are built from these.

pub mod balance;
pub mod coupling;
pub mod days;
