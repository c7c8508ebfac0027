//! Destinations: the roles, levels, scopes, capabilities and moves a statement aims at,
//! with where each stands in the text (a rep inside a destination is not counted twice).

use super::certification::{acronyms, certifications};
use super::criteria::own_words;
use super::patterns::*;
use super::push;
use super::topics::destinations_named_otherwise;
use super::words::*;

/// The destinations a statement names.
pub(super) struct Destinations {
    /// The words of each.
    pub phrases: Vec<String>,
    /// Where each stands in the normalised text, as (start, end).
    pub spans: Vec<(usize, usize)>,
}

/// The destinations in `lower`, the normalised form of `text` (whose capitals tell
/// acronyms).
pub(super) fn destinations(text: &str, lower: &str) -> Destinations {
    let mut phrases: Vec<String> = Vec::new();
    let mut destination_spans: Vec<(usize, usize)> = Vec::new();
    let mut found = |phrases: &mut Vec<String>, start: usize, end: usize, words: &str| {
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
        if go_to_for_nothing(lower, start, end) {
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
        push(phrases, phrase(words));
    };

    // A role named inside an evidence clause is the judge ("evidence would be my manager
    // saying so"), not the destination.
    let evidence_spans: Vec<(usize, usize)> = EVIDENCE_CLAUSE
        .find_iter(lower)
        .filter(|m| !own_words(lower, m.start(), m.as_str()))
        .map(|m| (m.start(), m.end()))
        .collect();
    for clause in clauses(lower) {
        let (offset, text) = clause;
        // A rejected match gives back all but its first word: "want to take over as owner"
        // is rejected at "want", then read from "take over as".
        let mut at = 0;
        while let Some(cap) = AIMED_ROLE.captures_at(text, at) {
            let Some(whole) = cap.get(0) else { break };
            at = text[whole.start()..]
                .find(' ')
                .map_or(text.len(), |i| whole.start() + i + 1);
            let Some(role) = cap.get(2) else {
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
            // "become our first ML engineer": a place in one's own team, not a person named.
            let becoming_ours = matches!(
                whole.as_str().split_whitespace().next(),
                Some("become" | "becoming" | "becomes" | "be" | "being")
            ) && between.split_whitespace().all(|w| {
                matches!(
                    w,
                    "our" | "their" | "the" | "first" | "next" | "new" | "only" | "sole"
                )
            });
            if vague
                || NOT_AIMED.is_match(before) && !becoming_ours
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
            at = whole.end();
            found(
                &mut phrases,
                offset + whole.start(),
                offset + whole.end(),
                &text[from..role.end()],
            );
        }
    }
    if let Some(cap) = HEADLINE.captures(lower)
        && let Some(m) = cap.get(1).or_else(|| cap.get(2))
        && !m.as_str().split_whitespace().any(is_function_word)
    {
        found(&mut phrases, m.start(), m.end(), m.as_str());
    }
    for cap in CAPABILITY_HEAD.captures_iter(lower) {
        if let Some(m) = cap.get(1) {
            found(&mut phrases, m.start(), m.end(), m.as_str());
        }
    }
    for cap in LABELLED_CAPABILITY.captures_iter(lower) {
        if let Some(m) = cap.get(1)
            && !EMPTY_OBJECT.is_match(m.as_str().trim())
        {
            found(&mut phrases, m.start(), m.end(), m.as_str());
        }
    }
    for cap in AIMED_LEAD.captures_iter(lower) {
        // "be the lead on the migration" is a role; "become a lead the team trusts" too,
        // but "be lead the" is no English: the field words must name a field.
        if let (Some(whole), Some(role)) = (cap.get(0), cap.get(1))
            && names_a_field(role.as_str(), false)
        {
            found(&mut phrases, whole.start(), whole.end(), whole.as_str());
        }
    }
    for cap in ROLE_AS_AIM.captures_iter(lower) {
        if let Some(m) = cap.get(1)
            && !NOT_AIMED.is_match(&lower[..m.start()])
        {
            found(&mut phrases, m.start(), m.end(), m.as_str());
        }
    }
    for (offset, clause) in clauses(lower).into_iter().flat_map(|(o, c)| parts(o, c)) {
        // "i guess tech lead for the android app": a hedge before the role is no subject.
        let (offset, clause) = HEDGE
            .find(clause)
            .map_or((offset, clause), |h| (offset + h.end(), &clause[h.end()..]));
        // "mentor two senior engineers" is a rep; "design systems lead" names a role.
        let mut head = clause.split_whitespace();
        let (first, second) = (head.next(), head.next());
        let people_after = second.is_some_and(|w| {
            is_function_word(w)
                || w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w,
                    "the"
                        | "a"
                        | "an"
                        | "my"
                        | "our"
                        | "their"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "new"
                        | "junior"
                        | "senior"
                        | "other"
                        | "all"
                        | "every"
                )
        }) || ROLE_CLAUSE
            .captures(clause)
            .and_then(|c| c.get(1))
            .is_some_and(|m| m.as_str().ends_with('s'));
        let aimed_elsewhere = first.is_some_and(|w| {
            (is_doing_word(w) && w != "lead" && people_after)
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
            && names_a_field(m.as_str(), true)
            // "lead auth migration": a rep with its object, not a lead role.
            && !(m.as_str().starts_with("lead ")
                && m
                    .as_str()
                    .split_whitespace()
                    .last()
                    .is_some_and(|w| TASK_NOUNS.contains(&w)))
        {
            found(
                &mut phrases,
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
                &mut phrases,
                offset + m.start(),
                offset + m.end(),
                m.as_str(),
            );
        }
    }
    for re in [&*AGENT, &*PAIR_MOVE] {
        for cap in re.captures_iter(lower) {
            if let Some(m) = cap
                .get(0)
                .filter(|m| {
                    re.as_str() != PAIR_MOVE.as_str()
                        || cap.get(2).is_some() && !arrow_to_a_rep(m.as_str())
                })
                .filter(|m| !names_only_the_job(m.as_str()))
            {
                found(&mut phrases, m.start(), m.end(), m.as_str());
            }
        }
    }
    for cap in CAPABILITY.captures_iter(lower) {
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
        // "fluent in Go": the language, not the verb.
        let go =
            (object_text == "go" || object_text.starts_with("go ")) && GO_LANGUAGE.is_match(text);
        if !object_text.is_empty()
            && !object_text.starts_with('-')
            && (go || !EMPTY_OBJECT.is_match(object_text))
        {
            found(&mut phrases, whole.start(), whole.end(), whole.as_str());
        }
    }
    for cap in CAPABILITY_NOUN.captures_iter(lower) {
        if let Some(m) = cap.get(1)
            && !EMPTY_OBJECT.is_match(m.as_str())
        {
            found(&mut phrases, m.start(), m.end(), m.as_str());
        }
    }
    for m in SCOPE.find_iter(lower) {
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
            found(&mut phrases, m.start(), m.end(), m.as_str());
        }
    }
    for cap in TRANSITION.captures_iter(lower) {
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
            found(&mut phrases, whole.start(), whole.end(), whole.as_str());
        }
    }

    for re in [&*MOVE_AS, &*BECOME_AGENT] {
        for cap in re.captures_iter(lower) {
            if let (Some(whole), Some(who)) = (cap.get(0), cap.get(1).or_else(|| cap.get(2)))
                && (re.as_str() == MOVE_AS.as_str() || !GENERIC_AGENT.is_match(who.as_str()))
            {
                found(&mut phrases, whole.start(), whole.end(), whole.as_str());
            }
        }
    }
    // A certification aimed at is a destination; passing it is also what would show it.
    let written = acronyms(text);
    for (start, end, words) in certifications(&CERTIFICATION, lower, &written) {
        found(&mut phrases, start, end, words.trim());
    }
    for cap in GOING_DEEP.captures_iter(lower) {
        if let Some(m) = cap.get(0)
            && cap
                .get(1)
                .is_some_and(|o| !EMPTY_OBJECT.is_match(o.as_str()))
        {
            found(&mut phrases, m.start(), m.end(), m.as_str());
        }
    }
    for (start, end, words) in destinations_named_otherwise(lower) {
        found(&mut phrases, start, end, &words);
    }
    Destinations {
        phrases,
        spans: destination_spans,
    }
}

/// True when what an arrow points at opens with a doing verb: a rep, not a destination.
fn arrow_to_a_rep(pair: &str) -> bool {
    pair.split_once(['>'])
        .is_some_and(|(_, after)| after.split_whitespace().next().is_some_and(is_doing_word))
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
/// word: "to lead", "will lead", "eventually lead" are the verb. When `strict` (no aim
/// before the phrase), a doing word before "lead" is the verb's too ("review lead").
fn names_a_field(phrase: &str, strict: bool) -> bool {
    if !phrase.ends_with("lead") || ROLE_START.is_match(phrase) {
        return true;
    }
    let mut words = phrase.split_whitespace().rev().skip(1);
    words.next().is_some_and(|w| {
        let verb = is_function_word(w) || strict && is_doing_word(w);
        !verb
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
