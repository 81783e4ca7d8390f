//! Ballast's desktop shell: a Tauri 2 app whose commands are adapters of a few lines over
//! `ballast-api`. No SQL, rules or wording live here. The TypeScript bindings in
//! `ui/src/ipc/bindings.ts` are generated from [`specta_builder`] by a test.

pub mod auto_lock;
/// The one list of commands the webview may call (also read by `build.rs`).
pub mod command_names;
pub mod commands;
#[cfg(target_os = "linux")]
pub mod logind;
pub mod reminders;
pub mod renderer;
pub mod tray;

use std::path::PathBuf;
use std::sync::Arc;

use ballast_api::{Session, data_dir};
use ballast_core::SystemClock;
use tauri::{Manager, Runtime};

/// Every command the UI may call, for the app and for the bindings.
pub fn specta_builder<R: Runtime>() -> tauri_specta::Builder<R> {
    use commands::{
        backups, care, check_ins, data, drafts, entries, home, journal, keys, people, recovery, reminders, search,
        settings, summary, templates, trends,
    };
    tauri_specta::Builder::<R>::new().commands(tauri_specta::collect_commands![
        journal::app_status,
        journal::set_up_journal,
        journal::unlock_journal,
        journal::unlock_with_recovery_key,
        journal::lock_journal,
        journal::note_activity,
        journal::watch_lock,
        journal::first_screen_painted,
        keys::change_passphrase,
        keys::rekey_journal,
        keys::new_recovery_key,
        entries::list_entries,
        entries::get_entry,
        entries::save_reflection,
        entries::save_setback,
        entries::delete_entry,
        entries::check_person_code,
        drafts::save_draft,
        drafts::take_draft,
        settings::get_settings,
        settings::save_settings,
        backups::list_backups,
        backups::back_up_now,
        backups::restore_backup,
        recovery::damage_report,
        recovery::recover_journal,
        recovery::start_empty_journal,
        data::suggested_export_folder,
        data::export_journal,
        data::import_journal,
        data::delete_everything,
        check_ins::check_in_overview,
        check_ins::record_check_in,
        check_ins::list_check_ins,
        check_ins::get_check_in,
        check_ins::delete_check_in,
        check_ins::save_check_in_draft,
        check_ins::discard_check_in_draft,
        check_ins::set_check_in_every,
        care::get_self_care_plan,
        care::save_self_care_plan,
        care::get_support_resources,
        care::save_support_resources,
        home::get_home,
        trends::get_trends,
        trends::dismiss_nudge,
        summary::get_summary_preview,
        summary::get_summary_words,
        summary::set_entry_shared,
        summary::export_summary,
        summary::get_share_log,
        summary::clear_share_log,
        search::search_journal,
        people::list_person_codes,
        people::person_journey,
        people::rename_person_code,
        people::list_tags,
        people::rename_tag,
        entries::on_this_day,
        templates::list_templates,
        templates::save_own_template,
        templates::arrange_templates,
        people::list_strength_words,
        settings::get_appearance,
        settings::set_theme,
        settings::set_reflection_more,
        reminders::get_reminders,
        reminders::set_reminders,
    ])
}

/// The TypeScript exporter used for `ui/src/ipc/bindings.ts`.
pub fn typescript() -> specta_typescript::Typescript {
    specta_typescript::Typescript::default()
        .header("// Generated from the Rust commands by src-tauri/tests/shell.rs; do not edit by hand.")
}

/// `--data-dir DIR` from the command line, if given.
fn data_dir_arg() -> Option<PathBuf> {
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        if a == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
    }
    None
}

/// Builds the app over `session`, with any runtime (the real one, or the mock in tests).
pub fn app<R: Runtime>(builder: tauri::Builder<R>, session: Session) -> tauri::Builder<R> {
    let specta = specta_builder::<R>();
    builder
        .manage(session)
        .manage(auto_lock::LockWatch::default())
        .manage(reminders::Reminders::default())
        .manage(tray::Tray::default())
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::CloseRequested { api, .. } = event {
                tray::on_close_requested(window, api);
            }
            auto_lock::on_window_event(window, event);
        })
        .invoke_handler(specta.invoke_handler())
}

/// Runs the desktop app.
///
/// # Panics
/// When the window system cannot start; there is nothing to show the worker then.
pub fn run() {
    let dir = match data_dir::resolve(data_dir_arg()) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("Ballast cannot start: {}", e.sentence());
            std::process::exit(1);
        }
    };
    let session = Session::new(dir, Arc::new(SystemClock)).with_auto_lock();
    // A second launch focuses the first window. Should this plugin fail (no session bus, say), the
    // journal's file lock still refuses a second writer, with its own message.
    // The dialog plugin lets Rust open the native save dialog; the webview is granted none of its
    // commands (see capabilities/).
    let builder = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| tray::show_window(app)));
    let builder = builder.plugin(tauri_plugin_notification::init()).setup(|app| {
        auto_lock::start_timer(app.handle().clone());
        reminders::start(app.handle().clone());
        tray::make(app.handle());
        #[cfg(target_os = "linux")]
        {
            let handle = app.handle().clone();
            logind::start(move |reason| auto_lock::lock_now(&handle, reason));
        }
        let handle = app.handle().clone();
        app.manage(commands::summary::SaveDialog(Box::new(move |folder, name, format| {
            use tauri_plugin_dialog::DialogExt;
            let label = match format {
                ballast_core::share::Format::Pdf => "PDF",
                ballast_core::share::Format::Markdown => "Markdown",
            };
            let mut dialog = handle
                .dialog()
                .file()
                .set_title("Save the supervision summary")
                .set_directory(folder)
                .set_file_name(name)
                .add_filter(label, &[format.extension()]);
            // Modal over the window, so nothing on the summary screen changes while it is open.
            if let Some(window) = handle.get_webview_window("main") {
                dialog = dialog.set_parent(&window);
            }
            dialog.blocking_save_file()?.into_path().ok()
        })));
        Ok(())
    });
    app(builder, session).run(tauri::generate_context!()).expect("the window system could not start");
}
