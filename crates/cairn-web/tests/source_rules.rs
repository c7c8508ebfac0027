//! Rules of the crate's layout, checked by reading its source (in the spirit of the store's
//! `bound_parameters` test), each failure naming the file and line:
//! - one access rule: every page and API route reads a person's records either as the
//!   viewer's own (by the viewer's id) or through a `cairn_store::views::View`, which
//!   applies the one visibility rule;
//! - `pages` and `api` never import each other: what both need lives beside them.

use std::path::{Path, PathBuf};

/// The store reads that return one person's records.
const READS: [&str; 10] = [
    "reps",
    "conversations",
    "constraints",
    "decisions",
    "destinations",
    "destination_events",
    "rounds",
    "assessments",
    "profile_changes",
    "list_evidence",
];

/// Arguments that name the viewer's own records, or hand a view its store.
const OWN_OR_VIEW: [&str; 7] = [
    "viewer.person",
    "me.id",
    "*me",
    "store",
    "state.store.as_ref()",
    "&EvidenceQuery { owner: Some(me.id), ..EvidenceQuery::default() }",
    "&EvidenceQuery { owner: Some(*me), ..EvidenceQuery::default() }",
];

/// Ways a function body scopes an evidence query it then passes by name.
const SCOPED: [&str; 3] = [
    "scope_evidence(",
    "owner: Some(me.id)",
    "owner: Some(viewer.person)",
];

/// The file that makes views (and writes rounds for them): the access layer itself.
const ACCESS_LAYER: &str = "assessing.rs";

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// Each read in `text` that neither names the viewer's own records nor goes through a
/// view, as (line, method, argument).
fn unchecked_reads(text: &str) -> Vec<(usize, String, String)> {
    let mut bad = Vec::new();
    for method in READS {
        let needle = format!(".{method}(");
        let mut from = 0;
        while let Some(at) = text[from..].find(&needle) {
            let start = from + at;
            let open = start + needle.len();
            let mut depth = 1;
            let mut end = open;
            for (i, c) in text[open..].char_indices() {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    end = open + i;
                    break;
                }
            }
            let argument = text[open..end]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let body = &text[text[..start].rfind("fn ").unwrap_or(0)..start];
            let scoped = method == "list_evidence"
                && argument.starts_with('&')
                && SCOPED.iter().any(|s| body.contains(s));
            if !OWN_OR_VIEW.contains(&argument.as_str()) && !scoped {
                let line = text[..start].matches('\n').count() + 1;
                bad.push((line, method.to_owned(), argument));
            }
            from = open;
        }
    }
    bad
}

#[test]
fn every_read_of_a_persons_records_is_the_viewers_own_or_goes_through_a_view() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20, "the crate's source was found: {files:?}");
    let mut problems = Vec::new();
    for path in files {
        if path.file_name().is_some_and(|n| n == ACCESS_LAYER) {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("source file");
        for (line, method, argument) in unchecked_reads(&text) {
            problems.push(format!(
                "{}:{line}: {method}({argument}) reads someone's records without a View",
                path.display()
            ));
        }
        // The visibility filter is written once, in the views; never again here.
        for (i, l) in text.lines().enumerate() {
            if l.contains("shared_only") {
                problems.push(format!(
                    "{}:{}: filters by visibility by hand: {}",
                    path.display(),
                    i + 1,
                    l.trim()
                ));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_scan_catches_a_read_of_someone_elses_records() {
    let handler = "async fn leak(state: &AppState, view: &View) {\n    let reps = state\n        .store\n        .reps(view.person.id)\n        .await;\n}\n";
    assert_eq!(
        unchecked_reads(handler),
        vec![(4, "reps".to_owned(), "view.person.id".to_owned())]
    );
    let unscoped = "fn list(q: EvidenceQuery) { state.store.list_evidence(&q); }";
    assert_eq!(unchecked_reads(unscoped).len(), 1);
    let scoped = "fn list(mut q: EvidenceQuery) { scope_evidence(&mut q, id, own); state.store.list_evidence(&q); }";
    assert!(unchecked_reads(scoped).is_empty());
    let own = "fn mine() { state.store.decisions(viewer.person); view.reps(store); }";
    assert!(unchecked_reads(own).is_empty());
}

#[test]
fn pages_and_api_never_import_each_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for (dir, other) in [("pages", "crate::api"), ("api", "crate::pages")] {
        let mut files = Vec::new();
        sources(&root.join(dir), &mut files);
        assert!(!files.is_empty(), "src/{dir} was found");
        for path in files {
            let text = std::fs::read_to_string(&path).expect("source file");
            for (i, l) in text.lines().enumerate() {
                if l.contains(other) {
                    problems.push(format!("{}:{}: {}", path.display(), i + 1, l.trim()));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
