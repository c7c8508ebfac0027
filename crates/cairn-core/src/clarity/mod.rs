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
use regex::Regex;
use serde::{Deserialize, Serialize};

mod criteria;
mod judges;
mod patterns;
mod topics;
mod typos;
mod words;

use criteria::{criterion_end, hollow_criterion, own_words, said_now, undecided_after_label};
use patterns::*;
use topics::{destinations_named_otherwise, topic_heads};
use typos::normalise;
use words::*;

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
    let mut matched = Matched::default();
    let mut destination_spans: Vec<(usize, usize)> = Vec::new();
    let mut found = |matched: &mut Matched, start: usize, end: usize, words: &str| {
        // "frontend engineer, 6 years": who the writer is now, not where they aim.
        if INTRODUCED.is_match(&lower[end..]) && !AIM_WORD.is_match(words) {
            return;
        }
        // Within its sentence: an undecided choice, the past ("I was promoted to senior in
        // 2023"), or who the writer is now ("I'm Dev, data engineer") names no destination.
        let sentence_start = lower[..start]
            .rfind(['.', ';', '!', '?', '\n'])
            .map_or(0, |i| i + 1);
        let sentence_start = lower[sentence_start..start]
            .rfind(" but ")
            .map_or(sentence_start, |i| sentence_start + i + 5);
        let sentence = &lower[sentence_start..start];
        let said_end = lower[start..end]
            .find(['.', ';', '!', '?', '\n'])
            .map_or(end, |i| start + i);
        let said = &lower[sentence_start..said_end.max(start)];
        let past = PAST
            .find_iter(said)
            .last()
            .is_some_and(|p| !AHEAD.is_match(&said[p.end()..]));
        let now = NOW_AM.is_match(sentence)
            && !AIM_WORD.is_match(words)
            && !AHEAD.is_match(sentence)
            && !sentence.split_whitespace().any(|w| {
                matches!(
                    w,
                    "if" | "when" | "once" | "before" | "until" | "agree" | "agrees"
                )
            });
        // "I already lead the guild meetings weekly": a habit, not an aim.
        let habit = HABIT.is_match(said) && !AHEAD.is_match(said);
        if UNDECIDED_AIM.is_match(sentence) || past || now || habit {
            return;
        }
        if go_to_for_nothing(&lower, start, end) {
            return;
        }
        // "run the org-wide planning": the phrase ends inside a hyphenated word.
        if lower[end..].starts_with('-')
            && lower[end + 1..].starts_with(char::is_alphabetic)
            && !lower[end + 1..].starts_with("level")
        {
            return;
        }
        // A destination ends with its sentence: "better at X. I'll present Y" keeps the rep.
        let cut = words
            .find([';', ':', '!', '?'])
            .into_iter()
            .chain(words.find(". "))
            .chain(words.find(" - "))
            .min()
            .map_or(end, |i| (start + i).min(end));
        destination_spans.push((start, cut));
        push(&mut matched.destination, phrase(words));
    };

    // A role named inside an evidence clause is the judge ("evidence would be my manager
    // saying so"), not the destination.
    let evidence_spans: Vec<(usize, usize)> = EVIDENCE_CLAUSE
        .find_iter(&lower)
        .filter(|m| !own_words(&lower, m.start(), m.as_str()))
        .map(|m| (m.start(), m.end()))
        .collect();
    for clause in clauses(&lower) {
        let (offset, text) = clause;
        for cap in AIMED_ROLE.captures_iter(text) {
            let (Some(whole), Some(role)) = (cap.get(0), cap.get(2)) else {
                continue;
            };
            if evidence_spans
                .iter()
                .any(|&(s, e)| offset + role.start() >= s && offset + role.start() < e)
            {
                continue;
            }
            // The role's leading words may be the aim's own ("goal is becoming team lead"):
            // what stands before the role is judged from where the role words begin.
            let role_start = role.start() + aim_words(role.as_str());
            let before = &text[..role_start];
            let between = cap.get(1).map_or("", |m| m.as_str()).trim();
            // "more senior" is a direction of travel, not a place to arrive at; "grow as an
            // engineer" is growth where one already is.
            let vague = role
                .as_str()
                .split_whitespace()
                .chain(between.split_whitespace().last())
                .any(|w| matches!(w, "more" | "less" | "somewhat" | "bit"))
                || between
                    .split_whitespace()
                    .any(|w| matches!(w, "more" | "less"))
                // The role's first words may be the growth's own: "grow | as an engineer".
                || GROW_AS.is_match(between)
                || GROW_AS.is_match(&format!(
                    "{between} {}",
                    role.as_str().split_whitespace().take(2).collect::<Vec<_>>().join(" ")
                ))
                // "be the kind of engineer people want", "become a leader": a type of
                // person, not a place to arrive at.
                || KIND_OF.is_match(&format!("{between} {}", role.as_str()))
                || matches!(
                    role.as_str()[aim_words(role.as_str())..]
                        .split_whitespace()
                        .filter(|w| !matches!(*w, "a" | "an" | "the" | "into" | "to"))
                        .collect::<Vec<_>>()
                        .as_slice(),
                    ["leader"] | ["thought", "leader"] | ["leadership"]
                )
                // "make sure my manager sees": a person named, not a role aimed at ("our
                // lead for threat modelling" is a role).
                || role.as_str().split_whitespace().collect::<Vec<_>>().windows(2).any(|w| {
                    matches!(w[0], "my" | "our" | "their" | "his" | "her" | "your")
                        && matches!(
                            w[1],
                            "manager" | "lead" | "director" | "boss" | "skip" | "mentor" | "em" | "tl"
                        )
                }) && !["for ", "of ", "on "]
                    .iter()
                    .any(|p| text[role.end()..].trim_start().starts_with(p))
                // "improve myself in leadership": the role word is a preposition's object.
                || between
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| matches!(w, "on" | "about" | "of" | "with" | "at"))
                // "the next level of impact": a level of something else, not a level.
                || text[role.end()..].starts_with(" of impact")
                    || text[role.end()..].starts_with(" of influence")
                || ROLE_START
                    .find(role.as_str())
                    .map_or("", |r| &role.as_str()[..r.start()])
                    .split_whitespace()
                    .any(|w| matches!(w, "myself" | "himself" | "herself" | "themselves"))
                // "be if my manager gives me the bonus": a condition, not a role aimed at;
                // "want a manager who listens": a person wanted.
                || role
                    .as_str()
                    .split_whitespace()
                    .any(|w| matches!(w, "if" | "when" | "unless" | "because" | "once"))
                || text[role.end()..].starts_with(" who ")
                    && matches!(
                        whole.as_str().split_whitespace().next(),
                        Some("want" | "need")
                    )
                // "want my manager to agree" names a person; "be a better engineer" is no
                // place to arrive at (a named capability is judged as one, below).
                || role.as_str().split_whitespace().any(|w| {
                    matches!(w, "better" | "stronger" | "best" | "greater" | "good" | "great")
                        || matches!(w, "my" | "our" | "their" | "his" | "her" | "your")
                            && whole.as_str().split_whitespace().next().is_some_and(|aim| {
                                matches!(aim, "want" | "like" | "hope" | "need" | "get" | "plan")
                            })
                });
            if vague
                || NOT_AIMED.is_match(before)
                || EMPTY_OBJECT.is_match(between) && !between.is_empty()
            {
                continue;
            }
            // "I want to take the lead on the upgrade": a verb between the aim and the role
            // word makes the role word that verb's object, not the aim.
            if between.split_whitespace().any(is_doing_word) {
                continue;
            }
            // Report from the aim nearest the role: "become a staff engineer", not "want to
            // become a staff engineer".
            let head = &text[whole.start()..role.end()];
            let from = AIM_WORD
                .find_iter(head)
                .filter(|m| m.end() < head.len() && ROLE_START.find(&head[m.end()..]).is_some())
                .last()
                .map_or(whole.start(), |m| whole.start() + m.start());
            found(
                &mut matched,
                offset + whole.start(),
                offset + whole.end(),
                &text[from..role.end()],
            );
        }
    }
    if let Some(cap) = HEADLINE.captures(&lower)
        && let Some(m) = cap.get(1).or_else(|| cap.get(2))
        && !m.as_str().split_whitespace().any(is_function_word)
    {
        found(&mut matched, m.start(), m.end(), m.as_str());
    }
    for cap in CAPABILITY_HEAD.captures_iter(&lower) {
        if let Some(m) = cap.get(1) {
            found(&mut matched, m.start(), m.end(), m.as_str());
        }
    }
    for cap in LABELLED_CAPABILITY.captures_iter(&lower) {
        if let Some(m) = cap.get(1)
            && !EMPTY_OBJECT.is_match(m.as_str().trim())
        {
            found(&mut matched, m.start(), m.end(), m.as_str());
        }
    }
    for cap in AIMED_LEAD.captures_iter(&lower) {
        // "be the lead on the migration" is a role; "become a lead the team trusts" too,
        // but "be lead the" is no English: the field words must name a field.
        if let (Some(whole), Some(role)) = (cap.get(0), cap.get(1))
            && names_a_field(role.as_str())
        {
            found(&mut matched, whole.start(), whole.end(), whole.as_str());
        }
    }
    for cap in ROLE_AS_AIM.captures_iter(&lower) {
        if let Some(m) = cap.get(1)
            && !NOT_AIMED.is_match(&lower[..m.start()])
        {
            found(&mut matched, m.start(), m.end(), m.as_str());
        }
    }
    for (offset, clause) in clauses(&lower).into_iter().flat_map(|(o, c)| parts(o, c)) {
        // "i guess tech lead for the android app": a hedge before the role is no subject.
        let (offset, clause) = HEDGE
            .find(clause)
            .map_or((offset, clause), |h| (offset + h.end(), &clause[h.end()..]));
        let aimed_elsewhere = clause.split_whitespace().next().is_some_and(|w| {
            (is_doing_word(w) && w != "lead")
                || matches!(w, "i" | "we" | "my" | "our" | "me" | "you" | "your")
        });
        // "Competency: Leadership" names the ladder's area the row is about, not an aim;
        // "Stakeholders: VP Eng" names people.
        let area_label = lower[..offset]
            .trim_end()
            .trim_end_matches(':')
            .trim_end()
            .rsplit([' ', '|', '\n'])
            .next()
            .is_some_and(|w| {
                matches!(
                    w,
                    "competency" | "category" | "area" | "pillar" | "dimension"
                ) || PEOPLE_LABEL.contains(&w)
            });
        if aimed_elsewhere || area_label {
            continue;
        }
        // Words around the role words must not make it a phrase about something else:
        // "judged by my manager", "working alongside the senior folks".
        if let Some(m) = ROLE_CLAUSE.captures(clause).and_then(|c| c.get(1))
            && !ROLE_START
                .replace_all(m.as_str(), " ")
                .split_whitespace()
                .any(|w| {
                    (is_function_word(w) && w != "or")
                        || matches!(
                            w,
                            "the" | "alongside" | "among" | "beside" | "than" | "like" | "as"
                        )
                })
            && !m
                .as_str()
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with("ing") && ROLE_START.find(w).is_none())
            && !FINITE.is_match(&clause[m.end()..])
            && names_a_field(m.as_str())
            // "lead auth migration": a rep with its object, not a lead role.
            && !(m.as_str().starts_with("lead ")
                && m
                    .as_str()
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| TASK_NOUNS.contains(&w)))
        {
            found(
                &mut matched,
                offset + m.start(),
                offset + m.end(),
                m.as_str(),
            );
        }
        // "-> migrate the remaining components" is a next step, not where one moves to.
        if let Some(m) = PAIR_MOVE
            .captures(clause)
            .and_then(|c| c.get(1))
            .filter(|m| !arrow_to_a_rep(m.as_str()))
        {
            found(
                &mut matched,
                offset + m.start(),
                offset + m.end(),
                m.as_str(),
            );
        }
    }
    for re in [&*AGENT, &*PAIR_MOVE] {
        for cap in re.captures_iter(&lower) {
            if let Some(m) = cap
                .get(0)
                .filter(|m| {
                    re.as_str() != PAIR_MOVE.as_str()
                        || cap.get(2).is_some() && !arrow_to_a_rep(m.as_str())
                })
                .filter(|m| !names_only_the_job(m.as_str()))
            {
                found(&mut matched, m.start(), m.end(), m.as_str());
            }
        }
    }
    for cap in CAPABILITY.captures_iter(&lower) {
        let (Some(whole), Some(object)) = (cap.get(0), cap.get(1)) else {
            continue;
        };
        // The object ends where a new bullet begins: "- learn - be promoted".
        let object_text = phrase(
            object
                .as_str()
                .split(" - ")
                .next()
                .and_then(|o| o.split(". ").next())
                .unwrap_or(""),
        )
        .trim()
        .trim_matches(['\'', '"', '\u{2018}', '\u{2019}', '.', '!']);
        if !object_text.is_empty()
            && !object_text.starts_with('-')
            && !EMPTY_OBJECT.is_match(object_text)
        {
            found(&mut matched, whole.start(), whole.end(), whole.as_str());
        }
    }
    for cap in CAPABILITY_NOUN.captures_iter(&lower) {
        if let Some(m) = cap.get(1)
            && !EMPTY_OBJECT.is_match(m.as_str())
        {
            found(&mut matched, m.start(), m.end(), m.as_str());
        }
    }
    for m in SCOPE.find_iter(&lower) {
        // "more senior-level work" asks for more of a kind, like "more responsibility".
        if lower[..m.start()].ends_with("more ") || RECOGNISED_VAGUELY.is_match(m.as_str()) {
            continue;
        }
        // "running the team's retro" names a thing of the team's; "volunteer to own the
        // release train" offers a rep.
        let offered = lower[..m.start()]
            .strip_suffix("to ")
            .and_then(|b| b.split_whitespace().next_back())
            .is_some_and(|w| {
                matches!(
                    w,
                    "volunteer" | "volunteering" | "offer" | "offering" | "ask"
                ) || is_doing_word(w) && !AIM_WORD.is_match(w)
            });
        if lower[m.end()..].starts_with("'s ") && !m.as_str().starts_with("own") || offered {
            continue;
        }
        // "own the redis upgrade" is a task to do, not an area to own.
        let task = m.as_str().starts_with("own")
            && lower[m.start()..]
                .split(['.', ';', ':', ',', '!', '?'])
                .next()
                .unwrap_or("")
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .skip(1)
                .filter(|w| !matches!(*w, "the" | "a" | "an" | "our" | "my" | "their"))
                .take(5)
                .take_while(|w| {
                    !is_function_word(w)
                        && !matches!(*w, "in" | "on" | "at" | "next" | "this" | "end")
                })
                .last()
                .is_some_and(|w| TASK_NOUNS.contains(&w));
        if !task {
            found(&mut matched, m.start(), m.end(), m.as_str());
        }
    }
    for cap in TRANSITION.captures_iter(&lower) {
        let (Some(whole), Some(object)) = (cap.get(0), cap.get(1)) else {
            continue;
        };
        let object_text = object.as_str().trim();
        let is_time = HORIZON.find(object_text).is_some_and(|h| h.start() == 0);
        // "going to stick around", "get to know": a future or a chance, not a move, unless
        // a role or a named place follows.
        let bare_to = {
            let head = &whole.as_str()[..object.start() - whole.start()];
            let verb = head.split_whitespace().next().unwrap_or("");
            matches!(verb, "go" | "going" | "get" | "getting")
                && [" to", " to a", " to an", " to the"]
                    .iter()
                    .any(|t| head.trim_end().ends_with(t))
                && !head.contains(" from ")
                && !ROLE_START.is_match(object_text)
                && !object_text.split_whitespace().any(|w| {
                    matches!(
                        w,
                        "team"
                            | "squad"
                            | "group"
                            | "org"
                            | "department"
                            | "role"
                            | "track"
                            | "position"
                            | "from"
                    )
                })
        };
        if !bare_to
            && !EMPTY_OBJECT.is_match(object_text)
            && !is_time
            && !object_text
                .split_whitespace()
                .next()
                .is_some_and(is_doing_word)
        {
            found(&mut matched, whole.start(), whole.end(), whole.as_str());
        }
    }

    for re in [&*MOVE_AS, &*BECOME_AGENT] {
        for cap in re.captures_iter(&lower) {
            if let (Some(whole), Some(who)) = (cap.get(0), cap.get(1).or_else(|| cap.get(2)))
                && (re.as_str() == MOVE_AS.as_str() || !GENERIC_AGENT.is_match(who.as_str()))
            {
                found(&mut matched, whole.start(), whole.end(), whole.as_str());
            }
        }
    }
    // A certification aimed at is a destination; passing it is also what would show it.
    let written = acronyms(text);
    for (start, end, words) in certifications(&CERTIFICATION, &lower, &written) {
        found(&mut matched, start, end, words.trim());
    }
    let certified: Vec<String> = certifications(&CERTIFICATE_PASSED, &lower, &written)
        .into_iter()
        .map(|(_, _, words)| words)
        .collect();
    for (start, end, words) in destinations_named_otherwise(&lower) {
        found(&mut matched, start, end, &words);
    }
    let topics = topic_heads(&lower);

    let judgements = judges::judgements(text, &lower);
    let mut without_evidence: String = EVIDENCE_CLAUSE
        .replace_all(&lower, |c: &regex::Captures| " ".repeat(c[0].len()))
        .into_owned();
    // What follows a judge in their sentence is the criterion, not a rep: "the lead said
    // she'd take me once I can pass their CTF"; a new item of a list ends it ("my mgr
    // signs off, lead the migration").
    for (start, _) in &judgements {
        let end = criterion_end(&lower, *start);
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
            push(&mut matched.action, m.as_str());
            at = m.end();
        } else {
            at = m.start() + m.as_str().find(' ').unwrap_or(m.len());
        }
    }
    for m in PASSIVE_REP
        .find_iter(&lower)
        .chain(RELATIVE_REP.find_iter(&without_evidence))
        .chain(PERFECT_REP.find_iter(&without_evidence))
    {
        push(&mut matched.action, m.as_str());
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
            push(&mut matched.action, rep);
        }
    }
    for m in HORIZON.find_iter(&lower) {
        let sentence = lower[..m.start()]
            .rsplit(['.', ';', '?', '!', '\n'])
            .next()
            .unwrap_or("");
        // "I joined in 2022", "I've been here for four years": the past is no time frame.
        // "sometime in the next few years" puts off, not times.
        let put_off = ["sometime ", "some time ", "someday "]
            .iter()
            .any(|w| lower[..m.start()].ends_with(w));
        // "for 3 sprints straight" is a streak to keep, not a time frame.
        let streak = [" straight", " in a row", " running"]
            .iter()
            .any(|w| lower[m.end()..].starts_with(w));
        let past = PAST
            .find_iter(sentence)
            .last()
            .is_some_and(|p| !AHEAD.is_match(&sentence[p.end()..]));
        if !FREQUENCY.is_match(&lower[..m.start()]) && !past && !put_off && !streak {
            push(&mut matched.horizon, m.as_str());
        }
    }
    for m in LABELLED_HORIZON
        .find_iter(&lower)
        .filter(|m| !undecided_after_label(m.as_str()))
    {
        push(
            &mut matched.horizon,
            m.as_str().trim_start_matches(['.', ';', ' ', '\n']),
        );
    }
    // A topic at a note's head is what the note aims at only when a rep follows it:
    // "Technical writing: publish one post", not "Research lab: I'd like to publish more".
    if !matched.action.is_empty() {
        for words in topics {
            push(&mut matched.destination, &words);
        }
    }
    for cap in BARE_SPAN.captures_iter(&lower) {
        if let Some(m) = cap.get(1)
            // "engineer, 6 years": experience is counted in years.
            && !(EXPERIENCE_BEFORE.is_match(&lower[..m.start()]) && m.as_str().contains("year"))
        {
            push(&mut matched.horizon, m.as_str());
        }
    }
    for m in EVIDENCE
        .find_iter(&lower)
        .chain(EVIDENCE_LABEL.find_iter(&lower))
        .chain(MEASURED.find_iter(&lower))
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
        let hollow = labelled && hollow_criterion(&lower[m.end()..], &matched.action);
        if !label_left_open
            && !hollow
            && !own_words(&lower, m.start(), m.as_str())
            && !said_now(&lower, m.start(), m.as_str())
        {
            push(&mut matched.evidence, m.as_str());
        }
    }
    for (_, phrase) in &judgements {
        push(&mut matched.evidence, phrase);
    }
    for phrase in &certified {
        push(&mut matched.evidence, phrase);
    }
    judged(matched)
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

