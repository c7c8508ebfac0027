//! The browser tests' shared parts: `cairn serve` and chromedriver as child processes, a
//! WebDriver session in headless Chromium (light or dark), and the few element helpers.

#![allow(dead_code)] // each test binary uses part of it
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use fantoccini::{ClientBuilder, Locator};

use crate::harness::{Env, Running};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Starts chromedriver on a free port; returns once it says it is listening.
pub fn chromedriver() -> (Running, u16) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = BufReader::new(child.stdout.take().unwrap());
    for line in stdout.lines() {
        if line.unwrap().contains("started successfully") {
            break;
        }
    }
    (Running(child), port)
}

pub fn artifacts() -> PathBuf {
    std::env::var_os("CAIRN_TEST_ARTIFACTS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-artifacts"),
        PathBuf::from,
    )
}

/// A WebDriver session in headless Chromium, or `None` (after saying why) when the browser
/// is not installed and `CAIRN_REQUIRE_BROWSER` is unset.
pub async fn browser(env: &Env) -> Option<(Running, fantoccini::Client)> {
    browser_in(env, Scheme::Light).await
}

/// The colour scheme the pages are asked for (`prefers-color-scheme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    Light,
    Dark,
}

/// [`browser`], asking pages for the given colour scheme.
pub async fn browser_in(env: &Env, scheme: Scheme) -> Option<(Running, fantoccini::Client)> {
    if !Path::new(CHROMEDRIVER).exists() || !Path::new(CHROMIUM).exists() {
        assert!(
            std::env::var_os("CAIRN_REQUIRE_BROWSER").is_none(),
            "CAIRN_REQUIRE_BROWSER is set but {CHROMIUM} or {CHROMEDRIVER} is missing"
        );
        eprintln!("skipped: install chromium and chromium-driver to run the browser tests");
        return None;
    }
    let (driver, port) = chromedriver();
    let profile = env.path(&format!("chromium-profile-{scheme:?}"));
    let mut args = vec![
        "--headless".to_owned(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--window-size=1280,1500".into(),
        format!("--user-data-dir={}", profile.display()),
    ];
    if scheme == Scheme::Dark {
        // Headless Chromium then answers `prefers-color-scheme: dark`.
        args.push("--force-dark-mode".into());
    }
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "binary": CHROMIUM, "args": args }),
    );
    let client = ClientBuilder::rustls()
        .unwrap()
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("chromedriver session");
    Some((driver, client))
}

/// The visible text of the element.
/// Elements are waited for: after a form is sent, the answer may not have arrived yet; an
/// element of the page being replaced is found again on the new one.
pub async fn text_of(client: &fantoccini::Client, at: Locator<'_>) -> String {
    for _ in 0..20 {
        match client.wait().for_element(at).await.unwrap().text().await {
            Ok(text) => return text,
            Err(fantoccini::error::CmdError::Standard(e))
                if e.error == fantoccini::error::ErrorStatus::StaleElementReference =>
            {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(e) => panic!("text of {at:?}: {e}"),
        }
    }
    panic!("{at:?} went stale twenty times");
}

/// The element's text once it contains `wanted` (the answer to a form that replaces a page
/// with the same element), or a failure after ten seconds showing what it said.
pub async fn text_once(client: &fantoccini::Client, at: Locator<'_>, wanted: &str) -> String {
    let mut text = String::new();
    for _ in 0..100 {
        text = text_of(client, at).await;
        if text.contains(wanted) {
            return text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("{at:?} never said {wanted:?}: {text}");
}

/// Clicks the element, finding it again when the page it was found on has just been
/// replaced (a form's answer arriving between the find and the click).
pub async fn click(client: &fantoccini::Client, at: Locator<'_>) {
    for _ in 0..20 {
        match client.wait().for_element(at).await.unwrap().click().await {
            Ok(()) => return,
            Err(fantoccini::error::CmdError::Standard(e))
                if e.error == fantoccini::error::ErrorStatus::StaleElementReference =>
            {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(e) => panic!("click {at:?}: {e}"),
        }
    }
    panic!("{at:?} went stale twenty times");
}

/// Types text into the element.
pub async fn type_into(client: &fantoccini::Client, at: Locator<'_>, text: &str) {
    client
        .wait()
        .for_element(at)
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
}

/// Logs in through the form and waits for the dashboard.
pub async fn log_in(client: &fantoccini::Client, base: &str, login: &str) {
    client.goto(&format!("{base}/")).await.unwrap();
    client
        .wait()
        .for_element(Locator::Id("password"))
        .await
        .unwrap();
    assert_eq!(
        client.current_url().await.unwrap().path(),
        "/login",
        "anonymous visitors are sent to log in"
    );
    type_into(client, Locator::Id("login"), login).await;
    type_into(client, Locator::Id("password"), PASSWORD).await;
    click(client, Locator::Css("button[type=submit]")).await;
    client
        .wait()
        .for_element(Locator::Css("form.logout"))
        .await
        .unwrap();
}

pub async fn log_out(client: &fantoccini::Client, base: &str) {
    client.goto(&format!("{base}/")).await.unwrap();
    click(client, Locator::Css("form.logout button")).await;
    client
        .wait()
        .for_element(Locator::Id("password"))
        .await
        .unwrap();
}

pub const PASSWORD: &str = "correct horse battery staple";

/// Adds a team-server user at L3 with [`PASSWORD`]; `extra` adds flags such as `--manager`.
pub fn add_user(env: &Env, name: &str, email: &str, extra: &[&str]) {
    let mut args = vec![
        "user", "add", "--name", name, "--email", email, "--level", "L3",
    ];
    args.extend_from_slice(extra);
    env.run_with_input(&args, &format!("{PASSWORD}\n")).ok();
}

/// A team-server user's id, from `cairn user list`.
pub fn user_id(env: &Env, login: &str) -> String {
    env.json(&["user", "list"])
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["login"] == login)
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}
