//! Access to a team server beyond a browser session: personal access tokens (what the CLI
//! and scripts send as `Authorization: Bearer`), one-time grants (password-reset links and
//! single sign-ons in flight), and the audit log of admin actions and logins.
//!
//! Token secrets and grant codes are made and hashed by the web crate and stored only as
//! hashes here, so a copy of the database lets no one in. The audit log records who did
//! what to whom, when and from where, never the content of anyone's record.

use serde::Serialize;

use crate::Invalid;
use crate::account::Role;
use crate::dates::Timestamp;
use crate::id::{AuditId, PersonId, TokenId};
use crate::invalid::require_text;

/// What a personal access token may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// Read what its owner may read.
    Read,
    /// Read and write as its owner.
    Write,
    /// Provision accounts through SCIM (an admin's token for the directory).
    Scim,
}

named_enum!(
    Scope,
    "scope",
    Read = "read",
    Write = "write",
    Scim = "scim"
);

/// Every token's secret starts with this, so a leaked one is easy to recognise and scan for.
pub const TOKEN_PREFIX: &str = "cairn_";

/// A personal access token, as stored (its secret only as a hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Its id, shown in lists and used to revoke it.
    pub id: TokenId,
    /// Whose it is: requests made with it act as this person.
    pub person: PersonId,
    /// What its owner called it ("laptop", "ci").
    pub name: String,
    /// SHA-256 of the secret, hex.
    pub hash: String,
    /// What it may do.
    pub scope: Scope,
    /// When it was made.
    pub created_at: Timestamp,
    /// When it stops working, if ever.
    pub expires_at: Option<Timestamp>,
    /// When it was last used (to the hour), if ever.
    pub last_used_at: Option<Timestamp>,
    /// When it was revoked, if it was.
    pub revoked_at: Option<Timestamp>,
}

impl Token {
    /// A new token for `person`; `hash` is the hash of the secret the caller made. The name
    /// is checked (field `name`), and an expiry must lie after `at` (field `expires`).
    pub fn new(
        person: PersonId,
        name: &str,
        scope: Scope,
        hash: String,
        expires_at: Option<Timestamp>,
        at: Timestamp,
    ) -> Result<Self, Invalid> {
        let name = name.trim();
        require_text("name", name, 100)?;
        if expires_at.is_some_and(|e| e <= at) {
            return Err(Invalid::new("expires", "must be in the future"));
        }
        Ok(Self {
            id: TokenId::new(),
            person,
            name: name.to_owned(),
            hash,
            scope,
            created_at: at,
            expires_at,
            last_used_at: None,
            revoked_at: None,
        })
    }

    /// True while the token is accepted: not revoked and not expired at `now`.
    pub fn is_live(&self, now: Timestamp) -> bool {
        self.revoked_at.is_none() && self.expires_at.is_none_or(|e| e > now)
    }

    /// Its state at `now`, as lists show it.
    pub fn state(&self, now: Timestamp) -> &'static str {
        if self.revoked_at.is_some() {
            "revoked"
        } else if !self.is_live(now) {
            "expired"
        } else {
            "active"
        }
    }
}

/// A live token with who it belongs to, as one read gives it for each request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bearer {
    /// The token.
    pub token: Token,
    /// Its owner's name.
    pub name: String,
    /// Its owner's login (an email address).
    pub email: String,
    /// Its owner's role.
    pub role: Role,
}

/// What a one-time grant is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GrantKind {
    /// A password-reset link an admin issued.
    PasswordReset,
    /// A single sign-on begun and not yet returned from the identity provider.
    SignOn,
}

named_enum!(
    GrantKind,
    "kind",
    PasswordReset = "password-reset",
    SignOn = "sign-on"
);

/// Something granted once: taken from the store on first use, refused once expired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    /// What it is for.
    pub kind: GrantKind,
    /// SHA-256 of the code handed out (in a link, or as an OpenID `state`), hex.
    pub hash: String,
    /// Whom it is for, when known.
    pub person: Option<PersonId>,
    /// What the step after needs (for a sign-on: the nonce and PKCE verifier).
    pub payload: String,
    /// When it was made.
    pub created_at: Timestamp,
    /// When it stops being accepted.
    pub expires_at: Timestamp,
}

