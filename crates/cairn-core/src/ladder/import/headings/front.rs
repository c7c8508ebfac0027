//! What a heading-form document's front matter says: its title, description and declared
//! number of levels, and the levels it declares that no heading writes.

use super::super::monzo::{numbered, plain_title};
use super::super::tree::{Node, Reader, Value, is_null};
use super::super::{Problem, prose};
use crate::ladder::Level;

/// What front matter says about the ladder.
#[derive(Debug, Default)]
pub(super) struct Front {
    /// The ladder's title.
    pub title: Option<String>,
    /// How many levels it declares.
    pub declared: Option<u8>,
    /// What it says about itself.
    pub description: Option<String>,
}

/// The title, description and declared number of levels in front matter; other fields are
/// page settings Cairn does not keep.
pub(super) fn settings(r: &mut Reader, root: &Node, warnings: &mut Vec<Problem>) -> Front {
    const PAGE: &[&str] = &["path", "sidebarTitle", "sidebarGroup", "yaml", "homepage"];
    let Value::Map(entries) = &root.value else {
        return Front::default();
    };
    let mut front = Front::default();
    for (key, key_at, node) in entries {
        let Value::Text(text) = &node.value else {
            r.not_kept.push((*key_at, key.clone()));
            continue;
        };
        match key.as_str() {
            "title" => front.title = Some(plain_title(text)).filter(|t| !t.is_empty()),
            "description" | "summary" => {
                front.description = Some(prose(text)).filter(|d| !d.is_empty());
            }
            "levels" if is_null(text) => {}
            "levels" => match text.trim().parse::<u8>() {
                Ok(n) if n >= 1 => front.declared = Some(n),
                _ => warnings.push(Problem::new(
                    Some(node.at),
                    "levels",
                    "is not the number of levels: the levels are read from the headings",
                )),
            },
            key if PAGE.contains(&key) => {}
            _ => r.not_kept.push((*key_at, key.clone())),
        }
    }
    front
}

/// Numbered levels the front matter declares but no heading writes are added (they expect
/// nothing new); headings past the declared number are kept, with a warning.
pub(super) fn extend_to_declared(
    levels: &mut Vec<Level>,
    declared: Option<u8>,
    warnings: &mut Vec<Problem>,
) {
    let Some(declared) = declared else {
        return;
    };
    let count = levels.len();
    if count > usize::from(declared) {
        warnings.push(Problem::new(
            None,
            "levels",
            format!(
                "{count} level headings past the declared {declared} levels: all {count} are kept"
            ),
        ));
    }
    let number = |l: &Level| l.id.as_str().parse::<u8>().ok();
    if levels.iter().all(|l| number(l).is_some()) {
        for n in 1..=declared {
            if !levels.iter().any(|l| l.id.as_str() == n.to_string()) {
                levels.extend(numbered(n));
                warnings.push(Problem::new(
                    None,
                    "levels",
                    format!("level {n} is declared but has no heading: nothing is written for it"),
                ));
            }
        }
        levels.sort_by_key(number);
    }
}
