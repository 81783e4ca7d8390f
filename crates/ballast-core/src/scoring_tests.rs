//! Golden tests with hand-computed scores for each instrument's scoring as its manual gives it,
//! and a property test over random answers. The scoring is built here by hand from
//! `../shared/reference/instruments/`; the shipped definitions must score the same.

use proptest::prelude::*;

use super::*;

fn bands(list: &[(f64, &str)]) -> Vec<Band> {
    list.iter().map(|&(max, id)| Band { max, id: id.to_owned() }).collect()
}

fn sub(id: &str, items: &[usize], reverse: &[usize], method: Method, b: &[(f64, &str)]) -> Subscale {
    Subscale { id: id.to_owned(), items: items.to_vec(), reverse: reverse.to_vec(), method, bands: bands(b) }
}

const PROQOL_BANDS: [(f64, &str); 3] = [(22.0, "low"), (41.0, "moderate"), (50.0, "high")];
const CS: [usize; 10] = [3, 6, 12, 16, 18, 20, 22, 24, 27, 30];
const BO: [usize; 10] = [1, 4, 8, 10, 15, 17, 19, 21, 26, 29];
const BO_REVERSE: [usize; 5] = [1, 4, 15, 17, 29];
const STS: [usize; 10] = [2, 5, 7, 9, 11, 13, 14, 23, 25, 28];

fn proqol() -> Scoring {
    Scoring {
        reverse_total: 6,
        subscales: vec![
            sub("compassion_satisfaction", &CS, &[], Method::Sum, &PROQOL_BANDS),
            sub("burnout", &BO, &BO_REVERSE, Method::Sum, &PROQOL_BANDS),
            sub("secondary_traumatic_stress", &STS, &[], Method::Sum, &PROQOL_BANDS),
        ],
    }
}

fn who5() -> Scoring {
    Scoring {
        reverse_total: 0,
        subscales: vec![sub(
            "wellbeing",
            &[1, 2, 3, 4, 5],
            &[],
            Method::SumTimes4,
            &[(50.0, "below_cutoff"), (100.0, "above_cutoff")],
        )],
    }
}

fn cbi() -> Scoring {
    Scoring {
        reverse_total: 100,
        subscales: vec![
            sub("personal", &[1, 2, 3, 4, 5, 6], &[], Method::Mean { min_answered: 3 }, &[]),
            sub("work", &[7, 8, 9, 10, 11, 12, 13], &[13], Method::Mean { min_answered: 4 }, &[]),
            sub("client", &[14, 15, 16, 17, 18, 19], &[], Method::Mean { min_answered: 3 }, &[]),
        ],
    }
}

fn single() -> Scoring {
    Scoring {
        reverse_total: 0,
        subscales: vec![sub("burnout", &[1], &[], Method::Single, &[(2.0, "no_symptoms"), (5.0, "symptoms")])],
    }
}

type Row = (Option<f64>, Option<String>, bool);

/// (score, band, complete) per subscale.
fn summary(s: &[SubscaleScore]) -> Vec<Row> {
    s.iter().map(|r| (r.score, r.band.clone(), r.complete)).collect()
}

fn row(score: Option<f64>, band: Option<&str>, complete: bool) -> Row {
    (score, band.map(str::to_owned), complete)
}

/// 30 ProQOL answers with `set` applied by item number.
fn proqol_answers(default: i32, set: &[(usize, i32)]) -> Vec<Option<i32>> {
    let mut a = vec![Some(default); 30];
    for &(n, v) in set {
        a[n - 1] = Some(v);
    }
    a
}

#[test]
fn proqol_all_minimum_and_all_maximum() {
    // Burnout: five plain items and five reversed (6 − x): all 1s give 5 + 25, all 5s give 25 + 5.
    assert_eq!(
        summary(&proqol().score(&proqol_answers(1, &[]))),
        [
            row(Some(10.0), Some("low"), true),
            row(Some(30.0), Some("moderate"), true),
            row(Some(10.0), Some("low"), true)
        ],
        "all 'Never'"
    );
    assert_eq!(
        summary(&proqol().score(&proqol_answers(5, &[]))),
        [
            row(Some(50.0), Some("high"), true),
            row(Some(30.0), Some("moderate"), true),
            row(Some(50.0), Some("high"), true)
        ],
        "all 'Very Often'"
    );
}

