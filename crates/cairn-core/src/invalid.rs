//! The one validation error: which field is wrong and why, in words a user can act on.

use std::fmt;

/// A value that breaks a domain rule. `field` is a path such as `competencies[1]` or
/// `evidence[3].date`, so the message can point at the exact place in a file or command.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Invalid {
    /// Where the problem is, as a field path.
    pub field: String,
    /// What is wrong, written to be shown as is.
    pub message: String,
}

impl Invalid {
    /// A problem with `field`.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            message: message.into(),
        }
    }

    /// The same problem, nested under `parent` (`date` under `evidence[3]` is `evidence[3].date`).
    #[must_use]
    pub fn within(mut self, parent: &str) -> Self {
        self.field = if self.field.is_empty() {
            parent.to_owned()
        } else if self.field.starts_with('[') {
            format!("{parent}{}", self.field)
        } else {
            format!("{parent}.{}", self.field)
        };
        self
    }
}

impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Checks that a required text field has something in it other than whitespace, and is no
/// longer than `max` characters.
pub fn require_text(field: &str, value: &str, max: usize) -> Result<(), Invalid> {
    if value.trim().is_empty() {
        return Err(Invalid::new(field, "must not be empty"));
    }
    check_length(field, value, max)
}

/// Checks that an optional text field is no longer than `max` characters and holds no
/// control characters (see [`check_plain`]).
pub fn check_length(field: &str, value: &str, max: usize) -> Result<(), Invalid> {
    check_plain(field, value)?;
    let len = value.chars().count();
    if len > max {
        return Err(Invalid::new(
            field,
            format!("is {len} characters long; the limit is {max}"),
        ));
    }
    Ok(())
}

/// True for a character stored text may hold as it is: anything but a control character,
/// save tab and newline. The one rule [`check_plain`] and [`crate::text::plain`] share.
pub fn is_plain(c: char) -> bool {
    !c.is_control() || c == '\t' || c == '\n'
}

/// Checks that a text holds no control characters but tab and newline (a carriage return
/// only as part of `\r\n`, which browsers send for a newline). NUL breaks PostgreSQL, so a
/// personal store holding one could not be restored onto a team server; ESC and BEL would
/// reach a terminal raw.
pub fn check_plain(field: &str, value: &str) -> Result<(), Invalid> {
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        let allowed = is_plain(c) || (c == '\r' && chars.peek() == Some(&'\n'));
        if !allowed {
            return Err(Invalid::new(
                field,
                format!(
                    "holds the control character U+{:04X}; only tab and newline are allowed",
                    u32::from(c)
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nests_field_paths() {
        let e = Invalid::new("date", "bad").within("evidence[3]");
        assert_eq!(e.to_string(), "evidence[3].date: bad");
        let e = Invalid::new("[0]", "bad").within("competencies");
        assert_eq!(e.field, "competencies[0]");
    }

    #[test]
    fn required_text_rejects_blank_and_long_values() {
        assert!(require_text("title", "  \n", 10).is_err());
        assert!(require_text("title", "ok", 10).is_ok());
        let err = require_text("title", "ééééééééééé", 10).unwrap_err();
        assert_eq!(err.message, "is 11 characters long; the limit is 10");
    }

    #[test]
    fn control_characters_are_refused_but_tab_and_newlines_stay() {
        for ok in ["a\tb", "line\nline", "windows\r\nline", "émoji 🎉"] {
            assert_eq!(check_length("body", ok, 100), Ok(()), "{ok:?}");
        }
        for (bad, code) in [
            ("nul\0", "0000"),
            ("\u{1b}[31mred", "001B"),
            ("bell\u{7}", "0007"),
            ("cr\ronly", "000D"),
            ("c1\u{9b}", "009B"),
        ] {
            let err = require_text("title", bad, 100).unwrap_err();
            assert_eq!(err.field, "title");
            assert!(err.message.contains(code), "{bad:?}: {}", err.message);
        }
    }
}
