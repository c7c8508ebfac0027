//! People: the engineer who owns a record, and on a team server their manager.

use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::dates::Timestamp;
use crate::id::{LevelId, PersonId, ProfileChangeId};
use crate::invalid::{check_length, require_text};
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

/// A profile field that can change after `init`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    /// The display name.
    Name,
    /// The level on the ladder.
    Level,
    /// The ladder version.
    Ladder,
    /// The addresses they work under.
    Emails,
    /// The GitHub login.
    Github,
}

named_enum!(
    ProfileField,
    "field",
    Name = "name",
    Level = "level",
    Ladder = "ladder",
    Emails = "emails",
    Github = "github"
);

/// One change to a profile, kept so the record shows when a level moved and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileChange {
    /// Record id.
    pub id: ProfileChangeId,
    /// Whose profile.
    pub person: PersonId,
    /// Which field.
    pub field: ProfileField,
    /// The value before, as shown ("" when there was none).
    pub from: String,
    /// The value after.
    pub to: String,
    /// Why, when they said ("Promoted in the November cycle").
    pub reason: String,
    /// When it changed.
    pub at: Timestamp,
}

impl Person {
    /// The changes that turn this profile into `after`, one per field that differs.
    pub fn changes_to(&self, after: &Person, reason: &str, at: Timestamp) -> Vec<ProfileChange> {
        let shown = |p: &Person, field: ProfileField| match field {
            ProfileField::Name => p.name.clone(),
            ProfileField::Level => p.level.to_string(),
            ProfileField::Ladder => format!("{} v{}", p.ladder.id, p.ladder.version),
            ProfileField::Emails => p.emails.join(", "),
            ProfileField::Github => p.github.clone().unwrap_or_default(),
        };
        [
            ProfileField::Name,
            ProfileField::Ladder,
            ProfileField::Level,
            ProfileField::Emails,
            ProfileField::Github,
        ]
        .into_iter()
        .filter_map(|field| {
            let (from, to) = (shown(self, field), shown(after, field));
            (from != to).then(|| ProfileChange {
                id: ProfileChangeId::new(),
                person: self.id,
                field,
                from,
                to,
                reason: reason.trim().to_owned(),
                at,
            })
        })
        .collect()
    }
}

/// What a profile edit changes; a field left `None` stays as it is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileEdit {
    /// A new display name.
    pub name: Option<String>,
    /// A new level (on the new ladder, when the ladder changes too).
    pub level: Option<LevelId>,
    /// Every address, replacing the old list.
    pub emails: Option<Vec<String>>,
    /// A new GitHub login; an empty one clears it.
    pub github: Option<String>,
}

impl ProfileEdit {
    /// The profile after this edit, onto `ladder` (the person's own unless it changes),
    /// checked, stamped `at`, with one change per field that moved. Nothing that moved is
    /// an error naming the field.
    pub fn apply(
        &self,
        before: &Person,
        ladder: &Ladder,
        reason: &str,
        at: Timestamp,
    ) -> Result<(Person, Vec<ProfileChange>), Invalid> {
        let mut after = before.clone();
        if let Some(name) = &self.name {
            after.name = name.trim().to_owned();
        }
        if let Some(level) = &self.level {
            after.level = level.clone();
        }
        if let Some(emails) = &self.emails {
            after.emails = emails.iter().map(|e| e.trim().to_owned()).collect();
        }
        if let Some(github) = &self.github {
            let login = github.trim();
            after.github = (!login.is_empty()).then(|| login.to_owned());
        }
        after.ladder = ladder.reference();
        after.validate(ladder)?;
        check_length("reason", reason, 2_000)?;
        let changes = before.changes_to(&after, reason, at);
        if changes.is_empty() {
            return Err(Invalid::new(
                "",
                "nothing to change: the profile already says that",
            ));
        }
        after.updated_at = at.max(before.updated_at + chrono::Duration::microseconds(1));
        Ok((after, changes))
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
pub(crate) fn check_email(email: &str) -> Result<(), Invalid> {
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

    #[test]
    fn a_profile_change_names_each_field_that_moved_and_nothing_else() {
        let ladder = builtin::find("software-engineer").unwrap();
        let before = ada(&ladder);
        let mut after = before.clone();
        after.level = "L4".parse().unwrap();
        after.github = Some("ada-l".into());
        let changes = before.changes_to(&after, " Promoted in November ", now());
        let moved: Vec<_> = changes
            .iter()
            .map(|c| (c.field, c.from.as_str(), c.to.as_str()))
            .collect();
        assert_eq!(
            moved,
            [
                (ProfileField::Level, "L3", "L4"),
                (ProfileField::Github, "", "ada-l")
            ]
        );
        assert!(changes.iter().all(|c| c.reason == "Promoted in November"));
        assert!(before.changes_to(&before, "", now()).is_empty());
    }

    #[test]
    fn an_edit_is_checked_against_the_ladder_and_refuses_to_change_nothing() {
        let ladder = builtin::find("software-engineer").unwrap();
        let before = ada(&ladder);
        let promote = ProfileEdit {
            level: Some("L4".parse().unwrap()),
            ..ProfileEdit::default()
        };
        let (after, changes) = promote.apply(&before, &ladder, "Promoted", now()).unwrap();
        assert_eq!(after.level.as_str(), "L4");
        assert!(after.updated_at > before.updated_at);
        assert_eq!(changes.len(), 1);

        let nowhere = ProfileEdit {
            level: Some("L9".parse().unwrap()),
            ..ProfileEdit::default()
        };
        let err = nowhere.apply(&before, &ladder, "", now()).unwrap_err();
        assert_eq!(err.field, "level");
        let same = ProfileEdit {
            name: Some(" Ada ".into()),
            ..ProfileEdit::default()
        };
        assert!(
            same.apply(&before, &ladder, "", now())
                .unwrap_err()
                .message
                .contains("nothing to change")
        );
        let clear = ProfileEdit {
            github: Some(String::new()),
            emails: Some(vec![]),
            ..ProfileEdit::default()
        };
        let (after, _) = clear.apply(&before, &ladder, "", now()).unwrap();
        assert!(after.emails.is_empty() && after.github.is_none());
    }
}
