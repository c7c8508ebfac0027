//! Competency suggestion measured on labelled evidence texts: the shared examples
//! (`../shared/eval/tagging-dev.jsonl`, when present), our development set
//! (`tests/data/tagging.jsonl`, 480 texts, and `tagging-dev-{e,f,g,j,l}.jsonl` by five more
//! writers: the ones the vocabulary is widened on) and our
//! held-out sets (`tests/data/tagging-holdout*.jsonl`, 1,138 texts by writers who never saw
//! the vocabulary, misses not printed). Prints top-1 and top-3 accuracy and holds them to 75% and 95%. The suggester
//! knows the ladder's text and the field's vocabulary; no labelled text is part of either.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;

use cairn_core::ladder::builtin;
use cairn_core::suggest::Suggester;

/// (texts, top-1 %, top-3 %) on one labelled file, printing misses when asked.
fn measure(path: &Path, show_misses: bool) -> Option<(usize, f64, f64)> {
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {} is not here", path.display());
        return None;
    };
    let ladder = builtin::find("software-engineer").unwrap();
    let suggester = Suggester::new(&ladder, &[]);
    let (mut top1, mut top3, mut n) = (0, 0, 0);
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let case: serde_json::Value = serde_json::from_str(line)
            .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
        let labels: Vec<&str> = case["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        for label in &labels {
            assert!(
                ladder.competencies.iter().any(|c| c.id.as_str() == *label),
                "{}:{}: '{label}' is no competency",
                path.display(),
                i + 1
            );
        }
        let text = case["text"].as_str().unwrap();
        let ranked = suggester.suggest(text);
        let ids: Vec<&str> = ranked.iter().map(|s| s.competency.as_str()).collect();
        n += 1;
        let first = ids.first().is_some_and(|id| labels.contains(id));
        top1 += usize::from(first);
        top3 += usize::from(ids.iter().take(3).any(|id| labels.contains(id)));
        if show_misses && !first {
            eprintln!("miss {labels:?} got {:?}: {text}", &ids[..ids.len().min(3)]);
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    let name = path.file_name().unwrap().to_string_lossy();
    println!(
        "suggestions on {name}: {n} texts, top-1 {:.1}% ({top1}), top-3 {:.1}% ({top3})",
        pct(top1),
        pct(top3)
    );
    Some((n, pct(top1), pct(top3)))
}

/// Holds a measured set to `first`% right first and `three`% in the top three.
fn holds(measured: Option<(usize, f64, f64)>, at_least: usize, (first, three): (f64, f64)) {
    let Some((n, top1, top3)) = measured else {
        return;
    };
    assert!(n >= at_least, "only {n} texts");
    assert!(top1 >= first, "top-1 {top1:.1}% is under {first}%");
    assert!(top3 >= three, "top-3 {top3:.1}% is under {three}%");
}

#[test]
fn ranks_the_shared_dev_texts() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/tagging-dev.jsonl");
    holds(measure(&path, true), 10, GOAL);
}

/// Right first and in the top three, as the issue asks.
const GOAL: (f64, f64) = (75.0, 95.0);

fn data(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

#[test]
fn ranks_our_own_development_set() {
    let path = data("tagging.jsonl");
    assert!(
        path.exists(),
        "{} is part of the repository",
        path.display()
    );
    holds(measure(&path, true), 450, GOAL);
}

#[test]
fn ranks_our_second_development_set() {
    // Four more writers' texts, in forms the first set lacked; the vocabulary is
    // widened on these too, so their misses are printed.
    for name in [
        "tagging-dev-e.jsonl",
        "tagging-dev-f.jsonl",
        "tagging-dev-g.jsonl",
        "tagging-dev-j.jsonl",
        "tagging-dev-l.jsonl",
    ] {
        let path = data(name);
        assert!(
            path.exists(),
            "{} is part of the repository",
            path.display()
        );
        holds(measure(&path, true), 160, (65.0, 90.0));
    }
}

#[test]
fn ranks_our_held_out_sets() {
    // Writers who never saw the vocabulary; their misses are never printed. The goal is
    // 75% and 95%; see the README for today's figures. These floors guard against a fall
    // while the vocabulary grows on development material only.
    for (name, at_least) in [
        ("tagging-holdout.jsonl", 170),
        ("tagging-holdout-b.jsonl", 150),
        ("tagging-holdout-c.jsonl", 150),
        ("tagging-holdout-d.jsonl", 160),
        ("tagging-holdout-h.jsonl", 160),
        ("tagging-holdout-i.jsonl", 160),
        ("tagging-holdout-k.jsonl", 160),
    ] {
        let path = data(name);
        assert!(
            path.exists(),
            "{} is part of the repository",
            path.display()
        );
        holds(measure(&path, false), at_least, (65.0, 90.0));
    }
}