#[test]
fn proqol_band_boundaries_22_23_and_41_42() {
    let cs = |values: [i32; 10]| {
        let set: Vec<(usize, i32)> = CS.iter().copied().zip(values).collect();
        proqol().score(&proqol_answers(3, &set))[0].clone()
    };
    let at = |s: SubscaleScore| (s.score, s.band);
    assert_eq!(at(cs([2, 2, 2, 2, 2, 2, 2, 2, 3, 3])), (Some(22.0), Some("low".into())), "22 is low");
    assert_eq!(at(cs([2, 2, 2, 2, 2, 2, 2, 3, 3, 3])), (Some(23.0), Some("moderate".into())), "23 is moderate");
    assert_eq!(at(cs([4, 4, 4, 4, 4, 4, 4, 4, 4, 5])), (Some(41.0), Some("moderate".into())), "41 is moderate");
    assert_eq!(at(cs([4, 4, 4, 4, 4, 4, 4, 4, 5, 5])), (Some(42.0), Some("high".into())), "42 is high");
}

#[test]
fn proqol_reverse_items_and_a_skipped_item() {
    // Burnout with every plain item 3 and every reversed item answered 2 (scored 4): 15 + 20.
    let set: Vec<(usize, i32)> = BO_REVERSE.iter().map(|&n| (n, 2)).collect();
    assert_eq!(proqol().score(&proqol_answers(3, &set))[1].score, Some(35.0), "reversed items score 6 − x");
    let mut skipped = proqol_answers(3, &[]);
    skipped[STS[4] - 1] = None;
    assert_eq!(
        summary(&proqol().score(&skipped)),
        [row(Some(30.0), Some("moderate"), true), row(Some(30.0), Some("moderate"), true), row(None, None, false)],
        "a subscale with a skipped item is incomplete and unscored, never scored low; the others stand"
    );
}

#[test]
fn who5_raw_12_and_13_either_side_of_the_cutoff_and_the_extremes() {
    let score = |a: [Option<i32>; 5]| summary(&who5().score(&a))[0].clone();
    assert_eq!(
        score([Some(3), Some(3), Some(3), Some(3), Some(0)]),
        row(Some(48.0), Some("below_cutoff"), true),
        "raw 12"
    );
    assert_eq!(
        score([Some(3), Some(3), Some(3), Some(3), Some(1)]),
        row(Some(52.0), Some("above_cutoff"), true),
        "raw 13"
    );
    assert_eq!(score([Some(0); 5]), row(Some(0.0), Some("below_cutoff"), true), "all 'At no time'");
    assert_eq!(score([Some(5); 5]), row(Some(100.0), Some("above_cutoff"), true), "all 'All of the time'");
    assert_eq!(score([Some(5), Some(5), None, Some(5), Some(5)]), row(None, None, false), "a skipped item: incomplete");
}

#[test]
fn single_item_2_and_3_and_skipped() {
    let score = |a: Option<i32>| summary(&single().score(&[a]))[0].clone();
    assert_eq!(score(Some(1)), row(Some(1.0), Some("no_symptoms"), true), "1");
    assert_eq!(score(Some(2)), row(Some(2.0), Some("no_symptoms"), true), "2 is below the threshold");
    assert_eq!(score(Some(3)), row(Some(3.0), Some("symptoms"), true), "3 is at it");
    assert_eq!(score(Some(5)), row(Some(5.0), Some("symptoms"), true), "5");
    assert_eq!(score(None), row(None, None, false), "skipped is not scored");
}

#[test]
fn cbi_means_reverse_item_13_and_no_bands() {
    // Personal on the degree/frequency values 100/75/50/25/0 alike; work with item 13 answered 100
    // (scored 0); client all 25.
    let mut a: Vec<Option<i32>> = [100, 75, 50, 25, 0, 50].map(Some).to_vec();
    a.extend([75, 75, 75, 75, 75, 75, 100].map(Some));
    a.extend([25; 6].map(Some));
    let got = cbi().score(&a);
    assert_eq!(got[0].score, Some(50.0), "personal: 300 / 6");
    assert!((got[1].score.expect("work") - 450.0 / 7.0).abs() < 1e-12, "work: (6 × 75 + 0) / 7, unrounded");
    assert_eq!(got[2].score, Some(25.0), "client");
    assert!(got.iter().all(|s| s.band.is_none() && s.complete), "no official cut-off: no band");
}

