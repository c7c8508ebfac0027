//! `cairn serve`: the web app and JSON API, on this machine.

use std::net::SocketAddr;

use anyhow::Context;
use cairn_web::sso::{Sso, SsoConfig};
use cairn_web::{AppState, router};

use super::{demo, team_demo};
use crate::cli::Globals;
use crate::failure::{BadInput, bad_input};
use crate::profile::Profile;

/// Serve the web app and the JSON API (/api/v1) for your store.
///
/// Local mode (default): one person, no login, loopback only.
/// Team mode (--team): everyone with an account (`cairn user add`) logs in, with a password
/// or through your identity provider (OpenID Connect).
///
/// Examples:
///   cairn serve                      # http://127.0.0.1:7878/
///   cairn serve --demo               # a fresh demo store, to look around
///   cairn serve --team --demo        # a demo team: a manager, three reports, a skip-level, an admin
///   cairn --db postgres://cairn@db/cairn serve --team --addr 0.0.0.0:7878 --secure-cookies
///   CAIRN_OIDC_CLIENT_SECRET=… cairn --db postgres://… serve --team --public-url https://cairn.acme.example \
///       --oidc-issuer https://login.acme.example --oidc-client-id cairn --oidc-create-users --no-passwords
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Where to listen; must be a loopback address in local mode
    #[arg(long, default_value = "127.0.0.1:7878")]
    addr: SocketAddr,
    /// Serve a freshly made demo store instead of yours (see `cairn demo`); with --team, a
    /// demo team whose logins are printed on start
    #[arg(long)]
    demo: bool,
    /// Team mode: accounts, logins and roles; may listen on any address (or `team = true`
    /// in the config file)
    #[arg(long)]
    team: bool,
    /// Mark session cookies Secure (set this when users reach the server over HTTPS)
    #[arg(long)]
    secure_cookies: bool,
    /// Where people reach this server (https://cairn.acme.example): the sign-on callback and
    /// SCIM's links are made from it (default: http://ADDR)
    #[arg(long, env = "CAIRN_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    #[command(flatten)]
    sign_on: SignOnArgs,
}

/// Single sign-on through an OpenID Connect provider (team mode).
#[derive(Debug, clap::Args)]
struct SignOnArgs {
    /// The identity provider's issuer URL (its discovery document is under it)
    #[arg(
        long,
        env = "CAIRN_OIDC_ISSUER",
        value_name = "URL",
        requires = "oidc_client_id"
    )]
    oidc_issuer: Option<String>,
    /// This server's client id at the provider
    #[arg(long, env = "CAIRN_OIDC_CLIENT_ID", value_name = "ID")]
    oidc_client_id: Option<String>,
    /// A file holding the client secret (or set CAIRN_OIDC_CLIENT_SECRET)
    #[arg(long, value_name = "FILE")]
    oidc_client_secret_file: Option<std::path::PathBuf>,
    /// Make an account on first sign-on for a verified email the server does not know
    #[arg(long)]
    oidc_create_users: bool,
    /// The level such an account starts at
    #[arg(long, default_value = "L1", value_name = "LEVEL")]
    oidc_default_level: String,
    /// Refuse local passwords: people sign on through the provider only
    #[arg(long, requires = "oidc_issuer")]
    no_passwords: bool,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    if args.team || globals.config.team {
        return serve_team(&args, globals).await;
    }
    if !args.addr.ip().is_loopback() {
        bad_input!(
            "--addr: refusing to listen on {}: local mode has no login, so it only listens on loopback (127.0.0.1 or [::1])",
            args.addr
        );
    }
    let (location, store, owner) = if args.demo {
        let (location, store, archive) = demo::fill(globals).await?;
        let owner = archive.people[0].id;
        (location, store, owner)
    } else {
        let profile = Profile::load(globals).await?;
        (globals.config.location(), profile.store, profile.me.id)
    };
    listen(
        bind(args.addr).await?,
        &location.to_string(),
        AppState::local(store, owner),
    )
    .await
}

async fn serve_team(args: &Args, globals: &Globals) -> anyhow::Result<()> {
    let (location, store) = if args.demo {
        team_demo::fill(globals).await?
    } else {
        let location = globals.config.location();
        (location.clone(), globals.open(&location).await?)
    };
    if store.accounts().await?.is_empty() {
        bad_input!("{location} has no accounts yet; add one with `cairn user add` first");
    }
    let listener = bind(args.addr).await?;
    let public_url = match &args.public_url {
        Some(url) => url.clone(),
        None => format!("http://{}", listener.local_addr()?),
    };
    let mut state = AppState::team(store, args.secure_cookies).with_public_url(&public_url);
    if let Some(sso) = sign_on(&args.sign_on, &public_url).await? {
        eprintln!("Signing people on through {}.", sso.config.issuer);
        state = state.with_sign_on(std::sync::Arc::new(sso), !args.sign_on.no_passwords);
    }
    listen(listener, &location.to_string(), state).await
}

/// Single sign-on as configured, its provider's metadata and keys read now.
async fn sign_on(args: &SignOnArgs, public_url: &str) -> anyhow::Result<Option<Sso>> {
    let (Some(issuer), Some(client_id)) = (&args.oidc_issuer, &args.oidc_client_id) else {
        return Ok(None);
    };
    let secret = match &args.oidc_client_secret_file {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| BadInput(format!("--oidc-client-secret-file {}: {e}", path.display())))?
            .trim()
            .to_owned(),
        None => std::env::var("CAIRN_OIDC_CLIENT_SECRET").unwrap_or_default(),
    };
    if secret.is_empty() {
        bad_input!(
            "--oidc-issuer needs the client secret: --oidc-client-secret-file FILE or CAIRN_OIDC_CLIENT_SECRET"
        );
    }
    let config = SsoConfig {
        issuer: issuer.trim_end_matches('/').to_owned(),
        client_id: client_id.clone(),
        client_secret: secret,
        public_url: public_url.to_owned(),
        create_users: args.oidc_create_users,
        default_level: args.oidc_default_level.clone(),
    };
    Ok(Some(Sso::discover(config).await.map_err(BadInput)?))
}

async fn bind(addr: SocketAddr) -> anyhow::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))
}

async fn listen(
    listener: tokio::net::TcpListener,
    location: &str,
    state: AppState,
) -> anyhow::Result<()> {
    let bound = listener.local_addr()?;
    eprintln!("Cairn is serving {location} at http://{bound}/ (Ctrl-C stops it).");
    axum::serve(
        listener,
        router(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(stopped())
    .await
    .context("the server stopped")?;
    eprintln!("Stopped.");
    Ok(())
}

/// Resolves on Ctrl-C or SIGTERM (what a service manager sends), so either stop is clean:
/// requests in flight finish and the store is closed.
async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
