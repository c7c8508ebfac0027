//! Competency suggestion: which of a ladder's competencies a piece of evidence most likely
//! shows, with the words that drove each score. Local and deterministic: each competency is
//! a bag of words from its name, description, expectations and examples, the vocabulary of
//! the field areas it maps onto ([`field`]), and the words of the evidence this engineer
//! tagged with it before (so it improves as they tag). A word counts by how rare it is
//! across competencies (inverse document frequency) and, with diminishing returns, by how
//! often the competency uses it.

mod field;

use std::collections::{HashMap, HashSet};

use regex::Regex;

use serde::Serialize;

use crate::evidence::LevelSignal;
use crate::id::{CompetencyId, LevelId};
use crate::ladder::Ladder;

/// How much a word in the competency's name, description or the engineer's own tagged
/// evidence counts against one in its expectations and examples.
const NAME_WEIGHT: f64 = 3.0;
const DESCRIPTION_WEIGHT: f64 = 2.0;
const HISTORY_WEIGHT: f64 = 2.0;
/// A word of the field's vocabulary, which the ladder itself does not say.
const FIELD_WEIGHT: f64 = 1.5;
/// How much more the word a line opens with counts: evidence leads with what was done
/// ("Mentored Sam through the on-call runbook" is mentoring first).
const LEAD_WEIGHT: f64 = 2.0;
/// The least score a competency needs to count as clearly named by a text.
const CLEAR_SCORE: f64 = 2.0;
/// What a cue of the field (another team as counterpart, a handle) adds, and how many
/// count.
const CUE_WEIGHT: f64 = 1.0;
const MOST_CUES: usize = 2;

/// Words too common to say anything about a competency.
const STOP: &[&str] = &[
    "the", "and", "for", "with", "from", "into", "that", "this", "their", "our", "your", "its",
    "than", "then", "not", "but", "over", "under", "per", "via", "was", "were", "are", "has",
    "have", "had", "who", "what", "when", "which", "all", "any", "one", "two", "new", "more",
    "most", "they", "them", "she", "his", "her", "you", "out", "also", "each", "other",
];

/// One ranked competency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Suggestion {
    /// Competency id.
    pub competency: CompetencyId,
    /// Competency name.
    pub name: String,
    /// The score, higher is likelier; comparable within one text only.
    pub score: f64,
    /// The words of the text that drove the score, strongest first.
    pub words: Vec<String>,
}

/// A ladder's competencies as word bags, ready to rank texts.
#[derive(Debug, Clone)]
pub struct Suggester {
    competencies: Vec<(CompetencyId, String, HashMap<String, f64>)>,
    /// Each competency's cues from the field (see [`field::Area::cues`]), by position.
    cues: Vec<Vec<&'static Regex>>,
    /// In how many competencies each word appears.
    spread: HashMap<String, usize>,
    /// The most weight any one competency gives each word.
    most: HashMap<String, f64>,
}

impl Suggester {
    /// Bags for every competency of `ladder`, with `history`: the texts of evidence the
    /// engineer tagged before and the competencies they tagged each with.
    pub fn new(ladder: &Ladder, history: &[(String, Vec<CompetencyId>)]) -> Self {
        let mut competencies = Vec::new();
        let mut cues = Vec::new();
        for c in &ladder.competencies {
            let mut bag: HashMap<String, f64> = HashMap::new();
            let mut add = |text: &str, weight: f64| {
                for (stem, _) in terms(text) {
                    *bag.entry(stem).or_default() += weight;
                }
            };
            add(&c.name, NAME_WEIGHT);
            add(&c.description, DESCRIPTION_WEIGHT);
            for e in &c.expectations {
                add(&e.text, 1.0);
                e.examples.iter().for_each(|x| add(x, 1.0));
                for criterion in &e.criteria {
                    add(&criterion.text, 1.0);
                    criterion.examples.iter().for_each(|x| add(x, 1.0));
                }
            }
            for (text, tagged) in history {
                if tagged.contains(&c.id) {
                    add(text, HISTORY_WEIGHT);
                }
            }
            let areas = field::areas_of(ladder, &c.id);
            cues.push(areas.iter().flat_map(|area| area.compiled_cues()).collect());
            // The vocabulary's compounds count whole: "one-pager" says nothing of pagers.
            for area in areas {
                for (term, _) in terms(area.vocabulary)
                    .into_iter()
                    .filter(|(_, written)| !is_part_of_compound(area.vocabulary, written))
                {
                    *bag.entry(term).or_default() += FIELD_WEIGHT;
                }
            }
            competencies.push((c.id.clone(), c.name.clone(), bag));
        }
        let mut spread: HashMap<String, usize> = HashMap::new();
        let mut most: HashMap<String, f64> = HashMap::new();
        for (_, _, bag) in &competencies {
            for (word, weight) in bag {
                *spread.entry(word.clone()).or_default() += 1;
                let m = most.entry(word.clone()).or_default();
                *m = m.max(*weight);
            }
        }
        Self {
            competencies,
            cues,
            spread,
            most,
        }
    }

