//! Single sign-on against a real, certified OpenID provider on loopback (`oidc-provider`,
//! started from `tests/oidc/` with Node.js): a verified account signs on; an unknown one is
//! refused or, when the server allows it, made; and the failure cases are refused with the
//! reason on the login page: wrong audience, an expired ID token, a bad signature, a
//! replayed state, an unverified email.
//!
//! Needs `node` and `npm ci --prefix crates/cairn/tests/oidc` (`.ci/test` runs it); without
//! them the tests say so and pass, unless `CAIRN_REQUIRE_OIDC` is set (CI sets it).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod harness;

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use harness::{Env, Running, Served};
use reqwest::StatusCode;

const PASSWORD: &str = "correct horse battery staple";

/// The provider's folder.
fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/oidc")
}

/// A free port on loopback (free when asked; the servers bind it right after).
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The provider, accepting callbacks to `redirects`, and its issuer; `None` when Node or
/// the provider's packages are missing and they are not required.
fn provider(redirects: &[String]) -> Option<(Running, String)> {
    let ready = Command::new("node").arg("--version").output().is_ok()
        && folder().join("node_modules/oidc-provider").exists();
    if !ready {
        assert!(
            std::env::var_os("CAIRN_REQUIRE_OIDC").is_none(),
            "CAIRN_REQUIRE_OIDC is set but node or tests/oidc/node_modules is missing"
        );
        eprintln!("skipped: run `npm ci --prefix crates/cairn/tests/oidc` to test single sign-on");
        return None;
    }
    let mut child = Command::new("node")
        .arg(folder().join("provider.mjs"))
        .env("PORT", "0")
        .env("OIDC_REDIRECT_URIS", redirects.join(" "))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("node starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let issuer = loop {
        let line = lines.next().expect("the provider says READY").unwrap();
        if let Some(issuer) = line.strip_prefix("READY ") {
            break issuer.trim().to_owned();
        }
    };
    // Whatever it prints later is read and dropped, so its output never fills or breaks.
    std::thread::spawn(move || lines.for_each(drop));
    Some((Running(child), issuer))
}

/// Cairn in team mode on `port`, signing on through `issuer`, with Ada's account.
fn cairn(issuer: &str, port: u16, more: &[&str]) -> (Env, Served) {
    let env = Env::new();
    env.run_with_input(
        &[
            "user",
            "add",
            "--name",
            "Ada Lovelace",
            "--email",
            "ada@example.com",
            "--level",
            "L3",
        ],
        &format!("{PASSWORD}\n"),
    )
    .ok();
    let secret = env.path("oidc-secret");
    std::fs::write(&secret, "cairn-test-secret\n").unwrap();
    let addr = format!("127.0.0.1:{port}");
    let mut args = vec![
        "--db",
        &env.db,
        "serve",
        "--team",
        "--addr",
        &addr,
        "--oidc-issuer",
        issuer,
        "--oidc-client-id",
        "cairn",
        "--oidc-client-secret-file",
        secret.to_str().unwrap(),
    ];
    args.extend_from_slice(more);
    let served = env.serve(&args);
    (env, served)
}

