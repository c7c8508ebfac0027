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

use std::sync::LazyLock;

use regex::Regex;
use serde::Serialize;

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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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

fn re(pattern: &str) -> Regex {
    // The patterns are constants checked by this module's tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("clarity pattern: {e}"))
}

/// Roles, levels and scopes: the nouns a destination names.
const ROLE: &str = r"(?:senior|staff|principal|distinguished|lead|tech lead|team lead|architect|manager|management|director|head of [a-z]+|cto|vp|expert|specialist|owner|engineer(?:ing)?|scientist|developer|sre|leader(?:ship)?|l[1-9]|ic[1-9]|e[1-9]|(?:senior|staff|principal)[- ]level|next level)";

/// Aspiration frames followed by what is aspired to.
static FRAMES: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:become|becoming|be|being|grow(?:ing)?(?: [a-z-]+){0,6}? (?:into|toward|towards)|move (?:into|to|toward)|moving into|transition(?:ing)? (?:into|to)|step into|promoted to|considered for|get to|reach|make it to)\s+((?:[a-z0-9'-]+\s*){1,8})",
    )
});
static ROLE_WORD: LazyLock<Regex> = LazyLock::new(|| re(&format!(r"\b{ROLE}\b")));
/// A named capability: better/stronger/expert at or in something.
static CAPABILITY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:better|stronger|strong|weak|expert|an expert|skilled|proficient|fluent|great|good|deeper|confident|known) (?:at|in|with|for)\s+((?:[a-z0-9'-]+\s*){1,6})",
    )
});
/// Qualified influence or leadership, and people leadership.
static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:technical|org-level|org|organisational|organizational|cross-team|engineering|company-wide|people|thought) (?:leadership|influence)|(?:leadership|influence) (?:on|of|in|across|beyond|outside)\b[a-z' -]*|lead(?:ing)? (?:people|a team|teams|an? org[a-z]*)|manag(?:e|ing) (?:people|a team|engineers)|own(?:ing)? (?:our|the|my) (?:team's |company's |org's )?[a-z-]+(?: [a-z-]+)?)",
    )
});
/// Objects that name no destination: growth in general, promotion, visibility.
static EMPTY_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:more|better|bigger|stronger|promoted|promotion|successful|happier|visible|seen|recognized|recognised|valued|someone|something|better at my job|good|great|the best|a better [a-z]+|more [a-z]+)\b",
    )
});

/// Doing verbs, each needing an object after it.
const DOING: &str = r"(?:lead|leading|run|running|write|writing|ship|shipping|present|presenting|give|giving|mentor|mentoring|onboard|onboarding|coach|coaching|teach|teaching|build|building|set up|setting up|deliver|delivering|publish|publishing|organi[sz]e|organi[sz]ing|host|hosting|facilitate|facilitating|drive|driving|design|designing|migrate|migrating|launch|launching|implement|implementing|document|documenting|propose|proposing|review|reviewing|pair|pairing|interview|interviewing|take the lead on|take on|own|owning|refactor|refactoring|speak|speaking|open-source|contribute|contributing|automate|automating|rewrite|rewriting|instrument|instrumenting|complete|completing|finish|finishing|start|starting|shadow|shadowing|join|joining|volunteer for|prototype|prototyping|take over|taking over)";
static ACTION: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b{DOING}\s+((?:a|an|the|one|two|three|four|five|six|\d+|our|my|every|each|this|that|some|all|at least \w+)\s+)?[a-z][a-z-]{{2,}}(?:\s+[a-z][a-z-]{{2,}})?"
    ))
});
/// Words after a doing verb that make it no rep ("run into", "start to").
static NOT_AN_OBJECT: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:[a-z-]+\s+)(?:into|to|up|out|by|from|for|with|more|better|well|things|stuff|something)$|^(?:own|owning) the follow",
    )
});
/// Clauses that state evidence; verbs inside them are the criterion, not the rep.
static EVIDENCE_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:shown|judged|measured|evidenced|proven|demonstrated|validated|confirmed|tracked) by\b[^.;]*",
    )
});

