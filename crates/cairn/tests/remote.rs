//! The command line against a real team server over a socket, through its API alone: naming
//! a remote, logging in (the token kept readable by the user alone), logging and importing
//! as an engineer, reading a report's team row, readiness, gap and case as their manager,
//! and tokens made, listed and revoked. No command here is given the server's database.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod harness;

use harness::repo::Repo;
use harness::{Env, Served};

const PASSWORD: &str = "correct horse battery staple";

/// A team store with a manager, Grace, and her report, Ada, served on loopback.
fn team() -> (Env, Served) {
    let admin = Env::new();
    let add = |name: &str, email: &str, role: &str, manager: Option<&str>| {
        let mut args = vec![
            "user", "add", "--name", name, "--email", email, "--level", "L3", "--role", role,
        ];
        if let Some(m) = manager {
            args.extend(["--manager", m]);
        }
        admin.run_with_input(&args, &format!("{PASSWORD}\n")).ok();
    };
    add("Grace Hopper", "grace@acme.example", "manager", None);
    add(
        "Ada Lovelace",
        "ada@acme.example",
        "engineer",
        Some("grace@acme.example"),
    );
    let server = admin.serve(&[
        "--db",
        &admin.db,
        "serve",
        "--team",
        "--addr",
        "127.0.0.1:0",
    ]);
    (admin, server)
}

/// A person's own machine, logged in to the server as `email`.
fn logged_in(server: &Served, email: &str) -> Env {
    let me = Env::new();
    me.run(&["remote", "add", "work", &server.url()]).ok();
    me.run_with_input(
        &["login", "work", "--email", email],
        &format!("{PASSWORD}\n"),
    )
    .ok();
    me
}

#[test]
fn a_login_keeps_a_token_only_its_user_can_read_and_a_wrong_password_keeps_none() {
    let (_admin, server) = team();
    let ada = logged_in(&server, "ada@acme.example");
    let credentials = ada.path("config/cairn/credentials.toml");
    let text = std::fs::read_to_string(&credentials).unwrap();
    assert!(
        text.contains("token = \"cairn_") && text.contains("ada@acme.example"),
        "{text}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&credentials)
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let listed = ada.json(&["remote", "list"]);
    assert_eq!(listed[0]["login"], "ada@acme.example");

    let eve = Env::new();
    eve.run(&["remote", "add", "work", &server.url()]).ok();
    eve.run_with_input(
        &["login", "work", "--email", "ada@acme.example"],
        "not her password\n",
    )
    .bad_input("work (401)");
    assert!(!eve.path("config/cairn/credentials.toml").exists());
    eve.run(&["ready", "--remote", "work"])
        .bad_input("not logged in to 'work'");
    eve.run(&["ready", "--remote", "home"])
        .bad_input("no remote 'home'; known remotes: work");
}

#[test]
fn an_engineer_logs_and_imports_and_their_manager_reads_what_they_shared() {
    let (_admin, server) = team();
    let ada = logged_in(&server, "ada@acme.example");
    let id = ada
        .run(&[
            "log",
            "Led the payments design review",
            "--skill",
            "system-design",
            "--level",
            "next",
            "--shared",
            "--remote",
            "work",
        ])
        .ok()
        .stdout;
    assert_eq!(id.trim().len(), 36, "the new entry's id: {id}");
    ada.run(&["log", "Private note on my review", "--remote", "work"])
        .ok();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/github-authored.json"
    );
    let imported = ada.json(&[
        "import", "github", fixture, "--login", "ada-l", "--remote", "work",
    ]);
    assert!(imported["imported"].as_u64().unwrap() > 0, "{imported}");
    let again = ada.json(&[
        "import", "github", fixture, "--login", "ada-l", "--remote", "work",
    ]);
    assert_eq!(again["imported"], 0, "a re-import adds nothing");
    let repo = Repo::new(&ada, "billing");
    repo.commit(
        "ada@acme.example",
        "2026-11-02",
        "feat(ledger): double-entry postings",
        "ledger.rs",
        12,
    );
    repo.commit(
        "bo@acme.example",
        "2026-11-03",
        "chore: bump deps",
        "Cargo.lock",
        2,
    );
    let commits = ada.json(&["import", "git", repo.shown(), "--remote", "work"]);
    assert_eq!(
        (commits["imported"].as_u64(), commits["ignored"].as_u64()),
        (Some(1), Some(1))
    );
    let broken = ada.path("broken.json");
    std::fs::write(&broken, "{\"items\": [1, 2").unwrap();
    ada.run(&[
        "import",
        "github",
        broken.to_str().unwrap(),
        "--remote",
        "work",
    ])
    .bad_input("broken.json:1");

    let grace = logged_in(&server, "grace@acme.example");
    let team = grace.json(&["team", "--remote", "work"]);
    assert_eq!(team[0]["name"], "Ada Lovelace");
    let ready = grace.json(&["ready", "--remote", "work", "--person", "ada@acme.example"]);
    assert_eq!(ready["current"], "L3");
    let text = grace
        .run(&["ready", "--remote", "work", "--person", "ada@acme.example"])
        .ok()
        .stdout;
    assert!(text.starts_with("Readiness for L4"), "{text}");
    grace
        .run(&["gap", "--remote", "work", "--person", "ada@acme.example"])
        .ok();
    let case = grace
        .run(&["packet", "--remote", "work", "--person", "ada@acme.example"])
        .ok()
        .stdout;
    assert!(case.contains("Led the payments design review"), "{case}");
    assert!(
        !case.contains("Private note"),
        "the private entry stays private"
    );
    grace
        .run(&[
            "ready",
            "--remote",
            "work",
            "--person",
            "nobody@acme.example",
        ])
        .bad_input("work (404)");
}

