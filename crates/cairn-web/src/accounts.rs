//! Account administration on a team server, once for every way in (the admin pages, the
//! API, SCIM provisioning and the `cairn user` and `cairn token` commands): adding users,
//! roles and reporting lines, deactivation, reset links, password changes and tokens. Each
//! change is written to the audit log with who made it and from where; the log never holds
//! record content.

use cairn_core::Invalid;
use cairn_core::access::{Action, AuditEntry, Grant, GrantKind, Scope, Token};
use cairn_core::account::{Account, NewUser, Role, check_password};
use cairn_core::dates::{Timestamp, now};
use cairn_core::id::{PersonId, TokenId};
use cairn_core::ladder::Ladder;
use cairn_core::person::Person;
use cairn_core::privacy::{check_manager, check_manager_role};
use cairn_store::Store;

use crate::session::{Viewer, new_access_token, new_token, token_hash};
use crate::{AppError, password};

/// How long a reset link works.
pub const RESET_HOURS: i64 = 24;
/// Password checks allowed per login in [`WINDOW_MINUTES`]; one that succeeds is not counted.
const MAX_FAILURES: u64 = 5;
const WINDOW_MINUTES: i64 = 15;

/// Why a password login was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// What was typed is no email address.
    NotAnEmail,
    /// Too many checks for this login lately.
    TooManyAttempts,
    /// No active account with that login and password (which, is not said).
    NoMatch,
}

/// Checks a login and password, as the login page and the API's token login do. Attempts
/// are counted in the store before the password is checked, in one atomic step, so the
/// limit holds across every app server however many requests arrive at once; unknown
/// logins cost the same time as wrong passwords; a deactivated account is refused like a
/// wrong password. Both outcomes are audited.
pub async fn check_login(
    store: &dyn Store,
    typed: &str,
    password: &str,
    address: &str,
) -> Result<Result<Account, Refusal>, AppError> {
    let Ok(login) = cairn_core::account::login(typed) else {
        return Ok(Err(Refusal::NotAnEmail));
    };
    let at = now();
    let since = at - chrono::Duration::minutes(WINDOW_MINUTES);
    if !store
        .claim_login_attempt(&login, since, at, MAX_FAILURES)
        .await?
    {
        return Ok(Err(Refusal::TooManyAttempts));
    }
    let account = store.account(&login).await?;
    let matched = password::verify(password, account.as_ref().map(|a| a.password_hash.as_str()));
    let mut actor = Actor {
        person: None,
        email: login.clone(),
        address: address.to_owned(),
    };
    match account {
        Some(a) if matched && a.active => {
            store.forget_login_attempt(&login, at).await?;
            actor.person = Some(a.person);
            actor.record(store, Action::Login, &login).await?;
            Ok(Ok(a))
        }
        other => {
            let why = match other {
                Some(a) if matched && !a.active => format!("{login} (deactivated)"),
                _ => login.clone(),
            };
            actor.record(store, Action::LoginFailed, &why).await?;
            Ok(Err(Refusal::NoMatch))
        }
    }
}

/// Who makes a change, as the audit log names them.
#[derive(Debug, Clone)]
pub struct Actor {
    /// Their person, when they have an account here.
    pub person: Option<PersonId>,
    /// Their login, or what acts ("command line", "scim").
    pub email: String,
    /// Where the request came from.
    pub address: String,
}

impl Actor {
    /// The person behind a request, from `address`.
    pub fn of(viewer: &Viewer, address: &str) -> Self {
        Self {
            person: Some(viewer.person),
            email: viewer
                .login
                .as_ref()
                .map_or_else(|| "owner".to_owned(), |l| l.email.clone()),
            address: address.to_owned(),
        }
    }

    /// Someone with the server's database at hand, running `cairn user` or `cairn token`.
    pub fn command_line() -> Self {
        Self {
            person: None,
            email: "command line".into(),
            address: "local".into(),
        }
    }