static HORIZON: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:by (?:the )?(?:end of |next |this |mid-?)?(?:[a-z0-9]+ 20\d\d|q[1-4]|h[12]|week|month|quarter|half|year|summer|spring|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december|20\d\d|the review|review season|the next review|my next review)\b|(?:within|in|over|for) (?:the )?(?:next |coming |following )?(?:a|an|one|two|three|four|five|six|nine|twelve|eighteen|\d+) (?:weeks?|months?|quarters?|years?|sprints?|halves|half-years?)\b|(?:next|this|coming) (?:week|month|quarter|half|year|summer|spring|autumn|fall|winter|cycle|review cycle)\b|before (?:the end of )?(?:the |this |next )?(?:week|month|quarter|half|year|summer|review|q[1-4]|h[12])\b|(?:end|middle) of (?:the |this |next )?(?:quarter|year|month|half|q[1-4]|h[12])\b|\b(?:q[1-4]|h[12]) (?:20\d\d)?\b|\bin 20\d\d\b|\bthis year\b|\bby 20\d\d\b)",
    )
});

static EVIDENCE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(?:(?:shown|judged|measured|evidenced|proven|demonstrated|validated|confirmed|tracked) by|how (?:we|i|you)(?:'ll| will)? (?:know|tell)|(?:we|i)'ll know|(?:is|as) the bar|the bar is|counts? as (?:real )?evidence|as evidence|evidence (?:that|of|for)|success (?:is|means|looks like|would be)|done (?:means|when)|approv(?:al|ed) (?:by|from)|signed off by|sign-off (?:by|from)|accepted by|adopted by|(?:beat|beats|beating|exceed|exceeds|exceeding|above|below|under) (?:the )?(?:current )?(?:baseline|target|threshold|budget|slo)|(?:cut|cutting|reduce|reducing|increase|increasing|halve|halving|double|doubling|improve|improving)[a-z ]{0,40} (?:by \d+|in half|to \d+|\d+ ?%)|\d+ ?% (?:faster|fewer|less|more|lower|higher)|(?:feedback|rating|score|review) (?:of|from|says|shows))",
    )
});