#[test]
fn tokens_are_made_by_an_admin_listed_and_revoked_and_a_read_token_cannot_write() {
    let (admin, server) = team();
    let made = admin.json(&[
        "token",
        "create",
        "--user",
        "ada@acme.example",
        "--name",
        "ci",
        "--scope",
        "read",
    ]);
    let secret = made["token"].as_str().unwrap();
    let ci = Env::new();
    ci.run(&["remote", "add", "work", &server.url()]).ok();
    ci.run(&["login", "work", "--token", secret]).ok();
    ci.run(&["ready", "--remote", "work"]).ok();
    ci.run(&["log", "Wrote from CI", "--remote", "work"])
        .bad_input("a read token may only read");

    let ada = logged_in(&server, "ada@acme.example");
    let tokens = ada.json(&["token", "list", "--remote", "work"]);
    assert_eq!(
        tokens.as_array().unwrap().len(),
        2,
        "the CLI's and the admin's: {tokens}"
    );
    let ci_id = tokens
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "ci")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    ada.run(&["token", "revoke", "--remote", "work", &ci_id])
        .ok();
    ci.run(&["ready", "--remote", "work"])
        .bad_input("log in again");
    let listed = admin.json(&["token", "list", "--user", "ada@acme.example"]);
    assert!(
        listed
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["state"] == "revoked")
    );
    admin
        .run(&[
            "token",
            "create",
            "--user",
            "ada@acme.example",
            "--name",
            "x",
            "--scope",
            "scim",
        ])
        .bad_input("only an admin's token may provision");
}

#[test]
fn the_demo_team_shows_a_manager_one_ready_one_stalled_and_one_whose_asks_came_to_nothing() {
    let host = Env::new();
    let server = host.serve(&["serve", "--team", "--demo", "--addr", "127.0.0.1:0"]);
    let said = server.said.join("");
    let password = said
        .split("the password for all of them: ")
        .nth(1)
        .and_then(|rest| rest.split(')').next())
        .unwrap_or_else(|| panic!("no password in {said}"));
    for login in [
        "marta@acme.example",
        "dana@acme.example",
        "alex@acme.example",
    ] {
        assert!(said.contains(login), "{said}");
    }
    let marta = Env::new();
    marta.run(&["remote", "add", "work", &server.url()]).ok();
    marta
        .run_with_input(
            &["login", "work", "--email", "marta@acme.example"],
            &format!("{password}\n"),
        )
        .ok();
    let team = marta.json(&["team", "--remote", "work"]);
    let row = |name: &str| {
        team.as_array()
            .unwrap()
            .iter()
            .find(|r| r["name"] == name)
            .unwrap_or_else(|| panic!("{name} in {team}"))
            .clone()
    };
    assert_eq!(row("Priya Natarajan")["readiness"], "ready");
    assert_eq!(row("Sam Rivera")["signal"], true);
    let jo = row("Jo Bennett");
    assert_eq!(jo["clarity"], "vague");
    assert!(jo["days_since_evidence"].as_i64().unwrap() > 90, "{jo}");
    let advice = marta
        .run(&[
            "ready",
            "--remote",
            "work",
            "--person",
            "priya@acme.example",
        ])
        .ok()
        .stdout;
    assert!(
        advice.starts_with("Readiness for L3 (from L2): ready"),
        "{advice}"
    );
}

#[test]
fn an_admin_deactivates_someone_issues_a_reset_link_and_reads_the_audit_log() {
    let (admin, server) = team();
    let ada = logged_in(&server, "ada@acme.example");
    admin.run(&["user", "deactivate", "ada@acme.example"]).ok();
    ada.run(&["ready", "--remote", "work"])
        .bad_input("log in again");
    admin.run(&["user", "reactivate", "ada@acme.example"]).ok();
    ada.run(&["ready", "--remote", "work"])
        .bad_input("log in again");
    ada.run_with_input(
        &["login", "work", "--email", "ada@acme.example"],
        &format!("{PASSWORD}\n"),
    )
    .ok();
    ada.run(&["ready", "--remote", "work"]).ok();
    let link = admin
        .run(&["user", "reset-link", "ada@acme.example"])
        .ok()
        .stdout;
    assert!(
        link.starts_with("/reset/") && link.trim().len() > 40,
        "{link}"
    );
    let audit = admin.json(&["user", "audit", "--limit", "100"]);
    let actions: Vec<&str> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    for done in [
        "deactivated",
        "reactivated",
        "reset-issued",
        "login",
        "token-created",
        "user-added",
    ] {
        assert!(actions.contains(&done), "{done} in {actions:?}");
    }
    admin
        .run(&["user", "deactivate", "nobody@acme.example"])
        .bad_input("nobody@acme.example");
}
