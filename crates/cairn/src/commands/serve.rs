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
/// Local mode: one person, no login, loopback only.
/// Examples:
///   cairn serve                      # http://127.0.0.1:7878/
///   cairn serve --demo               # a fresh demo store, to look around
///   cairn serve --addr 127.0.0.1:8080
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to listen; must be a loopback address in local mode
    #[arg(long, default_value = "127.0.0.1:7878")]
    addr: SocketAddr,
    /// Serve a freshly made demo store instead of yours (see `cairn demo`)
    #[arg(long)]
    demo: bool,
}

pub async fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
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
        let profile = Profile::load(&globals.config).await?;
        (globals.config.location(), profile.store, profile.me.id)
    };
    let listener = tokio::net::TcpListener::bind(args.addr)
        .await
        .with_context(|| format!("cannot listen on {}", args.addr))?;
    let bound = listener.local_addr()?;
    eprintln!("Cairn is serving {location} at http://{bound}/ (Ctrl-C stops it).");
    axum::serve(listener, router(AppState::local(store, owner)))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("the server stopped")?;
    eprintln!("Stopped.");
    Ok(())
}
