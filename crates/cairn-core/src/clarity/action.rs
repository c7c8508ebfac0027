//! Actions: concrete reps, a doing verb with an object, outside the evidence clauses and
//! the criteria that follow a judge.

use super::criteria::criterion_end;
use super::patterns::*;
use super::push;
use super::words::*;

/// The reps in `lower`; `destination_spans` are where destinations stand (a scope named as
/// the destination is no rep), `judgements` where judges' criteria begin.
pub(super) fn actions(
    lower: &str,
    destination_spans: &[(usize, usize)],
    judgements: &[(usize, String)],
) -> Vec<String> {
    let mut action: Vec<String> = Vec::new();
    let mut without_evidence: String = EVIDENCE_CLAUSE
        .replace_all(lower, |c: &regex::Captures| " ".repeat(c[0].len()))
        .into_owned();
    // What follows a judge in their sentence is the criterion, not a rep: "the lead said
    // she'd take me once I can pass their CTF"; a new item of a list ends it ("my mgr
    // signs off, lead the migration").
    for (start, _) in judgements {
        let end = criterion_end(lower, *start);
        without_evidence.replace_range(*start..end, &" ".repeat(end - start));
    }
    // A rejected match gives its words back: in "design by publishing three RFCs" the
    // noun "design" is no rep, but "publishing three rfcs" after it is.
    let mut at = 0;
    while let Some(m) = ACTION.find_at(&without_evidence, at) {
        // "a manager-track title": a word glued on by a hyphen makes a compound noun
        // ("co-lead" and "re-run" stay verbs).
        let glued = without_evidence[..m.start()]
            .strip_suffix('-')
            .and_then(|b| b.split(|c: char| !c.is_alphanumeric()).next_back())
            .is_some_and(|w| {
                w.len() > 3
                    && !matches!(
                        w,
                        "self" | "semi" | "auto" | "over" | "under" | "multi" | "cross"
                    )
            });
        let noun_use = glued || !verbal(&without_evidence[..m.start()]);
        // "Reach L4; I'll own the settings page": a scope taken on after the destination
        // is named is a rep towards it.
        let inside_destination = destination_spans.iter().any(|&(s, e)| {
            m.start() >= s
                && m.start() < e
                && !(m.start() == s && destination_spans.iter().any(|&(_, before)| before <= s))
        });
        let counted = QUANTIFIED.is_match(&format!("{} ", m.as_str()));
        let object = ACTION
            .captures_at(&without_evidence, m.start())
            .and_then(|c| c.name("object"))
            .map_or("", |o| o.as_str());
        // "currently doing data analytics" says where one is, not what one will do.
        let present = without_evidence[..m.start()]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| matches!(w, "currently" | "already" | "presently" | "still" | "been"));
        // "Everyday I review the PRs", "already I do the 1:1s": a habit, not a rep.
        let sentence_start = without_evidence[..m.start()]
            .rfind(['.', ';', '!', '?', '\n'])
            .map_or(0, |i| i + 1);
        let sentence_end = without_evidence[m.end()..]
            .find(['.', ';', '!', '?', '\n'])
            .map_or(without_evidence.len(), |i| m.end() + i);
        let habit = without_evidence[..m.start()]
            .split_whitespace()
            .next_back()
            .is_some_and(|w| matches!(w, "i" | "we" | "she" | "he" | "they"))
            && HABIT.is_match(&without_evidence[sentence_start..sentence_end]);
        if !noun_use
            && !present
            && !habit
            && (!NOT_AN_OBJECT.is_match(&format!("{object} ")) || object.starts_with("at least "))
            && !NOT_A_REP.is_match(m.as_str())
            && (!inside_destination || counted || without_evidence[..m.start()].ends_with("by "))
        {
            push(&mut action, m.as_str());
            at = m.end();
        } else {
            at = m.start() + m.as_str().find(' ').unwrap_or(m.len());
        }
    }
    for m in PASSIVE_REP
        .find_iter(lower)
        .chain(RELATIVE_REP.find_iter(&without_evidence))
        .chain(PERFECT_REP.find_iter(&without_evidence))
    {
        push(&mut action, m.as_str());
    }
    for m in FIRST_STEP.find_iter(&without_evidence) {
        push(&mut action, m.as_str());
    }
    for cap in BY_DOING.captures_iter(&without_evidence) {
        let (Some(whole), Some(verb), Some(object)) =
            (cap.get(0), cap.name("verb"), cap.name("object"))
        else {
            continue;
        };
        if !NOT_A_METHOD.is_match(verb.as_str())
            && (!NOT_AN_OBJECT.is_match(&format!("{} ", object.as_str()))
                || object.as_str().starts_with("at least "))
            && !EMPTY_OBJECT.is_match(object.as_str())
        {
            let rep = whole.as_str().split_once(' ').map_or("", |(_, r)| r);
            push(&mut action, rep);
        }
    }
    action
}