/// True when what an arrow points at opens with a doing verb: a rep, not a destination.
fn arrow_to_a_rep(pair: &str) -> bool {
    pair.split_once(['>'])
        .is_some_and(|(_, after)| after.split_whitespace().next().is_some_and(is_doing_word))
}

/// The matches of `pattern` whose certificate slot holds one of the statement's `acronyms`,
/// each as (start, end, words); a match on another word gives its text back to the search.
fn certifications(
    pattern: &Regex,
    lower: &str,
    acronyms: &[String],
) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(cap) = pattern.captures_at(lower, at) {
        let Some(whole) = cap.get(0) else { break };
        let named = pattern
            .capture_names()
            .flatten()
            .filter_map(|name| cap.name(name))
            .any(|slot| acronyms.iter().any(|a| a == slot.as_str()));
        if named {
            out.push((whole.start(), whole.end(), whole.as_str().to_owned()));
            at = whole.end().max(whole.start() + 1);
        } else {
            at = lower[whole.start()..]
                .char_indices()
                .nth(1)
                .map_or(lower.len(), |(i, _)| whole.start() + i);
        }
        if at >= lower.len() {
            break;
        }
    }
    out
}

/// The acronyms a statement writes in capitals that name no role ("CKA", "OSCP", "SA"),
/// lowercased: what a certification is called.
fn acronyms(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let capitals = (2..=6).contains(&word.len())
            && word.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let lower = word.to_lowercase();
        // The work's own acronyms name no certificate.
        let work = matches!(
            lower.as_str(),
            "api"
                | "apis"
                | "pr"
                | "prs"
                | "mvp"
                | "ui"
                | "ux"
                | "db"
                | "sql"
                | "ci"
                | "cd"
                | "qa"
                | "okr"
                | "okrs"
                | "kpi"
                | "slo"
                | "sla"
                | "rfc"
                | "adr"
                | "poc"
                | "eta"
                | "eod"
                | "eoy"
                | "ic"
                | "kr"
                | "kr1"
                | "kr2"
                | "kr3"
                | "kr4"
                | "ok"
                | "fyi"
        );
        if capitals && !work && !ROLE_START.is_match(&lower) && !out.contains(&lower) {
            out.push(lower);
        }
    }
    out
}

