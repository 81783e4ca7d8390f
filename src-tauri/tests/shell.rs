//! The desktop shell without a window: the generated bindings match the checked-in file, the
//! commands work through Tauri's IPC on the mock runtime, and the security settings stay strict.

use std::path::Path;
use std::sync::Arc;

use ballast_api::{DataDir, Session};
use ballast_core::FixedClock;
use chrono::{TimeZone, Utc};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets};
use tauri::webview::InvokeRequest;

const BINDINGS: &str = "../ui/src/ipc/bindings.ts";

/// Regenerates the bindings. When they differ from the checked-in file, the file is rewritten
/// (so the change can be committed) and the test fails, so CI catches drift.
#[test]
fn bindings_match_the_rust_commands() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let fresh = tmp.path().join("bindings.ts");
    ballast_desktop_lib::specta_builder::<tauri::Wry>()
        .export(ballast_desktop_lib::typescript(), &fresh)
        .expect("export the bindings");
    let fresh = std::fs::read_to_string(&fresh).expect("read fresh bindings");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BINDINGS);
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != fresh {
        std::fs::write(&path, &fresh).expect("write bindings");
        panic!("ui/src/ipc/bindings.ts was out of date with the Rust commands; it has been regenerated, commit it");
    }
}

fn invoke(
    webview: &tauri::WebviewWindow<MockRuntime>,
    cmd: &str,
    args: serde_json::Value,
) -> Result<serde_json::Value, serde_json::Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|b| b.deserialize::<serde_json::Value>().expect("json"))
}

#[test]
fn commands_work_through_ipc_and_errors_keep_their_shape() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("date"));
    let session = Session::new(DataDir::new(tmp.path().join("data")), Arc::new(clock));
    let app = ballast_desktop_lib::app(mock_builder(), session).build(mock_context(noop_assets())).expect("build app");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("webview");

    let status = invoke(&webview, "app_status", serde_json::json!({})).expect("status");
    assert_eq!(status["state"], "needs_setup", "a fresh directory asks for set-up");
    let set_up = invoke(&webview, "set_up_journal", serde_json::json!({"passphrase": "harbour lantern quietly"}))
        .expect("set up");
    assert_eq!(set_up["recovery_key"].as_str().map(str::len), Some(39), "the recovery key comes back once");
    let saved = invoke(
        &webview,
        "save_reflection",
        serde_json::json!({"id": null, "draft": {"mood": 7, "text": "through IPC"}}),
    )
    .expect("save");
    let id = saved["id"].clone();
    let entry = invoke(&webview, "get_entry", serde_json::json!({"id": id})).expect("get");
    assert_eq!(entry["kind"], "reflection", "the entry is tagged with its kind");
    assert_eq!(entry["text"], "through IPC", "and carries its fields flat");
    let err = invoke(&webview, "save_reflection", serde_json::json!({"id": null, "draft": {"mood": 11}}))
        .expect_err("invalid");
    assert_eq!(err["kind"], "invalid", "errors cross as {{kind, message, fields}}");
    assert_eq!(err["fields"][0]["field"], "mood", "with the field named");
    invoke(&webview, "lock_journal", serde_json::json!({})).expect("lock");
    let err =
        invoke(&webview, "unlock_journal", serde_json::json!({"passphrase": "not the right one"})).expect_err("wrong");
    assert_eq!(err["message"], "That passphrase does not open this journal.", "the calm message reaches the UI");
}

#[test]
fn the_webview_gets_only_ballasts_own_commands_and_a_strict_csp() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let conf: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("tauri.conf.json")).expect("conf")).expect("json");
    let csp = conf["app"]["security"]["csp"].as_str().expect("a CSP string, never null");
    for rule in ["default-src 'self'", "script-src 'self'", "object-src 'none'"] {
        assert!(csp.contains(rule), "the CSP must contain {rule}");
    }
    assert!(!csp.contains("unsafe-eval") && !csp.contains("unsafe-inline"), "no eval or inline code");
    assert!(!csp.contains("https:") && !csp.contains(" *"), "no remote sources");
    assert_eq!(conf["app"]["withGlobalTauri"], false, "no global Tauri object for injected scripts");
    for entry in std::fs::read_dir(root.join("capabilities")).expect("capabilities") {
        let cap: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(entry.expect("entry").path()).expect("read")).expect("json");
        for p in cap["permissions"].as_array().expect("permissions") {
            let p = p.as_str().expect("a plain permission name");
            assert!(
                p.starts_with("allow-") && !p.contains(':'),
                "only Ballast's own commands may be granted, not plugin or core permission {p}"
            );
        }
    }
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("manifest");
    let plugins: Vec<&str> =
        manifest.lines().filter(|l| l.starts_with("tauri-plugin")).filter_map(|l| l.split(' ').next()).collect();
    assert_eq!(
        plugins,
        ["tauri-plugin-single-instance", "tauri-plugin-dialog", "tauri-plugin-notification"],
        "no plugin that could give the webview file-system, shell or network access: single-instance gives it none, and \
         the dialog and the notifications are used from Rust only (none of their permissions is granted above)"
    );
}

