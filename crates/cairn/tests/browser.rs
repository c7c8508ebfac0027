//! The web app in a real headless Chromium, driven through chromedriver: what a person does
//! with the pages, end to end through `cairn serve`.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them). Without them
//! the test says so and passes, unless `CAIRN_REQUIRE_BROWSER` is set, as CI sets it.
//! The dashboard screenshot is saved to `test-artifacts/` (or `$CAIRN_TEST_ARTIFACTS`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns

mod harness;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use fantoccini::{ClientBuilder, Locator};
use harness::Env;

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A child process killed when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `cairn serve --demo` on a free loopback port and returns its base URL.
fn serve_demo(env: &Env) -> (Running, String) {
    let mut child = env
        .command()
        .args(["serve", "--demo", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split("at ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .unwrap()
        .trim_end_matches('/')
        .to_owned();
    (Running(child), url)
}

/// Starts chromedriver on a free port; returns once it says it is listening.
fn chromedriver() -> (Running, u16) {
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

fn artifacts() -> PathBuf {
    std::env::var_os("CAIRN_TEST_ARTIFACTS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../test-artifacts"),
        PathBuf::from,
    )
}

/// The count in the heat-map cell for Influence in the current month.
async fn influence_this_month(client: &fantoccini::Client) -> u32 {
    let month = chrono::Local::now().format("%b %Y").to_string();
    let titles = client
        .find_all(Locator::Css("svg.heatmap rect title"))
        .await
        .unwrap();
    for title in titles {
        let text = title.text().await.unwrap_or_default();
        let text = if text.is_empty() {
            title.html(true).await.unwrap()
        } else {
            text
        };
        if let Some(rest) = text.strip_prefix(&format!("Influence, {month}: ")) {
            return rest.split(' ').next().unwrap().parse().unwrap();
        }
    }
    panic!("no heat-map cell for Influence in {month}");
}

#[tokio::test]
async fn a_person_logs_evidence_through_the_form_and_sees_it_on_the_dashboard() {
    if !Path::new(CHROMEDRIVER).exists() || !Path::new(CHROMIUM).exists() {
        assert!(
            std::env::var_os("CAIRN_REQUIRE_BROWSER").is_none(),
            "CAIRN_REQUIRE_BROWSER is set but {CHROMIUM} or {CHROMEDRIVER} is missing"
        );
        eprintln!("skipped: install chromium and chromium-driver to run the browser test");
        return;
    }
    let env = Env::new();
    let (_server, base) = serve_demo(&env);
    let (_driver, port) = chromedriver();
    let profile = env.path("chromium-profile");
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({
            "binary": CHROMIUM,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--window-size=1280,1500", format!("--user-data-dir={}", profile.display())]
        }),
    );
    let client = ClientBuilder::rustls()
        .unwrap()
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("chromedriver session");

    client.goto(&format!("{base}/")).await.unwrap();
    let before = influence_this_month(&client).await;

    // A rejected form keeps what was typed and says what is wrong beside the field.
    client.goto(&format!("{base}/evidence/new")).await.unwrap();
    client
        .find(Locator::Id("impact"))
        .await
        .unwrap()
        .send_keys("Two teams adopted it")
        .await
        .unwrap();
    client
        .find(Locator::Css("button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // A click returns before the page it submits to has loaded: wait for that page.
    let error = client
        .wait()
        .for_element(Locator::Id("title-error"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(error, "must not be empty");
    let kept = client
        .find(Locator::Id("impact"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap();
    assert_eq!(kept.as_deref(), Some("Two teams adopted it"));

    // The same form, completed.
    client
        .find(Locator::Id("title"))
        .await
        .unwrap()
        .send_keys("Presented the platform roadmap to three teams")
        .await
        .unwrap();
    client
        .find(Locator::Css("input[name=skill][value=influence]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .find(Locator::Css("input[name=level][value=next]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .find(Locator::Css("button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let list = client
        .wait()
        .for_element(Locator::Css("ul.rows"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let url = client.current_url().await.unwrap();
    assert_eq!(url.path(), "/evidence", "saved, back on the list");
    assert!(
        list.contains("Presented the platform roadmap to three teams"),
        "{list}"
    );

    // Searching finds it; the dashboard counts it.
    client
        .find(Locator::Id("q"))
        .await
        .unwrap()
        .send_keys("roadmap")
        .await
        .unwrap();
    client
        .find(Locator::Css("form.filters button[type=submit]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::XPath("//p[normalize-space()='1 entry']"))
        .await
        .unwrap();
    let found = client.find_all(Locator::Css("ul.rows li")).await.unwrap();
    assert_eq!(found.len(), 1);
    client.goto(&format!("{base}/")).await.unwrap();
    assert_eq!(influence_this_month(&client).await, before + 1);
    let recent = client
        .find(Locator::Css("ul.rows"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(recent.contains("Presented the platform roadmap"));

    let png = client.screenshot().await.unwrap();
    std::fs::create_dir_all(artifacts()).unwrap();
    std::fs::write(artifacts().join("dashboard.png"), png).unwrap();
    client.close().await.unwrap();
}