/// The length of the aim and linking words ("is becoming ", "to be a ") a role phrase starts
/// with.
fn aim_words(phrase: &str) -> usize {
    let mut at = 0;
    for word in phrase.split_inclusive(' ') {
        let w = word.trim_end();
        if !(AIM_WORD.find(w).is_some_and(|m| m.len() == w.len())
            || matches!(w, "is" | "are" | "am" | "be" | "to" | "a" | "an" | "the"))
        {
            break;
        }
        at += word.len();
    }
    at
}

/// False when a phrase ending in "lead" that names no known role has no field before the
/// word: "to lead", "will lead", "eventually lead" are the verb.
fn names_a_field(phrase: &str) -> bool {
    if !phrase.ends_with("lead") || ROLE_START.is_match(phrase) {
        return true;
    }
    let mut words = phrase.split_whitespace().rev().skip(1);
    words.next().is_some_and(|w| {
        !is_function_word(w)
            && !is_doing_word(w)
            && !w.ends_with("ly")
            && !matches!(
                w,
                "i" | "we"
                    | "you"
                    | "they"
                    | "she"
                    | "he"
                    | "the"
                    | "a"
                    | "an"
                    | "my"
                    | "our"
                    | "their"
                    | "his"
                    | "her"
                    | "your"
                    | "co"
                    | "not"
                    | "never"
                    | "always"
            )
    })
}

