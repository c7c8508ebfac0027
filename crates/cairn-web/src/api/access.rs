//! Access on a team server through the API: `/api/v1/login` trades a login and password for
//! a personal access token (what `cairn login` calls), `/api/v1/me` says who a request is,
//! `/api/v1/tokens` lists, creates and revokes one's tokens, `/api/v1/password` changes
//! one's password, and `/api/v1/audit` is the audit log, for admins only. A local server
//! has none of these (404).

use axum::Json;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use cairn_core::Invalid;
use cairn_core::access::{AuditEntry, Scope, Token};
use cairn_core::dates::now;
use cairn_core::id::TokenId;
use serde::{Deserialize, Serialize};

use super::body::Body;
use crate::accounts::{self, Actor, NewToken, Refusal, check_login, expiry_in_days};
use crate::error::ApiError;
use crate::security::ClientAddress;
use crate::session::{ApiViewer, Via};
use crate::{AppError, AppState};

/// A token as the API lists it (never its secret).
#[derive(Debug, Serialize)]
pub struct TokenView {
    id: String,
    name: String,
    scope: String,
    state: &'static str,
    created_at: String,
    expires_at: Option<String>,
    last_used_at: Option<String>,
}

impl From<Token> for TokenView {
    fn from(t: Token) -> Self {
        Self {
            id: t.id.to_string(),
            state: t.state(now()),
            name: t.name,
            scope: t.scope.to_string(),
            created_at: t.created_at.to_rfc3339(),
            expires_at: t.expires_at.map(|e| e.to_rfc3339()),
            last_used_at: t.last_used_at.map(|e| e.to_rfc3339()),
        }
    }
}

/// A token just made: its secret, shown this once.
#[derive(Debug, Serialize)]
pub struct NewTokenView {
    token: String,
    #[serde(flatten)]
    view: TokenView,
    person: MeView,
}

/// Who a request is.
#[derive(Debug, Serialize)]
pub struct MeView {
    id: String,
    name: String,
    email: String,
    role: String,
    /// `session` or `token`.
    via: &'static str,
    /// The token's scope, for a token.
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<String>,
}

/// What a new token asks for.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    name: String,
    /// `read` or `write` (default `write`).
    #[serde(default)]
    scope: Option<String>,
    /// Days until it expires; absent for never.
    #[serde(default)]
    expires_in_days: Option<u32>,
}

/// `POST /api/v1/login` body: a login, a password and the token to make.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    email: String,
    password: String,
    name: String,
    #[serde(default)]
    scope: Option<String>,
    #[serde(default)]
    expires_in_days: Option<u32>,
}

fn team(state: &AppState) -> Result<(), ApiError> {
    if state.is_team() {
        Ok(())
    } else {
        Err(ApiError(AppError::NotFound))
    }
}

fn token_terms(request: &TokenRequest) -> Result<NewToken<'_>, ApiError> {
    let scope = match request.scope.as_deref() {
        None => Scope::Write,
        Some(s) => s.parse()?,
    };
    if scope == Scope::Scim {
        return Err(Invalid::new(
            "scope",
            "a SCIM token is made by an admin with `cairn token create`",
        )
        .into());
    }
    let days = request
        .expires_in_days
        .map(|d| d.to_string())
        .unwrap_or_default();
    Ok(NewToken {
        name: &request.name,
        scope,
        expires_at: expiry_in_days(&days)?,
    })
}

/// `POST /api/v1/login`: a token for whoever proves their password.
pub async fn login(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Body(request): Body<LoginRequest>,
) -> Result<(StatusCode, Json<NewTokenView>), ApiError> {
    team(&state)?;
    if !state.passwords {
        return Err(AppError::Rejected {
            status: StatusCode::FORBIDDEN,
            message: "this server signs people on through its identity provider only: make a token on your profile page and use `cairn login NAME --token TOKEN`".into(),
        }
        .into());
    }
    let wanted = TokenRequest {
        name: request.name,
        scope: request.scope,
        expires_in_days: request.expires_in_days,
    };
    let terms = token_terms(&wanted)?;
    let store = state.store.as_ref();
    let account = match check_login(store, &request.email, &request.password, &address).await? {
        Ok(account) => account,
        Err(Refusal::NotAnEmail) => {
            return Err(Invalid::new("email", "is not an email address").into());
        }
        Err(Refusal::TooManyAttempts) => return Err(AppError::TooManyAttempts.into()),
        Err(Refusal::NoMatch) => return Err(AppError::LoginRequired.into()),
    };
    let actor = Actor {
        person: Some(account.person),
        email: account.login.clone(),
        address,
    };
    let (token, secret) = accounts::create_token(store, account.person, &terms, &actor).await?;
    let person = store.person(account.person).await?;
    let me = MeView {
        id: person.id.to_string(),
        name: person.name,
        email: account.login,
        role: account.role.to_string(),
        via: "token",
        scope: Some(token.scope.to_string()),
    };
    Ok((
        StatusCode::CREATED,
        Json(NewTokenView {
            token: secret,
            view: token.into(),
            person: me,
        }),
    ))
}

