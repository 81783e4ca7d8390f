//! Search at 100,000 reflections: Ballast's `search::search` (the query made from what was typed,
//! FTS5's MATCH joined to `entries`, bm25 order with the newest first among equals, a marked
//! snippet per result) against the bare FTS5 query,
//! `SELECT rowid FROM entries_search WHERE entries_search MATCH ? ORDER BY rank LIMIT 30`, given
//! the same MATCH expression, on the journal's own connection (`Journal::bare_match`). Search as
//! the worker types (a prefix of one, two and three letters, 30 results as the screen asks) and a
//! ranked search for two common words. Target: Ballast at most 2× the bare query. The journal is
//! one deterministic import of varied text (a vocabulary of 3,000 words drawn with Zipf-like
//! weights). See docs/PERFORMANCE.md.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

mod common;

use std::io::Write;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use ballast_api::sample::Rng;
use ballast_api::search::SearchRequest;
use ballast_api::{DataDir, Secret, Session};
use ballast_core::{FixedClock, ReflectionDraft};
use chrono::{Duration, TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use secrecy::SecretString;
use serde_json::json;

use common::{PASS, five_years_end};

const ENTRIES: u32 = 100_000;
/// What the screen asks for.
const LIMIT: u32 = 30;

/// English words, roughly most common first: the head of the vocabulary.
const WORDS: &str = "the and to a of i in was it that he she with for on they we her his at but not \
    about this had be is as have so my were me today them from said what all there when our would \
    some more one again felt just time up can if no been out could did their how into do still \
    session feel after like because over then you back now much by him an asked phone talked week \
    housing benefits appointment letter support worker family mother father brother sister son \
    daughter partner friend friends home house flat room hostel tenancy landlord rent council \
    office form forms claim money debt food bank shop kitchen bus walk walked car train station \
    hospital ward doctor nurse gp clinic medication prescription pharmacy dose side effects sleep \
    tired anxious anxiety worried calm angry upset quiet hopeful hope steady better worse hard \
    harder easier small step steps progress setback relapse crisis plan plans goal goals choice \
    choices listen listened heard hearing understood trust trusted pushed patience gentle \
    persistence boundary boundaries limits caseload supervision supervisor manager team colleague \
    referral referred service services waiting list waitlist assessment review meeting meetings \
    court probation police solicitor advocate advice college course job work employment interview \
    training volunteer groups group peer recovery drinking drink alcohol drugs using clean sober \
    weeks months days morning afternoon evening night late early long short first last next \
    other new old good bad little big whole every each both few many most own same different \
    going went come came get got make made take took give gave tell told know knew think thought \
    want wanted need needed try tried seem seemed keep kept start started stop stopped help helped \
    helping call called leave left stay stayed move moved open opened close closed bring brought \
    carry ready safe unsafe stable unstable struggling struggle coping coped managed managing \
    noticed notice strengths strength humour kindness honest honesty courage resilience warm \
    warmth patient careful clear confused missed cancelled rearranged arrived late visit visited \
    message messages text texted email emailed voicemail rang answer answered paperwork deadline \
    sanctioned sanction universal credit payment payments arrears eviction notice repairs damp \
    mould heating cold weather rain winter summer holiday christmas birthday anniversary grief \
    loss bereavement funeral memory memories childhood school children kids contact social care \
    mental health physical pain diagnosis therapy counselling counsellor psychiatrist crisis team \
    safety planning risk harm self agreed agree disagree decision decided respect respected \
    dignity shame guilt proud pride relief relieved grateful thanks laughed smiled cried tears \
    silence silent space pace slowly quickly together alone lonely isolated connected connection \
    community garden park library cafe church mosque temple centre drop in shelter outreach street";

/// Syllables for the long tail of rarer words (names of places, people, medicines, slang).
const SYLLABLES: [&str; 40] = [
    "ba", "be", "bo", "ca", "co", "da", "de", "di", "do", "fa", "fe", "ga", "ha", "he", "ho", "ja", "ka", "la", "le",
    "li", "lo", "ma", "me", "mi", "mo", "na", "ne", "no", "pa", "pe", "ra", "re", "ri", "ro", "sa", "se", "si", "ta",
    "te", "to",
];
const CODAS: [&str; 8] = ["", "n", "r", "l", "s", "th", "nd", "st"];

/// The vocabulary, most common first: the English words, then rarer made-up ones to `size`.
fn vocabulary(size: usize) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for w in WORDS.split_whitespace() {
        if !words.iter().any(|x| x == w) {
            words.push(w.to_owned());
        }
    }
    let mut rng = Rng(0x5eed_0f70_7a15);
    while words.len() < size {
        let n = 2 + rng.below(2);
        let mut w = String::new();
        for _ in 0..n {
            w.push_str(SYLLABLES[usize::try_from(rng.below(SYLLABLES.len() as u64)).unwrap_or(0)]);
        }
        w.push_str(CODAS[usize::try_from(rng.below(CODAS.len() as u64)).unwrap_or(0)]);
        if !words.contains(&w) {
            words.push(w);
        }
    }
    words
}

/// Draws words by rank with Zipf–Mandelbrot weights, as words fall in real text.
struct Zipf {
    words: Vec<String>,
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(words: Vec<String>) -> Self {
        let mut total = 0.0;
        let cumulative = (0..words.len())
            .map(|r| {
                total += 1.0 / (r as f64 + 2.7);
                total
            })
            .collect();
        Self { words, cumulative }
    }

    fn draw(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative.last().copied().unwrap_or(1.0);
        let x = rng.unit() * total;
        let i = self.cumulative.partition_point(|c| *c < x).min(self.words.len() - 1);
        &self.words[i]
    }
}

