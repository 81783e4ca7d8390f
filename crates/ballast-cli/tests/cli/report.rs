//! `ballast report`: the format follows the extension, free text only from entries marked to
//! share, and bad input (a malformed date, a backwards range, an unknown extension, a folder that
//! cannot be written) is a clear message with no file left behind.

use crate::support::{PASS, ballast, code, init, ok};

#[test]
fn report_writes_pdf_or_markdown_with_only_shared_text() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    init(&dir);
    ok(&dir, &["add", "--text", "Kept-to-myself-plover", "--person-code", "Q4"], None);
    let shared = r#"{"setback_type":"loss","what_happened":"Brought-to-supervision-wren","share_text":true}"#;
    ok(&dir, &["add-setback", "--json", "-"], Some(shared));
    let today = ballast_core::Clock::today(&ballast_core::SystemClock).to_string();
    let md = tmp.path().join("summary.md");
    let said = ok(
        &dir,
        &["report", "--from", &today, "--to", &today, "--out", md.to_str().expect("utf-8"), "--note", "Pacing"],
        None,
    );
    assert!(said.contains("share log"), "says it was recorded: {said}");
    let text = std::fs::read_to_string(&md).expect("the Markdown is written");
    assert!(text.starts_with("# Supervision summary"), "Markdown, by the extension");
    assert!(text.contains("Brought-to-supervision-wren"), "the shared setback's text is in");
    assert!(
        !text.contains("Kept-to-myself-plover") && !text.contains("Q4"),
        "the unshared reflection's text and code are not"
    );
    assert!(text.contains("Pacing"), "with the note");
    let pdf = tmp.path().join("summary.pdf");
    ok(
        &dir,
        &["report", "--from", &today, "--to", &today, "--out", pdf.to_str().expect("utf-8"), "--include-codes"],
        None,
    );
    assert!(std::fs::read(&pdf).expect("the PDF is written").starts_with(b"%PDF-"), "a PDF, by the extension");
    let text =
        std::process::Command::new("pdftotext").arg(&pdf).arg("-").output().expect("pdftotext runs (poppler-utils)");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("Brought-to-supervision-wren"), "the PDF holds the shared text");
    assert!(
        !text.contains("Kept-to-myself-plover") && !text.contains("Q4"),
        "and not the unshared entry's text or code, even with --include-codes"
    );
}

#[test]
fn bad_report_input_is_a_clear_message_and_no_file() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let dir = tmp.path().join("data");
    init(&dir);
    let out_dir = tmp.path().join("out");
    std::fs::create_dir(&out_dir).expect("a folder");
    let file = |name: &str| out_dir.join(name).to_str().expect("utf-8").to_owned();
    let env = [("BALLAST_PASSPHRASE", PASS)];
    let cases: [(Vec<String>, i32, &str); 4] = [
        (
            vec![
                "--from".into(),
                "2026-13-01".into(),
                "--to".into(),
                "2026-12-01".into(),
                "--out".into(),
                file("a.pdf"),
            ],
            2,
            "YYYY-MM-DD",
        ),
        (
            vec![
                "--from".into(),
                "2026-11-20".into(),
                "--to".into(),
                "2026-11-01".into(),
                "--out".into(),
                file("a.pdf"),
            ],
            4,
            "first day is after the last",
        ),
        (
            vec![
                "--from".into(),
                "2026-11-01".into(),
                "--to".into(),
                "2026-11-20".into(),
                "--out".into(),
                file("a.docx"),
            ],
            4,
            ".pdf",
        ),
        (
            vec![
                "--from".into(),
                "2026-11-01".into(),
                "--to".into(),
                "2026-11-20".into(),
                "--out".into(),
                file("missing/a.pdf"),
            ],
            1,
            "could not be written",
        ),
    ];
    for (args, want, says) in cases {
        let mut all = vec!["report"];
        all.extend(args.iter().map(String::as_str));
        let out = ballast(&dir, &all, &env, None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(code(&out), want, "{args:?} ends with exit {want}: {err}");
        assert!(err.contains(says), "{args:?} says {says:?}: {err}");
    }
    let left: Vec<_> = std::fs::read_dir(&out_dir).expect("read").flatten().map(|e| e.file_name()).collect();
    assert!(left.is_empty(), "no file and no partial file is left behind: {left:?}");
}
