//! `ballast export`, `import` and `delete-all`.

use std::path::Path;

use ballast_api::Session;
use ballast_api::delete_all::{DELETE_WORDS, DeleteChoice};

use crate::exit::Failure;

/// `ballast export --out DIR`.
pub fn export(session: &Session, out: &Path) -> Result<(), Failure> {
    let report = ballast_api::transfer::export::export_to(session, out)?;
    println!("Exported {} entries:", report.entries);
    for f in &report.files {
        println!("  {f}");
    }
    Ok(())
}

/// `ballast import FILE`.
pub fn import(session: &Session, file: &Path) -> Result<(), Failure> {
    let report = ballast_api::transfer::import::import_file(session, file, &mut |_| {})?;
    println!(
        "Imported {} records; {} already here were skipped. The journal as it was is kept as {}.",
        report.added, report.skipped, report.backup.file_name
    );
    Ok(())
}

/// `ballast delete-all --confirm [--no-final-backup] [--remove-backups]`.
pub fn delete_all(
    session: &Session,
    confirm: bool,
    no_final_backup: bool,
    remove_backups: bool,
) -> Result<(), Failure> {
    if !confirm {
        return Err(Failure::usage(
            "This deletes your journal, its key file and drafts. Add --confirm to go ahead.".to_owned(),
        ));
    }
    let choice = DeleteChoice { confirmation: DELETE_WORDS.to_owned(), final_backup: !no_final_backup, remove_backups };
    let report = ballast_api::delete_all::delete_everything(session, &choice)?;
    println!("Removed:");
    for r in &report.removed {
        println!("  {r}");
    }
    if let Some(b) = &report.final_backup {
        println!(
            "Kept a final backup, {b}, with a copy of the key file, so this can be undone with: ballast restore newest --confirm"
        );
    }
    if !report.left.is_empty() {
        println!("Still in the data folder:");
        for l in &report.left {
            println!("  {l}");
        }
    }
    Ok(())
}
