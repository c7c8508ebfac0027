//! Logging in and out of a team server.
//!
//! The login form is protected from cross-site posting by a double-submit token (a cookie
//! and a hidden field that must match; a missing token never matches). The password check,
//! its throttle and its audit are `accounts::check_login`'s. Each login makes a new session
//! token, so a token planted before login is worthless.

use askama::Template;
use axum::extract::{FromRequest, Query, Request, State};
use axum::http::header::SET_COOKIE;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::Form;
use cairn_core::account::Session;
use cairn_core::dates::now;
use serde::Deserialize;

use super::render;
use crate::accounts::{Refusal, check_login};
use crate::security::{ClientAddress, check_csrf};
use crate::session::{COOKIE, cookie, new_token, token_hash};
use crate::{AppError, AppState, Viewer};

const LOGIN_COOKIE: &str = "cairn_login";
const SESSION_HOURS: i64 = 12;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    token: String,
    login: String,
    problem: Option<String>,
    notice: Option<&'static str>,
    /// Single sign-on is set up: offer it.
    sign_on: bool,
    /// Local passwords are allowed: show the form.
    passwords: bool,
}

/// What the login page is asked to say after another step.
#[derive(Debug, Default, Deserialize)]
pub struct LoginQuery {
    reset: Option<String>,
}

/// The login form's fields.
#[derive(Debug, Default, Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    login: String,
    #[serde(default)]
    password: String,
}

/// The login page, with a fresh double-submit token set as a cookie beside it.
pub(super) fn page(
    state: &AppState,
    login: String,
    problem: Option<String>,
    notice: Option<&'static str>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let token = new_token();
    let secure = if state.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let cookie = format!("{LOGIN_COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/login{secure}");
    let html = render(&LoginPage {
        token,
        login,
        problem,
        notice,
        sign_on: state.sign_on.is_some(),
        passwords: state.passwords,
    })?;
    Ok((status, [(SET_COOKIE, cookie)], html).into_response())
}

/// `GET /login`
pub async fn form(
    State(state): State<AppState>,
    Query(query): Query<LoginQuery>,
) -> Result<Response, AppError> {
    if !state.is_team() {
        return Ok(Redirect::to("/").into_response());
    }
    let notice = query
        .reset
        .map(|_| "Your new password is set and every earlier session has ended. Log in with it.");
    page(&state, String::new(), None, notice, StatusCode::OK)
}

/// `POST /login`
pub async fn submit(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    request: Request,
) -> Result<Response, AppError> {
    if !state.is_team() {
        return Ok(Redirect::to("/").into_response());
    }
    let (parts, body) = request.into_parts();
    let expected = login_cookie(&parts);
    let Form(form) = Form::<LoginForm>::from_request(Request::from_parts(parts, body), &state)
        .await
        .map_err(|e| AppError::Rejected {
            status: StatusCode::BAD_REQUEST,
            message: e.to_string(),
        })?;
    check_csrf(&expected.unwrap_or_default(), &form.token)?;
    let refused = |login: String, problem: &str| {
        page(
            &state,
            login,
            Some(problem.to_owned()),
            None,
            StatusCode::UNAUTHORIZED,
        )
    };
    if !state.passwords {
        return refused(
            form.login,
            "This server signs people on through your identity provider only.",
        );
    }
    let account =
        match check_login(state.store.as_ref(), &form.login, &form.password, &address).await? {
            Ok(account) => account,
            Err(Refusal::NotAnEmail) => {
                return refused(form.login, "Log in with the email address of your account.");
            }
            Err(Refusal::TooManyAttempts) => return Err(AppError::TooManyAttempts),
            Err(Refusal::NoMatch) => {
                return refused(
                    form.login,
                    "That login and password do not match an account.",
                );
            }
        };
    begin_session(&state, account.person).await
}

/// Starts a session for `person` (a new token, so one planted before is worthless) and
/// sends the browser home with its cookie.
pub(super) async fn begin_session(
    state: &AppState,
    person: cairn_core::id::PersonId,
) -> Result<Response, AppError> {
    let at = now();
    let token = new_token();
    let session = Session {
        token_hash: token_hash(&token),
        person,
        csrf: new_token(),
        created_at: at,
        expires_at: at + chrono::Duration::hours(SESSION_HOURS),
    };
    state.store.add_session(&session).await?;
    let secure = if state.secure_cookies() {
        "; Secure"
    } else {
        ""
    };
    let max_age = SESSION_HOURS * 3600;
    let cookie =
        format!("{COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={max_age}{secure}");
    let mut headers = HeaderMap::new();
    headers.insert(
        SET_COOKIE,
        cookie
            .parse()
            .map_err(|_| AppError::Internal("cookie".into()))?,
    );
    Ok((headers, Redirect::to("/")).into_response())
}

fn login_cookie(parts: &Parts) -> Option<String> {
    cookie(parts, LOGIN_COOKIE).map(str::to_owned)
}

/// The logout form's one field.
#[derive(Debug, Default, Deserialize)]
pub struct LogoutForm {
    #[serde(default)]
    csrf: String,
}

/// `POST /logout`
pub async fn logout(
    State(state): State<AppState>,
    viewer: Viewer,
    Form(form): Form<LogoutForm>,
) -> Result<Response, AppError> {
    check_csrf(&viewer.csrf, &form.csrf)?;
    if let Some(hash) = viewer.session_hash() {
        state.store.remove_session(hash).await?;
    }
    let expired = format!("{COOKIE}=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0");
    Ok(([(SET_COOKIE, expired)], Redirect::to("/login")).into_response())
}