/// Sentences of 4 to 15 words, `from..to` of them.
fn prose(z: &Zipf, rng: &mut Rng, from: u64, to: u64) -> String {
    let mut out = String::new();
    for s in 0..(from + rng.below(to - from + 1)) {
        if s > 0 {
            out.push(' ');
        }
        let n = 4 + rng.below(12);
        for i in 0..n {
            let w = z.draw(rng);
            if i == 0 {
                let mut c = w.chars();
                if let Some(first) = c.next() {
                    out.extend(first.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(w);
                if i + 1 < n && rng.below(9) == 0 {
                    out.push(',');
                }
            }
        }
        out.push(if rng.below(12) == 0 { '?' } else { '.' });
    }
    out
}

const TAGS: [&str; 6] = ["housing", "benefits", "family", "employment", "medication", "groups"];
const CODES: [&str; 8] = ["R1", "R2", "R3", "K4", "K5", "M6", "M7", "T8"];

/// A journal at `root` holding `ENTRIES` reflections of varied text (2 to 6 sentences; strengths
/// in about a third), written as one export and imported (one transaction), then locked and
/// unlocked as the worker would find it. Returns it with the number of words written.
fn seeded(root: &std::path::Path) -> (Session, u64) {
    let end = five_years_end();
    let start = Utc.with_ymd_and_hms(2021, 1, 1, 9, 0, 0).single().expect("date");
    let z = Zipf::new(vocabulary(3000));
    let mut rng = Rng(42);
    let file = root.with_extension("json");
    let mut out = std::io::BufWriter::new(std::fs::File::create(&file).expect("seed file"));
    write!(out, "{{\"format\":\"ballast-export\",\"version\":5,\"exported_at\":\"{}\",\"entries\":[", end.to_rfc3339())
        .expect("write");
    let mut words = 0;
    for i in 0..ENTRIES {
        let at = (start
            + Duration::minutes(30 * i64::from(i))
            + Duration::minutes(i64::try_from(rng.below(25)).unwrap_or(0)))
        .to_rfc3339();
        let text = prose(&z, &mut rng, 2, 6);
        let strengths = (rng.below(3) == 0).then(|| prose(&z, &mut rng, 1, 1));
        words += text.split_whitespace().count() + strengths.as_deref().map_or(0, |s| s.split_whitespace().count());
        let draft = ReflectionDraft {
            occurred_at: Some(at.clone()),
            mood: Some(i32::try_from(rng.below(11)).unwrap_or(5)),
            self_worth: Some(i32::try_from(rng.below(11)).unwrap_or(5)),
            outcome: Some(
                ["progress", "no_change", "setback", "not_applicable"][usize::try_from(rng.below(4)).unwrap_or(0)]
                    .into(),
            ),
            person_code: Some(CODES[usize::try_from(rng.below(8)).unwrap_or(0)].into()),
            tags: vec![TAGS[usize::try_from(rng.below(6)).unwrap_or(0)].into()],
            strengths,
            text: Some(text),
            ..Default::default()
        };
        let mut record = serde_json::to_value(draft).expect("a draft is JSON");
        record["id"] = json!(i + 1);
        record["kind"] = json!("reflection");
        record["created_at"] = json!(at);
        record["updated_at"] = json!(at);
        write!(out, "{}\n{record}", if i == 0 { "" } else { "," }).expect("write");
    }
    writeln!(out, "],\"settings\":[],\"check_ins\":[],\"dismissed_nudges\":[]}}").expect("write");
    drop(out);

    let session = Session::new(DataDir::new(root), Arc::new(FixedClock(end)));
    session.set_up(&SecretString::from(PASS.to_owned())).expect("set up");
    ballast_api::transfer::import::import_file(&session, &file, &mut |_| {}).expect("import the seed");
    std::fs::remove_file(&file).expect("remove the seed file");
    session.lock();
    session.unlock(&Secret::Passphrase(SecretString::from(PASS.to_owned()))).expect("unlock");
    (session, u64::try_from(words).unwrap_or(0))
}

fn request(text: &str) -> SearchRequest {
    SearchRequest { text: text.to_owned(), limit: LIMIT, ..Default::default() }
}

fn search(c: &mut Criterion) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("temp dir on the build disk");
    let begun = std::time::Instant::now();
    let (session, words) = seeded(&tmp.path().join("journal"));
    let size = std::fs::metadata(session.dir().database()).map_or(0, |m| m.len());
    eprintln!(
        "seeded {ENTRIES} reflections, {words} words, in {:.1} s; journal.db {:.1} MB",
        begun.elapsed().as_secs_f64(),
        size as f64 / 1e6
    );

    // What is typed; the bare query is given the same MATCH expression Ballast makes of it.
    let queries = [("prefix_1", "h"), ("prefix_2", "ho"), ("prefix_3", "hou"), ("two_words", "housing benefits")];
    let mut group = c.benchmark_group("search_100k");
    group.sample_size(10).warm_up_time(StdDuration::from_secs(1)).measurement_time(StdDuration::from_secs(4));
    for (name, typed) in queries {
        let expr = ballast_core::search::match_expression(typed).expect("something to search");
        let req = request(typed);
        let hits = ballast_api::search::search(&session, &req).expect("search");
        let bare = |s: &Session| s.journal().expect("open").bare_match(&expr, LIMIT).expect("bare query");
        assert_eq!(hits.len() as u64, bare(&session), "{typed:?}: both answer the same number of results");
        eprintln!("{name}: {typed:?} is {expr}; {} results", hits.len());
        group.bench_function(format!("{name}_ballast"), |b| {
            b.iter(|| ballast_api::search::search(&session, &req).expect("search"))
        });
        group.bench_function(format!("{name}_bare_fts5"), |b| b.iter(|| bare(&session)));
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
