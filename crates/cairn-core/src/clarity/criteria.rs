//! Reading a success criterion: where a judge's criterion ends, and when what a label or a
//! phrase offers as evidence observes nothing (a rep restated, a feeling, a field left open,
//! the writer speaking).

use super::patterns::{HOLLOW_CRITERION, HORIZON, UNDECIDED};
use super::words::is_doing_word;

/// True when what follows an evidence label, to its sentence's end, restates one of `reps`
/// ("writing the RFCs" after "write two RFCs"), or names a feeling, a talk to come or the
/// work getting done rather than something observed.
pub(super) fn hollow_criterion(rest: &str, reps: &[String]) -> bool {
    let criterion = rest
        .split(['.', ';', '\n', '|'])
        .next()
        .unwrap_or("")
        .trim()
        .trim_start_matches("that ");
    let mut words = criterion.split_whitespace();
    let first = match words.next() {
        Some("me" | "her" | "him" | "them" | "us") => words.next().unwrap_or(""),
        Some(word) => word,
        None => "",
    };
    // "writing" restates "write two RFCs": the same verb as a rep the statement names.
    let stem = |verb: &str| {
        let verb = verb.strip_suffix("ing").unwrap_or(verb);
        let verb = verb.strip_suffix('e').unwrap_or(verb);
        let mut chars: Vec<char> = verb.chars().collect();
        if chars.len() > 2 && chars[chars.len() - 1] == chars[chars.len() - 2] {
            chars.pop();
        }
        chars.into_iter().collect::<String>()
    };
    let restated = first.ends_with("ing")
        && reps
            .iter()
            .filter_map(|rep| rep.split_whitespace().next())
            .any(|verb| stem(verb) == stem(first));
    restated || HOLLOW_CRITERION.is_match(criterion)
}

/// True when an evidence phrase at `start` is the writer saying something: "I'll say it
/// plainly".
pub(super) fn own_words(lower: &str, start: usize, phrase: &str) -> bool {
    phrase.starts_with("say")
        && lower[..start]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| matches!(w, "i" | "i'll" | "i'd" | "we" | "we'll" | "me"))
}

/// True when a "says I…" at `start` reports what someone says now ("my skip says I'm on a
/// track", "people say I'm already there"), not a criterion to come: no condition or
/// future stands before it in its sentence.
pub(super) fn said_now(lower: &str, start: usize, phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let reports = matches!(words.first(), Some(&("say" | "says" | "said" | "saying")))
        && words
            .get(1)
            .is_some_and(|w| matches!(*w, "i" | "i'm" | "im" | "i've" | "i'll" | "i'd"));
    let before = lower[..start]
        .rsplit(['.', ';', '?', '!', '\n'])
        .next()
        .unwrap_or("");
    // "says I'm at senior level in the Feb calibration": a judgement to come.
    let sentence_end = lower[start..]
        .find(['.', ';', '?', '!', '\n'])
        .map_or(lower.len(), |i| start + i);
    let ahead = HORIZON.find(&lower[start..sentence_end]).is_some();
    reports
        && !ahead
        && !before.split_whitespace().any(|w| {
            matches!(
                w,
                "if" | "when"
                    | "once"
                    | "until"
                    | "unless"
                    | "will"
                    | "would"
                    | "should"
                    | "to"
                    | "can"
                    | "could"
            ) || w.ends_with("'ll")
                || w.ends_with("'d")
        })
}

/// True when a labelled field's value is left undecided: "target date: tbd".
pub(super) fn undecided_after_label(field: &str) -> bool {
    field
        .split_once([':', '=', '-'])
        .is_some_and(|(_, value)| UNDECIDED.is_match(value))
}

/// Where the criterion that begins at `start` ends: at its sentence's end, or where a
/// comma opens a new rep.
pub(super) fn criterion_end(lower: &str, start: usize) -> usize {
    let sentence_end = lower[start..]
        .find(['.', ';', '?', '!', '\n'])
        .map_or(lower.len(), |i| start + i);
    lower[start..sentence_end]
        .match_indices(", ")
        .find(|(i, _)| {
            let mut next = lower[start + i + 2..].split_whitespace();
            let first = next.next().unwrap_or("");
            is_doing_word(first)
                || matches!(first, "so" | "and" | "but" | "then")
                    && next.next().is_some_and(|w| {
                        matches!(w, "i" | "i'm" | "i'll" | "i've" | "we" | "we're")
                    })
        })
        .map_or(sentence_end, |(i, _)| start + i)
}