#[test]
fn cbi_scores_with_half_the_items_and_not_with_fewer() {
    let mut a: Vec<Option<i32>> = vec![None; 19];
    for n in [1, 2, 3] {
        a[n - 1] = Some(75);
    }
    for n in [7, 8, 9, 13] {
        a[n - 1] = Some(50);
    }
    for n in [14, 15] {
        a[n - 1] = Some(0);
    }
    assert_eq!(
        summary(&cbi().score(&a)),
        [row(Some(75.0), None, false), row(Some(50.0), None, false), row(None, None, false)],
        "personal 3 of 6 and work 4 of 7 are scored (not complete); client 2 of 6 is not"
    );
    a[1] = None;
    a[6] = None;
    assert_eq!(
        summary(&cbi().score(&a))[..2],
        [row(None, None, false), row(None, None, false)],
        "2 of 6 and 3 of 7 are not"
    );
}

/// Answers for `n` items, each one of `options` or skipped.
fn answers(n: usize, options: &'static [i32]) -> impl Strategy<Value = Vec<Option<i32>>> {
    prop::collection::vec(prop::option::weighted(0.85, prop::sample::select(options)), n)
}

/// The score computed plainly, item by item, for comparison with the engine.
fn by_hand(s: &Subscale, reverse_total: i32, a: &[Option<i32>]) -> Option<f64> {
    let mut values = Vec::new();
    for &n in &s.items {
        if let Some(v) = a[n - 1] {
            values.push(if s.reverse.contains(&n) { reverse_total - v } else { v });
        }
    }
    let total: i32 = values.iter().sum();
    match s.method {
        Method::Sum | Method::Single => (values.len() == s.items.len()).then_some(f64::from(total)),
        Method::SumTimes4 => (values.len() == s.items.len()).then_some(f64::from(total * 4)),
        Method::Mean { min_answered } => {
            (values.len() >= min_answered.max(1)).then(|| f64::from(total) / values.len() as f64)
        }
    }
}

proptest! {
    #[test]
    fn every_score_is_in_range_and_matches_a_plain_recomputation(
        p in answers(30, &[1, 2, 3, 4, 5]),
        w in answers(5, &[0, 1, 2, 3, 4, 5]),
        c in answers(19, &[0, 25, 50, 75, 100]),
        s in answers(1, &[1, 2, 3, 4, 5]),
    ) {
        for (scoring, a, range) in [(proqol(), p, (10.0, 50.0)), (who5(), w, (0.0, 100.0)), (cbi(), c, (0.0, 100.0)), (single(), s, (1.0, 5.0))] {
            for (sub, got) in scoring.subscales.iter().zip(scoring.score(&a)) {
                prop_assert_eq!(got.score, by_hand(sub, scoring.reverse_total, &a), "{} recomputes", &sub.id);
                if let Some(v) = got.score {
                    prop_assert!((range.0..=range.1).contains(&v), "{} = {} lies in {:?}", &sub.id, v, range);
                    prop_assert_eq!(got.band.is_some(), !sub.bands.is_empty(), "a score gets a band when there are bands");
                }
                prop_assert_eq!(got.complete, a.iter().enumerate().filter(|(i, v)| sub.items.contains(&(i + 1)) && v.is_some()).count() == sub.items.len(), "complete means every item answered");
            }
        }
    }
}

#[test]
fn the_shipped_definitions_score_exactly_as_the_golden_tests_above() {
    for (id, expected) in [("proqol5", proqol()), ("who5", who5()), ("cbi", cbi()), ("single_item_burnout", single())] {
        let def = crate::instrument::find(id).unwrap_or_else(|| panic!("{id} must be shipped"));
        assert_eq!(
            def.scoring(),
            expected,
            "{id}: the shipped definition must give the scoring the golden tests check by hand"
        );
    }
}
