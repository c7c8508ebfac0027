//! An engineer's own store and their employers' team servers, over real sockets: two years
//! at company A (on PostgreSQL when one is configured), a manager's rounds and a constraint
//! pulled down, deletions both ways, the server down, a sync killed half-way, deactivation,
//! the remote removed, then company B (on SQLite), which receives nothing from A.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod chromium;
mod harness;

use fantoccini::Locator;
use harness::repo::Repo;
use harness::{Env, Served};
use serde_json::{Value, json};

const PASSWORD: &str = chromium::PASSWORD;

/// What Grace writes beside her view of Ada's system design.
const GRACE_SAYS: &str = "Reviews are strong; the design calls were mine";

/// Grace, Ada's manager, submits her side of Ada's "2026 H2" round on the calibration
/// page in headless Chromium; false when no browser is installed.
fn in_the_browser(server: &Served) -> bool {
    let base = server.url();
    std::thread::spawn(move || {
        tokio::runtime::Runtime::new()
            .unwrap()
            .block_on(async move {
                let env = Env::new();
                let Some((_driver, client)) = chromium::browser(&env).await else {
                    return false;
                };
                chromium::log_in(&client, &base, "grace@acme.example").await;
                client
                    .goto(&format!("{base}/calibration?person=ada@acme.example"))
                    .await
                    .unwrap();
                client
                    .execute("document.getElementById('round').value = '2026 H2'", vec![])
                    .await
                    .unwrap();
                for (competency, level) in [("system-design", "L3"), ("delivery", "L3")] {
                    chromium::click(
                        &client,
                        Locator::Css(&format!("#level-{competency} option[value={level}]")),
                    )
                    .await;
                }
                chromium::type_into(&client, Locator::Id("note-system-design"), GRACE_SAYS).await;
                chromium::click(&client, Locator::Css("form.assess button[type=submit]")).await;
                let page = chromium::text_of(&client, Locator::Css("main")).await;
                assert!(
                    page.contains(GRACE_SAYS),
                    "her view, shown back to her: {page}"
                );
                client.close().await.unwrap();
                true
            })
    })
    .join()
    .unwrap()
}

/// A company's team store, with a manager, Grace, and Ada reporting to her.
fn company(admin: &Env, domain: &str) {
    let add = |name: &str, who: &str, role: &str, manager: Option<&str>| {
        let email = format!("{who}@{domain}");
        let mut args = vec![
            "user", "add", "--name", name, "--email", &email, "--level", "L3", "--role", role,
        ];
        let boss = manager.map(|m| format!("{m}@{domain}"));
        if let Some(m) = &boss {
            args.extend(["--manager", m]);
        }
        admin.run_with_input(&args, &format!("{PASSWORD}\n")).ok();
    };
    add("Grace Hopper", "grace", "manager", None);
    add("Ada Lovelace", "ada", "engineer", Some("grace"));
}

fn serve(admin: &Env, addr: &str) -> Served {
    admin.serve(&["--db", &admin.db, "serve", "--team", "--addr", addr])
}

/// A token for `email` on `admin`'s store, made by the admin.
fn token(admin: &Env, email: &str) -> String {
    let made = admin.json(&["token", "create", "--user", email, "--name", "test"]);
    made["token"].as_str().unwrap().to_owned()
}

/// Calls the server's API as whoever holds `token`; the status and the JSON answer.
fn api(
    server: &Served,
    token: &str,
    method: &str,
    path: &str,
    body: Option<Value>,
) -> (u16, Value) {
    let url = format!("{}/api/v1{path}", server.url());
    let token = token.to_owned();
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    // Its own thread and runtime: this may run inside a test's runtime.
    std::thread::spawn(move || {
        tokio::runtime::Runtime::new()
            .unwrap()
            .block_on(async move {
                let mut request = reqwest::Client::new()
                    .request(method, url)
                    .bearer_auth(token);
                if let Some(b) = body {
                    request = request.json(&b);
                }
                let response = request.send().await.unwrap();
                let status = response.status().as_u16();
                let text = response.text().await.unwrap();
                (status, serde_json::from_str(&text).unwrap_or(Value::Null))
            })
    })
    .join()
    .unwrap()
}