    /// The competencies `text` may show, best first (ties in ladder order); those no word
    /// of the text points at are left out.
    pub fn suggest(&self, text: &str) -> Vec<Suggestion> {
        let mut query: Vec<(String, String)> = terms(text);
        // Each line's opening word: a group of activities is one line each.
        let leads: HashSet<String> = text.lines().filter_map(lead_word).collect();
        query.sort();
        query.dedup_by(|a, b| a.0 == b.0);
        let n = self.competencies.len() as f64;
        let lower = text.to_lowercase();
        let mut ranked: Vec<Suggestion> = self
            .competencies
            .iter()
            .zip(&self.cues)
            .filter_map(|((id, name, bag), cues)| {
                let mut drivers: Vec<(f64, &str)> = query
                    .iter()
                    .filter_map(|(stem, surface)| {
                        let weight = *bag.get(stem)?;
                        let spread = *self.spread.get(stem)? as f64;
                        let rarity = (1.0 + n / spread).ln();
                        let most = self.most.get(stem).copied().unwrap_or(weight);
                        // A word several competencies use counts most for the one that
                        // uses it most.
                        let share = (weight / most).sqrt();
                        let first = if leads.contains(stem) {
                            LEAD_WEIGHT
                        } else {
                            1.0
                        };
                        Some((
                            first * rarity * share * weight / (weight + 1.0),
                            surface.as_str(),
                        ))
                    })
                    .collect();
                let mut seen: Vec<&str> = Vec::new();
                for m in cues.iter().flat_map(|cue| cue.find_iter(&lower)) {
                    let cue = m.as_str().trim();
                    if !seen.contains(&cue) && !names_ones_own(cue) && seen.len() < MOST_CUES {
                        seen.push(cue);
                        drivers.push((CUE_WEIGHT, cue));
                    }
                }
                if drivers.is_empty() {
                    return None;
                }
                drivers.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
                let score: f64 = drivers.iter().map(|(s, _)| s).sum();
                Some(Suggestion {
                    competency: id.clone(),
                    name: name.clone(),
                    score: (score * 100.0).round() / 100.0,
                    words: drivers.iter().map(|(_, w)| (*w).to_owned()).collect(),
                })
            })
            .collect();
        // A stable sort keeps the ladder's order between equal scores.
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score));
        ranked
    }
}

/// True when a cue names the writer's own team ("the whole team"), not a counterpart.
fn names_ones_own(cue: &str) -> bool {
    cue.split_whitespace()
        .any(|w| matches!(w, "my" | "our" | "whole" | "entire" | "same" | "this"))
}

/// The competencies a text leans on, line by line (a destination's statement, each of its
/// reps, its criteria): on each line, those whose every name word (stemmed) it uses
/// ("system design" in "grow my system-design depth") and the one competency its words
/// point at clearly, scoring at least twice the runner-up. In ladder order.
pub fn named(ladder: &Ladder, text: &str) -> Vec<CompetencyId> {
    let suggester = Suggester::new(ladder, &[]);
    let mut found: HashSet<CompetencyId> = HashSet::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let used: HashSet<String> = words(line).into_iter().map(|(stem, _)| stem).collect();
        for c in &ladder.competencies {
            let name = words(&c.name);
            if !name.is_empty() && name.iter().all(|(stem, _)| used.contains(stem)) {
                found.insert(c.id.clone());
            }
        }
        let ranked = suggester.suggest(line);
        let clear = match ranked.as_slice() {
            [only] => only.score >= CLEAR_SCORE,
            [first, second, ..] => first.score >= CLEAR_SCORE && first.score >= 2.0 * second.score,
            [] => false,
        };
        if clear {
            found.insert(ranked[0].competency.clone());
        }
    }
    ladder
        .competencies
        .iter()
        .filter(|c| found.contains(&c.id))
        .map(|c| c.id.clone())
        .collect()
}

