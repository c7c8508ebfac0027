//! The clarity check: is a goal statement concrete enough to act on?
//!
//! A statement is judged on four elements. **Destination**: a named role, level, scope or
//! capability ("senior engineer", "staff-level system design", "better at public
//! speaking"); wanting to "grow", "step up" or "be promoted" names none. **Action**: a
//! concrete rep, a doing verb with an object ("lead one cross-team initiative", "write two
//! design docs"). **Horizon**: a time frame ("by next summer", "within a year", "in Q3");
//! a frequency ("per quarter") or "eventually" is not one. **Evidence**: an observable
//! criterion ("judged by", "approval by the review board", "is how we'll know").
//!
//! The verdict is `vague` without a destination, `actionable` with all four, `directional`
//! otherwise. Every judgement is made from word patterns and reports the words it matched,
//! so it is deterministic, explainable and needs no network.
use serde::{Deserialize, Serialize};

mod action;
mod certification;
mod criteria;
mod destination;
mod evidence;
mod horizon;
mod judges;
mod patterns;
mod topics;
mod typos;
mod words;

use topics::topic_heads;
use typos::normalise;

/// The four elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Elements {
    /// A named role, level, scope or capability.
    pub destination: bool,
    /// A concrete rep.
    pub action: bool,
    /// A time frame.
    pub horizon: bool,
    /// An observable criterion.
    pub evidence: bool,
}

/// The words that showed each element.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Matched {
    /// Phrases naming the destination.
    pub destination: Vec<String>,
    /// Phrases naming the reps.
    pub action: Vec<String>,
    /// Time expressions.
    pub horizon: Vec<String>,
    /// Evidence phrasing.
    pub evidence: Vec<String>,
}

/// How concrete a statement is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// No destination.
    Vague,
    /// A destination, but something else missing.
    Directional,
    /// All four elements.
    Actionable,
}

named_enum!(
    Verdict,
    "verdict",
    Vague = "vague",
    Directional = "directional",
    Actionable = "actionable"
);

/// The judgement of one statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Clarity {
    /// The verdict.
    pub verdict: Verdict,
    /// Which elements are present.
    pub elements: Elements,
    /// For each missing element, the question that would fill it.
    pub questions: Vec<String>,
    /// The words found for each element.
    pub matched: Matched,
}

/// The question that fills each missing element.
pub const ASK_DESTINATION: &str = "Where do you want to get to? Name the role, level or capability (for example \"senior engineer\" or \"staff-level system design\").";
/// Asked when no rep is named.
pub const ASK_ACTION: &str =
    "What will you do that builds it? Name one concrete rep: lead X, write Y, mentor Z.";
/// Asked when no time frame is given.
pub const ASK_HORIZON: &str = "By when?";
/// Asked when no criterion is given.
pub const ASK_EVIDENCE: &str = "What would count as evidence that you got there?";

/// What was filled in beside a statement: a target level names a destination, a date a
/// horizon, planned reps the action, and evidence criteria the evidence.
#[derive(Debug, Clone, Copy, Default)]
pub struct Fields<'a> {
    /// The target level, if one was chosen.
    pub target_level: Option<&'a str>,
    /// The date it should be reached by.
    pub horizon: Option<chrono::NaiveDate>,
    /// The reps planned.
    pub reps: &'a [String],
    /// What would count as evidence.
    pub evidence: &'a str,
}

/// Judges a goal statement together with the fields filled in beside it, so a destination
/// whose evidence or date was given as a field is not asked for them again.
pub fn check_with(text: &str, fields: Fields<'_>) -> Clarity {
    let mut matched = check(text).matched;
    if let Some(level) = fields.target_level {
        push(&mut matched.destination, &format!("target level {level}"));
    }
    if let Some(date) = fields.horizon {
        push(&mut matched.horizon, &format!("by {date}"));
    }
    for rep in fields.reps.iter().filter(|r| !r.trim().is_empty()) {
        push(&mut matched.action, rep);
    }
    if !fields.evidence.trim().is_empty() {
        push(&mut matched.evidence, fields.evidence);
    }
    judged(matched)
}

/// Judges a goal statement.
pub fn check(text: &str) -> Clarity {
    let lower = normalise(text);
    let found = destination::destinations(text, &lower);
    let judgements = judges::judgements(text, &lower);
    let action = action::actions(&lower, &found.spans, &judgements);
    let mut destination = found.phrases;
    // A topic at a note's head is what the note aims at only when a rep follows it:
    // "Technical writing: publish one post", not "Research lab: I'd like to publish more".
    if !action.is_empty() {
        for words in topic_heads(&lower) {
            push(&mut destination, &words);
        }
    }
    let horizon = horizon::horizons(&lower);
    let evidence = evidence::evidence(text, &lower, &action, &judgements);
    judged(Matched {
        destination,
        action,
        horizon,
        evidence,
    })
}

/// The verdict and questions from what was found.
fn judged(matched: Matched) -> Clarity {
    let elements = Elements {
        destination: !matched.destination.is_empty(),
        action: !matched.action.is_empty(),
        horizon: !matched.horizon.is_empty(),
        evidence: !matched.evidence.is_empty(),
    };
    let verdict = match elements {
        Elements {
            destination: false, ..
        } => Verdict::Vague,
        Elements {
            action: true,
            horizon: true,
            evidence: true,
            ..
        } => Verdict::Actionable,
        _ => Verdict::Directional,
    };
    let questions = [
        (elements.destination, ASK_DESTINATION),
        (elements.action, ASK_ACTION),
        (elements.horizon, ASK_HORIZON),
        (elements.evidence, ASK_EVIDENCE),
    ]
    .into_iter()
    .filter(|(present, _)| !present)
    .map(|(_, question)| question.to_owned())
    .collect();
    Clarity {
        verdict,
        elements,
        questions,
        matched,
    }
}

fn push(list: &mut Vec<String>, phrase: &str) {
    let phrase = phrase
        .trim()
        .trim_end_matches([',', '.', ';', ':'])
        .to_owned();
    if !phrase.is_empty() && !list.contains(&phrase) {
        list.push(phrase);
    }
}

#[cfg(test)]
mod tests;
