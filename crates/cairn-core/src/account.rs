//! Accounts and sessions on a team server: who can log in, with what role, and who is
//! logged in now. Passwords are stored only as argon2id hashes, made by the web crate;
//! session tokens only as hashes, so a copy of the database lets no one in.

use serde::{Deserialize, Serialize};

use crate::Invalid;
use crate::dates::Timestamp;
use crate::id::PersonId;
use crate::invalid::require_text;
use crate::ladder::Ladder;
use crate::person::Person;

/// What an account may do besides owning its own record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Owns their record.
    Engineer,
    /// Also reads what their reports (and their reports' reports) share.
    Manager,
    /// Also manages accounts, reporting lines and ladders; reads no one's content.
    Admin,
}

named_enum!(
    Role,
    "role",
    Engineer = "engineer",
    Manager = "manager",
    Admin = "admin"
);

/// A person's login on a team server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    /// The person it belongs to.
    pub person: PersonId,
    /// What they log in with (an email address, lowercased).
    pub login: String,
    /// The argon2id hash of their password, in PHC string format.
    pub password_hash: String,
    /// Their role.
    pub role: Role,
    /// False once deactivated: no login, no session, no token works.
    pub active: bool,
    /// The directory's id for them, when a directory provisions them (SCIM `externalId`).
    pub external_id: Option<String>,
    /// What the directory last said of them, as it wrote it (a [`crate::directory::DirectoryUser`]
    /// as JSON), when a directory provisions them.
    pub directory: Option<String>,
    /// When the directory removed them: no longer listed to it and unable to sign in; their
    /// person and records stay.
    pub removed_at: Option<Timestamp>,
    /// When it was made.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

/// A logged-in browser or client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// SHA-256 of the token in the cookie, hex.
    pub token_hash: String,
    /// Who is logged in.
    pub person: PersonId,
    /// The token this session's forms must carry.
    pub csrf: String,
    /// When it began.
    pub created_at: Timestamp,
    /// When it stops being accepted.
    pub expires_at: Timestamp,
}

/// A live session with who it belongs to, as one read gives it for each request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedIn {
    /// The session.
    pub session: Session,
    /// The name of the person logged in.
    pub name: String,
    /// Their login (an email address).
    pub email: String,
    /// Their account's role.
    pub role: Role,
}

/// What a new team-server user needs besides a password hash.
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    /// Their name.
    pub name: &'a str,
    /// Their login as typed (normalised here).
    pub login: &'a str,
    /// Their level on `ladder`, as typed.
    pub level: &'a str,
    /// Their role.
    pub role: Role,
    /// Their manager, if any.
    pub manager: Option<PersonId>,
}

impl NewUser<'_> {
    /// The person and the account, checked against the ladder. Errors name `name`, `login`
    /// or `level`.
    pub fn build(
        &self,
        ladder: &Ladder,
        password_hash: String,
        at: Timestamp,
    ) -> Result<(Person, Account), Invalid> {
        let login = login(self.login)?;
        let person = Person {
            id: PersonId::new(),
            name: self.name.trim().to_owned(),
            emails: vec![login.clone()],
            github: None,
            ladder: ladder.reference(),
            level: self
                .level
                .parse()
                .map_err(|e: Invalid| Invalid::new("level", e.message))?,
            manager: self.manager,
            created_at: at,
            updated_at: at,
        };
        person.validate(ladder)?;
        let account = Account {
            person: person.id,
            login,
            password_hash,
            role: self.role,
            active: true,
            external_id: None,
            directory: None,
            removed_at: None,
            created_at: at,
            updated_at: at,
        };
        Ok((person, account))
    }
}

/// Shortest password accepted.
pub const MIN_PASSWORD: usize = 12;

/// Checks a new password: long enough to resist guessing, not absurdly long (argon2 would
/// still hash it, but a megabyte password is a mistake or an attack), and not the login.
pub fn check_password(login: &str, password: &str) -> Result<(), Invalid> {
    let n = password.chars().count();
    if n < MIN_PASSWORD {
        return Err(Invalid::new(
            "password",
            format!("must be at least {MIN_PASSWORD} characters (it is {n})"),
        ));
    }
    if n > 1024 {
        return Err(Invalid::new("password", "must be at most 1,024 characters"));
    }
    if password.eq_ignore_ascii_case(login) {
        return Err(Invalid::new("password", "must not be the login"));
    }
    Ok(())
}

/// Normalises and checks a login (an email address).
pub fn login(text: &str) -> Result<String, Invalid> {
    let login = text.trim().to_lowercase();
    require_text("login", &login, 254)?;
    let ok = login
        .split_once('@')
        .is_some_and(|(a, d)| !a.is_empty() && d.contains('.'))
        && !login.chars().any(char::is_whitespace);
    if ok {
        Ok(login)
    } else {
        Err(Invalid::new(
            "login",
            format!("'{text}' is not an email address"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_must_be_long_and_not_the_login() {
        assert!(check_password("ada@x.example", "correct horse battery").is_ok());
        assert_eq!(
            check_password("ada@x.example", "short")
                .unwrap_err()
                .message,
            "must be at least 12 characters (it is 5)"
        );
        assert!(check_password("ada@x.example", "ADA@X.EXAMPLE").is_err());
        assert!(check_password("a@x.example", &"x".repeat(1025)).is_err());
    }

    #[test]
    fn a_new_user_is_checked_against_the_ladder() {
        let ladder = crate::ladder::builtin::find("software-engineer").unwrap();
        let user = NewUser {
            name: "Ada",
            login: "Ada@Work.Example",
            level: "L3",
            role: Role::Engineer,
            manager: None,
        };
        let (person, account) = user
            .build(&ladder, "hash".into(), crate::dates::now())
            .unwrap();
        assert_eq!(
            (account.login.as_str(), account.person),
            ("ada@work.example", person.id)
        );
        assert_eq!(person.emails, ["ada@work.example"]);
        let bad = NewUser {
            level: "L9",
            ..user.clone()
        };
        assert_eq!(
            bad.build(&ladder, "hash".into(), crate::dates::now())
                .unwrap_err()
                .field,
            "level"
        );
        let bad = NewUser { name: " ", ..user };
        assert_eq!(
            bad.build(&ladder, "hash".into(), crate::dates::now())
                .unwrap_err()
                .field,
            "name"
        );
    }

    #[test]
    fn logins_are_lowercased_email_addresses() {
        assert_eq!(login("  Ada@Work.Example ").unwrap(), "ada@work.example");
        assert!(login("ada").is_err());
        assert!(login("a b@x.example").is_err());
        assert_eq!("manager".parse::<Role>().unwrap(), Role::Manager);
    }
}
