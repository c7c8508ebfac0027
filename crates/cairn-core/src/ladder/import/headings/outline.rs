//! The other ways Markdown writes the same outline, turned into the heading form the reader
//! takes (levels as headings, competencies under them): competencies written as
//! bold-labelled bullets under a level ("- **Communication:** explains ..."), and
//! competencies as the headings with the levels under each.

use std::sync::LazyLock;

use regex::Regex;

use super::Heading;
use crate::ladder::import::LEVELISH;
use crate::ladder::import::tree::Pos;

/// A line that opens with a bold label, as a bullet or a paragraph ("- **Communication:**
/// explains ...", "**Technical Knowledge:** They ...", or "**Technical**" alone): the label,
/// and the rest of the line.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-*+]\s+)?\*\*([^*]+?)\s*:?\s*\*\*\s*[:\u{2014}\u{2013}-]?\s*(.*)$")
        .unwrap_or_else(|e| panic!("labelled line pattern: {e}"))
});

/// A plain bullet that opens with a short label and a colon ("- Impact: delivers ...").
static PLAIN_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[-*+]\s+([\p{L}][\p{L}\p{N} &/'-]{1,40}?)\s*:(?:\s+(\S.*))?\s*$")
        .unwrap_or_else(|e| panic!("plain label pattern: {e}"))
});

/// A bullet that is only a level's name, its content indented under it ("- Beginner").
static LEVEL_BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[-*+]\s+([^:*]{1,40}?)\s*()$")
        .unwrap_or_else(|e| panic!("level bullet pattern: {e}"))
});

/// A line's label and the rest of the line, when it opens with a label of this kind.
fn label<'a>(re: &Regex, line: &'a str) -> Option<(&'a str, &'a str)> {
    let cap = re.captures(line)?;
    let name = cap.get(1)?.as_str().trim_end_matches(':').trim();
    let rest = cap.get(2).map_or("", |m| m.as_str());
    (!std::ptr::eq(re, &*LEVEL_BULLET) || LEVELISH.is_match(name)).then_some((name, rest))
}

/// The labels a heading's lines open with, of one kind, in order.
fn labels<'a>(heading: &'a Heading, re: &Regex) -> Vec<&'a str> {
    heading
        .body
        .iter()
        .filter_map(|l| label(re, l).map(|(name, _)| name))
        .collect()
}

/// Headings whose lines open with labels get one sub-heading per label, the rest of the
/// line (and what follows it up to the next label) as its prose. Bold labels count when a
/// heading has two; plain "Label: text" bullets only when the same labels recur under
/// another heading, as a competency's name recurs level after level; bullets that only
/// name a level ("- Beginner", its content indented under it) when there are two.
pub(super) fn labelled_bullets(headings: &[Heading]) -> Vec<Heading> {
    let plain: Vec<Vec<String>> = headings
        .iter()
        .map(|h| {
            labels(h, &PLAIN_LABELLED)
                .into_iter()
                .map(str::to_lowercase)
                .collect()
        })
        .collect();
    let recurs = |i: usize| {
        plain[i]
            .iter()
            .filter(|label| {
                plain
                    .iter()
                    .enumerate()
                    .any(|(j, other)| j != i && other.contains(label))
            })
            .count()
            >= 2
    };
    let mut out = Vec::with_capacity(headings.len());
    for (i, heading) in headings.iter().enumerate() {
        let re: &Regex = if labels(heading, &LABELLED).len() >= 2 {
            &LABELLED
        } else if recurs(i) {
            &PLAIN_LABELLED
        } else if labels(heading, &LEVEL_BULLET).len() >= 2 {
            &LEVEL_BULLET
        } else {
            out.push(heading.clone());
            continue;
        };
        if heading.depth >= 6 {
            out.push(heading.clone());
            continue;
        }
        let mut head = Heading {
            body: Vec::new(),
            ..heading.clone()
        };
        let mut subs: Vec<Heading> = Vec::new();
        // A label alone on its line owns every line up to the next label; a label with
        // text owns its paragraph and the lines indented under it.
        let mut owns_all = false;
        let mut in_paragraph = false;
        for (k, line) in heading.body.iter().enumerate() {
            if let Some((name, rest)) = label(re, line) {
                owns_all = rest.trim().is_empty();
                in_paragraph = !owns_all;
                subs.push(Heading {
                    depth: heading.depth + 1,
                    text: name.to_owned(),
                    at: Pos {
                        line: heading.at.line + k + 1,
                        column: 1,
                    },
                    body: vec![rest.to_owned()],
                });
                continue;
            }
            let blank = line.trim().is_empty();
            match subs.last_mut() {
                Some(last) if owns_all || line.starts_with([' ', '\t']) && !blank => {
                    last.body.push(line.clone());
                }
                Some(last)
                    if in_paragraph
                        && !blank
                        && !line.trim_start().starts_with(['-', '*', '+']) =>
                {
                    last.body.push(line.trim().to_owned());
                }
                None => head.body.push(line.clone()),
                Some(_) => {}
            }
            if blank {
                in_paragraph = false;
            }
        }
        out.push(head);
        out.extend(subs);
    }
    out
}

/// True when the sub-headings name levels and the headings above them do not: a document
/// written competency by competency.
pub(super) fn competencies_first(headings: &[Heading], top: usize, sub: usize) -> bool {
    let share = |depth: usize| {
        let at: Vec<&Heading> = headings.iter().filter(|h| h.depth == depth).collect();
        let levelish = at.iter().filter(|h| LEVELISH.is_match(&h.text)).count();
        levelish as f64 / at.len().max(1) as f64
    };
    share(sub) > 0.5 && share(top) < 0.5
}

/// The same outline, level by level: each level heading once (in the order first seen),
/// with the competencies that say something about it under it.
pub(super) fn levels_first(headings: Vec<Heading>, top: usize, sub: usize) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    let mut groups: Vec<(Heading, Vec<Heading>)> = Vec::new();
    let mut competency: Option<Heading> = None;
    let mut group: Option<usize> = None;
    for heading in headings {
        if heading.depth < top {
            out.push(heading);
        } else if heading.depth == top {
            competency = Some(heading);
            group = None;
        } else if heading.depth == sub
            && let Some(c) = &competency
        {
            let key = heading.text.trim().to_lowercase();
            let g = match groups
                .iter()
                .position(|(l, _)| l.text.trim().to_lowercase() == key)
            {
                Some(g) => g,
                None => {
                    groups.push((
                        Heading {
                            depth: top,
                            body: Vec::new(),
                            ..heading.clone()
                        },
                        Vec::new(),
                    ));
                    groups.len() - 1
                }
            };
            groups[g].1.push(Heading {
                depth: sub,
                text: c.text.clone(),
                ..heading
            });
            group = Some(g);
        } else if let Some(g) = group {
            groups[g].1.push(heading);
        }
    }
    for (level, under) in groups {
        out.push(level);
        out.extend(under);
    }
    out
}
