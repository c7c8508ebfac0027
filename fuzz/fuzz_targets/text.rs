//! Free text the engineer types: the clarity check, competency suggestion, ticket keys,
//! dates and months. No input may panic, and the clarity check always has a verdict.
#![no_main]

use std::sync::OnceLock;

use cairn_core::ladder::builtin;
use cairn_core::suggest::Suggester;
use libfuzzer_sys::fuzz_target;

/// Built once: ranking is what is fuzzed, not building the word bags.
static SUGGESTER: OnceLock<Option<Suggester>> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let clarity = cairn_core::clarity::check(text);
    assert_eq!(
        clarity.questions.is_empty(),
        clarity.verdict.to_string() == "actionable"
    );
    let suggester = SUGGESTER.get_or_init(|| {
        builtin::find("software-engineer").map(|ladder| Suggester::new(&ladder, &[]))
    });
    if let Some(s) = suggester {
        let ranked = s.suggest(text);
        assert!(ranked.windows(2).all(|p| p[0].score >= p[1].score));
    }
    let _ = cairn_core::inbox::ticket_key(text);
    let _ = cairn_core::inbox::plain_title(text);
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let _ = cairn_core::dates::parse_date("date", text, today);
    let _ = cairn_core::dates::parse_month("month", text);
});