/// `GET /api/v1/me`
pub async fn me(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
) -> Result<Json<MeView>, ApiError> {
    let person = state.store.person(viewer.person).await?;
    let (email, role, via, scope) = match &viewer.login {
        Some(l) => {
            let (via, scope) = match &l.via {
                Via::Session(_) => ("session", None),
                Via::Token(_, scope) => ("token", Some(scope.to_string())),
            };
            (l.email.clone(), l.role.to_string(), via, scope)
        }
        None => (
            person.emails.first().cloned().unwrap_or_default(),
            "owner".into(),
            "local",
            None,
        ),
    };
    Ok(Json(MeView {
        id: person.id.to_string(),
        name: person.name,
        email,
        role,
        via,
        scope,
    }))
}

/// `GET /api/v1/tokens`: one's tokens, newest first.
pub async fn list(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
) -> Result<Json<Vec<TokenView>>, ApiError> {
    team(&state)?;
    let tokens = state.store.tokens(viewer.person).await?;
    Ok(Json(
        tokens.into_iter().rev().map(TokenView::from).collect(),
    ))
}

/// `POST /api/v1/tokens`: a new token for the signed-in browser session (a token does not
/// make tokens).
pub async fn create(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    ClientAddress(address): ClientAddress,
    Body(request): Body<TokenRequest>,
) -> Result<(StatusCode, Json<NewTokenView>), ApiError> {
    team(&state)?;
    if viewer.session_hash().is_none() {
        return Err(AppError::InsufficientScope("a token does not make tokens; log in").into());
    }
    let terms = token_terms(&request)?;
    let actor = Actor::of(&viewer, &address);
    let store = state.store.as_ref();
    let (token, secret) = accounts::create_token(store, viewer.person, &terms, &actor).await?;
    let Json(me) = me(State(state.clone()), ApiViewer(viewer)).await?;
    Ok((
        StatusCode::CREATED,
        Json(NewTokenView {
            token: secret,
            view: token.into(),
            person: me,
        }),
    ))
}

/// `DELETE /api/v1/tokens/{id}`
pub async fn revoke(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    ClientAddress(address): ClientAddress,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    team(&state)?;
    let id: TokenId = id.parse().map_err(|_| AppError::NotFound)?;
    let actor = Actor::of(&viewer, &address);
    accounts::revoke_token(state.store.as_ref(), viewer.person, id, &actor).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/v1/password` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordRequest {
    current: String,
    password: String,
}

/// `POST /api/v1/password`: one's own password; the other sessions end.
pub async fn password(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    ClientAddress(address): ClientAddress,
    Body(request): Body<PasswordRequest>,
) -> Result<StatusCode, ApiError> {
    team(&state)?;
    accounts::change_password(
        state.store.as_ref(),
        &viewer,
        &request.current,
        &request.password,
        &address,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `GET /api/v1/audit` parameters.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AuditParams {
    limit: Option<String>,
}

/// `GET /api/v1/audit`: the newest entries (100, or `limit` up to 10,000), admins only.
pub async fn audit(
    State(state): State<AppState>,
    ApiViewer(viewer): ApiViewer,
    Query(params): Query<AuditParams>,
) -> Result<Json<Vec<AuditEntry>>, ApiError> {
    if !viewer.is_admin() {
        return Err(AppError::NotFound.into());
    }
    let limit = match params.limit {
        None => 100,
        Some(l) => l
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=10_000).contains(n))
            .ok_or_else(|| Invalid::new("limit", "must be a whole number from 1 to 10000"))?,
    };
    Ok(Json(state.store.audit_log(limit).await?))
}
