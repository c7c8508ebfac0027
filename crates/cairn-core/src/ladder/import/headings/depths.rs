//! Which heading depth holds the levels and which the competencies: told by which
//! sub-heading names recur under several headings (a tier of level names first), or else
//! by the document's top headings.

use super::super::LEVELISH;
use super::Heading;

/// The depths of the level headings and of the competency headings under them, or why
/// the headings are not a framework.
pub(super) fn shape_of(headings: &[Heading]) -> Result<(usize, usize), String> {
    let untitled_only = matches!(headings, [only] if only.text.is_empty());
    let Some(top) = headings
        .iter()
        .map(|h| h.depth)
        .min()
        .filter(|_| !untitled_only)
    else {
        return Err("there are no Markdown headings".to_owned());
    };
    if let Some(pair) = recurring(headings) {
        return Ok(pair);
    }
    let at_top = headings.iter().filter(|h| h.depth == top).count();
    // One heading above everything else is the document's title, not a level.
    let level_depth = if at_top == 1 && headings.len() > 1 {
        headings
            .iter()
            .map(|h| h.depth)
            .filter(|d| *d > top)
            .min()
            .unwrap_or(top)
    } else {
        top
    };
    let competency_depth = headings
        .iter()
        .map(|h| h.depth)
        .filter(|d| *d > level_depth)
        .min()
        .ok_or_else(|| {
            format!(
                "there are headings of depth {level_depth} but no sub-headings under them for \
                 competencies"
            )
        })?;
    Ok((level_depth, competency_depth))
}

/// The depths of the outline's two tiers when they can be told by recurrence: the depth
/// whose sub-headings recur by name under several of its headings (a competency under each
/// level, or a level under each competency), the shallowest when several do.
fn recurring(headings: &[Heading]) -> Option<(usize, usize)> {
    let mut depths: Vec<usize> = headings.iter().map(|h| h.depth).collect();
    depths.sort_unstable();
    depths.dedup();
    let mut best: Option<((bool, usize), (usize, usize))> = None;
    for (i, &parent) in depths.iter().enumerate() {
        let Some(&child) = depths.get(i + 1) else {
            continue;
        };
        let mut under: Vec<Vec<String>> = Vec::new();
        let mut open = false;
        for h in headings {
            if h.depth < parent {
                open = false;
            } else if h.depth == parent {
                under.push(Vec::new());
                open = true;
            } else if h.depth == child
                && open
                && let Some(names) = under.last_mut()
            {
                names.push(h.text.trim().to_lowercase());
            }
        }
        let mut names: Vec<&String> = under.iter().flatten().collect();
        names.sort();
        names.dedup();
        let recur = names
            .iter()
            .filter(|n| under.iter().filter(|u| u.contains(n)).count() >= 2)
            .count();
        // A pair with a tier of level names outranks one without: a level's sections
        // recur under each level too ("Impact", then "Feature Ownership" under it).
        let score = (
            tier_of_levels(headings, parent) || tier_of_levels(headings, child),
            recur,
        );
        if recur >= 2 && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, (parent, child)));
        }
    }
    best.map(|(_, pair)| pair)
}

/// True when most headings of `depth` name a level.
fn tier_of_levels(headings: &[Heading], depth: usize) -> bool {
    let at: Vec<&Heading> = headings.iter().filter(|h| h.depth == depth).collect();
    let levelish = at.iter().filter(|h| LEVELISH.is_match(&h.text)).count();
    levelish * 2 > at.len()
}
