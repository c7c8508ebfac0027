//! The web app in a real headless Chromium, driven through chromedriver: what a person does
//! with the pages, end to end through `cairn serve`.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them). Without them
//! the test says so and passes, unless `CAIRN_REQUIRE_BROWSER` is set, as CI sets it.
//! The dashboard screenshot is saved to `test-artifacts/` (or `$CAIRN_TEST_ARTIFACTS`).

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns

mod chromium;
mod harness;

use std::process::{Command, Stdio};

use chromium::{
    CHROMIUM, add_user, artifacts, browser, click, log_in, log_out, text_of, type_into, user_id,
};
use fantoccini::Locator;
use harness::Env;

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
    let env = Env::new();
    let Some((_driver, client)) = browser(&env).await else {
        return;
    };
    let db = env.db.clone();
    let server = env.serve(&["--db", &db, "serve", "--demo", "--addr", "127.0.0.1:0"]);
    let base = server.url();
    client.goto(&format!("{base}/")).await.unwrap();
    let before = influence_this_month(&client).await;

    // A rejected form keeps what was typed and says what is wrong beside the field.
    client.goto(&format!("{base}/evidence/new")).await.unwrap();
    type_into(&client, Locator::Id("impact"), "Two teams adopted it").await;
    click(&client, Locator::Css("button[type=submit]")).await;
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
    type_into(
        &client,
        Locator::Id("title"),
        "Presented the platform roadmap to three teams",
    )
    .await;
    click(&client, Locator::Css("input[name=skill][value=influence]")).await;
    click(&client, Locator::Css("input[name=level][value=next]")).await;
    click(&client, Locator::Css("button[type=submit]")).await;
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
    type_into(&client, Locator::Id("q"), "roadmap").await;
    click(&client, Locator::Css("form.filters button[type=submit]")).await;
    client
        .wait()
        .for_element(Locator::XPath("//p[normalize-space()='1 entry']"))
        .await
        .unwrap();
    let found = client.find_all(Locator::Css("ul.rows li")).await.unwrap();
    assert_eq!(found.len(), 1);
    client.goto(&format!("{base}/")).await.unwrap();
    assert_eq!(influence_this_month(&client).await, before + 1);
    let recent = text_of(&client, Locator::Css("ul.rows")).await;
    assert!(recent.contains("Presented the platform roadmap"));

    let png = client.screenshot().await.unwrap();
    std::fs::create_dir_all(artifacts()).unwrap();
    std::fs::write(artifacts().join("dashboard.png"), png).unwrap();

    // Calibration: the demo's two rounds drawn as a radar, with the reading beside it.
    client.goto(&format!("{base}/calibration")).await.unwrap();
    let width = client
        .execute(
            "return document.querySelector('svg.radar').getBoundingClientRect().width",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        width.as_f64().unwrap() > 200.0,
        "the radar is drawn: {width}"
    );
    let reading = text_of(&client, Locator::Css("ul.reading")).await;
    assert!(
        reading.contains("You rate yourself higher than your manager on influence by one level"),
        "{reading}"
    );
    let png = client.screenshot().await.unwrap();
    std::fs::write(artifacts().join("calibration.png"), png).unwrap();
    // A new self view through the form opens the next round, waiting for the manager.
    client
        .find(Locator::Id("level-delivery"))
        .await
        .unwrap()
        .select_by_value("L3")
        .await
        .unwrap();
    click(&client, Locator::Css("form.assess button[type=submit]")).await;
    let heading = client
        .wait()
        .for_element(Locator::XPath(
            "//h2[starts-with(normalize-space(), 'Round 20')]",
        ))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(heading.contains(" H"), "a half-year round: {heading}");
    let reading = text_of(&client, Locator::Css("ul.reading")).await;
    assert!(reading.contains("your manager's is not yet"), "{reading}");

    // Work imported from git waits in the inbox, with suggestions, until accepted there.
    let repo = env.path("payments");
    std::fs::create_dir_all(&repo).unwrap();
    let git = |args: &[&str]| {
        let ok = Command::new("git")
            .arg("-C")
            .arg(&repo)
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", "Sam Rivera")
            .env("GIT_AUTHOR_EMAIL", "sam.rivera@payments.example")
            .env("GIT_COMMITTER_NAME", "Sam Rivera")
            .env("GIT_COMMITTER_EMAIL", "sam.rivera@payments.example")
            .status()
            .unwrap()
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&[
        "commit",
        "-q",
        "--allow-empty",
        "-m",
        "PAY-311 Mentored Jo, our new hire, through her first weeks",
    ]);
    env.run(&["import", "git", repo.to_str().unwrap()]).ok();
    client.goto(&format!("{base}/inbox")).await.unwrap();
    let group = text_of(&client, Locator::Css("section.inbox-group")).await;
    assert!(
        group.contains("PAY-311 Mentored Jo, our new hire"),
        "{group}"
    );
    let ticked = client
        .find(Locator::Css(
            "section.inbox-group input[name=skill][value=mentoring]",
        ))
        .await
        .unwrap()
        .prop("checked")
        .await
        .unwrap();
    assert_eq!(
        ticked.as_deref(),
        Some("true"),
        "mentoring is suggested and ticked"
    );
    let png = client.screenshot().await.unwrap();
    std::fs::write(artifacts().join("inbox.png"), png).unwrap();
    click(
        &client,
        Locator::Css("section.inbox-group form button[type=submit]"),
    )
    .await;
    client
        .wait()
        .for_element(Locator::Css("p.notice"))
        .await
        .unwrap();
    client
        .goto(&format!("{base}/evidence?q=hire"))
        .await
        .unwrap();
    let found = text_of(&client, Locator::Css("ul.rows")).await;
    assert!(found.contains("PAY-311 Mentored Jo"), "{found}");
    client.close().await.unwrap();
}

