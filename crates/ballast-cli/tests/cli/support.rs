//! What every CLI test uses: running the real `ballast` binary on a data directory, its output
//! and exit code, and setting up a journal.
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

pub const PASS: &str = "harbour lantern quietly";

pub fn ballast(dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_ballast"));
    cmd.arg("--data-dir")
        .arg(dir)
        .args(args)
        .env_remove("BALLAST_PASSPHRASE")
        .env_remove("BALLAST_RECOVERY_KEY")
        .env_remove("BALLAST_NEW_PASSPHRASE")
        .env_remove("BALLAST_DATA_DIR");
    cmd.envs(env.iter().copied()).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run ballast");
    let mut pipe = child.stdin.take().expect("stdin");
    pipe.write_all(stdin.unwrap_or("").as_bytes()).expect("write stdin");
    drop(pipe);
    child.wait_with_output().expect("wait")
}

pub fn ok(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let out = ballast(dir, args, &[("BALLAST_PASSPHRASE", PASS)], stdin);
    assert!(out.status.success(), "ballast {args:?} should succeed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

pub fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally")
}

pub fn init(dir: &Path) -> String {
    let out = ok(dir, &["init"], None);
    out.lines()
        .map(str::trim)
        .find(|l| l.len() == 39 && l.matches('-').count() == 7)
        .expect("the recovery key is printed")
        .to_owned()
}
