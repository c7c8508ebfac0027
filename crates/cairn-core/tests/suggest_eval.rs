//! Competency suggestion on the labelled dev set (`../shared/eval/tagging-dev.jsonl`):
//! prints top-1 and top-3 accuracy and holds them to 70% and 90%. The suggester knows only
//! the ladder's own text; the dev sentences are never part of it.

use std::path::PathBuf;

use cairn_core::ladder::builtin;
use cairn_core::suggest::Suggester;

#[test]
fn tagging_dev_set_accuracy() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/tagging-dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not here", path.display());
        return;
    };
    let ladder = builtin::find("software-engineer").unwrap();
    let suggester = Suggester::new(&ladder, &[]);
    let (mut top1, mut top3, mut n) = (0, 0, 0);
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let labels: Vec<&str> = case["labels"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        let ranked = suggester.suggest(case["text"].as_str().unwrap());
        let ids: Vec<&str> = ranked.iter().map(|s| s.competency.as_str()).collect();
        n += 1;
        top1 += usize::from(ids.first().is_some_and(|id| labels.contains(id)));
        top3 += usize::from(ids.iter().take(3).any(|id| labels.contains(id)));
    }
    let pct = |k: usize| 100.0 * k as f64 / n as f64;
    println!(
        "tagging-dev: {n} texts, top-1 {:.0}% ({top1}), top-3 {:.0}% ({top3})",
        pct(top1),
        pct(top3)
    );
    assert!(pct(top1) >= 70.0, "top-1 {:.0}%", pct(top1));
    assert!(pct(top3) >= 90.0, "top-3 {:.0}%", pct(top3));
}