#[tokio::test]
async fn on_a_team_server_people_log_in_and_see_only_what_is_theirs_or_shared_with_them() {
    let env = Env::new();
    let Some((_driver, client)) = browser(&env).await else {
        return;
    };
    add_user(&env, "Grace", "grace@work.example", &["--role", "manager"]);
    let report = ["--manager", "grace@work.example"];
    add_user(&env, "Ada", "ada@work.example", &report);
    add_user(&env, "Bo", "bo@work.example", &report);
    let ada = user_id(&env, "ada@work.example");
    let db = env.db.clone();
    let server = env.serve(&["--db", &db, "serve", "--team", "--addr", "127.0.0.1:0"]);
    let base = server.url();

    // Ada logs in, logs a shared entry, sees it, logs out.
    log_in(&client, &base, "ada@work.example").await;
    client.goto(&format!("{base}/evidence/new")).await.unwrap();
    type_into(
        &client,
        Locator::Id("title"),
        "Ran the on-call handover for the team",
    )
    .await;
    click(&client, Locator::Css("input[name=skill][value=operations]")).await;
    click(
        &client,
        Locator::Css("input[name=visibility][value=shared]"),
    )
    .await;
    click(&client, Locator::Css("main button[type=submit]")).await;
    let link = client
        .wait()
        .for_element(Locator::LinkText("Ran the on-call handover for the team"))
        .await
        .unwrap();
    let href = link.attr("href").await.unwrap().unwrap();
    log_out(&client, &base).await;

    // Bo, a peer, is told it does not exist, on the page and in the API.
    log_in(&client, &base, "bo@work.example").await;
    client.goto(&format!("{base}{href}")).await.unwrap();
    let heading = text_of(&client, Locator::Css("h1")).await;
    assert_eq!(heading, "Not found");
    let id = href.trim_start_matches("/evidence/");
    client
        .goto(&format!("{base}/api/v1/evidence/{id}"))
        .await
        .unwrap();
    let body = client.source().await.unwrap();
    assert!(
        body.contains("not_found") && !body.contains("on-call handover"),
        "{body}"
    );
    log_out(&client, &base).await;

    // Grace, their manager, reads what Ada shared.
    log_in(&client, &base, "grace@work.example").await;
    client
        .goto(&format!("{base}/evidence?person={ada}"))
        .await
        .unwrap();
    let heading = text_of(&client, Locator::Css("h1")).await;
    assert_eq!(heading, "Evidence Ada shares with you");
    let list = text_of(&client, Locator::Css("ul.rows")).await;
    assert!(
        list.contains("Ran the on-call handover for the team"),
        "{list}"
    );
    log_out(&client, &base).await;
    client.close().await.unwrap();
}

