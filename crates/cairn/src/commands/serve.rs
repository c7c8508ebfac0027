//! `cairn serve`: the web app and JSON API, on this machine.

use std::net::SocketAddr;

use anyhow::Context;
use cairn_web::{AppState, router};

use super::demo;
use crate::cli::Globals;
use crate::failure::bad_input;
use crate::profile::Profile;

/// Serve the web app and the JSON API (/api/v1) for your store.
///
/// Local mode (default): one person, no login, loopback only.
/// Team mode (--team): everyone with an account (`cairn user add`) logs in.
///
/// Examples:
///   cairn serve                      # http://127.0.0.1:7878/
///   cairn serve --demo               # a fresh demo store, to look around
///   cairn --db postgres://cairn@db/cairn serve --team --addr 0.0.0.0:7878 --secure-cookies
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Where to listen; must be a loopback address in local mode
    #[arg(long, default_value = "127.0.0.1:7878")]
    addr: SocketAddr,
    /// Serve a freshly made demo store instead of yours (see `cairn demo`)
    #[arg(long, conflicts_with = "team")]
    demo: bool,
    /// Team mode: accounts, logins and roles; may listen on any address (or `team = true`
    /// in the config file)
    #[arg(long)]
    team: bool,
    /// Mark session cookies Secure (set this when users reach the server over HTTPS)
    #[arg(long)]
    secure_cookies: bool,
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
        args.addr,
        &location.to_string(),
        AppState::local(store, owner),
    )
    .await
}

async fn serve_team(args: &Args, globals: &Globals) -> anyhow::Result<()> {
    let location = globals.config.location();
    let store = globals.open(&location).await?;
    if store.accounts().await?.is_empty() {
        bad_input!("{location} has no accounts yet; add one with `cairn user add` first");
    }
    listen(
        args.addr,
        &location.to_string(),
        AppState::team(store, args.secure_cookies),
    )
    .await
}

async fn listen(addr: SocketAddr, location: &str, state: AppState) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot listen on {addr}"))?;
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