    /// Writes one line of the audit log.
    pub async fn record(
        &self,
        store: &dyn Store,
        action: Action,
        subject: &str,
    ) -> Result<(), AppError> {
        let entry = AuditEntry::new(
            self.person,
            &self.email,
            action,
            subject,
            &self.address,
            now(),
        );
        store.audit(&entry).await?;
        Ok(())
    }
}

/// Adds a user with a password (checked), or with none for one who signs on through the
/// identity provider only.
pub async fn add_user(
    store: &dyn Store,
    ladder: &Ladder,
    user: &NewUser<'_>,
    password: Option<&str>,
    actor: &Actor,
) -> Result<(Person, Account), AppError> {
    let hash = match password {
        Some(p) => {
            check_password(&cairn_core::account::login(user.login)?, p)?;
            password::hash(p).map_err(AppError::Internal)?
        }
        None => String::new(),
    };
    let (person, account) = user.build(ladder, hash, now())?;
    store.add_user(ladder, &person, &account).await?;
    actor
        .record(store, Action::UserAdded, &account.login)
        .await?;
    Ok((person, account))
}

/// The account of `person`, or not found.
pub async fn account_of(store: &dyn Store, person: PersonId) -> Result<Account, AppError> {
    store.account_of(person).await?.ok_or(AppError::NotFound)
}

/// Changes a role; nobody changes their own (so an admin cannot make themselves a manager).
pub async fn set_role(
    store: &dyn Store,
    person: PersonId,
    role: Role,
    actor: &Actor,
) -> Result<(), AppError> {
    if actor.person == Some(person) {
        return Err(Invalid::new("role", "another admin changes your own role").into());
    }
    let account = account_of(store, person).await?;
    store.set_role(person, role, now()).await?;
    actor
        .record(
            store,
            Action::RoleChanged,
            &format!("{} → {role}", account.login),
        )
        .await
}

/// Sets or clears a manager, who must hold the manager role and make no loop.
pub async fn set_manager(
    store: &dyn Store,
    person: PersonId,
    manager: Option<&Account>,
    actor: &Actor,
) -> Result<(), AppError> {
    let lines = store
        .people()
        .await?
        .into_iter()
        .map(|p| (p.id, p.manager))
        .collect();
    check_manager(person, manager.map(|a| a.person), &lines)?;
    if let Some(a) = manager {
        check_manager_role(&a.login, a.role)?;
    }
    let account = account_of(store, person).await?;
    store
        .set_manager(person, manager.map(|a| a.person), now())
        .await?;
    let to = manager.map_or("nobody", |a| a.login.as_str());
    actor
        .record(
            store,
            Action::ManagerChanged,
            &format!("{} → {to}", account.login),
        )
        .await
}

/// Deactivates or reactivates an account. Deactivation ends its sessions and tokens at once
/// on every server sharing the database; the person and their records stay theirs.
pub async fn set_active(
    store: &dyn Store,
    person: PersonId,
    active: bool,
    actor: &Actor,
) -> Result<(), AppError> {
    if !active && actor.person == Some(person) {
        return Err(Invalid::new("active", "another admin deactivates your account").into());
    }
    let mut account = account_of(store, person).await?;
    if account.active == active {
        return Ok(());
    }
    account.active = active;
    account.updated_at = now();
    store.update_account(&account).await?;
    let action = if active {
        Action::Reactivated
    } else {
        Action::Deactivated
    };
    actor.record(store, action, &account.login).await
}

/// Issues a one-time reset link's code for `person`, good for [`RESET_HOURS`].
pub async fn issue_reset(
    store: &dyn Store,
    person: PersonId,
    actor: &Actor,
) -> Result<String, AppError> {
    let account = account_of(store, person).await?;
    let code = new_token();
    let at = now();
    store
        .add_grant(&Grant {
            kind: GrantKind::PasswordReset,
            hash: token_hash(&code),
            person: Some(person),
            payload: String::new(),
            created_at: at,
            expires_at: at + chrono::Duration::hours(RESET_HOURS),
        })
        .await?;
    actor
        .record(store, Action::ResetIssued, &account.login)
        .await?;
    Ok(code)
}

