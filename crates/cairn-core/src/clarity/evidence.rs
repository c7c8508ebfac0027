//! Evidence: an observable criterion or who would judge, not the rep restated, a feeling,
//! a field left open or someone's words of today.

use super::certification::{acronyms, certifications};
use super::criteria::{hollow_criterion, own_words, said_now};
use super::patterns::*;
use super::push;

/// The evidence in `lower`, the normalised form of `text`; `action` are the reps found (a
/// criterion restating one is hollow), `judgements` the judges found.
pub(super) fn evidence(
    text: &str,
    lower: &str,
    action: &[String],
    judgements: &[(usize, String)],
) -> Vec<String> {
    let mut evidence: Vec<String> = Vec::new();
    let certified = certifications(&CERTIFICATE_PASSED, lower, &acronyms(text));
    for m in EVIDENCE
        .find_iter(lower)
        .chain(EVIDENCE_LABEL.find_iter(lower))
        .chain(MEASURED.find_iter(lower))
    {
        // A label left undecided ("Success measure: TBD") and the writer saying something
        // ("I'll say it plainly") are no evidence.
        let label_left_open =
            m.as_str().ends_with([':', '=', '-']) && UNDECIDED.is_match(&lower[m.end()..]);
        // "Success is writing the RFCs", "Success measure: feeling ready": a label whose
        // criterion restates the rep or names a feeling says nothing observable.
        let labelled = m.as_str().ends_with([':', '=', '-'])
            || [
                "success is",
                "success means",
                "success will be",
                "success would be",
            ]
            .iter()
            .any(|l| m.as_str().ends_with(l));
        let hollow = labelled && hollow_criterion(&lower[m.end()..], action);
        if !label_left_open
            && !hollow
            && !own_words(lower, m.start(), m.as_str())
            && !said_now(lower, m.start(), m.as_str())
        {
            // A label alone ("know:") explains nothing: show what it labels too.
            if m.as_str().ends_with([':', '=', '-']) {
                let criterion = lower[m.end()..]
                    .split(['.', ';', '\n', '|'])
                    .next()
                    .unwrap_or("")
                    .trim();
                push(&mut evidence, &format!("{} {criterion}", m.as_str().trim()));
            } else {
                push(&mut evidence, m.as_str());
            }
        }
    }
    for (_, phrase) in judgements {
        push(&mut evidence, phrase);
    }
    for (_, _, phrase) in &certified {
        push(&mut evidence, phrase);
    }
    evidence
}