#[tokio::test]
async fn in_the_browser_people_make_tokens_and_upload_work_and_an_admin_deactivates_and_resets() {
    let env = Env::new();
    let Some((_driver, client)) = browser(&env).await else {
        return;
    };
    add_user(&env, "Alex", "alex@work.example", &["--role", "admin"]);
    add_user(&env, "Ada Lovelace", "ada@work.example", &[]);
    let db = env.db.clone();
    let server = env.serve(&["--db", &db, "serve", "--team", "--addr", "127.0.0.1:0"]);
    let base = server.url();

    // Ada makes a token on her profile: shown once, and it works.
    log_in(&client, &base, "ada@work.example").await;
    client.goto(&format!("{base}/profile")).await.unwrap();
    type_into(&client, Locator::Id("token-name"), "laptop").await;
    click(
        &client,
        Locator::Css("form[action='/profile/tokens'] button"),
    )
    .await;
    let secret = text_of(&client, Locator::Css("code.secret")).await;
    assert!(secret.starts_with("cairn_"), "{secret}");
    let me = |token: String| {
        let base = base.clone();
        async move {
            reqwest::Client::new()
                .get(format!("{base}/api/v1/me"))
                .bearer_auth(token)
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(me(secret.clone()).await, reqwest::StatusCode::OK);

    // She uploads her Jira export on the inbox page.
    client.goto(&format!("{base}/inbox")).await.unwrap();
    click(&client, Locator::Css("#import-kind option[value=jira]")).await;
    let export = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/jira-export.csv"
    );
    type_into(&client, Locator::Id("import-file"), export).await;
    click(&client, Locator::Css("form[action='/inbox/import'] button")).await;
    let said = text_of(&client, Locator::Css("main p.notice")).await;
    assert!(said.starts_with("Imported "), "{said}");
    assert!(client.source().await.unwrap().contains("Refund retries"));
    log_out(&client, &base).await;

    // Alex deactivates her (her token stops at once), reactivates her, and sends a reset link.
    log_in(&client, &base, "alex@work.example").await;
    client.goto(&format!("{base}/admin")).await.unwrap();
    click(
        &client,
        Locator::XPath("//button[text()='Deactivate Ada Lovelace']"),
    )
    .await;
    assert_eq!(me(secret).await, reqwest::StatusCode::UNAUTHORIZED);
    click(
        &client,
        Locator::XPath("//button[text()='Reactivate Ada Lovelace']"),
    )
    .await;
    click(
        &client,
        Locator::XPath("//button[text()='Reset link for Ada Lovelace']"),
    )
    .await;
    let link = text_of(&client, Locator::Css("code.secret")).await;
    log_out(&client, &base).await;

    client.goto(&format!("{base}{link}")).await.unwrap();
    type_into(&client, Locator::Id("password"), "a brand new passphrase").await;
    type_into(&client, Locator::Id("again"), "a brand new passphrase").await;
    click(&client, Locator::Css("main button[type=submit]")).await;
    let notice = text_of(&client, Locator::Css("p.notice")).await;
    assert!(notice.contains("new password is set"), "{notice}");
    type_into(&client, Locator::Id("login"), "ada@work.example").await;
    type_into(&client, Locator::Id("password"), "a brand new passphrase").await;
    click(&client, Locator::Css("button[type=submit]")).await;
    client
        .wait()
        .for_element(Locator::Css("form.logout"))
        .await
        .unwrap();
    client.goto(&format!("{base}/admin/audit")).await.unwrap();
    assert_eq!(
        text_of(&client, Locator::Css("h1")).await,
        "Not found",
        "the audit log is the admins'"
    );
    client.close().await.unwrap();
}

/// Runs headless Chromium on `url` with `args`, as a print or screenshot job.
fn chromium(env: &Env, args: &[&str], url: &str) {
    let profile = env.path("chromium-print-profile");
    let ok = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap()
        .success();
    assert!(ok, "chromium {args:?} {url}");
}

#[tokio::test]
async fn the_packet_prints_to_pdf_and_png_and_keeps_its_styles_in_the_browser() {
    let env = Env::new();
    let Some((_driver, client)) = browser(&env).await else {
        return;
    };
    env.run(&["demo"]).ok();
    let html = env.path("packet.html");
    env.run(&["packet", "--format", "html", "-o", html.to_str().unwrap()])
        .ok();
    let url = format!("file://{}", html.display());

    // PDF: a real document that a committee can read in a sitting: at most three A4 pages.
    let pdf = env.path("packet.pdf");
    chromium(
        &env,
        &[
            &format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer",
        ],
        &url,
    );
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    // Page objects, not the page tree ("/Type /Pages"), in either spacing.
    let pages = [&b"/Type /Page"[..], &b"/Type/Page"[..]]
        .iter()
        .map(|key| {
            bytes
                .windows(key.len() + 1)
                .filter(|w| w.starts_with(key) && w[key.len()] != b's')
                .count()
        })
        .sum::<usize>();
    // Kept before the check, so a document that grew can be looked at.
    std::fs::create_dir_all(artifacts()).unwrap();
    std::fs::write(artifacts().join("packet.pdf"), &bytes).unwrap();
    std::fs::copy(&html, artifacts().join("packet.html")).unwrap();
    assert!((1..=3).contains(&pages), "{pages} pages");

    // PNG: the first screen of the document.
    let png = env.path("packet.png");
    chromium(
        &env,
        &[
            &format!("--screenshot={}", png.display()),
            "--window-size=1000,1400",
        ],
        &url,
    );
    let image = std::fs::read(&png).unwrap();
    assert!(image.starts_with(b"\x89PNG"), "not a PNG");
    let (width, height) = (
        u32::from_be_bytes(image[16..20].try_into().unwrap()),
        u32::from_be_bytes(image[20..24].try_into().unwrap()),
    );
    assert_eq!((width, height), (1000, 1400));
    assert!(
        image.len() > 30_000,
        "a page with content, not a blank one: {} bytes",
        image.len()
    );
    std::fs::write(artifacts().join("packet.png"), &image).unwrap();

    // Served by the app, the page keeps its inline styles under its own policy, draws its
    // charts, and runs nothing.
    let db = env.db.clone();
    let server = env.serve(&["--db", &db, "serve", "--addr", "127.0.0.1:0"]);
    let base = server.url();
    client.goto(&format!("{base}/packet")).await.unwrap();
    let border = client
        .execute(
            "return getComputedStyle(document.querySelector('h2')).borderBottomWidth",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        border.as_str(),
        Some("2px"),
        "the inline stylesheet applies"
    );
    let charts = client
        .execute(
            "return document.querySelectorAll('svg.timeline rect').length",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(charts.as_u64(), Some(24), "twelve months, two bars each");
    let title = text_of(&client, Locator::Css("h1")).await;
    assert!(title.starts_with("Sam Rivera: the case for L3"), "{title}");
    let fill = client
        .execute(
            "return getComputedStyle(document.querySelector('svg.radar polygon.radar-manager')).fill",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        fill.as_str(),
        Some("rgb(47, 111, 94)"),
        "the radar carries its own colours"
    );
    client.close().await.unwrap();
}
