//! Single sign-on with OpenID Connect: the authorization code flow with PKCE, a `state`
//! that works once and a `nonce` checked in the ID token, whose signature is verified
//! against the provider's published keys (JWKS) and whose issuer, audience and expiry are
//! checked. Accounts are matched by verified email, or made on first sign-on when the
//! server allows it.
//!
//! The sign-on in flight lives in the store as a one-time grant (state hash → nonce and
//! PKCE verifier), so any app server sharing the database can finish what another began.

use std::future::Future;
use std::pin::Pin;

use cairn_core::access::{Grant, GrantKind};
use cairn_core::dates::now;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::{
    AsyncHttpClient, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet,
    EndpointNotSet, EndpointSet, HttpClientError, HttpRequest, HttpResponse, IssuerUrl, Nonce,
    PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use serde::{Deserialize, Serialize};

use crate::AppError;
use crate::session::{new_token, token_hash};

/// How long a sign-on may take between leaving for the provider and coming back.
const SIGN_ON_MINUTES: i64 = 10;

/// Where the provider sends people back: this path on the server's public address.
pub const CALLBACK: &str = "/auth/oidc/callback";

/// How a team server signs people on through an identity provider.
#[derive(Debug, Clone)]
pub struct SsoConfig {
    /// The provider's issuer URL (its discovery document is under it).
    pub issuer: String,
    /// This server's client id at the provider.
    pub client_id: String,
    /// Its client secret.
    pub client_secret: String,
    /// Where people reach this server (`https://cairn.acme.example`), for the callback.
    pub public_url: String,
    /// Make an account for a verified email the server does not know yet.
    pub create_users: bool,
    /// The level such an account starts at on the default ladder.
    pub default_level: String,
}

/// The provider's client, with its endpoints found by discovery.
type Client = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// A configured sign-on: the provider's metadata and keys, read once at start.
pub struct Sso {
    client: Client,
    http: Http,
    /// The settings it was made from.
    pub config: SsoConfig,
}

/// What a sign-on in flight keeps in its grant.
#[derive(Serialize, Deserialize)]
struct InFlight {
    nonce: String,
    verifier: String,
}

/// Who the provider says signed on.
#[derive(Debug, Clone)]
pub struct SignedOn {
    /// Their email, verified by the provider.
    pub email: String,
    /// Their name, when the provider gives one.
    pub name: Option<String>,
}

/// Why a sign-on was refused, in words for the login page (and the audit log).
#[derive(Debug, Clone)]
pub struct Refused(pub String);

impl Sso {
    /// Reads the provider's discovery document and keys.
    pub async fn discover(config: SsoConfig) -> Result<Self, String> {
        let http = Http::new().map_err(|e| format!("cannot make an HTTP client: {e}"))?;
        let issuer = IssuerUrl::new(config.issuer.clone())
            .map_err(|e| format!("--oidc-issuer '{}': {e}", config.issuer))?;
        let metadata = CoreProviderMetadata::discover_async(issuer, &http)
            .await
            .map_err(|e| {
                format!(
                    "cannot read the identity provider's discovery document at {}: {e}",
                    config.issuer
                )
            })?;
        let redirect = RedirectUrl::new(format!(
            "{}{CALLBACK}",
            config.public_url.trim_end_matches('/')
        ))
        .map_err(|e| format!("--public-url '{}': {e}", config.public_url))?;
        let client = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(config.client_id.clone()),
            Some(ClientSecret::new(config.client_secret.clone())),
        )
        .set_redirect_uri(redirect);
        Ok(Self {
            client,
            http,
            config,
        })
    }

    /// Begins a sign-on: the grant to store and the provider's address to send the browser
    /// to.
    pub fn begin(&self) -> Result<(Grant, String), AppError> {
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = self
            .client
            .authorize_url(
                CoreAuthenticationFlow::AuthorizationCode,
                || CsrfToken::new(new_token()),
                || Nonce::new(new_token()),
            )
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        let payload = serde_json::to_string(&InFlight {
            nonce: nonce.secret().clone(),
            verifier: verifier.secret().clone(),
        })
        .map_err(|e| AppError::Internal(e.to_string()))?;
        let at = now();
        let grant = Grant {
            kind: GrantKind::SignOn,
            hash: token_hash(state.secret()),
            person: None,
            payload,
            created_at: at,
            expires_at: at + chrono::Duration::minutes(SIGN_ON_MINUTES),
        };
        Ok((grant, url.to_string()))
    }

    /// Finishes a sign-on begun with `grant`: trades the code for tokens with the PKCE
    /// verifier and checks the ID token (signature, issuer, audience, expiry, nonce) and
    /// that the email is verified.
    pub async fn finish(&self, grant: &Grant, code: &str) -> Result<SignedOn, Refused> {
        let in_flight: InFlight = serde_json::from_str(&grant.payload)
            .map_err(|_| Refused("the sign-on in flight was damaged; sign on again".into()))?;
        let exchange = self
            .client
            .exchange_code(AuthorizationCode::new(code.to_owned()))
            .map_err(|e| Refused(format!("the provider has no token endpoint: {e}")))?
            .set_pkce_verifier(PkceCodeVerifier::new(in_flight.verifier));
        let tokens = exchange
            .request_async(&self.http)
            .await
            .map_err(|e| Refused(format!("the provider refused the code: {e}")))?;
        let id_token = tokens
            .id_token()
            .ok_or_else(|| Refused("the provider sent no ID token".into()))?;
        let claims = id_token
            .claims(
                &self.client.id_token_verifier(),
                &Nonce::new(in_flight.nonce),
            )
            .map_err(|e| Refused(format!("the ID token is not valid: {e}")))?;
        let Some(email) = claims.email() else {
            return Err(Refused("the provider gave no email address".into()));
        };
        if claims.email_verified() != Some(true) {
            return Err(Refused(format!(
                "the provider has not verified {}; verify it there first",
                email.as_str()
            )));
        }
        let name = claims
            .name()
            .and_then(|n| n.get(None))
            .map(|n| n.as_str().to_owned());
        Ok(SignedOn {
            email: email.as_str().to_owned(),
            name,
        })
    }
}

/// The HTTP client the provider is reached with: no redirects followed, so a provider
/// cannot bounce a request elsewhere.
struct Http(reqwest::Client);

impl Http {
    fn new() -> reqwest::Result<Self> {
        reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map(Self)
    }
}

impl<'c> AsyncHttpClient<'c> for Http {
    type Error = HttpClientError<reqwest::Error>;
    type Future =
        Pin<Box<dyn Future<Output = Result<HttpResponse, Self::Error>> + Send + Sync + 'c>>;

    fn call(&'c self, request: HttpRequest) -> Self::Future {
        Box::pin(async move {
            let request = reqwest::Request::try_from(request).map_err(Box::new)?;
            let response = self.0.execute(request).await.map_err(Box::new)?;
            let mut answer = openidconnect::http::Response::builder().status(response.status());
            for (name, value) in response.headers() {
                answer = answer.header(name, value);
            }
            let body = response.bytes().await.map_err(Box::new)?;
            answer.body(body.to_vec()).map_err(HttpClientError::Http)
        })
    }
}
