//! Every import reader: GitHub JSON, Jira CSV, generic CSV, Markdown brag documents, jrnl,
//! and git log records. The first byte picks the reader; no input may panic.
#![no_main]

use cairn_core::id::PersonId;
use cairn_core::sources::{git, github, jira, jrnl, markdown, table};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let owner = PersonId::new();
    let at = chrono::DateTime::from_timestamp(1_790_000_000, 0).unwrap_or_default();
    let today = at.date_naive();
    match which % 6 {
        0 => drop(github::read(text, Some("ada-l"), owner, at)),
        1 => drop(jira::read(text, &["Ada".to_owned()], owner, at)),
        2 => drop(table::read(text, &[], today)),
        3 => drop(markdown::read(text, 2026)),
        4 => drop(jrnl::read(text)),
        _ => {
            for record in git::records(text) {
                drop(git::parse_record(record));
            }
        }
    }
});
