//! The admin page on a team server: accounts, roles and reporting lines. Admins manage
//! accounts; they read no one's content, and nobody else sees this page (404).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::Invalid;
use cairn_core::account::{NewUser, check_password, login};
use cairn_core::dates::now;
use cairn_core::id::PersonId;
use cairn_core::privacy::{check_manager, check_manager_role};
use serde::Deserialize;

use super::{Chrome, render};
use crate::security::check_csrf;
use crate::{AppError, AppState, Viewer, password};

struct UserRow {
    id: String,
    name: String,
    login: String,
    role: String,
    manager: String,
}

#[derive(Template)]
#[template(path = "admin.html")]
struct AdminPage {
    active: &'static str,
    chrome: Chrome,
    users: Vec<UserRow>,
    problem: Option<String>,
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
        roles: ["engineer", "manager", "admin"],
    })?;
    Ok((status, html).into_response())
}

/// `GET /admin`
pub async fn show(State(state): State<AppState>, viewer: Viewer) -> Result<Response, AppError> {
    admin(&viewer)?;
    page(&state, &viewer, None).await
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
    Form(form): Form<NewUserForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    admin(&viewer)?;
    match new_user(&state, &viewer, &form).await {
        Ok(()) => Ok(Redirect::to("/admin").into_response()),
        Err(AppError::Invalid(e)) => page(&state, &viewer, Some(e.to_string())).await,
        Err(other) => Err(other),
    }
}

async fn new_user(state: &AppState, viewer: &Viewer, form: &NewUserForm) -> Result<(), AppError> {
    let me = state.store.person(viewer.person).await?;
    check_password(&login(&form.login)?, &form.password)?;
    let ladder = state.ladder(&me.ladder).await?;
    let user = NewUser {
        name: &form.name,
        login: &form.login,
        level: &form.level,
        role: form.role.parse()?,
        manager: None,
    };
    let hash = password::hash(&form.password).map_err(AppError::Internal)?;
    let (person, account) = user.build(&ladder, hash, now())?;
    state.store.add_user(&ladder, &person, &account).await?;
    Ok(())
}

/// A change to one user: a new role, or a new manager (a login, empty for none).
#[derive(Debug, Default, Deserialize)]
pub struct Change {
    #[serde(default)]
    csrf: String,
    role: Option<String>,
    manager: Option<String>,
}

/// `POST /admin/users/{id}`
pub async fn change(
    State(state): State<AppState>,
    viewer: Viewer,
    Path(id): Path<String>,
    Form(form): Form<Change>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    admin(&viewer)?;
    let person: PersonId = id.parse().map_err(|_| AppError::NotFound)?;
    let result = apply(&state, viewer.person, person, &form).await;
    match result {
        Ok(()) => Ok(Redirect::to("/admin").into_response()),
        Err(AppError::Invalid(e)) => page(&state, &viewer, Some(e.to_string())).await,
        Err(other) => Err(other),
    }
}

/// Applies one change under the admin policy: an admin changes no role of their own (so
/// they cannot make themselves a manager), and a manager must hold the manager role (so an
/// admin cannot appoint themselves, or an engineer, into anyone's chain).
async fn apply(
    state: &AppState,
    me: PersonId,
    person: PersonId,
    form: &Change,
) -> Result<(), AppError> {
    if let Some(role) = &form.role {
        if person == me {
            return Err(Invalid::new("role", "another admin changes your own role").into());
        }
        state.store.set_role(person, role.parse()?, now()).await?;
    }
    if let Some(manager) = &form.manager {
        let manager = if manager.trim().is_empty() {
            None
        } else {
            let login = login(manager).map_err(|e| Invalid::new("manager", e.message))?;
            let account = state
                .store
                .account(&login)
                .await?
                .ok_or_else(|| Invalid::new("manager", format!("no account {login}")))?;
            Some(account)
        };
        check_manager(
            person,
            manager.as_ref().map(|a| a.person),
            &state.reporting_lines().await?,
        )?;
        if let Some(a) = &manager {
            check_manager_role(&a.login, a.role)?;
        }
        let manager = manager.map(|a| a.person);
        state.store.set_manager(person, manager, now()).await?;
    }
    Ok(())
}
