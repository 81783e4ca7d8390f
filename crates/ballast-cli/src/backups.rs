//! `ballast backup`, `backups`, `verify` and `restore`.

use ballast_api::backups::RESTORE_WORD;
use ballast_api::dto::{BackupView, JournalState};
use ballast_api::{ApiError, Secret, Session};

use crate::exit::Failure;
use crate::render;

fn describe(b: &BackupView) -> String {
    let when = render::local(b.created_at);
    let kib = b.bytes.div_ceil(1024);
    let reason = b.reason.replace('_', " ");
    format!(
        "{when}  {kib:>8} KiB  {reason:<18} {}  {}",
        if b.verified { "verified" } else { "not verified" },
        b.file_name
    )
}

/// `ballast backup`.
pub fn back_up(session: &Session) -> Result<(), Failure> {
    let made = ballast_api::backups::back_up_now(session, &mut |_| {})?;
    println!("Backed up and verified: {}", describe(&made));
    Ok(())
}

/// `ballast backups [--json]`.
pub fn list(session: &Session, json: bool) -> Result<(), Failure> {
    let list = ballast_api::backups::list_backups(session)?;
    if json {
        return render::json(&list);
    }
    if let Some(problem) = &list.problem {
        eprintln!("The last automatic backup did not work: {problem}");
    }
    if list.backups.is_empty() {
        println!("No backups yet in {}.", list.folder);
    }
    for b in &list.backups {
        println!("{}", describe(b));
    }
    Ok(())
}

/// `ballast verify [FILE]`.
pub fn verify(session: &Session, file: Option<&str>) -> Result<(), Failure> {
    let targets: Vec<String> = match file {
        Some(f) => vec![f.to_owned()],
        None => {
            let problems = ballast_api::backups::integrity_problems(session)?;
            if problems.is_empty() {
                println!("journal: sound");
            } else {
                return Err(Failure::other(
                    "Ballast read the whole journal and found parts of it damaged. Nothing has been changed. To restore the newest backup that passes Ballast's check, run: ballast restore newest --confirm".to_owned(),
                ));
            }
            ballast_api::backups::list_backups(session)?.backups.into_iter().map(|b| b.file_name).collect()
        }
    };
    let mut failed = 0;
    for target in &targets {
        match ballast_api::backups::verify_backup(session, target) {
            Ok(report) => {
                let count = |table: &str| report.counts.get(table).copied().unwrap_or(0);
                let (entries, check_ins) = (count("entries"), count("check_ins"));
                let plural = |n: i64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
                println!(
                    "{target}: verified, it opens and holds {} and {}",
                    plural(entries, "entry", "entries"),
                    plural(check_ins, "self-check", "self-checks")
                );
            }
            Err(e) => {
                failed += 1;
                println!("{target}: {}", e.sentence());
            }
        }
    }
    if failed > 0 {
        return Err(Failure::other(format!("{failed} of {} did not pass.", targets.len())));
    }
    Ok(())
}

/// `ballast restore FILE --confirm`: over an open journal, or to recover one found damaged.
pub fn restore(session: &Session, secret: &Secret, file: &str, confirm: bool) -> Result<(), Failure> {
    if !confirm {
        return Err(Failure::usage(
            "Restoring replaces the journal with the backup (the journal is backed up first). Add --confirm to go ahead."
                .to_owned(),
        ));
    }
    let chosen = (file != "newest").then_some(file);
    // Only backups and a copy of the key file are here: nothing to unlock, recover straight away.
    let needs_recovery = session.status().state == JournalState::NeedsRecovery;
    match if needs_recovery { Ok(false) } else { session.unlock(secret).map(|()| true) } {
        Ok(true) => {
            let target = match chosen {
                Some(f) => f.to_owned(),
                None => ballast_api::backups::list_backups(session)?
                    .backups
                    .first()
                    .map(|b| b.file_name.clone())
                    .ok_or_else(|| Failure::other("There are no backups to restore.".to_owned()))?,
            };
            let before = ballast_api::backups::restore(session, &target, RESTORE_WORD, &mut |_| {})?;
            println!("Restored {target}. The journal as it was is kept as {}.", before.file_name);
        }
        Ok(false) | Err(ApiError::JournalDamaged(_) | ApiError::VaultDamaged) => {
            if let Some(folder) = ballast_api::recovery::damage_report(session).and_then(|r| r.quarantined_to) {
                eprintln!("The damaged files were moved into {folder} (they are never deleted).");
            }
            ballast_api::recovery::recover(session, secret, chosen)?;
            println!(
                "Recovered the journal from {}.",
                chosen.unwrap_or("the newest backup that passes Ballast's check")
            );
        }
        Err(e) => return Err(e.into()),
    }
    Ok(())
}
