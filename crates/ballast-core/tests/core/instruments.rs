//! Each shipped instrument definition (`assets/instruments/`) against the verified reference
//! (`tests/reference/`, unchanged copies of `shared/reference/instruments/`): item text equal after
//! the authorised substitutions, options, subscales, reverse keys, bands, credit and terms present;
//! and each definition consistent in itself.

use std::collections::BTreeSet;

use ballast_core::instrument::{self, Instrument, MethodName};
use toml::Value;

fn reference(id: &str) -> Value {
    let path = format!("{}/tests/reference/{id}.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {path}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("parse {path}: {e}"))
}

fn shipped(id: &str) -> &'static Instrument {
    instrument::find(id).unwrap_or_else(|| panic!("{id} must be shipped"))
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_else(|| panic!("reference field {key} must be a string"))
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn numbers(v: &Value, key: &str) -> Vec<u32> {
    list(v, key).iter().map(|n| u32::try_from(n.as_integer().expect("an integer")).expect("small")).collect()
}

/// ProQOL's authorised substitutions of the form's bracketed words.
fn proqol_substituted(text: &str) -> String {
    text.replace("[helper]", "peer support worker")
        .replace("[helping]", "peer support work")
        .replace("[helped]", "supported")
        .replace("[help]", "support")
        .replace("[work]", "work")
}

/// The CBI's substitution of "clients".
fn cbi_substituted(text: &str) -> String {
    text.replace("clients", "the people you support")
}

fn check_items(id: &str, substitute: fn(&str) -> String) {
    let r = reference(id);
    let def = shipped(id);
    let items = list(&r, "items");
    assert_eq!(def.items.len(), items.len(), "{id}: the same number of items as the reference");
    for (mine, theirs) in def.items.iter().zip(items) {
        let n = theirs["n"].as_integer().expect("item number");
        assert_eq!(i64::from(mine.n), n, "{id}: items in the reference's order");
        let expected = substitute(s(theirs, "text"));
        assert_eq!(mine.text, expected, "{id} item {n}: the reference text after the authorised substitutions");
        if let Some(sub) = theirs.get("text_substituted").and_then(Value::as_str) {
            assert_eq!(mine.text, sub, "{id} item {n}: also equal to the reference's own substituted text");
        }
        let set = theirs.get("option_set").and_then(Value::as_str);
        let options: Vec<(i64, &str)> = list(&r, "options")
            .iter()
            .filter(|o| o.get("set").and_then(Value::as_str) == set)
            .map(|o| (o["value"].as_integer().expect("value"), s(o, "label")))
            .collect();
        let shown: Vec<(i64, &str)> =
            def.options_of(mine).iter().map(|c| (i64::from(c.value), c.label.as_str())).collect();
        assert_eq!(shown, options, "{id} item {n}: options and values verbatim from the reference");
    }
}

fn check_subscales(id: &str, band_maxes: &[&[f64]]) {
    let r = reference(id);
    let def = shipped(id);
    let subs = list(&r, "subscales");
    assert_eq!(def.subscales.len(), subs.len(), "{id}: the reference's subscales");
    for ((mine, theirs), maxes) in def.subscales.iter().zip(subs).zip(band_maxes) {
        assert_eq!(mine.id, s(theirs, "id"), "{id}: subscales in the reference's order");
        assert_eq!(mine.items, numbers(theirs, "items"), "{id}/{}: its items", mine.id);
        assert_eq!(mine.reverse, numbers(theirs, "reverse_items"), "{id}/{}: its reverse-keyed items", mine.id);
        let range: Vec<i32> = mine.range.to_vec();
        let expected: Vec<i32> =
            numbers(theirs, "range").into_iter().map(|n| i32::try_from(n).expect("small")).collect();
        assert_eq!(range, expected, "{id}/{}: its range", mine.id);
        let min = theirs.get("min_answered").and_then(Value::as_integer);
        assert_eq!(mine.min_answered.map(i64::from), min, "{id}/{}: the minimum answered", mine.id);
        let got: Vec<f64> = mine.bands.iter().map(|b| b.max).collect();
        assert_eq!(got, *maxes, "{id}/{}: band limits", mine.id);
    }
}

#[test]
fn proqol_matches_the_reference_after_its_substitutions() {
    check_items("proqol5", proqol_substituted);
    let (r, def) = (reference("proqol5"), shipped("proqol5"));
    assert_eq!(
        def.instructions.as_deref(),
        Some(proqol_substituted(s(&r, "instructions")).as_str()),
        "the instructions after the substitutions"
    );
    assert_eq!(def.instructions.as_deref(), Some(s(&r, "instructions_substituted")), "equal to the reference's");
    assert!(def.credit.contains(s(&r, "credit")), "the form's credit line, verbatim");
    assert!(
        def.credit.contains("The Center for Victims of Torture") && def.credit.contains("www.ProQOL.org"),
        "CVT's credit and link"
    );
    let bands: &[f64] = &[22.0, 41.0, 50.0];
    check_subscales("proqol5", &[bands, bands, bands]);
    let ids: Vec<&str> = def.subscales[0].bands.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["low", "moderate", "high"], "ProQOL band ids");
}

