//! Cairn's own ladder file format: TOML, documented in `docs/ladders.md`.
//!
//! Parsing turns text into a [`Ladder`] and then checks it, so a caller gets either a ladder
//! that is whole and consistent or the list of every problem with its line and column.

use std::fmt;

use super::Ladder;
use crate::Invalid;

/// A problem in a ladder file, located where possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line, when the problem has a place in the text.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// The field path and what is wrong with it.
    pub invalid: Invalid,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "line {line}, column {column}: ")?,
            (Some(line), None) => write!(f, "line {line}: ")?,
            _ => {}
        }
        write!(f, "{}", self.invalid)
    }
}

/// Every problem found in one ladder file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LadderError {
    /// The problems, in file order where known.
    pub problems: Vec<Problem>,
}

impl fmt::Display for LadderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.problems.len();
        write!(
            f,
            "{n} problem{} in the ladder",
            if n == 1 { "" } else { "s" }
        )?;
        for problem in &self.problems {
            write!(f, "\n  {problem}")?;
        }
        Ok(())
    }
}

/// Reads a ladder from Cairn's TOML format and checks it.
pub fn from_toml(text: &str) -> Result<Ladder, LadderError> {
    let ladder: Ladder = toml::from_str(text).map_err(|e| {
        let (line, column) = e
            .span()
            .map(|span| line_and_column(text, span.start))
            .unzip();
        LadderError {
            problems: vec![Problem {
                line,
                column,
                invalid: Invalid::new("", e.message().trim().to_owned()),
            }],
        }
    })?;
    let problems = ladder.problems();
    if problems.is_empty() {
        Ok(ladder)
    } else {
        Err(LadderError {
            problems: problems
                .into_iter()
                .map(|invalid| Problem {
                    line: None,
                    column: None,
                    invalid,
                })
                .collect(),
        })
    }
}

/// The 1-based line and column of a byte offset.
fn line_and_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = from_toml("id = \"x\"\nversion = \"one\"\n").unwrap_err();
        let problem = &err.problems[0];
        assert_eq!(problem.line, Some(2));
        assert_eq!(problem.column, Some(11));
        assert!(problem.to_string().starts_with("line 2, column 11: "));
    }

    #[test]
    fn unknown_fields_are_refused_not_dropped() {
        let err = from_toml(
            "id = \"x\"\nversion = 1\nname = \"X\"\ncolour = \"red\"\nlevels = []\ncompetencies = []\n",
        )
        .unwrap_err();
        assert!(err.to_string().contains("colour"), "{err}");
    }

    #[test]
    fn consistency_problems_are_all_listed() {
        let err =
            from_toml("id = \"x\"\nversion = 1\nname = \"\"\nlevels = []\ncompetencies = []\n")
                .unwrap_err();
        assert_eq!(err.problems.len(), 3, "{err}");
    }
}
