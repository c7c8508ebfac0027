//! Every page at a phone's width (390 px) and a laptop's (1280 px), in the light and the
//! dark colour scheme, in a real headless Chromium: the document never scrolls sideways,
//! and axe-core finds no serious or critical accessibility violation. A screenshot of
//! each goes to `test-artifacts/layout/`.
//!
//! axe-core comes from npm: `.ci/test` installs it under `.ci/npm/node_modules`; `CAIRN_AXE`
//! names another copy of `axe.min.js`. Without it (or without the browser) the test says so
//! and passes, unless `CAIRN_REQUIRE_BROWSER` is set, as CI sets it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns

mod chromium;
mod harness;

use std::path::{Path, PathBuf};

use chromium::{Scheme, add_user, artifacts, browser_in, log_in, user_id};
use harness::Env;

/// The personal store's pages, with the demo year in it.
const PERSONAL: &[&str] = &[
    "/",
    "/goal",
    "/evidence",
    "/evidence?skill=influence",
    "/evidence/new",
    "/inbox",
    "/calibration",
    "/ready",
    "/reps",
    "/conversations",
    "/shape",
    "/ladder",
    "/ladder/next",
    "/profile",
    "/decide",
    "/packet",
    "/coaching",
    "/no-such-page",
];

/// A team server's pages, seen by a manager who is also its admin; `{ada}` is a report.
const TEAM: &[&str] = &[
    "/team",
    "/admin",
    "/admin/audit",
    "/profile",
    "/inbox",
    "/ready?person={ada}",
    "/calibration?person={ada}",
    "/conversations?person={ada}",
    "/evidence?person={ada}",
    "/shape?person={ada}",
];

const WIDTHS: [u32; 2] = [390, 1280];

fn axe_source() -> Option<String> {
    let path = std::env::var_os("CAIRN_AXE").map_or_else(
        || {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../.ci/npm/node_modules/axe-core/axe.min.js")
        },
        PathBuf::from,
    );
    match std::fs::read_to_string(&path) {
        Ok(source) => Some(source),
        Err(e) => {
            assert!(
                std::env::var_os("CAIRN_REQUIRE_BROWSER").is_none(),
                "CAIRN_REQUIRE_BROWSER is set but axe-core is missing at {}: {e}",
                path.display()
            );
            eprintln!(
                "skipped: `npm install --prefix .ci/npm` (or set CAIRN_AXE) to check accessibility"
            );
            None
        }
    }
}

/// Sets the window so the page itself is `width` CSS pixels wide.
async fn set_width(client: &fantoccini::Client, width: u32) {
    client.set_window_size(width, 900).await.unwrap();
    let inner = client
        .execute("return window.innerWidth", vec![])
        .await
        .unwrap()
        .as_u64()
        .unwrap() as u32;
    if inner != width {
        client
            .set_window_size(2 * width - inner, 900)
            .await
            .unwrap();
    }
}

/// What is wrong with the page on screen: sideways scrolling, and axe-core's serious and
/// critical findings, one line each.
async fn problems(client: &fantoccini::Client, axe: &str) -> Vec<String> {
    let mut found = Vec::new();
    let widths = client
        .execute(
            "return [document.documentElement.scrollWidth, window.innerWidth]",
            vec![],
        )
        .await
        .unwrap();
    let (scroll, inner) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
    if scroll > inner {
        found.push(format!("scrolls sideways: {scroll} px wide in {inner}"));
    }
    // Run through WebDriver, the script is not the page's: the CSP that forbids scripts in
    // the page does not stop it.
    client.execute(axe, vec![]).await.unwrap();
    let violations = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations
               .filter(v => v.impact === 'serious' || v.impact === 'critical')
               .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))));",
            vec![],
        )
        .await
        .unwrap();
    for v in violations.as_array().unwrap() {
        found.push(v.as_str().unwrap().to_owned());
    }
    found
}