/// What an audited event was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    /// A password login succeeded.
    Login,
    /// A password login failed (wrong password, unknown or inactive account).
    LoginFailed,
    /// A single sign-on succeeded.
    SignOn,
    /// A single sign-on was refused.
    SignOnRefused,
    /// An account was added.
    UserAdded,
    /// An account's role changed.
    RoleChanged,
    /// A reporting line changed.
    ManagerChanged,
    /// An account was deactivated: its sessions and tokens ended.
    Deactivated,
    /// An account was reactivated.
    Reactivated,
    /// An admin issued a password-reset link.
    ResetIssued,
    /// A password was set through a reset link.
    PasswordReset,
    /// A user changed their own password.
    PasswordChanged,
    /// A token was created.
    TokenCreated,
    /// A token was revoked.
    TokenRevoked,
    /// The directory (SCIM) changed an account.
    Provisioned,
}

named_enum!(
    Action,
    "action",
    Login = "login",
    LoginFailed = "login-failed",
    SignOn = "sign-on",
    SignOnRefused = "sign-on-refused",
    UserAdded = "user-added",
    RoleChanged = "role-changed",
    ManagerChanged = "manager-changed",
    Deactivated = "deactivated",
    Reactivated = "reactivated",
    ResetIssued = "reset-issued",
    PasswordReset = "password-reset",
    PasswordChanged = "password-changed",
    TokenCreated = "token-created",
    TokenRevoked = "token-revoked",
    Provisioned = "provisioned"
);

/// One line of the audit log: who did what to whom, when and from where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// Its id.
    pub id: AuditId,
    /// When.
    pub at: Timestamp,
    /// Who acted, when they are known (a failed login may name no account).
    pub actor: Option<PersonId>,
    /// Who acted, as they named themselves: a login, "cli", "scim".
    pub actor_login: String,
    /// What happened.
    pub action: Action,
    /// To whom or what: a login, a token's name; never record content.
    pub subject: String,
    /// From where: the client's address as the server saw it.
    pub address: String,
}

impl AuditEntry {
    /// A new entry at `at`.
    pub fn new(
        actor: Option<PersonId>,
        actor_login: &str,
        action: Action,
        subject: &str,
        address: &str,
        at: Timestamp,
    ) -> Self {
        Self {
            id: AuditId::new(),
            at,
            actor,
            actor_login: actor_login.to_owned(),
            action,
            subject: subject.to_owned(),
            address: address.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::now;

    #[test]
    fn a_token_lives_until_revoked_or_expired() {
        let at = now();
        let mut token = Token::new(
            PersonId::new(),
            " laptop ",
            Scope::Read,
            "h".into(),
            Some(at + chrono::Duration::days(1)),
            at,
        )
        .unwrap();
        assert_eq!(token.name, "laptop");
        assert!(token.is_live(at));
        assert_eq!(token.state(at + chrono::Duration::days(2)), "expired");
        token.revoked_at = Some(at);
        assert_eq!(token.state(at), "revoked");
        let past = Token::new(PersonId::new(), "x", Scope::Write, "h".into(), Some(at), at);
        assert_eq!(past.unwrap_err().field, "expires");
        let unnamed = Token::new(PersonId::new(), " ", Scope::Write, "h".into(), None, at);
        assert_eq!(unnamed.unwrap_err().field, "name");
    }

    #[test]
    fn scopes_and_actions_parse_and_print() {
        assert_eq!("scim".parse::<Scope>().unwrap(), Scope::Scim);
        assert!("admin".parse::<Scope>().is_err());
        assert_eq!(Action::LoginFailed.to_string(), "login-failed");
        assert_eq!(
            "reset-issued".parse::<Action>().unwrap(),
            Action::ResetIssued
        );
    }
}
