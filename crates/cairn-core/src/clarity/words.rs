//! Word-level helpers for the clarity check: clauses and parts of a statement, doing
//! words, function words and task nouns.

use std::sync::LazyLock;

use regex::Regex;

use super::patterns::{DOING, re};

/// True for a word that starts a doing phrase ("lead", "write", "take").
pub(super) fn is_doing_word(word: &str) -> bool {
    static FIRST: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"^{DOING}$")));
    FIRST.is_match(word) || matches!(word, "take" | "taking" | "do" | "doing")
}

/// The statement's clauses (split at sentence and clause punctuation) with their offsets.
pub(super) fn clauses(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        // A line break always ends a clause; a stop before a letter or digit may be inside
        // a word ("1:1s", "v2.3").
        if c == '\n'
            || matches!(c, '.' | ';' | ':' | '!' | '?' | '(' | ')' | '|')
                && !text[i + c.len_utf8()..].starts_with(|n: char| n.is_ascii_alphanumeric())
        {
            out.push((start, &text[start..i]));
            start = i + c.len_utf8();
        }
    }
    out.push((start, &text[start..]));
    out
}

/// Words that cannot sit inside a role's noun phrase: "judged by my manager" names no role.
pub(super) fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "my" | "our"
            | "his"
            | "her"
            | "their"
            | "your"
            | "by"
            | "with"
            | "to"
            | "for"
            | "from"
            | "of"
            | "and"
            | "or"
            | "is"
            | "are"
            | "was"
            | "will"
            | "would"
            | "more"
            | "less"
            | "be"
            | "been"
            | "not"
            | "no"
            | "if"
            | "when"
            | "that"
            | "who"
    )
}

/// The head nouns of one-off tasks, which one does rather than owns as an area.
pub(super) const TASK_NOUNS: &[&str] = &[
    "upgrade",
    "run",
    "migration",
    "rewrite",
    "release",
    "rollout",
    "launch",
    "cleanup",
    "project",
    "ticket",
    "epic",
    "fix",
    "review",
    "retro",
    "meeting",
    "demo",
    "spike",
    "sprint",
    "design",
    "redesign",
    "implementation",
    "integration",
    "cutover",
    "deprecation",
    "decommission",
    "rebuild",
    "refactor",
    "proposal",
];

/// A clause cut further at commas and dashes, for the verbless forms ("Tech lead,
/// payments", "Principal engineer - developer productivity"), with each part's offset.
pub(super) fn parts(offset: usize, clause: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in clause.char_indices() {
        let dash = matches!(c, '\u{2014}' | '\u{2013}')
            || (c == '-' && clause[..i].ends_with(' ') && clause[i + 1..].starts_with(' '));
        if c == ',' || dash {
            out.push((offset + start, &clause[start..i]));
            start = i + c.len_utf8();
        }
    }
    out.push((offset + start, &clause[start..]));
    out
}

/// A destination phrase up to where a time, method or purpose clause begins, so the
/// reported words are the destination alone ("become a staff engineer", not "... by q4").
pub(super) fn phrase(text: &str) -> &str {
    const CLAUSES: [&str; 10] = [
        " by ",
        " within ",
        " over ",
        " before ",
        " and ",
        " so ",
        " in the next ",
        " this ",
        " next ",
        ", ",
    ];
    let end = CLAUSES
        .iter()
        .filter_map(|c| text.find(c))
        .min()
        .unwrap_or(text.len());
    &text[..end]
}

