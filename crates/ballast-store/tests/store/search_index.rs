//! The search index kept in step with the journal: after an edit, a delete and an import (one
//! that commits and one that does not), a save that only notes its id until the next search, and
//! how long building the index takes.

use crate::search::{find, ids, journal, start, text};

#[test]
fn the_index_follows_edits_deletes_and_imports() {
    let (_tmp, mut j) = journal();
    let id = j.insert(&text(0, "first draft about lanterns"), start()).expect("save");
    j.update(id, &text(0, "rewritten about harbours"), start()).expect("edit");
    assert!(find(&mut j, "lantern").is_empty(), "an edit takes the old words out of the index");
    assert_eq!(ids(&find(&mut j, "harbour")), vec![id.0], "and puts the new ones in");
    j.set_share_text(id, true, start()).expect("share");
    assert_eq!(ids(&find(&mut j, "harbour")), vec![id.0], "marking it shared keeps it found");
    let entry = j.get(id).expect("read");
    j.delete(id).expect("delete");
    assert!(find(&mut j, "harbour").is_empty(), "a deleted entry is not found");
    let mut import = j.import().expect("start an import");
    import.entry(&entry).expect("import");
    import.commit().expect("commit");
    assert_eq!(ids(&find(&mut j, "harbour")).len(), 1, "an imported entry is found");
    let dropped = {
        let mut import = j.import().expect("start an import");
        let mut other = entry.clone();
        other.body = text(3, "an import that never commits: driftwood");
        other.id = ballast_core::EntryId(999);
        import.entry(&other).expect("import");
        "driftwood"
    };
    assert!(find(&mut j, dropped).is_empty(), "an import that is not committed leaves nothing in the index");
    assert!(j.integrity_problems().expect("check").is_empty(), "the index stays sound");
}

#[test]
fn a_save_only_notes_its_id_and_the_index_catches_up_before_a_search() {
    let (_tmp, mut j) = journal();
    let id = j.insert(&text(0, "a marmalade sandwich"), start()).expect("save");
    assert_eq!(j.search_pending().expect("count"), 1, "the save noted its entry for the index");
    assert_eq!(j.bare_match("\"marmalade\"", 10).expect("bare"), 0, "and did not index it in its own commit");
    assert_eq!(ids(&find(&mut j, "marma")), vec![id.0], "a search indexes it first, then finds it");
    assert_eq!(j.search_pending().expect("count"), 0, "nothing waits after a search");
    j.delete(id).expect("delete");
    assert_eq!(j.bare_match("\"marmalade\"", 10).expect("bare"), 0, "a delete takes its words out at once");
    let edited = j.insert(&text(1, "a rhubarb crumble"), start()).expect("save");
    assert_eq!(ids(&find(&mut j, "rhubarb")), vec![edited.0], "indexed by a search");
    j.update(edited, &text(1, "a plum crumble"), start()).expect("edit");
    assert_eq!(j.bare_match("\"rhubarb\"", 10).expect("bare"), 0, "an edit takes the old words out at once");
    assert_eq!(ids(&find(&mut j, "plum")), vec![edited.0], "and the new ones are found by the next search");
    let mut import = j.import().expect("import");
    let mut e = imported_entry();
    e.body = text(2, "an imported quince");
    import.entry(&e).expect("import");
    import.commit().expect("commit");
    assert_eq!(j.search_pending().expect("count"), 0, "an import leaves its entries indexed");
    assert_eq!(j.bare_match("\"quince\"", 10).expect("bare"), 1, "in the index itself");
}

/// An entry as an export holds it.
fn imported_entry() -> ballast_core::Entry {
    ballast_core::Entry {
        id: ballast_core::EntryId(77),
        created_at: start(),
        updated_at: start(),
        body: text(0, "placeholder"),
    }
}

/// How long the index takes to build for a journal of `n` entries (what migration 0006 does on
/// upgrade, and `catch_up` after a large import). A measurement, not a check: run with
/// `cargo test --release -p ballast-store --test store index_build_time -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement for docs/PERFORMANCE.md"]
fn index_build_time() {
    for n in [3_650_i64, 20_000] {
        let (_tmp, mut j) = journal();
        let words =
            ["housing", "benefits", "walk", "forms", "calls", "patience", "tired", "hopeful", "canal", "office"];
        let mut import = j.import().expect("import");
        for i in 0..n {
            let body = text(
                i % 1800,
                &format!(
                    "Day {i}: {} then {} and {}, a long wait at the {} before the {}.",
                    words[(i % 10) as usize],
                    words[(i * 7 % 10) as usize],
                    words[(i * 3 % 10) as usize],
                    words[(i * 9 % 10) as usize],
                    words[(i * 11 % 10) as usize]
                ),
            );
            import
                .entry(&ballast_core::Entry {
                    id: ballast_core::EntryId(i + 1),
                    created_at: start(),
                    updated_at: start(),
                    body,
                })
                .expect("entry");
        }
        let started = std::time::Instant::now();
        import.commit().expect("commit, indexing every entry");
        println!("{n} entries: written and indexed in {:?}", started.elapsed());
    }
}