/// Whether `text` reads more like the next level's expectation of `competency` than the
/// current level's: it uses more of the words only the next level's expectation (with its
/// criteria and examples) uses than of the words only the current one uses. Ties, and a top level, say
/// current: claiming the next level is the engineer's call.
pub fn level_hint(
    ladder: &Ladder,
    competency: &CompetencyId,
    current: &LevelId,
    text: &str,
) -> LevelSignal {
    let Some(next) = ladder.next_levels(current).first().map(|l| l.id.clone()) else {
        return LevelSignal::Current;
    };
    let stems = |level: &LevelId| -> HashSet<String> {
        let Some(e) = ladder.expectation(competency, level) else {
            return HashSet::new();
        };
        let mut all = words(&e.text);
        e.examples.iter().for_each(|x| all.extend(words(x)));
        for criterion in &e.criteria {
            all.extend(words(&criterion.text));
            criterion.examples.iter().for_each(|x| all.extend(words(x)));
        }
        all.into_iter().map(|(stem, _)| stem).collect()
    };
    let (now, then) = (stems(current), stems(&next));
    let used: HashSet<String> = words(text).into_iter().map(|(stem, _)| stem).collect();
    let only = |a: &HashSet<String>, b: &HashSet<String>| {
        used.iter()
            .filter(|w| a.contains(*w) && !b.contains(*w))
            .count()
    };
    if only(&then, &now) > only(&now, &then) {
        LevelSignal::Next
    } else {
        LevelSignal::Current
    }
}

/// The words of a text that can carry meaning, each as (stem, the word as written, lower
/// case): letters and digits, three or more long, not a stop word.
fn words(text: &str) -> Vec<(String, String)> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() > 2 && !STOP.contains(&w.as_str()))
        .map(|w| (stem(&w), w))
        .collect()
}

/// The terms a text is matched on: its words, each compound written with hyphens or
/// slashes as one term too ("on-call", "a/b", "lock-free" as "oncall", "ab", "lockfree"),
/// and each pair of adjacent words as a phrase ("working group", "race condition"), which
/// says more than either word alone. Punctuation and stop words break a phrase.
fn terms(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for run in
        text.split(|c: char| !(c.is_alphanumeric() || c.is_whitespace() || c == '-' || c == '/'))
    {
        let mut previous: Option<(String, String)> = None;
        for token in run.split_whitespace().map(str::to_lowercase) {
            let parts: Vec<&str> = token.split(['-', '/']).filter(|p| !p.is_empty()).collect();
            if parts.len() > 1 {
                let joined: String = parts.concat();
                out.push((stem(&joined), token.clone()));
            }
            for part in parts {
                let content = part.chars().count() > 2 && !STOP.contains(&part);
                if !content {
                    previous = None;
                    continue;
                }
                let here = (stem(part), part.to_owned());
                if let Some((stem_before, before)) = previous.take() {
                    out.push((
                        format!("{stem_before} {}", here.0),
                        format!("{before} {}", here.1),
                    ));
                }
                out.push(here.clone());
                previous = Some(here);
            }
        }
    }
    out
}

/// The stem of the first word of a text, past a ticket key ("PAY-142") and a commit type
/// ("fix:", "perf(parser):"), when it is a word that can carry meaning.
fn lead_word(text: &str) -> Option<String> {
    let mut rest = text.trim_start();
    loop {
        let token = rest.split_whitespace().next()?;
        let key = token.split_once('-').is_some_and(|(a, b)| {
            !a.is_empty()
                && a.chars().all(|c| c.is_ascii_uppercase())
                && b.trim_end_matches(':').chars().all(|c| c.is_ascii_digit())
        });
        let kind = token.ends_with(':') || token.ends_with("):");
        if !(key || kind) {
            break;
        }
        rest = rest[token.len()..].trim_start();
    }
    let word = rest.split(|c: char| !c.is_alphanumeric()).next()?;
    words(word).into_iter().next().map(|(stem, _)| stem)
}

