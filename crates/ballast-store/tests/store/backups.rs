//! Backups on disk over a simulated year: one each morning on a fixed clock, pruned as Ballast
//! prunes, leaves exactly the files the retention policy names, each still verifying.

use ballast_core::{EntryBody, FixedClock, ReflectionDraft};
use ballast_store::{DataDir, Journal, Reason, backup};
use chrono::{Duration, NaiveDate, TimeZone, Utc};
use secrecy::SecretString;

#[test]
fn a_simulated_year_of_daily_backups_keeps_7_daily_4_weekly_12_monthly_files() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = DataDir::new(tmp.path().join("data"));
    let pass = SecretString::from("harbour lantern quietly".to_owned());
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).single().expect("date");
    let (mut j, _) = Journal::create(&dir, &pass, start).expect("set up");
    let mut now = start;
    while now.date_naive() <= NaiveDate::from_ymd_opt(2026, 12, 31).expect("date") {
        let body = ReflectionDraft { text: Some(format!("day {}", now.date_naive())), ..Default::default() }
            .validate(&FixedClock(now))
            .expect("valid");
        j.insert(&EntryBody::Reflection(body), now).expect("save");
        assert!(j.daily_backup_due(now).expect("due?"), "no backup yet on {}", now.date_naive());
        j.backup(Reason::Daily, now, &mut |_| {}).expect("backup");
        assert!(!j.daily_backup_due(now + Duration::hours(3)).expect("due?"), "one a day is enough");
        now += Duration::days(1);
    }
    let mut kept: Vec<String> =
        backup::list(&dir).expect("list").iter().map(|b| b.created_at.format("%m-%d").to_string()).collect();
    kept.sort();
    let want = [
        "01-31", "02-28", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-13",
        "12-20", "12-25", "12-26", "12-27", "12-28", "12-29", "12-30", "12-31",
    ];
    assert_eq!(kept, want, "7 days, the newest of 4 weeks and of 12 months, as files on disk");
    for b in backup::list(&dir).expect("list") {
        let v = j.verify_backup(&dir.backups().join(&b.file_name)).expect("every kept backup verifies");
        assert!(v.counts["entries"] >= 31, "each holds the entries up to its day");
    }
    let files = std::fs::read_dir(dir.backups()).expect("dir").count();
    assert_eq!(files, want.len() + 1, "nothing else is left in the folder but the vault copy");
}
