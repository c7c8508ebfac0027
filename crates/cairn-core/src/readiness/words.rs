//! Readiness in words: each competency's reason and the summary a good manager would
//! give, addressed to whoever reads them.

use super::*;

/// What a competency's reason is made of.
#[derive(Clone, Copy)]
pub(super) struct Reasoning<'a> {
    pub(super) role: Role,
    pub(super) verdict: Verdict,
    pub(super) manager: Option<&'a LevelId>,
    pub(super) below_current: bool,
    pub(super) validated: bool,
    pub(super) shown: &'a [&'a Evidence],
    pub(super) current: &'a LevelId,
    pub(super) target: &'a LevelId,
    pub(super) months: &'a str,
    pub(super) voice: Voice<'a>,
}

/// Why a competency has its verdict, in a clause.
pub(super) fn reason(r: Reasoning<'_>) -> String {
    let Reasoning {
        role,
        verdict,
        manager,
        below_current,
        validated,
        shown,
        current,
        target,
        months,
        voice,
    } = r;
    let examples = match shown {
        [] => format!("no {target} example in {months} months"),
        [latest, ..] => format!(
            "{} in {months} months, the latest on {}",
            plural(
                shown.len(),
                &format!("{target} example"),
                &format!("{target} examples")
            ),
            latest.date
        ),
    };
    let view = voice.view();
    let whose = voice.whose();
    match (manager, role) {
        (Some(m), _) if below_current => {
            format!("{view} is {m}, below {whose} current level, {current}")
        }
        (None, Role::Holds) => format!("not rated yet; it needs to hold at {current}"),
        (None, Role::Lever) if shown.is_empty() => format!("not rated yet, and {examples}"),
        (None, Role::Lever) => format!("{examples}, but not rated yet"),
        (Some(m), Role::Holds) if validated => format!("holds: {view} is {m}"),
        (Some(m), Role::Holds) => format!("{view} is {m}, below {current}"),
        (Some(m), Role::Lever) => match verdict {
            Verdict::Ready => format!("{view} is {m}, with {examples}"),
            Verdict::Emerging if validated => {
                format!("{view} is {m}, but the record is thin or old: {examples}")
            }
            _ => format!("{view} is {m}, below {target}; {examples}"),
        },
    }
}

/// What a good manager would say: the verdict, one or two strengths, the blocker that
/// matters for the destination, and the next rep.
pub(super) fn summary(
    r: &Readiness,
    has_destination: bool,
    voice: Voice<'_>,
    months: &str,
) -> String {
    let target = &r.target;
    let whose = voice.whose();
    let name_of = |id: &CompetencyId| {
        r.competencies
            .iter()
            .find(|c| &c.competency == id)
            .map_or_else(|| id.to_string(), |c| crate::text::in_sentence(&c.name))
    };
    let names = |ids: &[&CompetencyId]| join(&ids.iter().map(|id| name_of(id)).collect::<Vec<_>>());
    let mut text = match r.overall {
        Overall::Ready => format!(
            "Ready for {target}: {} validated with recent {target} work, and everything else holds at {}.",
            names(&r.levers.iter().collect::<Vec<_>>()),
            r.current
        ),
        Overall::UsefulNotReady => format!(
            "Useful, not yet ready for {target}: {} at {whose} current level in {months} months, {} at {target}.",
            plural(r.current_level_entries, "entry", "entries"),
            number(r.target_level_entries)
        ),
        Overall::NotYet => format!("Not yet ready for {target}."),
    };
    if r.overall == Overall::Ready {
        return text;
    }
    if !r.strengths.is_empty() {
        text.push_str(&format!(
            " Strong in {}.",
            names(&r.strengths.iter().collect::<Vec<_>>())
        ));
    }
    let below: Vec<&CompetencyId> = r
        .blockers
        .iter()
        .filter(|b| b.kind == BlockerKind::BelowCurrent)
        .map(|b| &b.competency)
        .collect();
    if let Some(first) = below.first() {
        let row = r.competencies.iter().find(|c| &c.competency == *first);
        let m = row
            .and_then(|c| c.manager.as_ref())
            .map_or_else(String::new, ToString::to_string);
        text.push_str(&format!(
            " First, {}: {} is {m}, below {whose} current {}; that comes before any case for {target}.",
            names(&below),
            voice.view(),
            r.current
        ));
    }
    let lever_blocker = r.blockers.iter().find(|b| {
        b.kind != BlockerKind::BelowCurrent
            && b.kind != BlockerKind::Unrated
            && r.levers.contains(&b.competency)
    });
    let all_levers = r.levers.len() == r.competencies.len();
    if let Some(b) = lever_blocker {
        let lean = if has_destination && !all_levers {
            format!(", which {whose} destination leans on")
        } else {
            String::new()
        };
        text.push_str(&format!(
            " The blocker for {target} is {}{lean}: {}.",
            name_of(&b.competency),
            b.reason
        ));
    }
    let unrated: Vec<&CompetencyId> = r
        .blockers
        .iter()
        .filter(|b| b.kind == BlockerKind::Unrated)
        .map(|b| &b.competency)
        .collect();
    if !unrated.is_empty() {
        let shown: Vec<&CompetencyId> = unrated.iter().take(3).copied().collect();
        let more = match unrated.len() - shown.len() {
            0 => String::new(),
            n => format!(" and {} more", number(n)),
        };
        text.push_str(&format!(
            " Not rated yet, so unknown: {}{more}; {}.",
            names(&shown),
            rate(voice)
        ));
    }
    // What to do next is coaching, for the engineer and their manager; a document for
    // others ends with the reading.
    if matches!(voice, Voice::Committee(_)) {
        return text;
    }
    match (r.focus.first(), lever_blocker) {
        (Some(p), _) => text.push_str(&format!(" Next rep: {} ({}).", p.rep.title, p.note)),
        (None, Some(b)) if voice == Voice::Engineer => text.push_str(&format!(
            " Next: find a rep that builds {} and record it with `cairn rep add`.",
            name_of(&b.competency)
        )),
        (None, Some(b)) => text.push_str(&format!(
            " No rep that builds {} is planned yet.",
            name_of(&b.competency)
        )),
        (None, None) => {}
    }
    text
}

/// "a", "a and b", "a, b and c".
pub(super) fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Small counts as words, as people say them; larger ones as digits.
pub(super) fn number(n: usize) -> String {
    const WORDS: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", number(n), if n == 1 { one } else { many })
}