/// Visits each page (its name, and the path to load) at each width and returns every
/// problem, named by scheme, width and page; saves a screenshot of each under its name.
async fn check(
    client: &fantoccini::Client,
    base: &str,
    pages: &[(String, String)],
    scheme: Scheme,
    axe: &str,
) -> Vec<String> {
    let dark = client
        .execute(
            "return matchMedia('(prefers-color-scheme: dark)').matches",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        dark.as_bool(),
        Some(scheme == Scheme::Dark),
        "the browser asks for the {scheme:?} scheme"
    );
    let shots = artifacts().join("layout");
    std::fs::create_dir_all(&shots).unwrap();
    let mut all = Vec::new();
    for width in WIDTHS {
        set_width(client, width).await;
        for (page, path) in pages {
            client.goto(&format!("{base}{path}")).await.unwrap();
            for p in problems(client, axe).await {
                all.push(format!("{scheme:?} {width}px {page}: {p}"));
            }
            let slug: String = page
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            let png = client.screenshot().await.unwrap();
            std::fs::write(shots.join(format!("{scheme:?}-{width}{slug}.png")), png).unwrap();
        }
    }
    all
}

#[tokio::test]
async fn every_page_fits_a_phone_and_a_laptop_in_light_and_dark_and_passes_axe() {
    let personal = Env::new();
    let Some(axe) = axe_source() else {
        return;
    };
    let db = personal.db.clone();
    let own_server = personal.serve(&["--db", &db, "serve", "--demo", "--addr", "127.0.0.1:0"]);
    let own_base = own_server.url();
    // Records shaped unlike the demo's: a pasted URL and a long compound word, with no
    // space to break at, must not widen any page.
    for (title, skill) in [
        (
            "Investigated https://grafana.internal.example.com/d/abcdefghijklmnopqrstuvwxyz0123456789/payments-latency-p99-by-region-and-merchant-tier",
            "operations",
        ),
        (
            "Wrote the Zahlungsabwicklungsinfrastrukturmodernisierungsstrategie for the DACH region",
            "system-design",
        ),
    ] {
        personal.run(&["log", title, "--skill", skill]).ok();
    }
    personal
        .run(&[
            "rep",
            "add",
            "Own the Zahlungsabwicklungsinfrastrukturmodernisierung",
            "--skill",
            "delivery",
        ])
        .ok();
    let first = personal.json(&["list"]);
    let mut own_pages: Vec<(String, String)> = PERSONAL
        .iter()
        .map(|p| ((*p).to_owned(), (*p).to_owned()))
        .collect();
    own_pages.push((
        "/evidence/{id}".to_owned(),
        format!("/evidence/{}", first[0]["id"].as_str().unwrap()),
    ));

    let team = Env::new();
    add_user(&team, "Grace", "grace@work.example", &["--role", "admin"]);
    add_user(
        &team,
        "Ada",
        "ada@work.example",
        &["--manager", "grace@work.example"],
    );
    let ada = user_id(&team, "ada@work.example");
    let team_db = team.db.clone();
    let team_server = team.serve(&["--db", &team_db, "serve", "--team", "--addr", "127.0.0.1:0"]);
    let team_base = team_server.url();
    let team_pages: Vec<(String, String)> = TEAM
        .iter()
        .map(|p| ((*p).to_owned(), p.replace("{ada}", &ada)))
        .collect();
    let login = [("/login".to_owned(), "/login".to_owned())];

    let mut problems = Vec::new();
    for scheme in [Scheme::Light, Scheme::Dark] {
        let Some((_driver, client)) = browser_in(&personal, scheme).await else {
            return;
        };
        problems.extend(check(&client, &own_base, &own_pages, scheme, &axe).await);
        // The login page before logging in, then the team pages.
        problems.extend(check(&client, &team_base, &login, scheme, &axe).await);
        log_in(&client, &team_base, "grace@work.example").await;
        problems.extend(check(&client, &team_base, &team_pages, scheme, &axe).await);
        client.close().await.unwrap();
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
