//! Ladder files in every format: bytes in, a checked ladder or located problems out.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = cairn_core::ladder::import::import("fuzz.txt", data, None) {
        assert!(!e.problems.is_empty(), "an error without a problem");
        let _ = e.to_string();
    }
});