/// True when a destination phrase at `start..end` is a go-to for nothing named before or
/// after ("be the go-to person", "a go-to person generally"); "the postgres go-to" and
/// "go-to person for kafka" name one.
fn go_to_for_nothing(lower: &str, start: usize, end: usize) -> bool {
    lower[start..end].find("go-to").is_some_and(|at| {
        let at = start + at;
        let before = lower[start..at].split_whitespace().any(|w| {
            !matches!(
                w,
                "the" | "a" | "an" | "our" | "their" | "team's" | "more" | "of" | "be" | "become"
            )
        });
        let after = lower[at + "go-to".len()..]
            .split(['.', ',', ';', ':', '!', '?', '\n', '-'])
            .next()
            .unwrap_or("");
        !before
            && after.split_whitespace().all(|w| {
                matches!(
                    w,
                    "person"
                        | "engineer"
                        | "guy"
                        | "one"
                        | "dev"
                        | "developer"
                        | "generally"
                        | "overall"
                        | "everyone"
                        | "people"
                        | "here"
                        | "around"
                )
            })
    })
}

/// True when a "be a better X" names only the job one has ("a better engineer", "a
/// stronger developer"), not a capability ("a better mentor", "a stronger speaker").
fn names_only_the_job(agent: &str) -> bool {
    agent.split_whitespace().next_back().is_some_and(|w| {
        matches!(
            w,
            "engineer"
                | "developer"
                | "programmer"
                | "coder"
                | "employee"
                | "worker"
                | "member"
                | "teammate"
                | "colleague"
                | "contributor"
                | "performer"
        )
    })
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
    fn judges_named_in_evidence_and_roles_named_in_passing_are_no_destination() {
        let c = check("Become staff. Evidence would be my director saying so.");
        assert_eq!(c.matched.destination, vec!["become staff".to_owned()]);
        assert!(c.elements.evidence);
        let c =
            check("Mentor two juniors by June; my promo case gets reviewed by the staff panel.");
        assert!(c.elements.evidence, "{:?}", c.matched);
        for vague in [
            "Keep learning and not stagnate.",
            "Hoping to grow, working alongside the principal engineers.",
            "Improve my skills in the future.",
            "Be better at my job this year.",
        ] {
            assert!(!check(vague).elements.destination, "{vague}");
        }
        for aimed in [
            "Next step for her is staff engineer.",
            "Head of the data group by 2027.",
            "Distributed systems depth by next spring.",
            "I'd like to head up the payments platform.",
        ] {
            assert!(check(aimed).elements.destination, "{aimed}");
        }
    }

    #[test]
    fn habits_history_and_labelled_lines_are_read_for_what_they_are() {
        // What one already does, and has done since a year, is neither a rep nor a horizon.
        let c = check("Everyday I review the PRs of my team and I want to grow, since 2021.");
        assert!(!c.elements.action && !c.elements.horizon, "{:?}", c.matched);
        assert!(
            !check("I want to be promoted; I was promoted in 2023 too.")
                .elements
                .horizon
        );
        assert!(check("I want to get promoted by Q2.").elements.horizon);
        for aimed in [
            "Skill: Rust (deeper)",
            "I am aiming to transit from support to SRE.",
            "EM is realistic for him within two years.",
            "Chloe wants to get deeper into Rust.",
            "goal=SRE | rep=run the on-call rota | by=Oct",
        ] {
            assert!(check(aimed).elements.destination, "{aimed}");
        }
        let c = check("goal=SRE | rep=run the on-call rota for search | by=Oct");
        assert!(c.elements.action, "{:?}", c.matched);
        assert!(
            check("Be staff before the annual planning offsite.")
                .elements
                .horizon
        );
        assert!(
            check("Become TL in Q3; my mgr decides.").elements.evidence,
            "a short judge"
        );
        // A note's shorthand and pictographs read as the words and breaks they stand for.
        let c = check("staff 🎯 h2 🗓️ lead the auth migration 🔐 skip signs off ✅");
        assert_eq!(c.verdict, Verdict::Actionable, "{:?}", c.matched);
        let c = check("solid k8s skills b4 the reorg, promo cmte approves");
        assert!(c.elements.destination && c.elements.horizon && c.elements.evidence);
    }

    #[test]
    fn destinations_without_a_role_word() {
        for aimed in [
            "Kotlin: I'll port the settings screen by May.",
            "Observability: instrument the checkout flow.",
            "Estimation is my weak spot, so I'll estimate every ticket.",
            "I want to get onto the search team.",
            "Frontend to platform engineering. 9 months.",
            "Is it enough for staff if I run the guild?",
        ] {
            assert!(check(aimed).elements.destination, "{aimed}");
        }
        for vague in [
            "Mobile team: I'd like to be happier.",
            "Hoping to grow.",
            "Time to ship.",
            "I want to join a new team.",
        ] {
            let c = check(vague);
            assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
        }
        assert!(
            check("Frontend to platform engineering. 9 months.")
                .elements
                .horizon
        );
    }

    #[test]
    fn introductions_moves_and_named_practitioners() {
        // Who the writer is now, with their years, is neither destination nor horizon.
        for intro in [
            "Quick intro: frontend engineer, 6 years, React + TypeScript.",
            "Hi! Senior SWE here, ~8 years, currently at a big retailer.",
            "Backend engineer (Python, 5 yrs). Looking for advice.",
        ] {
            let c = check(intro);
            assert!(
                !c.elements.destination && !c.elements.horizon,
                "{intro}: {:?}",
                c.matched
            );
        }
        // The role a move arrives in, and a named kind of practitioner, are destinations.
        for aimed in [
            "Ideally I'd end up as an ML platform engineer.",
            "Join a product company as a staff-level platform engineer.",
            "Goal: go freelance as a Shopify/React contractor.",
            "I want to become a capable technical writer.",
            "Objective is to become a Node.js core collaborator.",
        ] {
            let c = check(aimed);
            assert!(c.elements.destination, "{aimed}: {:?}", c.matched);
        }
        for vague in [
            "I want to become a team player.",
            "To be a well-rounded learner.",
        ] {
            let c = check(vague);
            assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
        }
    }

    #[test]
    fn certifications_roles_taken_on_and_holidays() {
        // A certification aimed at is a destination; sitting its exam is a rep.
        for aimed in [
            "Goal: get my CKA before the March planning offsite.",
            "pass AWS SA pro, grinding the practice sets",
            "CKA by june, doing killer.sh sims 2x/wk",
            "By Q3 Elena will take on the engineering manager role for the squad.",
        ] {
            let c = check(aimed);
            assert!(c.elements.destination, "{aimed}: {:?}", c.matched);
        }
        let c = check("Move into the red team by March; I'll sit the OSCP exam in February.");
        assert_eq!(
            c.matched.destination,
            vec!["move into the red team".to_owned()]
        );
        assert!(c.elements.action, "{:?}", c.matched);
        assert!(!check("Ship the API by Q3.").elements.destination);
        // Recognition of nothing in particular names no place to arrive at.
        for vague in [
            "My objective is to be recognized for my work.",
            "KR3: Be recognised as a leader this cycle.",
            "I would like to continue growing as an engineer.",
        ] {
            let c = check(vague);
            assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
        }
        assert!(
            check("Pass the CKA exam before Tet holiday.")
                .elements
                .horizon
        );
    }

    #[test]
    fn forms_with_fields_left_open_and_futures_that_go_nowhere() {
        // A development-plan row: labelled fields count, fields left "TBD" do not.
        let row = "Goal: QA lead for the mobile app | Actions: define the regression plan | Target date: 5.0 release (June) | Success measure: fewer than 2 escaped P1s";
        assert_eq!(
            check(row).verdict,
            Verdict::Actionable,
            "{:?}",
            check(row).matched
        );
        let open =
            check("Goal: staff engineer | Actions: TBD | Target date: TBD | Success measure: TBD");
        assert!(
            !open.elements.horizon && !open.elements.evidence,
            "{:?}",
            open.matched
        );
        for aimed in [
            "Next stop: DBA.",
            "1. Progress to Senior Developer on the benefits service.",
        ] {
            assert!(check(aimed).elements.destination, "{aimed}");
        }
        for vague in [
            "I'm not going to stick around if they keep piling tickets on me.",
            "I want to challenge many things and grow up as engineer.",
        ] {
            let c = check(vague);
            assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
        }
        assert!(
            check("Im trying to get in to security team from helpdesk")
                .elements
                .destination
        );
        assert!(
            !check("I'll say it plainly: I want senior.")
                .elements
                .evidence
        );
        assert!(
            check("so it passes the external WCAG 2.2 AA audit")
                .elements
                .evidence
        );
    }

    #[test]
    fn reps_and_time_frames_in_a_note_s_shorthand() {
        for (text, rep) in [
            (
                "By Q4 I'd deploy at least one model to production.",
                "deploy at least one model",
            ),
            (
                "Key results: write 3 design docs in Q2.",
                "write 3 design docs",
            ),
            (
                "comfortable with design by june. do 5 mock interviews",
                "do 5 mock interviews",
            ),
            (
                "leave written feedback on 10 junior PRs a week",
                "leave written feedback on 10",
            ),
            (
                "More of the same. Maybe take on the search reindex project.",
                "take on the search",
            ),
            (
                "Get the Kafka consumer rewrite done by Friday.",
                "get the kafka consumer rewrite",
            ),
            (
                "I'll pair-review every PR from the two new hires.",
                "pair-review every pr",
            ),
            (
                "He's offered to coordinate the Q3 hackathon.",
                "coordinate the q3 hackathon",
            ),
            (
                "She'll take me onto the team if the models ship, so I'm rebuilding the pipeline.",
                "rebuilding the pipeline",
            ),
        ] {
            let c = check(text);
            assert!(
                c.matched.action.iter().any(|a| a.starts_with(rep)),
                "{text}: {:?}",
                c.matched
            );
        }
        assert!(!check("Key results: write 3 design docs.").elements.evidence);
        for no_time in [
            "Hello! Backend engineer, 6 yrs, currently at a bank in Lisbon.",
            "Hi! SRE at a mid-size SaaS company, 3 yrs.",
            "metric: my forecasts land within 10% for 3 sprints straight.",
        ] {
            let c = check(no_time);
            assert!(!c.elements.horizon, "{no_time}: {:?}", c.matched);
        }
        for text in [
            "want to level up this yr",
            "Architect for the claims domain, within the year.",
            "The target is a senior IC position by 1 March.",
        ] {
            assert!(check(text).elements.horizon, "{text}");
        }
    }

    #[test]
    fn kinds_of_person_and_vague_doings_are_neither_place_nor_rep() {
        for vague in [
            "I want to become a leader in the next year.",
            "Be the kind of engineer people want on their team.",
            "I want to be more useful. Good sign will be if my manager gives me the bonus.",
            "Frankly I just want a manager who doesn't cancel our 1:1s.",
        ] {
            let c = check(vague);
            assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
        }
        assert!(
            check("In 6 months I see myself as a senior firmware engineer who owns the BLE stack.")
                .elements
                .destination
        );
        for no_rep in [
            "Make a bigger impact in 2025.",
            "just learn stuff, maybe take a course",
            "Improve my skills by doing a Udemy course or two.",
            "I hope maintainers will start recognising my name.",
            "Keep doing what she's doing.",
            "Long term I see myself as staff, maybe owning observability.",
            "switch from QA to dev. mgr says the bar is passing the same coding loop",
        ] {
            let c = check(no_rep);
            assert!(!c.elements.action, "{no_rep}: {:?}", c.matched);
        }
    }

    #[test]
    fn headlines_levels_of_operation_and_compound_nouns() {
        for aimed in [
            "I'll say it plainly: I want senior by the summer promo round.",
            "EM trial for H2, running sprint planning for the new grads",
            "rust deeply by end of q3",
            "I'd want the panel to see me as someone already operating at staff level.",
        ] {
            let c = check(aimed);
            assert!(c.elements.destination, "{aimed}: {:?}", c.matched);
        }
        assert!(
            check("That's my case for L5, before the November cycle.")
                .elements
                .horizon
        );
        let c = check("Transition to EM within 12 months, with a manager-track title.");
        assert!(!c.elements.action, "{:?}", c.matched);
        assert!(check("co-lead the billing migration").elements.action);
        let row = check("Competency: Leadership | Goal: Be more senior");
        assert!(!row.elements.destination, "{:?}", row.matched);
    }

    #[test]
    fn people_named_networks_and_feelings_are_no_destinations() {
        for vague in [
            "Wanna get the promo this time. Will make sure my manager sees my work.",
            "I just want to do more interesting work and be recognised for it.",
            "keep learning every day",
            "My aim is to build my personal brand and grow my network.",
            "I'd love to be a thought leader in the observability space.",
            "feel more confident in meetings",
            "I would like to improve myself in leadership side and be promoted.",
        ] {
            let c = check(vague);
            assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
        }
        for aimed in [
            "Goal for H2: become the DRI for our data platform's cloud cost.",
            "L5 EOY",
            "By September I'd like to be running the Berlin platform team.",
            "Own on-call for the whole ingest pipeline by Q4.",
            "I'd like Noor to develop strong written communication by spring.",
        ] {
            let c = check(aimed);
            assert!(c.elements.destination, "{aimed}: {:?}", c.matched);
        }
        for judged in [
            "billing tickets escalated to engineering should drop by half",
            "I will lead the refactor before Q2 and the CTO validates.",
            "deploy one model to prod that the ranking team uses",
            "write the design doc, which the infra architects will review",
            "publish two design docs and get both approved at architecture review",
        ] {
            assert!(check(judged).elements.evidence, "{judged}");
        }
        assert!(
            check("Plan: (1) run 1:1s for the 3 contractors")
                .elements
                .action
        );
        for vague in [
            "I want to operate at the next level of impact.",
            "Career goals:\n→ improve leadership skills\n→ increase impact",
            "I'd like to grow into a leadership role sometime in the next few years.",
        ] {
            let c = check(vague);
            assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
        }
        assert!(
            !check("a leadership role sometime in the next few years")
                .elements
                .horizon
        );
        let c = check("tl;dr staff eng, 18 months");
        assert!(
            c.elements.destination && c.elements.horizon,
            "{:?}",
            c.matched
        );
    }

    #[test]
    fn a_success_criterion_must_observe_something() {
        for hollow in [
            "Senior by end of year. I'll write two RFCs for the caching layer. Success is writing the RFCs.",
            "EM by spring. Success measure: feeling ready to operate at that level.",
            "Plan: lead the migration. Evidence: we'll have a conversation about it in my 1:1.",
            "Fix the 20 slowest queries in Q3. Success: the reporting queries get fixed.",
        ] {
            let c = check(hollow);
            assert!(!c.elements.evidence, "{hollow}: {:?}", c.matched);
        }
        for observed in [
            "How will we know? At least five product teams use it.",
            "ill know its working when the finance team stops pinging me",
            "The signal: the DevRel team invites me to join.",
            "Ready meaning: my manager lists me as a TL candidate.",
            "I'll have succeeded if I'm added to the web on-call rotation.",
            "They only count if they're approved in architecture review.",
            "slow query log should go from ~300/day to under 50/day",
            "Target is fewer than 20, tracked on the dashboard.",
            "Success is passing the CKA on the first try.",
        ] {
            assert!(check(observed).elements.evidence, "{observed}");
        }
        assert!(
            check("Be a strong mentor to the two juniors this year.")
                .elements
                .destination
        );
        assert!(
            !check("Improve my skills. Writing two RFCs before the offsite.")
                .elements
                .destination
        );
    }

    #[test]
    fn a_note_keeps_its_lines_and_its_items() {
        // Each line of a note is an item: a labelled judge on its own line is evidence.
        let c = check(
            "- goal: senior\n- how: lead the Postgres 16 upgrade\n- when: H1\n- judge: TL + EM",
        );
        assert_eq!(c.verdict, Verdict::Actionable, "{:?}", c.matched);
        // "lead" with an object is the rep, and a comma opens the next item after a judge.
        let c = check("tech lead by eoy, lead the checkout rewrite, my mgr signs off");
        assert_eq!(
            c.matched.action,
            vec!["lead the checkout rewrite".to_owned()]
        );
        let c = check("principal, promo committee signs off, lead the multi-region migration");
        assert!(c.elements.action, "{:?}", c.matched);
        // A typo is one slip of the keys, not a real word near a key word.
        assert!(
            !check("I'm not sure in which direction to grow.")
                .elements
                .destination
        );
        assert!(check("archtekt by eoy").elements.destination);
    }

    #[test]
    fn a_span_of_time_counts_in_any_number_written_out() {
        for (span, words) in [
            ("within fifteen months", "within fifteen months"),
            ("within thirty days", "within thirty days"),
            ("in twenty-one weeks", "in twenty-one weeks"),
            ("within 14 months", "within 14 months"),
        ] {
            let c = check(&format!("Become a staff engineer {span}."));
            assert!(c.elements.horizon, "{span}");
            assert_eq!(c.matched.horizon, vec![words.to_owned()], "{span}");
        }
        assert!(
            !check("Become a staff engineer, fifteen of us.")
                .elements
                .horizon
        );
    }

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
                [false, true, true, false],
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

    /// Each family of phrasing a new user brings: a transition, a capability, a level and
    /// scope without a verb, recognised ownership, an action after a colon, a rep after "by".
    #[test]
    fn destinations_come_in_many_grammatical_shapes() {
        type Case = (&'static str, Verdict);
        let cases: [Case; 9] = [
            (
                "I'd like to switch from QA automation into backend development.",
                Verdict::Directional,
            ),
            (
                "I want to improve at technical writing.",
                Verdict::Directional,
            ),
            (
                "Aim: principal scope in developer experience.",
                Verdict::Directional,
            ),
            (
                "I want to be the person people call when the database is on fire.",
                Verdict::Directional,
            ),
            (
                "In 2027 I want to be ready for engineering management: I'll run 1:1s for two interns, and my manager's review will be the evidence.",
                Verdict::Actionable,
            ),
            (
                "By June I want to move into system design depth by writing two RFCs that pass architecture review.",
                Verdict::Actionable,
            ),
            ("Staff by 2027.", Verdict::Directional),
            ("becom a tech lead by end of yaer", Verdict::Directional),
            ("Make me more visible to leadership.", Verdict::Vague),
        ];
        for (text, verdict) in cases {
            let c = check(text);
            assert_eq!(c.verdict, verdict, "{text}\n{:?}", c.matched);
        }
    }

    #[test]
    fn roles_are_read_in_the_shapes_people_write_them() {
        let destination = |text: &str| check(text).elements.destination;
        for text in [
            "Me: staff engineer by next cycle.",
            "Tech lead or EM by Q3.",
            "AppSec lead by the next promo round.",
            "Become a DevRel lead.",
            "Open to Senior Backend Engineer roles (Go, Postgres).",
            "Aspire to be principal-level in cryptography.",
        ] {
            assert!(destination(text), "{text}: {:?}", check(text).matched);
        }
        for text in [
            "I will lead.",
            "Stakeholders: VP Eng, platform EMs",
            "My goal is to eventually lead.",
        ] {
            assert!(!destination(text), "{text}: {:?}", check(text).matched);
        }
        // A scope taken on after the destination is a rep towards it; a word glued on by
        // a hyphen ends no phrase ("org-wide").
        let c = check("VP Engineering by 2028; I'll run the org-wide planning process.");
        assert!(c.elements.action, "{:?}", c.matched);
        assert!(
            !c.matched
                .destination
                .iter()
                .any(|d| d.contains("run the org"))
        );
        let c = check("Reach L4 next cycle. I'll own the settings page end to end.");
        assert!(c.elements.action, "{:?}", c.matched);
        assert!(
            !check("I want to own the payments platform.")
                .elements
                .action
        );
    }

    #[test]
    fn what_is_past_undecided_or_already_held_names_no_destination() {
        let destination = |text: &str| check(text).elements.destination;
        for text in [
            "I was promoted to senior in 2023. Now I want to keep growing.",
            "Not sure if I want IC or management, I just want to keep progressing.",
            "Hello! I'm Dev, data engineer at a fintech. I want more impact.",
            "want to be good at coding lol",
            "I'd like to be better at 'the soft stuff'.",
        ] {
            assert!(!destination(text), "{text}: {:?}", check(text).matched);
        }
        for text in [
            "I joined in 2022 as a junior iOS dev and I want to reach mid-level.",
            "I want to own the payments API's reliability by Q4.",
        ] {
            assert!(destination(text), "{text}: {:?}", check(text).matched);
        }
        // Running a team's ritual or volunteering to own a task is a rep, not a scope.
        let c = check("Grow as an engineer by running the team's retro.");
        assert!(
            !c.elements.destination && c.elements.action,
            "{:?}",
            c.matched
        );
        assert!(!destination(
            "Goal: more ownership. I'll volunteer to own the release train."
        ));
    }

    #[test]
    fn measures_and_judges_are_told_from_reports_of_today() {
        let evidence = |text: &str| check(text).elements.evidence;
        for text in [
            "Port the solver to GPU; at least 10x speedup on the benchmark case.",
            "Land three passes, each showing \u{2265}5% speedup on the suite.",
            "Lead the sharding, zero-downtime cutover.",
            "Acceptance at a NeurIPS workshop counts as success.",
            "The release-health dashboard is my scorecard.",
            "- role: staff\n- signoff: VP eng",
            "Both say in their feedback that it helped.",
        ] {
            assert!(evidence(text), "{text}: {:?}", check(text).matched);
        }
        for text in [
            "My skip says I'm 'on a track'.",
            "mgr keeps saying im close",
            "People say I'm already there.",
        ] {
            assert!(!evidence(text), "{text}: {:?}", check(text).matched);
        }
    }

    #[test]
    fn named_events_and_festivals_are_horizons_and_the_past_gives_way_to_a_want() {
        let horizon = |text: &str| check(text).elements.horizon;
        for text in [
            "Engine programmer role by next milestone.",
            "Senior Flutter engineer before Chinese New Year.",
            "Walk the leads through it at the June staff meeting.",
            "Good at code review by the end of my first year.",
            "I've been an SDET for 3 years and want to move, ideally before my next review in October.",
        ] {
            assert!(horizon(text), "{text}: {:?}", check(text).matched);
        }
        assert!(!horizon("I've been an SDET since 2021."));
    }

    #[test]
    fn levels_hedges_and_go_tos_are_read_as_people_write_them() {
        let destination = |text: &str| check(text).elements.destination;
        for text in [
            "Become SDE3 this year.",
            "TPM transition by H1 next year.",
            "Senior iOS engineer (IC3\u{2192}IC4) in the next review cycle.",
            "i guess tech lead for the android app by EOY?",
            "be the postgres go-to by eoy",
            "Be the go-to person for Kafka.",
        ] {
            assert!(destination(text), "{text}: {:?}", check(text).matched);
        }
        for text in [
            "Be the go-to person.",
            "be more of a go-to person generally",
            "I already lead the mobile guild meetings weekly.",
            "Keep improving, read more books, maybe go to a conference",
        ] {
            assert!(!destination(text), "{text}: {:?}", check(text).matched);
        }
        for text in [
            "SDE2 promo by the next perf cycle.",
            "Switch from frontend to backend in ~9 months.",
        ] {
            assert!(check(text).elements.horizon, "{text}");
        }
        for text in [
            "Ship 3 PRs and get the infra TL's ok that I can take tickets solo.",
            "My lead will give the evaluation.",
            "Take coverage from 40% to 80%, my mentor will review.",
            "If people stop pinging the DBA and come to me instead, that's success.",
            "Bar raiser feedback in the promo doc.",
        ] {
            assert!(
                check(text).elements.evidence,
                "{text}: {:?}",
                check(text).matched
            );
        }
        // What a criterion names is not a rep.
        let c = check("Become an ML engineer; my criteria is passing an ML interview loop.");
        assert!(!c.elements.action, "{:?}", c.matched);
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
    fn fields_filled_in_beside_the_statement_count() {
        let text = "I want to become a staff engineer.";
        assert_eq!(check(text).verdict, Verdict::Directional);
        let reps = ["Lead the storage migration".to_owned()];
        let c = check_with(
            text,
            Fields {
                target_level: Some("L4"),
                horizon: chrono::NaiveDate::from_ymd_opt(2027, 6, 30),
                reps: &reps,
                evidence: "Two teams adopt the design",
            },
        );
        assert_eq!(c.verdict, Verdict::Actionable, "{:?}", c.matched);
        assert!(c.questions.is_empty());
        assert_eq!(c.matched.horizon, ["by 2027-06-30"]);
        let vague = check_with(
            "I want to grow.",
            Fields {
                target_level: Some("L4"),
                ..Fields::default()
            },
        );
        assert_eq!(
            vague.verdict,
            Verdict::Directional,
            "a target level is a destination"
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