/// Sets a new password through a reset link: the link works once, and every session of the
/// account ends.
pub async fn reset_password(
    store: &dyn Store,
    code: &str,
    new_password: &str,
    address: &str,
) -> Result<(), AppError> {
    let grant = store
        .take_grant(GrantKind::PasswordReset, &token_hash(code), now())
        .await?;
    let Some(person) = grant.and_then(|g| g.person) else {
        return Err(Invalid::new(
            "link",
            "this reset link is used, expired or unknown; ask an admin for a new one",
        )
        .into());
    };
    let account = account_of(store, person).await?;
    check_password(&account.login, new_password)?;
    let hash = password::hash(new_password).map_err(AppError::Internal)?;
    store.set_password(person, &hash, None, now()).await?;
    let actor = Actor {
        person: Some(person),
        email: account.login.clone(),
        address: address.to_owned(),
    };
    actor
        .record(store, Action::PasswordReset, &account.login)
        .await
}

/// Changes one's own password after checking the current one; the other sessions end.
pub async fn change_password(
    store: &dyn Store,
    viewer: &Viewer,
    current: &str,
    new_password: &str,
    address: &str,
) -> Result<(), AppError> {
    let account = account_of(store, viewer.person).await?;
    if !password::verify(current, Some(&account.password_hash)) {
        return Err(Invalid::new("current", "is not your current password").into());
    }
    check_password(&account.login, new_password)?;
    let hash = password::hash(new_password).map_err(AppError::Internal)?;
    store
        .set_password(viewer.person, &hash, viewer.session_hash(), now())
        .await?;
    Actor::of(viewer, address)
        .record(store, Action::PasswordChanged, &account.login)
        .await
}

/// Days from now as a time, from a form's text: empty for never.
pub fn expiry_in_days(days: &str) -> Result<Option<cairn_core::dates::Timestamp>, Invalid> {
    let days = days.trim();
    if days.is_empty() {
        return Ok(None);
    }
    let n: i64 = days
        .parse()
        .ok()
        .filter(|n| (1..=3650).contains(n))
        .ok_or_else(|| Invalid::new("days", "must be a whole number of days from 1 to 3650"))?;
    Ok(Some(cairn_core::dates::now() + chrono::Duration::days(n)))
}

/// What creating a token needs besides its owner.
#[derive(Debug, Clone)]
pub struct NewToken<'a> {
    /// What its owner calls it.
    pub name: &'a str,
    /// What it may do.
    pub scope: Scope,
    /// When it stops working, if ever.
    pub expires_at: Option<Timestamp>,
}

/// Creates a token for `person`; the secret is returned once and stored only as a hash.
/// A SCIM token is an admin's.
pub async fn create_token(
    store: &dyn Store,
    person: PersonId,
    new: &NewToken<'_>,
    actor: &Actor,
) -> Result<(Token, String), AppError> {
    let account = account_of(store, person).await?;
    if !account.active {
        return Err(Invalid::new("user", format!("{} is deactivated", account.login)).into());
    }
    if new.scope == Scope::Scim && account.role != Role::Admin {
        return Err(Invalid::new("scope", "only an admin's token may provision (scim)").into());
    }
    let secret = new_access_token();
    let token = Token::new(
        person,
        new.name,
        new.scope,
        token_hash(&secret),
        new.expires_at,
        now(),
    )?;
    store.add_token(&token).await?;
    actor
        .record(
            store,
            Action::TokenCreated,
            &format!("{} '{}' ({})", account.login, token.name, token.scope),
        )
        .await?;
    Ok((token, secret))
}

/// Revokes one of `person`'s tokens.
pub async fn revoke_token(
    store: &dyn Store,
    person: PersonId,
    id: TokenId,
    actor: &Actor,
) -> Result<(), AppError> {
    let token = store
        .tokens(person)
        .await?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or(AppError::NotFound)?;
    store.revoke_token(person, id, now()).await?;
    actor
        .record(store, Action::TokenRevoked, &format!("'{}'", token.name))
        .await
}