/// Judges a goal statement.
pub fn check(text: &str) -> Clarity {
    let lower = normalise(text);
    let mut matched = Matched::default();

    for cap in FRAMES.captures_iter(&lower) {
        let object = cap.get(1).map_or("", |m| m.as_str()).trim();
        if !EMPTY_OBJECT.is_match(object) && ROLE_WORD.is_match(object) {
            push(
                &mut matched.destination,
                phrase(cap.get(0).map_or("", |m| m.as_str())),
            );
        }
    }
    for cap in CAPABILITY.captures_iter(&lower) {
        let object = cap.get(1).map_or("", |m| m.as_str()).trim();
        if !EMPTY_OBJECT.is_match(object) && !object.starts_with("my job") {
            push(
                &mut matched.destination,
                phrase(cap.get(0).map_or("", |m| m.as_str())),
            );
        }
    }
    for m in SCOPE.find_iter(&lower) {
        push(&mut matched.destination, m.as_str());
    }

    let without_evidence = EVIDENCE_CLAUSE.replace_all(&lower, " ");
    for m in ACTION.find_iter(&without_evidence) {
        let noun_use = after_determiner(&without_evidence[..m.start()]);
        if !noun_use && !NOT_AN_OBJECT.is_match(m.as_str()) {
            push(&mut matched.action, m.as_str());
        }
    }
    for m in HORIZON.find_iter(&lower) {
        push(&mut matched.horizon, m.as_str());
    }
    for m in EVIDENCE.find_iter(&lower) {
        push(&mut matched.evidence, m.as_str());
    }

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

/// A destination phrase up to where a time, method or purpose clause begins, so the
/// reported words are the destination alone ("become a staff engineer", not "... by q4").
fn phrase(text: &str) -> &str {
    const CLAUSES: [&str; 9] = [
        " by ",
        " within ",
        " over ",
        " before ",
        " and ",
        " so ",
        " in the next ",
        " this ",
        " next ",
    ];
    let end = CLAUSES
        .iter()
        .filter_map(|c| text.find(c))
        .min()
        .unwrap_or(text.len());
    &text[..end]
}

/// True when the text before a doing word ends in a determiner or possessive, which makes
/// the word a noun ("our build system", "the design review", "my review").
fn after_determiner(before: &str) -> bool {
    let previous = before.split_whitespace().next_back().unwrap_or("");
    matches!(
        previous,
        "a" | "an"
            | "the"
            | "our"
            | "my"
            | "your"
            | "their"
            | "his"
            | "her"
            | "its"
            | "this"
            | "that"
            | "every"
            | "each"
    ) || previous.ends_with("'s")
}

/// Lowercase, with curly quotes made straight and whitespace collapsed.
fn normalise(text: &str) -> String {
    text.to_lowercase()
        .replace(['\u{2019}', '\u{2018}'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
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
mod tests {
    use super::*;

    /// Statements written for these tests (not the labelled dev set), one per rule.
    #[test]
    fn each_element_is_recognised_from_its_phrasing() {
        type Case = (&'static str, [bool; 4], Verdict);
        let cases: [Case; 13] = [
            (
                "I want to get promoted.",
                [false, false, false, false],
                Verdict::Vague,
            ),
            (
                "I'd like more responsibility soon.",
                [false, false, false, false],
                Verdict::Vague,
            ),
            (
                "Help me be more successful next year.",
                [false, false, true, false],
                Verdict::Vague,
            ),
            (
                "I'll run the incident review rota in March.",
                [false, true, false, false],
                Verdict::Vague,
            ),
            (
                "I want to become an engineering manager.",
                [true, false, false, false],
                Verdict::Directional,
            ),
            (
                "I want to get stronger at distributed systems debugging within a year.",
                [true, false, true, false],
                Verdict::Directional,
            ),
            (
                "I want to move into security engineering; I'll shadow the appsec team's reviews.",
                [true, true, false, false],
                Verdict::Directional,
            ),
            (
                "I want to reach L4 by end of 2027, shown by leading the storage migration.",
                [true, false, true, true],
                Verdict::Directional,
            ),
            (
                "By Q3 I want to be the tech lead for payments: I'll run design reviews and write the roadmap, and approval by the director is the bar.",
                [true, true, true, true],
                Verdict::Actionable,
            ),
            (
                "Over the next nine months I want to become known for API design by publishing three RFCs, judged by two teams adopting them.",
                [true, true, true, true],
                Verdict::Actionable,
            ),
            (
                "I want to give a talk every month.",
                [false, true, false, false],
                Verdict::Vague,
            ),
            (
                "I want technical leadership of our data platform, but I won't rush it.",
                [true, false, false, false],
                Verdict::Directional,
            ),
            (
                "I want to be trusted with our design reviews and our build tooling.",
                [false, false, false, false],
                Verdict::Vague,
            ),
        ];
        for (text, [d, a, h, e], verdict) in cases {
            let c = check(text);
            let got = [
                c.elements.destination,
                c.elements.action,
                c.elements.horizon,
                c.elements.evidence,
            ];
            assert_eq!(got, [d, a, h, e], "{text}\n{:?}", c.matched);
            assert_eq!(c.verdict, verdict, "{text}");
        }
    }

    #[test]
    fn it_asks_the_question_for_each_missing_element_and_shows_its_reasons() {
        let c = check("I want to become a staff engineer by next summer.");
        assert_eq!(c.verdict, Verdict::Directional);
        assert_eq!(c.questions, [ASK_ACTION, ASK_EVIDENCE]);
        assert_eq!(c.matched.destination, ["become a staff engineer"]);
        assert_eq!(c.matched.horizon, ["by next summer"]);
        let vague = check("I want to grow.");
        assert_eq!(vague.questions.len(), 4);
        assert_eq!(vague.questions[2], "By when?");
    }

    #[test]
    fn frequencies_and_someday_are_not_horizons() {
        for text in [
            "I'll write one post per quarter.",
            "I'll get there eventually.",
            "I run the retro every sprint.",
        ] {
            assert!(!check(text).elements.horizon, "{text}");
        }
        assert!(check("in the next six months").elements.horizon);
        assert_eq!(
            check("I'll be done by June 2027.").matched.horizon,
            ["by june 2027"]
        );
    }

    #[test]
    fn verdicts_parse_and_print() {
        assert_eq!(
            "actionable".parse::<Verdict>().unwrap(),
            Verdict::Actionable
        );
        assert_eq!(serde_json::to_string(&Verdict::Vague).unwrap(), "\"vague\"");
    }
}
