//! Destinations named without a role word: a topic at the head of a note ("Rust: I want to
//! review PRs with confidence"), a capability called one's gap ("negotiation is my weak
//! spot"), a move onto a team ("get onto the compiler team") or between kinds of work
//! ("Backend to data engineering.").

use super::patterns::{AIM_WORD, AREA_MOVE, CAPABILITY_GAP, HORIZON, TEAM_MOVE, TOPIC_HEAD};
use super::words::{NOT_A_TOPIC, clauses, is_doing_word, is_function_word, parts};

/// A word that can stand in a noun phrase naming a topic or a kind of work.
fn noun(w: &str) -> bool {
    !is_function_word(w)
        && !is_doing_word(w)
        && AIM_WORD.find(w).is_none_or(|m| m.len() != w.len())
        && !w.ends_with("ly")
        && !NOT_A_TOPIC.contains(&w)
}

/// The topics at the head of the statement or of a sentence, before a colon, with a goal
/// after it: "Rust: I want to review PRs", "Technical writing: publish one post".
pub(super) fn topic_heads(lower: &str) -> Vec<String> {
    let sentences = std::iter::once(lower).chain(
        clauses(lower)
            .into_iter()
            .filter(|(o, _)| lower[..*o].ends_with('.'))
            .map(|(_, c)| c),
    );
    let mut out = Vec::new();
    for clause in sentences {
        let Some(cap) = TOPIC_HEAD.captures(clause) else {
            continue;
        };
        let (Some(head), Some(next)) = (cap.get(1), cap.get(2)) else {
            continue;
        };
        let words: Vec<&str> = head.as_str().split_whitespace().collect();
        // The last word of several may be a field's -ing noun: "technical writing".
        let named = words.iter().enumerate().all(|(i, w)| {
            noun(w) || (i > 0 && i + 1 == words.len() && w.ends_with("ing") && !is_function_word(w))
        });
        let goal_follows = is_doing_word(next.as_str())
            || AIM_WORD.find(next.as_str()).is_some_and(|m| m.start() == 0)
            || matches!(
                next.as_str(),
                "i" | "i'm" | "i'll" | "i'd" | "to" | "wanna" | "need" | "learn" | "improve"
            );
        if named && goal_follows && HORIZON.find(head.as_str()).is_none() {
            out.push(head.as_str().to_owned());
        }
    }
    out
}

/// True when `side` of a move names a kind of work: nouns only, and a lone -ing word only
/// when it is a field ("engineering", "testing"), not a doing ("hoping to grow").
fn kind_of_work(side: &str) -> bool {
    let words: Vec<&str> = side.split_whitespace().collect();
    // "go to a conference" is an outing: a going verb or an article is no kind of work.
    let outing = words.first().is_some_and(|w| {
        matches!(
            *w,
            "a" | "an" | "the" | "go" | "going" | "get" | "come" | "went" | "head" | "travel"
        )
    });
    !outing
        && words.iter().all(|w| noun(w))
        && (words.len() > 1
            || words.iter().all(|w| {
                !w.ends_with("ing")
                    || matches!(
                        *w,
                        "engineering"
                            | "testing"
                            | "marketing"
                            | "consulting"
                            | "networking"
                            | "programming"
                            | "gaming"
                            | "accounting"
                            | "banking"
                            | "publishing"
                    )
            }))
}

/// Destinations named without a role word: a capability called one's gap ("negotiation is my weak
/// spot"), a move onto a team ("get onto the compiler team") or between kinds of work
/// ("Backend to data engineering."). Each as (start, end, words).
pub(super) fn destinations_named_otherwise(lower: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for cap in CAPABILITY_GAP.captures_iter(lower) {
        if let Some(m) = cap.get(1)
            && m.as_str().split_whitespace().all(noun)
        {
            out.push((m.start(), m.end(), m.as_str().to_owned()));
        }
    }
    for cap in TEAM_MOVE.captures_iter(lower) {
        if let (Some(whole), Some(kind)) = (cap.get(0), cap.get(1))
            && !kind.as_str().split_whitespace().all(|w| {
                matches!(
                    w,
                    "new" | "different" | "other" | "another" | "better" | "bigger" | "same"
                )
            })
        {
            out.push((whole.start(), whole.end(), whole.as_str().to_owned()));
        }
    }
    for (offset, clause) in clauses(lower).into_iter().flat_map(|(o, c)| parts(o, c)) {
        if let Some(cap) = AREA_MOVE.captures(clause)
            && let (Some(from), Some(to), Some(whole)) = (cap.get(1), cap.get(2), cap.get(0))
            && [from.as_str(), to.as_str()]
                .iter()
                .all(|side| kind_of_work(side))
            && HORIZON.find(whole.as_str()).is_none()
        {
            out.push((
                offset + from.start(),
                offset + to.end(),
                whole.as_str().trim().to_owned(),
            ));
        }
    }
    out
}
