//! The admin pages on a team server: accounts, roles and reporting lines, deactivation and
//! reset links, and the audit log. Admins manage accounts; they read no one's content, and
//! nobody else sees these pages (404). Every change goes through `accounts`, which audits
//! it.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::Invalid;
use cairn_core::account::{NewUser, login};
use cairn_core::id::PersonId;
use serde::Deserialize;

use super::{Chrome, render};
use crate::accounts::{self, Actor};
use crate::security::{ClientAddress, check_csrf};
use crate::{AppError, AppState, Viewer};

struct UserRow {
    id: String,
    name: String,
    login: String,
    role: String,
    manager: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "admin.html")]
struct AdminPage {
    active: &'static str,
    chrome: Chrome,
    users: Vec<UserRow>,
    problem: Option<String>,
    /// A reset link just issued: (whose, the link), shown once.
    reset: Option<(String, String)>,
    /// The admin's own person id: they do not deactivate themselves.
    me: String,
    roles: [&'static str; 3],
}

/// Lets only a team server's admin through; anyone else is told the page does not exist.
fn admin(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.is_admin() {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

async fn page(
    state: &AppState,
    viewer: &Viewer,
    problem: Option<String>,
    reset: Option<(String, String)>,
) -> Result<Response, AppError> {
    let people = state.store.people().await?;
    let accounts = state.store.accounts().await?;
    let login_of = |id: PersonId| {
        accounts
            .iter()
            .find(|a| a.person == id)
            .map(|a| a.login.clone())
    };
    let users = accounts
        .iter()
        .filter_map(|a| {
            let p = people.iter().find(|p| p.id == a.person)?;
            Some(UserRow {
                id: p.id.to_string(),
                name: p.name.clone(),
                login: a.login.clone(),
                role: a.role.to_string(),
                manager: p.manager.and_then(login_of).unwrap_or_default(),
                active: a.active,
            })
        })
        .collect();
    let status = if problem.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let html = render(&AdminPage {
        active: "admin",
        chrome: Chrome::of(state, viewer),
        users,
        problem,
        reset,
        me: viewer.person.to_string(),
        roles: ["engineer", "manager", "admin"],
    })?;
    Ok((status, html).into_response())
}

/// `GET /admin`
pub async fn show(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    admin(&viewer)?;
    page(&state, &viewer, None, None).await
}

/// The add-user form.
#[derive(Debug, Default, Deserialize)]
pub struct NewUserForm {
    #[serde(default)]
    csrf: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    login: String,
    #[serde(default)]
    level: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    password: String,
}

/// `POST /admin/users`
pub async fn add(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddress(address): ClientAddress,
    Form(form): Form<NewUserForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    admin(&viewer)?;
    let actor = Actor::of(&viewer, &address);
    match new_user(&state, &viewer, &form, &actor).await {
        Ok(()) => Ok(Redirect::to("/admin").into_response()),
        Err(AppError::Invalid(e)) => page(&state, &viewer, Some(e.to_string()), None).await,
        Err(other) => Err(other),
    }
}

async fn new_user(
    state: &AppState,
    viewer: &Viewer,
    form: &NewUserForm,
    actor: &Actor,
) -> Result<(), AppError> {
    let me = state.store.person(viewer.person).await?;
    let ladder = state.ladder(&me.ladder).await?;
    let user = NewUser {
        name: &form.name,
        login: &form.login,
        level: &form.level,
        role: form.role.parse()?,
        manager: None,
    };
    let password = Some(form.password.as_str()).filter(|p| !p.is_empty());
    accounts::add_user(state.store.as_ref(), &ladder, &user, password, actor).await?;
    Ok(())
}

/// A change to one user: a new role, a new manager (a login, empty for none), active or
/// not, or a reset link.
#[derive(Debug, Default, Deserialize)]
pub struct Change {
    #[serde(default)]
    csrf: String,
    role: Option<String>,
    manager: Option<String>,
    active: Option<bool>,
    reset: Option<String>,
}

/// `POST /admin/users/{id}`
pub async fn change(
    State(state): State<AppState>,
    viewer: Viewer,
    ClientAddress(address): ClientAddress,
    Path(id): Path<String>,
    Form(form): Form<Change>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    admin(&viewer)?;
    let person: PersonId = id.parse().map_err(|_| AppError::NotFound)?;
    let actor = Actor::of(&viewer, &address);
    if form.reset.is_some() {
        let code = accounts::issue_reset(state.store.as_ref(), person, &actor).await?;
        let whose = accounts::account_of(state.store.as_ref(), person)
            .await?
            .login;
        return page(
            &state,
            &viewer,
            None,
            Some((whose, format!("/reset/{code}"))),
        )
        .await;
    }
    match apply(&state, person, &form, &actor).await {
        Ok(()) => Ok(Redirect::to("/admin").into_response()),
        Err(AppError::Invalid(e)) => page(&state, &viewer, Some(e.to_string()), None).await,
        Err(other) => Err(other),
    }
}

async fn apply(
    state: &AppState,
    person: PersonId,
    form: &Change,
    actor: &Actor,
) -> Result<(), AppError> {
    let store = state.store.as_ref();
    if let Some(role) = &form.role {
        accounts::set_role(store, person, role.parse()?, actor).await?;
    }
    if let Some(manager) = &form.manager {
        let manager = if manager.trim().is_empty() {
            None
        } else {
            let login = login(manager).map_err(|e| Invalid::new("manager", e.message))?;
            let account = store
                .account(&login)
                .await?
                .ok_or_else(|| Invalid::new("manager", format!("no account {login}")))?;
            Some(account)
        };
        accounts::set_manager(store, person, manager.as_ref(), actor).await?;
    }
    if let Some(active) = form.active {
        accounts::set_active(store, person, active, actor).await?;
    }
    Ok(())
}

struct AuditRow {
    at: String,
    who: String,
    action: String,
    subject: String,
    address: String,
}

#[derive(Template)]
#[template(path = "audit.html")]
struct AuditPage {
    active: &'static str,
    chrome: Chrome,
    entries: Vec<AuditRow>,
}

/// How many audit entries the page shows.
const AUDIT_PAGE: u32 = 500;

/// `GET /admin/audit`: the newest admin actions and logins.
pub async fn audit(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    admin(&viewer)?;
    let entries = state
        .store
        .audit_log(AUDIT_PAGE)
        .await?
        .into_iter()
        .map(|e| AuditRow {
            at: e.at.format("%Y-%m-%d %H:%M:%S UTC").to_string(),
            who: e.actor_login,
            action: e.action.to_string(),
            subject: e.subject,
            address: e.address,
        })
        .collect();
    let html = render(&AuditPage {
        active: "admin",
        chrome: Chrome::of(&state, &viewer),
        entries,
    })?;
    Ok(html.into_response())
}
