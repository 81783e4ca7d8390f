//! Builds the Tauri context and the app manifest: only the commands listed here may be invoked,
//! and only those granted in `capabilities/`.

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(&[
        "app_status",
        "set_up_journal",
        "unlock_journal",
        "unlock_with_recovery_key",
        "lock_journal",
        "change_passphrase",
        "list_entries",
        "get_entry",
        "save_reflection",
        "save_setback",
        "delete_entry",
        "check_person_code",
        "save_draft",
        "take_draft",
        "get_settings",
        "save_settings",
        "list_backups",
        "back_up_now",
        "restore_backup",
        "damage_report",
        "recover_journal",
        "start_empty_journal",
        "suggested_export_folder",
        "export_journal",
        "import_journal",
        "delete_everything",
    ]);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)).expect("tauri build");
}