/// `cairn sync --json` for one remote: what moved.
fn sync(me: &Env, remote: &str) -> Value {
    me.json(&["sync", remote])[0].clone()
}

fn moved(row: &Value) -> (u64, u64, u64, u64) {
    let n = |k: &str| row[k].as_u64().unwrap();
    (
        n("push"),
        n("push_deletions"),
        n("pull"),
        n("pull_deletions"),
    )
}

/// The server's whole store as its admin exports it from the database.
fn held(admin: &Env) -> String {
    admin.export()
}

fn story(a_admin: &Env) {
    company(a_admin, "acme.example");
    let a = serve(a_admin, "127.0.0.1:0");
    let grace = token(a_admin, "grace@acme.example");

    // Ada's own machine, with a record of her own before the job.
    let ada = Env::new();
    ada.init_with(&["ada@home.example"]);
    let shared = ada.log(&[
        "Led the payments design review",
        "--skill",
        "system-design",
        "--level",
        "next",
        "--shared",
    ]);
    ada.log(&["Private: interviewing at Initech next week", "--private"]);
    ada.run(&[
        "goal",
        "set",
        "Become a staff engineer owning the payments platform's architecture by 2028",
        "--target-level",
        "L5",
        "--force",
        "--shared",
    ])
    .ok();
    ada.run(&[
        "rep",
        "add",
        "Run the incident review rota",
        "--skill",
        "operations",
        "--shared",
    ])
    .ok();
    ada.run(&[
        "constraint",
        "add",
        "Caring for a parent: no travel this year",
        "--kind",
        "other",
    ])
    .ok();
    let repo = Repo::new(&ada, "repo");
    repo.commit(
        "ada@home.example",
        "2026-11-02",
        "Secret-project: wire the ledger to the vault",
        "ledger.rs",
        40,
    );
    ada.run(&["import", "git", repo.shown()]).ok();
    ada.run(&[
        "assess",
        "self",
        "--round",
        "2026 H2",
        "--set",
        "system-design=L4",
        "--set",
        "delivery=L3",
    ])
    .ok();

    ada.run(&[
        "convo",
        "add",
        "--date",
        "yesterday",
        "--ask",
        "Lead the payments design review in Q1",
        "--response",
        "Yes, after the launch",
        "--commit",
        "Introduce me to the review chair|Grace|2027-01-15",
        "--shared",
    ])
    .ok();
    ada.run(&["remote", "add", "work", &a.url()]).ok();
    ada.run_with_input(
        &["login", "work", "--email", "ada@acme.example"],
        &format!("{PASSWORD}\n"),
    )
    .ok();

    // A dry run says what would move and moves nothing.
    let before = held(a_admin);
    let dry = ada.json(&["sync", "work", "--dry-run"])[0].clone();
    let (push, _, _, _) = moved(&dry);
    assert!(
        push >= 5,
        "evidence, goal and its history, rep, round and its entries: {dry}"
    );
    assert_eq!(held(a_admin), before, "a dry run wrote to the server");

    // The first sync sends what is shared and nothing else.
    let first = sync(&ada, "work");
    assert_eq!(first["push"], dry["push"], "{first}");
    let server = held(a_admin);
    for sent in [
        "Led the payments design review",
        "Become a staff engineer",
        "Run the incident review rota",
        "2026 H2",
        "Lead the payments design review in Q1",
        "Introduce me to the review chair",
    ] {
        assert!(server.contains(sent), "{sent} did not reach the server");
    }
    for kept in ["Initech", "Caring for a parent", "Secret-project", "vault"] {
        assert!(
            !server.contains(kept),
            "the server holds private text {kept:?}"
        );
    }
    if !a_admin.db.starts_with("postgres") {
        let raw = raw_bytes(&a_admin.db);
        assert!(!contains(&raw, b"Initech") && !contains(&raw, b"Secret-project"));
    }
    let again = sync(&ada, "work");
    assert_eq!(moved(&again), (0, 0, 0, 0), "a second sync moved: {again}");

    // Grace gives her side of the round in the browser (through the API where no browser
    // is installed) and records a constraint for Ada.
    if !in_the_browser(&a) {
        let (status, answer) = api(
            &a,
            &grace,
            "POST",
            "/rounds",
            Some(json!({
                "side": "manager", "person": "ada@acme.example", "round": "2026 H2",
                "ratings": [
                    {"competency": "system-design", "level": "L3", "note": GRACE_SAYS},
                    {"competency": "delivery", "level": "L3"}
                ]
            })),
        );
        assert_eq!(status, 201, "{answer}");
    }
    // And opens next half's round before Ada has given hers: it stays blind.
    let (status, answer) = api(
        &a,
        &grace,
        "POST",
        "/rounds",
        Some(json!({
            "side": "manager", "person": "ada@acme.example", "round": "2027 H1",
            "ratings": [{"competency": "delivery", "level": "L4", "note": "Shipped the ledger migration alone"}]
        })),
    );
    assert_eq!(status, 201, "{answer}");
    let (status, answer) = api(
        &a,
        &grace,
        "POST",
        "/constraints",
        Some(json!({
            "person": "ada@acme.example", "kind": "level_movement",
            "description": "Promotions frozen until April"
        })),
    );
    assert_eq!(status, 201, "{answer}");

    let pulled = sync(&ada, "work");
    assert!(
        moved(&pulled).2 >= 4,
        "Grace's entries, the rounds, the constraint: {pulled}"
    );
    let mine = ada.export();
    assert!(mine.contains(GRACE_SAYS));
    assert!(mine.contains("Promotions frozen until April"));
    assert!(
        !mine.contains("Shipped the ledger migration alone"),
        "a manager's view reached Ada before she gave hers"
    );
    let archive: Value = serde_json::from_str(&mine).unwrap();
    assert!(
        archive["origins"]
            .as_array()
            .unwrap()
            .iter()
            .any(|o| o["remote"] == "work" && o["author"] == "Grace Hopper"),
        "who wrote it is kept: {}",
        archive["origins"]
    );

    // Ada gives her side of 2027 H1 at home: the next sync reveals Grace's.
    ada.run(&[
        "assess",
        "self",
        "--round",
        "2027 H1",
        "--set",
        "delivery=L3",
    ])
    .ok();
    let revealed = sync(&ada, "work");
    assert_eq!(
        moved(&revealed).0,
        2,
        "the round and Ada's entry: {revealed}"
    );
    assert!(ada.export().contains("Shipped the ledger migration alone"));

    // Deletions travel both ways.
    ada.run(&["rm", &shared]).ok();
    let deleted = sync(&ada, "work");
    assert_eq!(moved(&deleted).1, 1, "{deleted}");
    assert!(!held(a_admin).contains("Led the payments design review"));
    let ada_token = token(a_admin, "ada@acme.example");
    let (status, made) = api(
        &a,
        &ada_token,
        "POST",
        "/evidence",
        Some(json!({"title": "Wrote the on-call handbook", "visibility": "shared"})),
    );
    assert_eq!(status, 201, "{made}");
    sync(&ada, "work");
    assert!(ada.export().contains("Wrote the on-call handbook"));
    let id = made["id"].as_str().unwrap();
    let (status, _) = api(&a, &ada_token, "DELETE", &format!("/evidence/{id}"), None);
    assert_eq!(status, 204);
    let gone = sync(&ada, "work");
    assert_eq!(moved(&gone).3, 1, "{gone}");
    assert!(!ada.export().contains("Wrote the on-call handbook"));

    // With the server down a sync fails clearly and loses nothing; it completes once it is up.
    let addr = a.addr.clone();
    drop(a);
    ada.log(&[
        "Mentored two new joiners through on-call",
        "--skill",
        "mentoring",
        "--shared",
    ]);
    let kept = ada.export();
    let waiting = ada.json(&["status"]);
    assert!(
        waiting[0]["unreachable"]
            .as_str()
            .unwrap()
            .contains("cannot reach work"),
        "{waiting}"
    );
    let down = ada.run(&["sync", "work"]);
    assert_ne!(down.code, 0);
    assert!(down.stderr.contains("cannot reach work"), "{}", down.stderr);
    assert_eq!(ada.export(), kept, "a failed sync changed the store");
    let a = serve(a_admin, &addr);
    let waiting = ada.json(&["status"])[0].clone();
    assert_eq!(moved(&waiting), (1, 0, 0, 0), "{waiting}");
    let text = ada.run(&["status"]).ok().stdout;
    assert!(
        text.contains("work") && text.contains("to push: 1 record"),
        "{text}"
    );
    let up = sync(&ada, "work");
    assert_eq!(moved(&up).0, 1, "{up}");
    assert!(held(a_admin).contains("Mentored two new joiners"));

    // A sync killed half-way is finished by the next, nothing twice.
    let reviewed = ada.log(&[
        "Reviewed pull request 0",
        "--skill",
        "collaboration",
        "--shared",
    ]);
    for n in 1..120 {
        ada.log(&[
            &format!("Reviewed pull request {n}"),
            "--skill",
            "collaboration",
            "--shared",
        ]);
    }
    for delay in [20, 80, 200] {
        let mut child = ada
            .command()
            .args(["--db", &ada.db, "sync", "work"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
    }
    sync(&ada, "work");
    assert_eq!(moved(&sync(&ada, "work")), (0, 0, 0, 0));
    let server: Value = serde_json::from_str(&held(a_admin)).unwrap();
    let reviews = server["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| {
            e["title"]
                .as_str()
                .unwrap()
                .starts_with("Reviewed pull request")
        })
        .count();
    assert_eq!(reviews, 120);

    // Leaving: deactivated, Ada can no longer sync, and keeps everything.
    a_admin
        .run(&["user", "deactivate", "ada@acme.example"])
        .ok();
    let before = ada.export();
    ada.run(&["sync", "work"]).bad_input("log in again");
    ada.run(&["remote", "remove", "work"]).ok();
    let after = ada.export();
    assert_eq!(after, before, "removing the remote changed the record");
    let still = ada.run(&["show", &reviewed]).ok().stdout;
    assert!(
        still.contains("from        work (your team server there)"),
        "{still}"
    );
    assert!(after.contains(GRACE_SAYS));
    drop(a);

    // Company B receives nothing from A: not what went there, not what came from there.
    let b_admin = Env::new();
    company(&b_admin, "globex.example");
    let b = serve(&b_admin, "127.0.0.1:0");
    ada.run(&["remote", "add", "next", &b.url()]).ok();
    ada.run_with_input(
        &["login", "next", "--email", "ada@globex.example"],
        &format!("{PASSWORD}\n"),
    )
    .ok();
    ada.log(&[
        "Designed the Globex billing pipeline",
        "--skill",
        "system-design",
        "--shared",
    ]);
    let first = sync(&ada, "next");
    assert_eq!(moved(&first).0, 1, "only what was written since A: {first}");
    let there = held(&b_admin);
    assert!(there.contains("Designed the Globex billing pipeline"));
    for from_a in [
        "Mentored two new joiners",
        "Reviews are strong",
        "Promotions frozen",
        "2026 H2",
        "Lead the payments design review",
    ] {
        assert!(
            !there.contains(from_a),
            "company B holds {from_a:?} from company A"
        );
    }
}

fn raw_bytes(db: &str) -> Vec<u8> {
    let mut all = std::fs::read(db).unwrap();
    if let Ok(wal) = std::fs::read(format!("{db}-wal")) {
        all.extend(wal);
    }
    all
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn two_years_at_a_company_on_sqlite_then_the_next() {
    story(&Env::new());
}

#[tokio::test(flavor = "multi_thread")]
async fn two_years_at_a_company_on_postgres_then_the_next() {
    let Some(db) = cairn_store::test_support::scratch_postgres().await else {
        eprintln!("skipped: set CAIRN_TEST_POSTGRES_URL to run this on PostgreSQL");
        return;
    };
    let admin = Env::with_db(&db.url);
    tokio::task::spawn_blocking(move || story(&admin))
        .await
        .unwrap();
}