/// True when `word` appears in `text` only inside hyphenated or slashed compounds.
fn is_part_of_compound(text: &str, word: &str) -> bool {
    !word.contains([' ', '-', '/'])
        && !text
            .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '/'))
            .any(|token| token == word)
}

/// A crude English stem: the common inflection endings cut, keeping at least four letters,
/// so "reviewing", "reviewed" and "reviews" meet at "review".
fn stem(word: &str) -> String {
    const ENDINGS: &[&str] = &[
        "ations", "ation", "ings", "ing", "ers", "er", "ied", "ies", "ed", "es", "s", "ly",
    ];
    for ending in ENDINGS {
        if let Some(root) = word.strip_suffix(ending)
            && root.chars().count() >= 4
        {
            return root.to_owned();
        }
    }
    word.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::builtin;

    fn top(suggester: &Suggester, text: &str) -> String {
        suggester.suggest(text)[0].competency.to_string()
    }

    #[test]
    fn ladder_words_rank_the_competency_and_are_named() {
        let ladder = builtin::find("software-engineer").unwrap();
        let s = Suggester::new(&ladder, &[]);
        let ranked = s.suggest("Mentored two new hires through their first on-call rotation");
        assert_eq!(ranked[0].competency.as_str(), "mentoring", "{ranked:#?}");
        assert!(
            ranked[0].words.iter().any(|w| w == "mentored"),
            "{ranked:#?}"
        );
        assert!(ranked.windows(2).all(|p| p[0].score >= p[1].score));
        assert!(s.suggest("").is_empty());
        assert!(s.suggest("zzz qqq").is_empty());
    }

    #[test]
    fn another_team_as_counterpart_is_a_cue_for_working_with_others() {
        let ladder = builtin::find("software-engineer").unwrap();
        let s = Suggester::new(&ladder, &[]);
        let collaboration = |text: &str| {
            s.suggest(text)
                .into_iter()
                .find(|r| r.competency.as_str() == "collaboration")
        };
        let ranked = collaboration("Agreed the event schema with the data science team").unwrap();
        assert!(
            ranked.words.iter().any(|w| w == "the data science team"),
            "{ranked:?}"
        );
        let addressed = collaboration("hey @ana moved the change behind a flag").unwrap();
        assert!(addressed.words.iter().any(|w| w == "@ana"), "{addressed:?}");
        // One's own team is no counterpart.
        let own = collaboration("Fixed the flaky tests for the whole team");
        assert!(
            own.as_ref()
                .is_none_or(|r| !r.words.iter().any(|w| w.contains("whole team"))),
            "{own:?}"
        );
    }

    #[test]
    fn cues_of_reach_outcome_growth_and_structure_are_named_among_the_words() {
        let ladder = builtin::find("software-engineer").unwrap();
        let s = Suggester::new(&ladder, &[]);
        for (text, competency, cue) in [
            (
                "Wrote the guidance on generated code; adopted by all 14 teams",
                "influence",
                "adopted by all",
            ),
            (
                "Captions launched: 40% of new uploads have them",
                "product-impact",
                "40% of new uploads",
            ),
            (
                "Paired with Tomas on his first PR to the billing service",
                "mentoring",
                "his first pr",
            ),
            (
                "Built the admin tool; saves ~4 min per ticket",
                "product-impact",
                "min per ticket",
            ),
            (
                "Put the kiosk behind an explicit API so it stops calling six services",
                "system-design",
                "behind an explicit api",
            ),
        ] {
            let found = s
                .suggest(text)
                .into_iter()
                .find(|r| r.competency.as_str() == competency)
                .unwrap_or_else(|| panic!("{text}: no {competency}"));
            assert!(found.words.iter().any(|w| w == cue), "{text}: {found:?}");
        }
    }

    #[test]
    fn the_word_a_text_opens_with_says_what_was_done() {
        assert_eq!(
            lead_word("PAY-142 fix(parser): Mentored Sam").as_deref(),
            Some("mentor")
        );
        assert_eq!(lead_word("perf: avoid realloc").as_deref(), Some("avoid"));
        assert_eq!(lead_word("  the end"), None);
        let ladder = builtin::find("software-engineer").unwrap();
        let s = Suggester::new(&ladder, &[]);
        let text = "Mentored Sam through the on-call runbook; pairing on the first incident";
        assert_eq!(top(&s, text), "mentoring", "{:#?}", s.suggest(text));
        let text = "On-call runbook rewritten after the incident; mentored Sam on it";
        assert_eq!(top(&s, text), "operations", "{:#?}", s.suggest(text));
    }

    #[test]
    fn the_level_hint_follows_the_words_of_the_next_level() {
        let ladder = builtin::find("software-engineer").unwrap();
        let mentoring: CompetencyId = "mentoring".parse().unwrap();
        let l2: LevelId = "L2".parse().unwrap();
        let hint = |text| level_hint(&ladder, &mentoring, &l2, text);
        assert_eq!(
            hint("Mentored a junior engineer towards their next level; interviewed candidates"),
            LevelSignal::Next
        );
        assert_eq!(
            hint("Onboarding buddy for a new team member; explained our systems"),
            LevelSignal::Current
        );
        let top: LevelId = "L6".parse().unwrap();
        assert_eq!(
            level_hint(
                &ladder,
                &mentoring,
                &top,
                "Mentored engineers towards their next level"
            ),
            LevelSignal::Current
        );
    }

    #[test]
    fn what_the_engineer_tagged_before_teaches_new_words() {
        let ladder = builtin::find("software-engineer").unwrap();
        let text = "Ran the quarterly kaizen retro";
        let before = Suggester::new(&ladder, &[]);
        assert!(
            before
                .suggest(text)
                .iter()
                .all(|s| !s.words.iter().any(|w| w == "kaizen"))
        );
        let history = vec![(
            "Kaizen session on the deploy pipeline".to_owned(),
            vec!["collaboration".parse().unwrap()],
        )];
        let after = Suggester::new(&ladder, &history);
        assert_eq!(top(&after, text), "collaboration");
        assert!(after.suggest(text)[0].words.iter().any(|w| w == "kaizen"));
    }

    #[test]
    fn the_field_vocabulary_finds_work_the_ladder_never_names() {
        let ladder = builtin::find("software-engineer").unwrap();
        let s = Suggester::new(&ladder, &[]);
        for (text, want) in [
            (
                "Vectorised the JSON parser's inner loop with AVX2 intrinsics",
                "technical-depth",
            ),
            (
                "Set up cert-manager so TLS certificates renew before they expire",
                "operations",
            ),
            (
                "Ran the quarterly cohort analysis that showed the new plan lifted retention",
                "product-impact",
            ),
        ] {
            assert_eq!(top(&s, text), want, "{text}: {:#?}", s.suggest(text));
        }
    }

    #[test]
    fn each_field_area_maps_onto_the_competency_that_describes_it() {
        let builtin = builtin::find("software-engineer").unwrap();
        let mapped: Vec<&str> = field::AREAS
            .iter()
            .map(|area| {
                builtin
                    .competencies
                    .iter()
                    .find(|c| {
                        field::areas_of(&builtin, &c.id)
                            .iter()
                            .any(|a| std::ptr::eq(*a, area))
                    })
                    .map_or("none", |c| c.id.as_str())
            })
            .collect();
        assert_eq!(
            mapped,
            [
                "technical-depth",
                "system-design",
                "delivery",
                "operations",
                "collaboration",
                "influence",
                "mentoring",
                "product-impact"
            ]
        );
        // A company ladder in its own words gets the same vocabulary.
        let company = crate::ladder::import::from_toml(
            r#"
id = "acme"
version = 1
name = "Acme Engineering"
[[levels]]
id = "one"
title = "One"
[[competencies]]
id = "technical-skills"
name = "Technical skills"
description = "Quality of code, debugging and performance work."
[[competencies.expectations]]
level = "one"
text = "Writes correct, tested code."
[[competencies]]
id = "reliability"
name = "Reliability"
description = "Keeps production healthy: incidents, on-call and observability."
[[competencies.expectations]]
level = "one"
text = "Takes part in on-call."
"#,
        )
        .unwrap();
        let s = Suggester::new(&company, &[]);
        assert_eq!(
            top(&s, "Vectorised the parser's inner loop with AVX2"),
            "technical-skills"
        );
        assert_eq!(
            top(&s, "Set up cert-manager so TLS certificates renew"),
            "reliability"
        );
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("reviewing"), stem("reviewed"));
        assert_eq!(stem("reviews"), "review");
        assert_eq!(stem("uses"), "uses", "short roots are left alone");
    }
}