#[test]
fn who5_matches_the_reference_without_its_secondary_cutoff() {
    check_items("who5", str::to_owned);
    let (r, def) = (reference("who5"), shipped("who5"));
    assert_eq!(def.instructions.as_deref(), Some(s(&r, "instructions")), "the instructions verbatim");
    assert_eq!(def.credit, s(&r, "credit"), "the credit verbatim");
    check_subscales("who5", &[&[50.0, 100.0]]);
    let ids: Vec<&str> = def.subscales[0].bands.iter().map(|b| b.id.as_str()).collect();
    assert_eq!(ids, ["below_cutoff", "above_cutoff"], "the ≤ 28 cut-off is diagnostic in tone and not used");
}

#[test]
fn cbi_matches_the_reference_with_the_people_you_support() {
    check_items("cbi", cbi_substituted);
    let (r, def) = (reference("cbi"), shipped("cbi"));
    assert!(s(&r, "instructions").starts_with("TODO"), "the reference has no verified instructions...");
    assert_eq!(def.instructions, None, "...so none are shown as the CBI's");
    assert_eq!(def.credit, s(&r, "credit"), "the credit verbatim");
    check_subscales("cbi", &[&[], &[], &[]]);
    let order = def.display_order();
    let printed: Vec<u32> = def.items.iter().map(|i| i.n).collect();
    assert_ne!(order, printed, "the authors ask that items not be shown in the printed order");
    assert_eq!(
        order.iter().collect::<BTreeSet<_>>(),
        printed.iter().collect::<BTreeSet<_>>(),
        "the shown order holds every item once"
    );
    assert_eq!(order.len(), printed.len(), "no item shown twice");
}

#[test]
fn single_item_matches_the_reference() {
    check_items("single_item_burnout", str::to_owned);
    let (r, def) = (reference("single_item_burnout"), shipped("single_item_burnout"));
    let credit = s(&r, "credit");
    let verified = &credit[credit.find("Rohland BM").expect("the reference cites Rohland 2004")..];
    assert_eq!(def.credit, verified, "the reference's Rohland 2004 and Dolan 2015 citations, verbatim");
    assert!(!def.credit.contains("Schmoldt"), "the unverified 1994 citation is left out");
    check_subscales("single_item_burnout", &[&[2.0, 5.0]]);
}

