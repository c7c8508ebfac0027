//! The clarity check measured on the labelled examples in `../shared/eval/clarity-dev.jsonl`:
//! prints agreement per element and for the verdict, and requires 90% verdict agreement.
//! The examples are a measure, not a lookup: none of them appears in the rules.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

use std::path::Path;

use cairn_core::clarity::check;

#[test]
fn agrees_with_the_labelled_examples() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/clarity-dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not here", path.display());
        return;
    };
    let (mut total, mut verdicts) = (0usize, 0usize);
    let mut elements = [0usize; 4];
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let statement = case["text"].as_str().unwrap();
        let got = check(statement);
        total += 1;
        let pairs = [
            (got.elements.destination, &case["destination"]),
            (got.elements.action, &case["action"]),
            (got.elements.horizon, &case["horizon"]),
            (got.elements.evidence, &case["evidence"]),
        ];
        for (i, (mine, label)) in pairs.iter().enumerate() {
            if Some(*mine) == label.as_bool() {
                elements[i] += 1;
            }
        }
        if got.verdict.as_str() == case["verdict"].as_str().unwrap() {
            verdicts += 1;
        } else {
            eprintln!(
                "disagree ({} vs {}): {statement}\n  matched: {:?}",
                got.verdict, case["verdict"], got.matched
            );
        }
    }
    let pct = |n: usize| 100.0 * n as f64 / total as f64;
    eprintln!(
        "clarity on {total} labelled statements: verdict {:.0}%, destination {:.0}%, action {:.0}%, horizon {:.0}%, evidence {:.0}%",
        pct(verdicts),
        pct(elements[0]),
        pct(elements[1]),
        pct(elements[2]),
        pct(elements[3])
    );
    assert!(
        total >= 10,
        "the labelled set is unexpectedly small ({total})"
    );
    assert!(
        pct(verdicts) >= 90.0,
        "verdict agreement {:.0}% is under 90%",
        pct(verdicts)
    );
}