/// What a browser ends on after signing on as `login` (with the provider's `fault`, if any):
/// its status, path and page.
async fn sign_on(cairn: &Served, login: &str, fault: Option<&str>) -> (StatusCode, String, String) {
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let form = browser
        .get(format!("{}/auth/oidc/start", cairn.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(form.status(), StatusCode::OK, "the provider's login form");
    let mut fields = vec![("login", login)];
    if let Some(f) = fault {
        fields.push(("fault", f));
    }
    let back = browser
        .post(format!("{}/login", form.url()))
        .form(&fields)
        .send()
        .await
        .unwrap();
    let (status, path) = (back.status(), back.url().path().to_owned());
    (status, path, back.text().await.unwrap())
}

#[tokio::test]
async fn a_verified_account_signs_on_and_every_forgery_is_refused() {
    let port = free_port();
    let redirect = format!("http://127.0.0.1:{port}/auth/oidc/callback");
    let Some((_provider, issuer)) = provider(&[redirect]) else {
        return;
    };
    let (_env, server) = cairn(&issuer, port, &[]);
    let (status, path, page) = sign_on(&server, "ada@example.com", None).await;
    assert_eq!((status, path.as_str()), (StatusCode::OK, "/"), "{page}");
    assert!(page.contains("Ada Lovelace") && page.contains("Log out"));

    for (login, fault, why) in [
        (
            "grace@example.com",
            None,
            "there is no account for grace@example.com here",
        ),
        ("eve@example.com", None, "has not verified eve@example.com"),
        ("ada@example.com", Some("aud"), "the ID token is not valid"),
        (
            "ada@example.com",
            Some("expired"),
            "the ID token is not valid",
        ),
        (
            "ada@example.com",
            Some("bad-signature"),
            "the ID token is not valid",
        ),
        (
            "ada@example.com",
            Some("wrong-key"),
            "the ID token is not valid",
        ),
        (
            "ada@example.com",
            Some("nonce"),
            "the ID token is not valid",
        ),
    ] {
        let (status, path, page) = sign_on(&server, login, fault).await;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "{login} {fault:?}: {page}"
        );
        assert_eq!(path, "/auth/oidc/callback");
        assert!(
            page.contains(why),
            "{login} {fault:?} should say {why:?}: {page}"
        );
    }
}

#[tokio::test]
async fn a_state_works_once() {
    let port = free_port();
    let redirect = format!("http://127.0.0.1:{port}/auth/oidc/callback");
    let Some((_provider, issuer)) = provider(&[redirect]) else {
        return;
    };
    let (_env, server) = cairn(&issuer, port, &[]);
    // A browser that stops at the callback, so the test holds it.
    let stop = reqwest::redirect::Policy::custom(|attempt| {
        if attempt.url().path() == "/auth/oidc/callback" {
            attempt.stop()
        } else {
            attempt.follow()
        }
    });
    let browser = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(stop)
        .build()
        .unwrap();
    let form = browser
        .get(format!("{}/auth/oidc/start", server.url()))
        .send()
        .await
        .unwrap();
    let held = browser
        .post(format!("{}/login", form.url()))
        .form(&[("login", "ada@example.com")])
        .send()
        .await
        .unwrap();
    let callback = held.headers()["location"].to_str().unwrap().to_owned();
    assert!(
        callback.contains("code=") && callback.contains("state="),
        "{callback}"
    );
    let plain = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let first = plain.get(&callback).send().await.unwrap();
    assert_eq!(
        first.status(),
        StatusCode::SEE_OTHER,
        "the first use signs on"
    );
    assert!(
        first.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .starts_with("cairn_session=")
    );
    let again = plain.get(&callback).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::UNAUTHORIZED);
    assert!(again.text().await.unwrap().contains("used already"));
}

#[tokio::test]
async fn a_server_may_make_accounts_on_first_sign_on_and_refuse_passwords() {
    let port = free_port();
    let redirect = format!("http://127.0.0.1:{port}/auth/oidc/callback");
    let Some((_provider, issuer)) = provider(&[redirect]) else {
        return;
    };
    let (env, server) = cairn(&issuer, port, &["--oidc-create-users", "--no-passwords"]);
    let (status, path, page) = sign_on(&server, "grace@example.com", None).await;
    assert_eq!((status, path.as_str()), (StatusCode::OK, "/"), "{page}");
    assert!(page.contains("Grace Hopper"));
    let users = env.json(&["user", "list"]);
    let grace = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["login"] == "grace@example.com")
        .unwrap();
    assert_eq!(
        (grace["role"].as_str(), grace["level"].as_str()),
        (Some("engineer"), Some("L1"))
    );
    let login = reqwest::get(format!("{}/login", server.url()))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        login.contains("Sign in with your company account") && !login.contains("type=\"password\"")
    );
    let token_login = reqwest::Client::new()
        .post(format!("{}/api/v1/login", server.url()))
        .json(&serde_json::json!({"email": "ada@example.com", "password": PASSWORD, "name": "x"}))
        .send()
        .await
        .unwrap();
    assert_eq!(token_login.status(), StatusCode::FORBIDDEN);
}
