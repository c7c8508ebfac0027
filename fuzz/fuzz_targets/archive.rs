//! Archives: any text either reads as a checked archive, which then writes back and reads
//! again to the same archive, or is refused with a message.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    match cairn_core::archive::Archive::parse(text, today) {
        Ok(archive) => {
            let again = cairn_core::archive::Archive::parse(&archive.to_json(), today);
            assert_eq!(
                again.ok().as_ref(),
                Some(&archive),
                "an archive that does not round-trip"
            );
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
