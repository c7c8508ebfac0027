//! What changed between two versions of a ladder: tracks, levels, competencies and each
//! expectation, matched by id so a reworded statement reads as a change, not as a removal
//! and an addition.

use std::fmt;

use serde::Serialize;

use super::{Competency, Expectation, Ladder};

/// Whether a thing was added, removed or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// In the newer version only.
    Added,
    /// In the older version only.
    Removed,
    /// In both, with a field that differs.
    Changed,
}

/// One difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// Added, removed or changed.
    pub kind: Kind,
    /// What it is: `ladder`, `track ic`, `level L3`, `competency influence`,
    /// `influence at L3`.
    pub subject: String,
    /// The field that changed, for a change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// The older value (or what was removed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub before: Option<String>,
    /// The newer value (or what was added).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            Kind::Added => write!(f, "+ {}", self.subject)?,
            Kind::Removed => write!(f, "- {}", self.subject)?,
            Kind::Changed => write!(
                f,
                "~ {}: {}",
                self.subject,
                self.field.as_deref().unwrap_or_default()
            )?,
        }
        let value = |v: &Option<String>| v.as_deref().filter(|v| !v.is_empty()).map(str::to_owned);
        match (self.kind, value(&self.before), value(&self.after)) {
            (Kind::Added, _, Some(after)) => write!(f, ": {after}"),
            (Kind::Removed, Some(before), _) => write!(f, ": {before}"),
            (Kind::Changed, before, after) => {
                write!(f, "\n    was: {}", before.as_deref().unwrap_or("(nothing)"))?;
                write!(f, "\n    now: {}", after.as_deref().unwrap_or("(nothing)"))
            }
            _ => Ok(()),
        }
    }
}

/// Every difference from `old` to `new`, in ladder order.
pub fn diff(old: &Ladder, new: &Ladder) -> Vec<Change> {
    let mut out = Changes::default();
    out.field("ladder", "name", &old.name, &new.name);
    out.field("ladder", "description", &old.description, &new.description);
    out.matched(
        &old.tracks,
        &new.tracks,
        |t| t.id.to_string(),
        |t| t.name.clone(),
        "track",
        |out, subject, a, b| {
            out.field(subject, "name", &a.name, &b.name);
            out.field(subject, "description", &a.description, &b.description);
        },
    );
    out.matched(
        &old.levels,
        &new.levels,
        |l| l.id.to_string(),
        |l| l.title.clone(),
        "level",
        |out, subject, a, b| {
            out.field(subject, "title", &a.title, &b.title);
            out.field(subject, "summary", &a.summary, &b.summary);
            out.field(subject, "tracks", &join(&a.tracks), &join(&b.tracks));
        },
    );
    let order = |ladder: &Ladder, other: &Ladder| -> Vec<String> {
        ladder
            .levels
            .iter()
            .filter(|l| other.level(&l.id).is_some())
            .map(|l| l.id.to_string())
            .collect()
    };
    let (before, after) = (order(old, new), order(new, old));
    if before != after {
        out.field(
            "ladder",
            "level order",
            &before.join(", "),
            &after.join(", "),
        );
    }
    out.matched(
        &old.competencies,
        &new.competencies,
        |c| c.id.to_string(),
        |c| c.name.clone(),
        "competency",
        competency,
    );
    out.0
}

fn competency(out: &mut Changes, subject: &str, a: &Competency, b: &Competency) {
    out.field(subject, "name", &a.name, &b.name);
    out.field(subject, "description", &a.description, &b.description);
    let from = |c: &Competency| c.expected_from.as_ref().map(ToString::to_string);
    out.field(
        subject,
        "expected from",
        &from(a).unwrap_or_default(),
        &from(b).unwrap_or_default(),
    );
    out.matched(
        &a.expectations,
        &b.expectations,
        |e| e.level.to_string(),
        statement,
        &format!("{} at", a.id),
        |out, subject, x, y| {
            out.field(subject, "text", &x.text, &y.text);
            let criteria = |e: &Expectation| {
                e.criteria
                    .iter()
                    .map(|c| c.text.as_str())
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            out.field(subject, "criteria", &criteria(x), &criteria(y));
            let examples = |e: &Expectation| {
                let nested = e.criteria.iter().flat_map(|c| &c.examples);
                e.examples
                    .iter()
                    .chain(nested)
                    .map(String::as_str)
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            out.field(subject, "examples", &examples(x), &examples(y));
            let proficiency = |e: &Expectation| e.proficiency.clone().unwrap_or_default();
            out.field(subject, "proficiency", &proficiency(x), &proficiency(y));
        },
    );
}

/// An expectation in one line: its text, else its criteria.
fn statement(e: &Expectation) -> String {
    if e.text.is_empty() {
        e.criteria
            .iter()
            .map(|c| c.text.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    } else {
        e.text.clone()
    }
}

fn join<T: fmt::Display>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

#[derive(Default)]
struct Changes(Vec<Change>);

impl Changes {
    fn field(&mut self, subject: &str, field: &str, before: &str, after: &str) {
        if before != after {
            self.0.push(Change {
                kind: Kind::Changed,
                subject: subject.to_owned(),
                field: Some(field.to_owned()),
                before: Some(before.to_owned()),
                after: Some(after.to_owned()),
            });
        }
    }

    /// Items matched by key: removed ones, then for each newer item either an addition or
    /// the changes `compare` finds.
    fn matched<T>(
        &mut self,
        old: &[T],
        new: &[T],
        key: impl Fn(&T) -> String,
        label: impl Fn(&T) -> String,
        what: &str,
        compare: impl Fn(&mut Self, &str, &T, &T),
    ) {
        for a in old {
            if !new.iter().any(|b| key(b) == key(a)) {
                self.0.push(Change {
                    kind: Kind::Removed,
                    subject: format!("{what} {}", key(a)),
                    field: None,
                    before: Some(label(a)),
                    after: None,
                });
            }
        }
        for b in new {
            let subject = format!("{what} {}", key(b));
            match old.iter().find(|a| key(a) == key(b)) {
                Some(a) => compare(self, &subject, a, b),
                None => self.0.push(Change {
                    kind: Kind::Added,
                    subject,
                    field: None,
                    before: None,
                    after: Some(label(b)),
                }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ladder::builtin;

    #[test]
    fn a_reworded_expectation_a_new_level_and_a_dropped_competency_are_each_one_change() {
        let old = builtin::find("software-engineer").unwrap();
        let mut new = old.clone();
        new.version = 2;
        new.competencies[0].expectations[2].text = "Knows the stack cold.".into();
        let mut top = new.levels[5].clone();
        top.id = "L7".parse().unwrap();
        top.title = "Distinguished Engineer".into();
        new.levels.push(top);
        let dropped = new.competencies.remove(7);
        let changes = diff(&old, &new);
        let lines: Vec<String> = changes.iter().map(ToString::to_string).collect();
        assert_eq!(changes.len(), 3, "{lines:#?}");
        assert_eq!(lines[0], "+ level L7: Distinguished Engineer");
        assert!(
            lines[1].starts_with("- competency product-impact"),
            "{}",
            lines[1]
        );
        assert_eq!(dropped.id.as_str(), "product-impact");
        assert!(
            lines[2].starts_with("~ technical-depth at L3: text\n    was: "),
            "{}",
            lines[2]
        );
        assert!(lines[2].ends_with("now: Knows the stack cold."));
        assert!(diff(&old, &old).is_empty());
    }
}
