//! People: the engineer who owns a record, and on a team server their manager.

use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::dates::Timestamp;
use crate::id::{LevelId, PersonId};
use crate::invalid::require_text;
use crate::ladder::{Ladder, LadderRef};

/// A person and where they stand on their ladder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// Record id.
    pub id: PersonId,
    /// Display name.
    pub name: String,
    /// Every address they commit or work under: work, personal, old employers.
    pub emails: Vec<String>,
    /// Their GitHub login, which tells their own pull requests from ones they reviewed.
    #[serde(default)]
    pub github: Option<String>,
    /// The ladder version their level is on.
    pub ladder: LadderRef,
    /// Their current level on it.
    pub level: LevelId,
    /// Their manager, on a team server.
    pub manager: Option<PersonId>,
    /// When the record was made.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

impl Person {
    /// Checks the person against the rules and against their ladder.
    pub fn validate(&self, ladder: &Ladder) -> Result<(), Invalid> {
        require_text("name", &self.name, 200)?;
        for (i, email) in self.emails.iter().enumerate() {
            check_email(email).map_err(|e| e.within(&format!("emails[{i}]")))?;
        }
        if ladder.reference() != self.ladder {
            return Err(Invalid::new(
                "ladder",
                format!(
                    "is {}, not {} v{}",
                    ladder.id, self.ladder.id, self.ladder.version
                ),
            ));
        }
        if let Some(login) = &self.github {
            check_login(login)?;
        }
        ladder.require_level("level", &self.level)
    }
}

/// A GitHub login: letters, digits and single hyphens, at most 39 characters.
fn check_login(login: &str) -> Result<(), Invalid> {
    let ok = !login.is_empty()
        && login.len() <= 39
        && login.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !login.starts_with('-')
        && !login.ends_with('-')
        && !login.contains("--");
    if ok {
        Ok(())
    } else {
        Err(Invalid::new(
            "github",
            format!("'{login}' is not a GitHub login"),
        ))
    }
}

/// An email address is checked only for shape: something, `@`, a domain with a dot.
fn check_email(email: &str) -> Result<(), Invalid> {
    let ok = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
    }) && !email.chars().any(char::is_whitespace);
    if ok {
        Ok(())
    } else {
        Err(Invalid::new(
            "",
            format!("'{email}' is not an email address"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;
    use crate::ladder::builtin;

    fn ada(ladder: &Ladder) -> Person {
        Person {
            id: PersonId::new(),
            name: "Ada".into(),
            emails: vec!["ada@work.example".into(), "ada@home.example".into()],
            github: None,
            ladder: ladder.reference(),
            level: "L3".parse().unwrap(),
            manager: None,
            created_at: now(),
            updated_at: now(),
        }
    }

    #[test]
    fn a_person_needs_a_name_real_emails_and_a_level_on_their_ladder() {
        let ladder = builtin::find("software-engineer").unwrap();
        assert_eq!(ada(&ladder).validate(&ladder), Ok(()));

        let mut p = ada(&ladder);
        p.name = " ".into();
        assert_eq!(p.validate(&ladder).unwrap_err().field, "name");

        let mut p = ada(&ladder);
        p.emails.push("ada at home".into());
        assert_eq!(p.validate(&ladder).unwrap_err().field, "emails[2]");

        let mut p = ada(&ladder);
        p.level = "L9".parse().unwrap();
        let err = p.validate(&ladder).unwrap_err();
        assert_eq!(err.field, "level");
        assert!(err.message.contains("L1, L2, L3, L4, L5, L6"), "{err}");
    }
}
