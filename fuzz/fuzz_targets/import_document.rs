//! Any bytes offered as an export: the import's checking pass must return a list of problems or
//! a count of entries, never panic, hang or echo a value in a message.
#![no_main]

use ballast_api::ApiError;
use ballast_api::transfer::import::check_document;
use ballast_core::FixedClock;
use chrono::TimeZone;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let clock = FixedClock(chrono::Utc.with_ymd_and_hms(2026, 11, 25, 18, 0, 0).single().expect("a valid date"));
    if let Err(ApiError::ImportInvalid(problems)) = check_document(data, &clock) {
        assert!(!problems.is_empty(), "a refusal always says why");
        for p in &problems {
            assert!(p.message.len() < 300, "messages stay short and never carry the file's text");
        }
    }
});