/// One list of commands: the capability grants exactly the commands of `src/command_names.rs`
/// (which `build.rs` gives the app manifest), and the generated bindings call exactly those.
#[test]
fn the_command_list_the_capability_and_the_bindings_agree() {
    use std::collections::BTreeSet;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let listed: BTreeSet<String> =
        ballast_desktop_lib::command_names::COMMANDS.iter().map(|c| (*c).to_owned()).collect();
    assert_eq!(listed.len(), ballast_desktop_lib::command_names::COMMANDS.len(), "no command is listed twice");
    let cap: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("capabilities/default.json")).expect("capability"))
            .expect("json");
    let granted: BTreeSet<String> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-").map(|c| c.replace('-', "_")))
        .collect();
    assert_eq!(granted, listed, "capabilities/default.json must grant exactly the commands in src/command_names.rs");
    let bindings = std::fs::read_to_string(root.join(BINDINGS)).expect("bindings");
    let called: BTreeSet<String> = bindings
        .split("__TAURI_INVOKE")
        .skip(1)
        .filter(|rest| rest.starts_with('(') || rest.starts_with('<'))
        .filter_map(|rest| rest.split('"').nth(1).map(str::to_owned))
        .collect();
    assert_eq!(called, listed, "the builder's commands (in the generated bindings) must be exactly the listed ones");
}

/// Logind's signals lock the journal: a private D-Bus daemon stands in for the system bus, a
/// stand-in for logind owns its name and emits `PrepareForSleep(true)` and a session's `Lock`,
/// and the watch Ballast runs in the app hears each.
#[cfg(target_os = "linux")]
#[test]
fn sleep_and_session_lock_signals_reach_the_watch() {
    use std::io::BufRead;
    use std::sync::mpsc;
    use std::time::Duration;

    let Ok(mut daemon) = std::process::Command::new("dbus-daemon")
        .args(["--session", "--nofork", "--print-address=1"])
        .stdout(std::process::Stdio::piped())
        .spawn()
    else {
        panic!("dbus-daemon is needed for this test (setup.sh installs it with dbus-x11)");
    };
    let mut address = String::new();
    std::io::BufReader::new(daemon.stdout.take().expect("stdout")).read_line(&mut address).expect("address");
    let address = address.trim().to_owned();
    let logind = zbus::blocking::connection::Builder::address(address.as_str())
        .expect("address")
        .name("org.freedesktop.login1")
        .expect("name")
        .build()
        .expect("the stand-in takes logind's name");
    let ballast =
        zbus::blocking::connection::Builder::address(address.as_str()).expect("address").build().expect("connect");
    let session_path = zbus::zvariant::OwnedObjectPath::try_from("/org/freedesktop/login1/session/_31").expect("path");
    let (tx, rx) = mpsc::channel();
    let started = ballast_desktop_lib::logind::watch(&ballast, Some(session_path.clone()), move |r| {
        let _ = tx.send(r);
    });
    assert_eq!(started, 2, "both watches start: sleep and the session's lock");
    std::thread::sleep(Duration::from_millis(200));
    let manager = "org.freedesktop.login1.Manager";
    logind.emit_signal(None::<&str>, "/org/freedesktop/login1", manager, "PrepareForSleep", &(false,)).expect("emit");
    logind.emit_signal(None::<&str>, "/org/freedesktop/login1", manager, "PrepareForSleep", &(true,)).expect("emit");
    let got = rx.recv_timeout(Duration::from_secs(5)).expect("the sleep signal is heard");
    assert_eq!(got, ballast_api::dto::LockReason::Sleep, "waking (false) does not lock; going to sleep (true) does");
    logind
        .emit_signal(None::<&str>, "/org/freedesktop/login1/session/_99", "org.freedesktop.login1.Session", "Lock", &())
        .expect("emit");
    logind
        .emit_signal(None::<&str>, session_path.as_str(), "org.freedesktop.login1.Session", "Lock", &())
        .expect("emit");
    let got = rx.recv_timeout(Duration::from_secs(5)).expect("the session lock is heard");
    assert_eq!(got, ballast_api::dto::LockReason::SessionLocked, "this session's Lock locks the journal");
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "another session's Lock is not ours");
    let _ = daemon.kill();
}

/// The handler the watch calls locks the journal and tells the window (driven directly here, on
/// the mock runtime).
#[test]
fn a_lock_from_the_system_locks_the_journal() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let clock = FixedClock(Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("date"));
    let session = Session::new(DataDir::new(tmp.path().join("data")), Arc::new(clock));
    let app = ballast_desktop_lib::app(mock_builder(), session).build(mock_context(noop_assets())).expect("build app");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default()).build().expect("webview");
    invoke(&webview, "set_up_journal", serde_json::json!({"passphrase": "harbour lantern quietly"})).expect("set up");
    ballast_desktop_lib::auto_lock::lock_now(app.handle(), ballast_api::dto::LockReason::Sleep);
    let status = invoke(&webview, "app_status", serde_json::json!({})).expect("status");
    assert_eq!(status["state"], "locked", "the journal is locked by the sleep handler");
    assert_eq!(status["locked_because"], "sleep", "and says why");
    let err = invoke(&webview, "list_entries", serde_json::json!({"before": null, "limit": 5})).expect_err("locked");
    assert_eq!(err["kind"], "locked", "no command reaches it until the next unlock");
}
