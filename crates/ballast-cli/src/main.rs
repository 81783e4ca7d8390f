//! `ballast`: the command-line front door to a Ballast journal, over the same use cases as the
//! desktop app. For scripting and for tests. Exit codes: 0 success, 2 usage, 3 wrong passphrase
//! or recovery key, 4 invalid input (nothing written), 5 the journal is held by another process,
//! 1 anything else.

mod args;
mod backups;
mod check_ins;
mod exit;
mod input;
mod keys;
mod render;
mod report;
mod search;
mod secret;
mod transfer;
mod trends;

use std::process::ExitCode;
use std::sync::Arc;

use ballast_api::dto::{EntryPage, JournalState};
use ballast_api::{ApiError, Session, data_dir};
use ballast_core::{EntryId, SystemClock};
use clap::Parser;

use crate::args::{Cli, Command};
use crate::exit::Failure;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(f) => f.report(),
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    match &cli.command {
        Command::Score { instrument, answers } => return check_ins::score(instrument, answers),
        Command::SampleData { days, seed, end, out } => return trends::sample(*days, *seed, *end, out),
        _ => {}
    }
    let session = Session::new(data_dir::resolve(cli.data_dir)?, Arc::new(SystemClock));
    match cli.command {
        Command::Init => {
            let passphrase = secret::new_passphrase()?;
            let set_up = session.set_up(&passphrase)?;
            println!("{}", render::recovery_notice(&set_up.recovery_key, &session.status().data_dir));
            Ok(())
        }
        Command::Restore { file, confirm } => backups::restore(&session, &secret::opening_secret()?, &file, confirm),
        command => {
            match session.status().state {
                JournalState::NeedsSetup => return Err(ApiError::NotSetUp.into()),
                JournalState::NeedsRecovery => {
                    return Err(Failure::other(
                        "There is no journal to open here, only backups with a copy of its key file (the key file was set aside as damaged, or the journal was deleted with a final backup kept).\nTo restore the newest backup, run: ballast restore newest --confirm".to_owned(),
                    ));
                }
                _ => {}
            }
            let secret = secret::opening_secret()?;
            session.unlock(&secret)?;
            run_open(&session, &secret, command)
        }
    }
}

/// A command on an unlocked journal, opened with `secret`.
fn run_open(session: &Session, secret: &ballast_api::Secret, command: Command) -> Result<(), Failure> {
    match command {
        Command::Init => return Err(ApiError::AlreadySetUp.into()),
        Command::Restore { .. } => return Err(Failure::other("restore opens the journal itself".to_owned())),
        Command::Score { instrument, answers } => check_ins::score(&instrument, &answers)?,
        Command::SampleData { days, seed, end, out } => trends::sample(days, seed, end, &out)?,
        Command::CheckIn { instrument, answers } => check_ins::check_in(session, &instrument, &answers)?,
        Command::CheckIns { json } => check_ins::list(session, json)?,
        Command::Insights { from, to, json } => trends::insights(session, from, to, json)?,
        Command::Chart { name, from, to, out } => trends::chart(session, &name, from, to, &out)?,
        Command::Report { from, to, out, include_codes, include_tags, note } => {
            report::report(session, report::Asked { from, to, out: &out, include_codes, include_tags, note })?;
        }
        Command::Backup => backups::back_up(session)?,
        Command::Backups { json } => backups::list(session, json)?,
        Command::Verify { file } => backups::verify(session, file.as_deref())?,
        Command::Export { out } => transfer::export(session, &out)?,
        Command::Import { file } => transfer::import(session, &file)?,
        Command::ChangePassphrase { rekey, remove_backups } => keys::change(session, secret, rekey, remove_backups)?,
        Command::NewRecoveryKey { remove_backups } => keys::new_recovery_key(session, secret, remove_backups)?,
        Command::DeleteAll { confirm, no_final_backup, remove_backups } => {
            transfer::delete_all(session, confirm, no_final_backup, remove_backups)?;
        }
        Command::Add(add) => {
            let draft = input::reflection(&add)?;
            let saved = ballast_api::entries::save_reflection(session, None, &draft)?;
            render::warnings(&saved.warnings);
            println!("{}", saved.id);
        }
        Command::AddSetback { json } => {
            let draft = input::from_json(&json)?;
            let saved = ballast_api::entries::save_setback(session, None, &draft)?;
            render::warnings(&saved.warnings);
            println!("{}", saved.id);
        }
        Command::List { json } => {
            let mut all = Vec::new();
            let mut page = EntryPage { entries: Vec::new(), next: None };
            loop {
                page = ballast_api::entries::list_entries(session, page.next, ballast_api::entries::MAX_PAGE)?;
                all.append(&mut page.entries);
                if page.next.is_none() {
                    break;
                }
            }
            if json { render::json(&all)? } else { render::list(&all) }
        }
        Command::Search(args) => search::search(session, &args)?,
        Command::Codes { json } => search::codes(session, json)?,
        Command::RenameCode { old, new } => search::rename_code(session, &old, &new)?,
        Command::Tags { json } => search::tags(session, json)?,
        Command::Templates { json } => search::templates(session, json)?,
        Command::RenameTag { old, new } => search::rename_tag(session, &old, &new)?,
        Command::Show { id, json } => {
            let entry = ballast_api::entries::get_entry(session, EntryId(id))?;
            if json { render::json(&entry)? } else { render::entry(&entry) }
        }
        Command::Delete { id } => {
            ballast_api::entries::delete_entry(session, EntryId(id))?;
            println!("Deleted entry {id}.");
        }
    }
    Ok(())
}
