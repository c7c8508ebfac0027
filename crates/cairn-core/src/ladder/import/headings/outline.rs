//! The other ways Markdown writes the same outline, turned into the heading form the reader
//! takes (levels as headings, competencies under them): competencies written as
//! bold-labelled bullets under a level ("- **Communication:** explains ..."), and
//! competencies as the headings with the levels under each.

use std::sync::LazyLock;

use regex::Regex;

use super::Heading;
use crate::ladder::import::tree::Pos;

/// A bullet that opens with a bold label: the label, and the rest of the line.
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[-*+]\s+\*\*([^*]+?)\s*:?\s*\*\*\s*[:\u{2014}\u{2013}-]?\s*(.*)$")
        .unwrap_or_else(|e| panic!("labelled bullet pattern: {e}"))
});

/// Words that name a level in any of the ways ladders title them.
static LEVELISH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:level|lvl|stufe|niveau|nivel|grade|band|tier|rung|[lpem]\d+|ic ?\d+|se ?\d+|junior|mid|mid-level|intermediate|senior|staff|principal|distinguished|lead|associate|graduate|entry|apprentice|intern|engineer(?: [ivx]+)?|developer(?: [ivx]+)?|manager|director|fellow|\d+)\b",
    )
    .unwrap_or_else(|e| panic!("level pattern: {e}"))
});

/// Headings with bold-labelled bullets and no sub-headings of their own get one sub-heading
/// per label, the rest of the bullet (and lines indented under it) as its prose.
pub(super) fn labelled_bullets(headings: &[Heading]) -> Vec<Heading> {
    let mut out = Vec::with_capacity(headings.len());
    for (i, heading) in headings.iter().enumerate() {
        let has_children = headings.get(i + 1).is_some_and(|n| n.depth > heading.depth);
        let labels = heading.body.iter().filter(|l| LABELLED.is_match(l)).count();
        if has_children || labels < 2 || heading.depth >= 6 {
            out.push(heading.clone());
            continue;
        }
        let mut head = Heading {
            body: Vec::new(),
            ..heading.clone()
        };
        let mut subs: Vec<Heading> = Vec::new();
        for (k, line) in heading.body.iter().enumerate() {
            if let Some(cap) = LABELLED.captures(line) {
                subs.push(Heading {
                    depth: heading.depth + 1,
                    text: cap[1].trim_end_matches(':').trim().to_owned(),
                    at: Pos {
                        line: heading.at.line + k + 1,
                        column: 1,
                    },
                    body: vec![cap[2].to_owned()],
                });
            } else if let Some(last) = subs.last_mut()
                && line.starts_with([' ', '\t'])
            {
                last.body.push(line.trim().to_owned());
            } else if subs.is_empty() {
                head.body.push(line.clone());
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