#[test]
fn every_definition_is_consistent_in_itself() {
    let all = instrument::all();
    let ids: Vec<&str> = all.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["proqol5", "who5", "cbi", "single_item_burnout"], "the four instruments, each once");
    for def in all {
        let id = &def.id;
        assert!(!def.credit.trim().is_empty() && !def.terms.trim().is_empty(), "{id}: a credit line and terms");
        let numbers: Vec<u32> = def.items.iter().map(|i| i.n).collect();
        let expected: Vec<u32> = (1..=u32::try_from(def.items.len()).expect("small")).collect();
        assert_eq!(numbers, expected, "{id}: items numbered 1..n in order");
        for item in &def.items {
            assert!(!def.options_of(item).is_empty(), "{id} item {}: its option set exists", item.n);
            let owners = def.subscales.iter().filter(|s| s.items.contains(&item.n)).count();
            assert_eq!(owners, 1, "{id} item {}: in exactly one subscale", item.n);
        }
        for sub in &def.subscales {
            for r in &sub.reverse {
                assert!(sub.items.contains(r), "{id}/{}: reverse item {r} is one of its items", sub.id);
            }
            let values: Vec<Vec<i32>> = sub
                .items
                .iter()
                .map(|n| {
                    let item = &def.items[*n as usize - 1];
                    def.options_of(item).iter().map(|c| c.value).collect()
                })
                .collect();
            let (lo, hi) = (sub.range[0], sub.range[1]);
            let count = i32::try_from(values.len()).expect("small");
            let (min, max) = (
                values.iter().map(|v| v.iter().copied().min().unwrap_or(0)).collect::<Vec<_>>(),
                values.iter().map(|v| v.iter().copied().max().unwrap_or(0)).collect::<Vec<_>>(),
            );
            let (sum_min, sum_max): (i32, i32) = (min.iter().sum(), max.iter().sum());
            match sub.method {
                MethodName::Sum => {
                    assert_eq!((sum_min, sum_max), (lo, hi), "{id}/{}: options sum to its range", sub.id)
                }
                MethodName::SumX4 => {
                    assert_eq!((sum_min * 4, sum_max * 4), (lo, hi), "{id}/{}: options × 4 give its range", sub.id);
                }
                MethodName::Mean => {
                    assert!(
                        min.iter().all(|m| *m == lo) && max.iter().all(|m| *m == hi),
                        "{id}/{}: every option set spans its range",
                        sub.id
                    );
                    let m = sub.min_answered.expect("a mean needs a minimum answered");
                    assert!(m >= 1 && m <= u32::try_from(count).expect("small"), "{id}/{}: a possible minimum", sub.id);
                    let reversed: Vec<i32> = values.iter().flatten().map(|v| def.reverse_total - v).collect();
                    assert!(
                        reversed.iter().all(|v| (lo..=hi).contains(v)),
                        "{id}/{}: reversed values stay in range",
                        sub.id
                    );
                }
                MethodName::Single => {
                    assert_eq!(count, 1, "{id}/{}: one item", sub.id);
                    assert_eq!((sum_min, sum_max), (lo, hi), "{id}/{}: its options are its range", sub.id);
                }
            }
            if !sub.reverse.is_empty() && sub.method != MethodName::Mean {
                let flipped: Vec<i32> = values.iter().flatten().map(|v| def.reverse_total - v).collect();
                assert!(
                    flipped.iter().all(|v| values.iter().flatten().any(|x| x == v)),
                    "{id}/{}: a reversed answer is still an option value",
                    sub.id
                );
            }
            if sub.method != MethodName::Mean {
                assert_eq!(sub.min_answered, None, "{id}/{}: only a mean has a minimum answered", sub.id);
            }
            let maxes: Vec<f64> = sub.bands.iter().map(|b| b.max).collect();
            assert!(maxes.windows(2).all(|w| w[0] < w[1]), "{id}/{}: bands in rising order", sub.id);
            if let Some(last) = maxes.last() {
                assert!(
                    (last - f64::from(hi)).abs() < f64::EPSILON,
                    "{id}/{}: the top band reaches the top score",
                    sub.id
                );
            }
            for b in &sub.bands {
                assert!(!b.words.trim().is_empty(), "{id}/{}/{}: Ballast's words for the band", sub.id, b.id);
            }
        }
    }
}

#[test]
fn nothing_unverified_is_shipped() {
    for def in instrument::all() {
        let text = format!("{def:?}");
        assert!(!text.contains("TODO"), "{}: a TODO from the reference must never be shown", def.id);
    }
}
