//! The push–patience balance: how many reflections said "held back too much" (−2, −1), "gentle
//! persistence" (0) or "pushed too hard" (1, 2).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::days::Day;

/// Reflections by push–patience answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, specta::Type)]
pub struct Balance {
    /// Held back (−2 or −1).
    pub held_back: u32,
    /// Gentle persistence (0).
    pub gentle_persistence: u32,
    /// Pushed (1 or 2).
    pub pushed: u32,
}

impl Balance {
    /// Adds one answer.
    pub fn add(&mut self, answer: i8) {
        match answer {
            i8::MIN..=-1 => self.held_back += 1,
            0 => self.gentle_persistence += 1,
            _ => self.pushed += 1,
        }
    }

    /// How many answers.
    pub fn total(&self) -> u32 {
        self.held_back + self.gentle_persistence + self.pushed
    }
}

/// The balance over `days`.
pub fn balance(days: &BTreeMap<NaiveDate, Day>) -> Balance {
    let mut b = Balance::default();
    days.values().flat_map(|d| d.push_patience.iter()).for_each(|&a| b.add(a));
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_fall_into_three_groups() {
        let mut days = BTreeMap::new();
        let day = |pp: Vec<i8>| Day { push_patience: pp, ..Day::default() };
        days.insert(NaiveDate::from_ymd_opt(2026, 3, 1).expect("date"), day(vec![-2, -1, 0]));
        days.insert(NaiveDate::from_ymd_opt(2026, 3, 2).expect("date"), day(vec![0, 1, 2, 2]));
        let b = balance(&days);
        assert_eq!(
            b,
            Balance { held_back: 2, gentle_persistence: 2, pushed: 3 },
            "−2/−1 held back, 0 gentle, 1/2 pushed"
        );
        assert_eq!(b.total(), 7, "every answer counted once");
    }
}
