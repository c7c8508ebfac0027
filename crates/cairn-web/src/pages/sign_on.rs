//! Signing on through the identity provider: `/auth/oidc/start` sends the browser there
//! with a fresh `state`, `nonce` and PKCE challenge; the callback takes the `state` once,
//! checks the ID token (`sso`), finds or makes the account by verified email, and starts a
//! session like a password login. Every refusal shows on the login page and is audited.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use cairn_core::access::{Action, GrantKind};
use cairn_core::account::{NewUser, Role, login};
use cairn_core::dates::now;
use cairn_core::ladder::builtin;
use serde::Deserialize;

use super::login::{begin_session, page};
use crate::accounts::{self, Actor};
use crate::security::ClientAddress;
use crate::session::token_hash;
use crate::sso::Refused;
use crate::{AppError, AppState};

/// `GET /auth/oidc/start`
pub async fn start(State(state): State<AppState>) -> Result<Response, AppError> {
    let Some(sso) = state.sign_on.clone() else {
        return Err(AppError::NotFound);
    };
    let (grant, url) = sso.begin()?;
    state.store.add_grant(&grant).await?;
    Ok(Redirect::to(&url).into_response())
}

/// What the provider sends back.
#[derive(Debug, Default, Deserialize)]
pub struct Callback {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    error_description: Option<String>,
    #[serde(default)]
    iss: Option<String>,
}

/// `GET /auth/oidc/callback`
pub async fn callback(
    State(state): State<AppState>,
    ClientAddress(address): ClientAddress,
    Query(back): Query<Callback>,
) -> Result<Response, AppError> {
    if state.sign_on.is_none() {
        return Err(AppError::NotFound);
    }
    match signed_on(&state, &back).await? {
        Ok(account) => {
            let actor = Actor {
                person: Some(account.person),
                email: account.login.clone(),
                address,
            };
            actor
                .record(state.store.as_ref(), Action::SignOn, &account.login)
                .await?;
            begin_session(&state, account.person).await
        }
        Err(Refused(why)) => {
            let actor = Actor {
                person: None,
                email: "sign-on".into(),
                address,
            };
            actor
                .record(state.store.as_ref(), Action::SignOnRefused, &why)
                .await?;
            page(
                &state,
                String::new(),
                Some(format!("Sign-on refused: {why}.")),
                None,
                StatusCode::UNAUTHORIZED,
            )
        }
    }
}

/// The account the provider's answer signs on, or why it does not.
async fn signed_on(
    state: &AppState,
    back: &Callback,
) -> Result<Result<cairn_core::account::Account, Refused>, AppError> {
    let Some(sso) = state.sign_on.clone() else {
        return Err(AppError::NotFound);
    };
    if let Some(error) = &back.error {
        let more = back.error_description.as_deref().unwrap_or_default();
        return Ok(Err(Refused(
            format!("the identity provider said {error} {more}")
                .trim()
                .to_owned(),
        )));
    }
    if let Some(iss) = &back.iss
        && iss.trim_end_matches('/') != sso.config.issuer.trim_end_matches('/')
    {
        return Ok(Err(Refused(format!(
            "the answer came from {iss}, not the configured provider"
        ))));
    }
    let (Some(code), Some(got)) = (&back.code, &back.state) else {
        return Ok(Err(Refused(
            "the provider's answer has no code or state".into(),
        )));
    };
    // The state works once: a replayed or forged one finds no grant.
    let Some(grant) = state
        .store
        .take_grant(GrantKind::SignOn, &token_hash(got), now())
        .await?
    else {
        return Ok(Err(Refused(
            "this sign-on was used already, took too long, or did not start here; sign on again"
                .into(),
        )));
    };
    let who = match sso.finish(&grant, code).await {
        Ok(who) => who,
        Err(refused) => return Ok(Err(refused)),
    };
    let Ok(email) = login(&who.email) else {
        return Ok(Err(Refused(format!(
            "'{}' is not an email address",
            who.email
        ))));
    };
    match state.store.account(&email).await? {
        Some(a) if a.active => Ok(Ok(a)),
        Some(_) => Ok(Err(Refused(format!("the account {email} is deactivated")))),
        None if sso.config.create_users => {
            let Some(ladder) = builtin::find(builtin::DEFAULT_LADDER) else {
                return Err(AppError::Internal("the built-in ladder is missing".into()));
            };
            let name = who
                .name
                .clone()
                .unwrap_or_else(|| email.split('@').next().unwrap_or_default().to_owned());
            let user = NewUser {
                name: &name,
                login: &email,
                level: &sso.config.default_level,
                role: Role::Engineer,
                manager: None,
            };
            let actor = Actor {
                person: None,
                email: "sign-on".into(),
                address: "identity provider".into(),
            };
            let (_, account) =
                accounts::add_user(state.store.as_ref(), &ladder, &user, None, &actor).await?;
            Ok(Ok(account))
        }
        None => Ok(Err(Refused(format!(
            "there is no account for {email} here; ask an admin to add you"
        )))),
    }
}
