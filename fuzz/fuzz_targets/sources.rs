//! Every import reader: GitHub JSON, Jira CSV, generic CSV, Markdown brag documents, jrnl,
//! and git log records. The first byte picks the reader. No input may panic, and whatever a
//! reader accepts must come out as records that pass the same validation `cairn check` and
//! `import archive` apply (or that the import refuses by line), so an import can always be
//! backed up and restored.
#![no_main]

use cairn_core::activity::Activity;
use cairn_core::evidence::Source;
use cairn_core::id::PersonId;
use cairn_core::ladder::builtin;
use cairn_core::sources::entries::Entry;
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
    let activities: Vec<Activity> = match which % 6 {
        0 => github::read(text, Some("ada-l"), owner, at).unwrap_or_default(),
        1 => jira::read(text, &["Ada".to_owned()], owner, at).map_or_else(|_| Vec::new(), |t| t.activities),
        2 => entries(table::read(text, &[], today).ok(), owner, today),
        3 => entries(markdown::read(text, 2026).ok(), owner, today),
        4 => entries(jrnl::read(text).ok(), owner, today),
        _ => git::records(text)
            .filter_map(|r| git::parse_record(r).ok())
            .map(|c| c.activity(owner, "acme/payments", Some("https://git.example/acme"), at))
            .collect(),
    };
    for a in &activities {
        if let Err(e) = a.validate() {
            panic!("an imported activity fails validation: {e}\n{a:?}");
        }
    }
});

/// Checks each entry's evidence and returns its activities.
fn entries(read: Option<Vec<Entry>>, owner: PersonId, today: chrono::NaiveDate) -> Vec<Activity> {
    let ladder = builtin::find("software-engineer").expect("the built-in ladder");
    let at = today.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc();
    read.unwrap_or_default()
        .iter()
        .map(|entry| {
            // `--accept` refuses, naming the line, an entry dated after today: the one
            // judgement the record's rules make that fitting cannot.
            let evidence = entry.evidence(owner, &ladder, Source::Markdown, Vec::new(), at);
            if let Err(e) = evidence.validate(&ladder, today)
                && !(e.field == "date" && evidence.date > today)
            {
                panic!("imported evidence fails validation: {e}\n{evidence:?}");
            }
            entry.activity(owner, Source::Markdown, "brag.md", None, at)
        })
        .collect()
}