/// True when the text before a doing word lets it be a verb: the start of a clause or
/// bullet, a subject or auxiliary ("i'll", "we", "to", "will"), a joining word ("and",
/// "then", "by", "through"), or an adverb. After a noun or determiner it is a noun ("our
/// build system", "the release train running").
pub(super) fn verbal(before: &str) -> bool {
    let before = before.trim_end();
    if before.is_empty()
        || before.ends_with([
            ':', ';', ',', '.', '-', '(', ')', '!', '?', '+', '/', '=', '|',
        ])
    {
        return true;
    }
    let previous = before.split_whitespace().next_back().unwrap_or("");
    matches!(
        previous,
        "i" | "we"
            | "you"
            | "she"
            | "he"
            | "they"
            | "to"
            | "will"
            | "and"
            | "then"
            | "also"
            | "by"
            | "through"
            | "via"
            | "after"
            | "before"
            | "while"
            | "from"
            | "or"
            | "first"
            | "plus"
            | "even"
            | "can"
            | "could"
            | "should"
            | "would"
            | "must"
            | "may"
            | "might"
            | "me"
            | "us"
            | "them"
            | "him"
            | "her"
            | "am"
            | "are"
            | "is"
            | "be"
            | "been"
            | "keep"
            | "start"
            | "begin"
            | "try"
            | "help"
            | "let"
            | "i'm"
            | "we're"
            | "she's"
            | "he's"
            | "they're"
            | "you're"
            | "i'd"
            | "we'd"
            | "myself"
            | "definitely"
            | "actively"
            | "personally"
            | "finally"
            | "regularly"
            | "gonna"
            | "wanna"
            | "plan"
            | "aim"
            | "intend"
            | "hope"
            | "want"
            | "like"
            | "need"
            | "like to"
            | "maybe"
            | "perhaps"
            | "probably"
            | "possibly"
            | "hopefully"
            | "ideally"
            | "just"
            | "think"
    ) || previous.ends_with("'ll")
        || previous.ends_with("ly")
}

/// Words that are no topic or kind of work at a note's head or in a move: labels ("goal",
/// "plan", "proof"), pronouns, and words of time or manner.
pub(super) const NOT_A_TOPIC: &[&str] = &[
    "goal",
    "goals",
    "aim",
    "target",
    "objective",
    "plan",
    "plans",
    "how",
    "when",
    "why",
    "what",
    "where",
    "who",
    "proof",
    "evidence",
    "success",
    "note",
    "notes",
    "update",
    "timeline",
    "horizon",
    "rep",
    "reps",
    "status",
    "context",
    "background",
    "deadline",
    "summary",
    "idea",
    "ask",
    "question",
    "answer",
    "tldr",
    "o",
    "kr",
    "q",
    "okr",
    "tl;dr",
    "me",
    "i",
    "we",
    "she",
    "he",
    "they",
    "it",
    "this",
    "ok",
    "okay",
    "also",
    "then",
    "next",
    "step",
    "steps",
    "first",
    "second",
    "today",
    "now",
    "edit",
    "ps",
    "fyi",
    "re",
    "action",
    "actions",
    "result",
    "results",
    "outcome",
    "measure",
    "metric",
    "criteria",
    "done",
    "destination",
    "ambition",
    "focus",
    "skill",
    "skills",
    "thoughts",
    "level",
    "role",
    "title",
    "feedback",
    "time",
    "up",
    "back",
    "down",
    "due",
    "close",
    "hard",
    "easy",
    "able",
    "going",
    "need",
    "want",
    "wish",
    "hope",
    "way",
    "ready",
    "path",
    "from",
    "into",
    "the",
    "a",
    "an",
    "cost",
    "priority",
    "yes",
    "no",
    "so",
    "well",
    "honestly",
    "basically",
    "mgr",
    "manager",
    "boss",
    "lead",
    "grow",
    "learn",
    "improve",
    "develop",
    "move",
    "switch",
    "get",
    "be",
    "go",
    "try",
    "keep",
    "stay",
    "more",
];

/// Labels of a list of people ("Stakeholders: VP Eng, platform EMs"): the roles after them
/// are people involved, not a destination.
pub(super) const PEOPLE_LABEL: &[&str] = &[
    "stakeholders",
    "stakeholder",
    "sponsor",
    "sponsors",
    "reviewers",
    "approvers",
    "mentors",
    "cc",
    "attendees",
    "people",
    "signoff",
    "sign-off",
    "approver",
    "judge",
];
