//! The command line, end to end through the real binary and real stores.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

mod harness;

use harness::{Env, exists};
use serde_json::Value;

#[test]
fn an_engineer_logs_lists_searches_edits_and_removes_evidence() {
    let env = Env::new();
    env.init();
    let id = env.log(&[
        "Led the checkout incident review",
        "--skill",
        "operations",
        "--skill",
        "influence",
        "--level",
        "next",
        "--date",
        "2026-05-04",
        "--impact",
        "Five actions, all closed",
        "--link",
        "https://wiki.example/pm/42",
        "--area",
        "backend",
        "--shared",
        "--body",
        "Blameless review with three teams",
    ]);
    env.log(&[
        "Fixed the flaky payout test",
        "--skill",
        "technical-depth",
        "--date",
        "2026-05-10",
    ]);
    env.log(&[
        "Onboarded a new joiner",
        "--skill",
        "mentoring",
        "--date",
        "2026-06-01",
    ]);

    let list = env.json(&["list"]);
    let titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Onboarded a new joiner",
            "Fixed the flaky payout test",
            "Led the checkout incident review"
        ]
    );
    let review = &list[2];
    assert_eq!(review["id"], id.as_str());
    assert_eq!(review["date"], "2026-05-04");
    assert_eq!(
        review["competencies"],
        serde_json::json!(["operations", "influence"])
    );
    assert_eq!(review["level"], "next");
    assert_eq!(review["source"], "manual");
    assert_eq!(review["visibility"], "shared");
    assert_eq!(review["impact"], "Five actions, all closed");

    let text = env.run(&["list", "--month", "2026-05"]).ok();
    assert_eq!(text.lines().len(), 2);
    assert!(text.stdout.contains(&format!(
        "2026-05-04  {}  ↑ Led the checkout incident review  [operations, influence]",
        &id[28..]
    )));
    assert_eq!(
        env.run(&["list", "--skill", "mentoring"])
            .ok()
            .lines()
            .len(),
        1
    );
    assert_eq!(env.run(&["list", "-n", "1"]).ok().lines().len(), 1);
    assert_eq!(
        env.run(&["list", "--since", "2026-05-05", "--until", "2026-05-31"])
            .ok()
            .lines()
            .len(),
        1
    );

    let found = env.json(&["search", "blameless"]);
    assert_eq!(found.as_array().unwrap().len(), 1);
    assert_eq!(found[0]["id"], id.as_str());
    assert!(
        env.json(&["search", "kubernetes"])
            .as_array()
            .unwrap()
            .is_empty()
    );

    let shown = env.run(&["show", &id[28..]]).ok();
    assert!(
        shown
            .stdout
            .contains("Operations (operations), Influence (influence)"),
        "{}",
        shown.stdout
    );
    assert!(shown.stdout.contains("https://wiki.example/pm/42"));

    env.run(&[
        "edit",
        &id,
        "--title",
        "Ran the checkout incident review",
        "--level",
        "current",
        "--private",
    ])
    .ok();
    let edited = env.json(&["show", &id]);
    assert_eq!(edited["title"], "Ran the checkout incident review");
    assert_eq!(edited["level"], "current");
    assert_eq!(edited["visibility"], "private");
    assert_eq!(
        edited["competencies"],
        serde_json::json!(["operations", "influence"]),
        "untouched fields stay"
    );
    assert!(edited["updated_at"].as_str() > edited["created_at"].as_str());

    env.run(&["rm", &id]).ok();
    env.run(&["show", &id]).bad_input("no evidence");
    assert_eq!(env.json(&["list"]).as_array().unwrap().len(), 2);
}

#[test]
fn bad_input_is_one_clear_line_exit_2_and_changes_nothing() {
    let env = Env::new();
    env.init();
    let id = env.log(&["Baseline entry", "--skill", "delivery"]);
    let before = env.export();

    let broken = env.path("broken.json");
    std::fs::write(&broken, before.replacen("\"Baseline entry\"", "42", 1)).unwrap();
    let broken = broken.display().to_string();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["log", "x", "--date", "2026-13-01"],
            "--date: '2026-13-01' is not a date",
        ),
        (
            vec!["log", "x", "--date", "2999-01-01"],
            "--date: 2999-01-01 is in the future",
        ),
        (
            vec!["log", "x", "--skill", "juggling"],
            "--skill: 'juggling' is not a competency of this ladder (competencies: technical-depth,",
        ),
        (
            vec!["log", "x", "--skill", "Infuence"],
            "--skill: 'Infuence' is not a competency of this ladder; did you mean 'influence'?",
        ),
        (
            vec!["log", "x", "--level", "later"],
            "--level: 'later' is not one of: current, next",
        ),
        (vec!["log", "   "], "TITLE: must not be empty"),
        (
            vec!["log", "x", "--link", "not a url"],
            "--link: 'not a url' is not a web address",
        ),
        (
            vec!["log", "x", "--area", "Back End"],
            "--area: 'Back End' is not an area tag",
        ),
        (
            vec!["list", "--month", "May"],
            "--month: 'May' is not a month",
        ),
        (
            vec!["list", "--source", "email"],
            "--source: 'email' is not one of",
        ),
        (
            vec!["list", "--since", "2026-06-01", "--until", "2026-05-01"],
            "--until: 2026-05-01 is before --since 2026-06-01",
        ),
        (vec!["search", "--", "--"], "has no words to look for"),
        (vec!["show", "ffffffff"], "no evidence ffffffff"),
        (vec!["rm", "zz"], "no evidence zz"),
        (vec!["edit", &id], "nothing to change"),
        (
            vec!["edit", &id, "--skill", "juggling"],
            "--skill: 'juggling'",
        ),
        (vec!["import", "archive", &broken], "line "),
        (
            vec!["import", "archive", "/nonexistent/archive.json"],
            "cannot read /nonexistent/archive.json",
        ),
        (
            vec!["ladder", "show", "--level", "L9"],
            "--level: 'L9' is not a level",
        ),
        (
            vec!["ladder", "show", "no-such-ladder"],
            "no ladder no-such-ladder",
        ),
    ];
    for (args, message) in cases {
        let run = env.run(&args);
        assert_eq!(
            run.stderr.lines().count(),
            1,
            "{args:?} printed more than one line: {}",
            run.stderr
        );
        run.bad_input(message);
    }
    // A type error in an archive names the file, line, column and field.
    env.run(&["import", "archive", &broken])
        .bad_input("broken.json: line ");
    env.run(&["import", "archive", &broken])
        .bad_input("evidence[0].title: invalid type: integer `42`, expected a string");
    assert_eq!(
        env.export(),
        before,
        "nothing was written by any failed command"
    );
}

#[test]
fn a_missing_store_is_reported_and_not_created() {
    let env = Env::new();
    for args in [
        vec!["list"],
        vec!["log", "x"],
        vec!["export"],
        vec!["search", "x"],
    ] {
        env.run(&args).bad_input("no Cairn store at");
    }
    assert!(!exists(&env.path("cairn.db")));
    env.run(&["init", "--name", "Ada", "--level", "L42"])
        .bad_input("--level: 'L42' is not a level");
    env.run(&["init", "--name", " ", "--level", "L2"])
        .bad_input("--name: must not be empty");
    env.run(&["init", "--name", "Ada", "--level", "L2", "--email", "ada"])
        .bad_input("--email: 'ada' is not an email");
    assert!(
        !exists(&env.path("cairn.db")),
        "a refused init leaves no file"
    );
    env.init();
    env.run(&["init", "--name", "Bob", "--level", "L2"])
        .bad_input("already has a profile (Ada Lovelace)");
}

#[test]
fn an_archive_import_is_all_or_nothing() {
    let source = Env::new();
    source.init();
    for i in 0..5 {
        source.log(&[&format!("Entry {i}"), "--skill", "delivery"]);
    }
    let archive: Value = serde_json::from_str(&source.export()).unwrap();

    // The fourth entry names a competency the ladder does not have: nothing may land.
    let mut bad = archive.clone();
    bad["evidence"][3]["competencies"] = serde_json::json!(["juggling"]);
    let file = source.path("bad.json");
    std::fs::write(&file, serde_json::to_string_pretty(&bad).unwrap()).unwrap();
    let target = Env::new();
    target
        .run(&["import", "archive", file.to_str().unwrap()])
        .bad_input("evidence[3].competencies[0]");
    assert!(
        !exists(&target.path("cairn.db")),
        "a refused archive creates no store"
    );

    // A ladder version that differs from the stored one fails in the database, after some
    // rows were written inside the transaction: all of them roll back.
    target.init();
    let before = target.export();
    let mut changed = archive.clone();
    changed["ladders"][0]["name"] = "Edited ladder".into();
    let people = changed["people"].clone();
    changed["people"] = people;
    let file = source.path("changed.json");
    std::fs::write(&file, serde_json::to_string_pretty(&changed).unwrap()).unwrap();
    target
        .run(&["import", "archive", file.to_str().unwrap()])
        .bad_input("already stored with different content");
    assert_eq!(target.export(), before);
}

/// Starts `cairn ARGS` (a `serve` on port 0), sends one GET for `/` with this Host (empty:
/// the server's own address), stops the server and returns the raw HTTP reply.
fn serve_and_get(env: &Env, args: &[&str], host: &str) -> String {
    use std::io::{Read, Write};
    let server = env.serve(args);
    let host = if host.is_empty() {
        server.addr.as_str()
    } else {
        host
    };
    let mut socket = std::net::TcpStream::connect(&server.addr).unwrap();
    write!(
        socket,
        "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    socket.read_to_string(&mut reply).unwrap();
    reply
}

fn round_trip(first: &Env, second: &Env) {
    first.run(&["demo"]).ok();
    first.log(&[
        "Übersetzt: the \"quoted\" title, with ünïcode ✓",
        "--body",
        "line one\nline two",
    ]);
    let archive = first.path("archive.json");
    first.run(&["export", "-o", archive.to_str().unwrap()]).ok();
    let exported = std::fs::read_to_string(&archive).unwrap();

    let imported = second.json(&["import", "archive", archive.to_str().unwrap()]);
    assert_eq!(imported["unchanged"], 0);
    assert_eq!(
        second.export(),
        exported,
        "export → import → export gives the same bytes"
    );
    let again = second.json(&["import", "archive", archive.to_str().unwrap()]);
    assert_eq!(again["written"], 0, "importing twice changes nothing");
    assert_eq!(again["unchanged"], imported["written"]);
    assert_eq!(second.export(), exported);
}

#[test]
fn export_import_export_is_byte_identical_on_sqlite() {
    round_trip(&Env::new(), &Env::new());
}

#[test]
fn export_import_export_is_byte_identical_on_postgres() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let (Some(a), Some(b)) = runtime.block_on(async {
        (
            cairn_store::test_support::scratch_postgres().await,
            cairn_store::test_support::scratch_postgres().await,
        )
    }) else {
        eprintln!("skipped: set CAIRN_TEST_POSTGRES_URL to run the CLI on PostgreSQL");
        return;
    };
    // PostgreSQL to SQLite and back: the archive is the same whichever engine wrote it.
    round_trip(&Env::with_db(&a.url), &Env::new());
    round_trip(&Env::new(), &Env::with_db(&b.url));
}

#[test]
fn concurrent_log_processes_never_lose_an_entry() {
    let env = Env::new();
    env.init();
    let writers = 8;
    let each = 12;
    let children: Vec<_> = (0..writers)
        .map(|w| {
            let script = format!(
                "for i in $(seq 1 {each}); do \"$0\" --db \"$1\" log \"writer {w} entry $i\" --skill delivery >/dev/null || exit 1; done"
            );
            env.sandboxed("sh")
                .arg("-c")
                .arg(&script)
                .arg(env!("CARGO_BIN_EXE_cairn"))
                .arg(&env.db)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "a writer failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let list = env.json(&["list"]);
    let mut titles: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(
        titles.len(),
        writers * each,
        "every entry landed exactly once"
    );
}

#[test]
fn demo_fills_a_year_and_never_touches_the_real_store() {
    let env = Env::new();
    // Without --db: a separate demo store in the data dir, rebuilt on each run.
    let mut cmd = env.command();
    let first = harness::Run::from(cmd.arg("demo").output().unwrap()).ok();
    assert!(
        first.stdout.contains("Sam Rivera: Engineer II (L2)"),
        "{}",
        first.stdout
    );
    let demo_db = env.path("data/cairn/demo.db");
    assert!(exists(&demo_db));
    assert!(
        !exists(&env.path("data/cairn/cairn.db")),
        "the user's own store is untouched"
    );
    harness::Run::from(env.command().arg("demo").output().unwrap()).ok();

    let demo = Env::with_db(demo_db.to_str().unwrap());
    let list = demo.json(&["list"]);
    let entries = list.as_array().unwrap();
    assert!(entries.len() >= 40, "{} entries", entries.len());
    let months: std::collections::HashSet<&str> = entries
        .iter()
        .map(|e| &e["date"].as_str().unwrap()[..7])
        .collect();
    assert!(months.len() >= 12);
    assert!(
        !demo
            .json(&["search", "ledger"])
            .as_array()
            .unwrap()
            .is_empty()
    );

    // With --db: only into a store without a profile.
    env.init();
    env.run(&["demo"]).bad_input("already has a profile");
}

#[test]
fn the_default_store_is_in_the_xdg_data_dir_and_cairn_db_overrides_it() {
    let env = Env::new();
    let mut init = env.command();
    init.args(["init", "--name", "Ada", "--level", "L2"]);
    harness::Run::from(init.output().unwrap()).ok();
    assert!(exists(&env.path("data/cairn/cairn.db")));

    let elsewhere = env.path("elsewhere.db");
    let mut cmd = env.command();
    cmd.env("CAIRN_DB", &elsewhere)
        .args(["init", "--name", "Bo", "--level", "L1"]);
    harness::Run::from(cmd.output().unwrap()).ok();
    assert!(exists(&elsewhere));

    let config = env.path("config/cairn/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(
        &config,
        format!("db = {:?}\n", elsewhere.display().to_string()),
    )
    .unwrap();
    let mut log = env.command();
    log.args(["log", "Configured store entry"]);
    harness::Run::from(log.output().unwrap()).ok();
    let listed = Env::with_db(elsewhere.to_str().unwrap())
        .run(&["list"])
        .ok();
    assert!(
        listed.stdout.contains("Configured store entry"),
        "the config file chose the store"
    );
}

#[test]
fn ladders_can_be_browsed_with_or_without_a_store() {
    let env = Env::new();
    let list = env.json(&["ladder", "list"]);
    let ids: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["engineering-manager", "software-engineer"]);
    assert_eq!(list[1]["origin"], "built-in");
    assert_eq!(list[1]["competencies"], 8);
    assert_eq!(list[0]["levels"], 4);

    let l3 = env.run(&["ladder", "show", "--level", "L3"]).ok();
    // The level's own line under "Levels", then one expectation per competency.
    assert_eq!(
        l3.stdout.matches("\n  L3   ").count(),
        1 + 8,
        "{}",
        l3.stdout
    );
    assert_eq!(
        l3.stdout.matches("e.g. ").count(),
        8 * 2,
        "two examples each"
    );
    assert!(!l3.stdout.contains("\n  L2   "));
    let whole = env.json(&["ladder", "show", "software-engineer"]);
    assert_eq!(whole["levels"].as_array().unwrap().len(), 6);

    env.init();
    let list = env.json(&["ladder", "list"]);
    assert_eq!(list[1]["id"], "software-engineer");
    assert_eq!(list[1]["origin"], "stored");
    assert_eq!(list[0]["origin"], "built-in");

    // The people-leadership track is built in too, and a profile can start on it.
    let other = Env::new();
    other
        .run(&[
            "init",
            "--name",
            "Grace",
            "--ladder",
            "engineering-manager",
            "--level",
            "M2",
        ])
        .ok();
    let step = other.json(&["ladder", "next"]);
    assert_eq!(step["to"]["title"], "Director of Engineering");
    assert_eq!(step["steps"].as_array().unwrap().len(), 6);
}

#[test]
fn serve_refuses_other_interfaces_and_serves_the_demo_on_loopback() {
    let env = Env::new();
    env.run(&["serve", "--addr", "0.0.0.0:7878"])
        .bad_input("--addr: refusing to listen on 0.0.0.0:7878");
    env.run(&["serve", "--addr", "192.0.2.1:7878"])
        .bad_input("refusing to listen");

    // Port 0: the server picks one and says which once it is listening.
    let page = serve_and_get(&env, &["serve", "--demo", "--addr", "127.0.0.1:0"], "");
    assert!(
        page.starts_with("HTTP/1.1 200 OK"),
        "{}",
        &page[..page.len().min(200)]
    );
    assert!(page.contains("Sam Rivera") && page.contains("class=\"heatmap heatmap-12\""));
}

#[test]
fn team_accounts_roles_and_reporting_lines_from_the_command_line() {
    let env = Env::new();
    env.run(&["serve", "--team", "--addr", "127.0.0.1:0"])
        .bad_input("no Cairn store");
    let pw = "correct horse battery staple\n";
    let add = |name: &str, email: &str, extra: &[&str]| {
        let mut args = vec![
            "user", "add", "--name", name, "--email", email, "--level", "L3",
        ];
        args.extend_from_slice(extra);
        env.run_with_input(&args, pw)
    };
    add("Grace", "Grace@Work.Example", &["--role", "manager"]).ok();
    add(
        "Ada",
        "ada@work.example",
        &["--manager", "grace@work.example"],
    )
    .ok();
    add("Ada again", "ADA@work.example", &[]).bad_input("login ada@work.example is taken");
    env.run_with_input(
        &[
            "user",
            "add",
            "--name",
            "Bo",
            "--email",
            "bo@work.example",
            "--level",
            "L2",
        ],
        "short\n",
    )
    .bad_input("password (stdin): must be at least 12 characters");
    add("Cy", "cy@work.example", &["--role", "boss"])
        .bad_input("--role: 'boss' is not one of: engineer, manager, admin");

    let users = env.json(&["user", "list"]);
    let logins: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["login"].as_str().unwrap())
        .collect();
    assert_eq!(logins, ["ada@work.example", "grace@work.example"]);
    assert_eq!(users[0]["manager"], "grace@work.example");
    assert_eq!(users[1]["role"], "manager");

    env.run(&[
        "user",
        "set-manager",
        "grace@work.example",
        "ada@work.example",
    ])
    .bad_input("loop");
    // Only a manager-role account heads a reporting line, and a role change ends the
    // lines a demoted manager headed at once.
    env.run(&[
        "user",
        "set-manager",
        "grace@work.example",
        "cy@work.example",
    ])
    .bad_input("no account cy@work.example");
    let demoted = env
        .run(&["user", "set-role", "grace@work.example", "engineer"])
        .ok();
    assert!(
        demoted
            .stderr
            .contains("Their one report no longer reports to them"),
        "{}",
        demoted.stderr
    );
    let users = env.json(&["user", "list"]);
    assert_eq!(
        users[0]["manager"],
        serde_json::Value::Null,
        "Ada's line ended"
    );
    env.run(&[
        "user",
        "set-manager",
        "ada@work.example",
        "grace@work.example",
    ])
    .bad_input("grace@work.example is an engineer; only an account with the manager role");
    env.run(&["user", "set-role", "grace@work.example", "manager"])
        .ok();
    env.run(&["user", "set-role", "ada@work.example", "admin"])
        .ok();
    env.run(&[
        "user",
        "set-manager",
        "grace@work.example",
        "ada@work.example",
    ])
    .bad_input("ada@work.example is an admin");
    env.run(&["user", "set-role", "nobody@work.example", "admin"])
        .bad_input("no account nobody@work.example");
    let users = env.json(&["user", "list"]);
    assert_eq!(
        (users[0]["role"].as_str(), users[0]["manager"].as_str()),
        (Some("admin"), None)
    );

    // Team mode may listen beyond loopback; it answers with the login page.
    let reply = serve_and_get(
        &env,
        &["--db", &env.db, "serve", "--team", "--addr", "127.0.0.1:0"],
        "cairn.example",
    );
    assert!(reply.starts_with("HTTP/1.1 303"), "{reply}");
    assert!(reply.to_lowercase().contains("location: /login"));
}

#[test]
fn goals_are_clarity_checked_set_revised_pivoted_and_kept_in_history() {
    let env = Env::new();
    env.init();
    let vague = env.json(&["goal", "check", "I want to grow."]);
    assert_eq!(vague["verdict"], "vague");
    assert_eq!(
        vague["elements"],
        serde_json::json!({"destination": false, "action": false, "horizon": false, "evidence": false})
    );
    assert_eq!(vague["questions"].as_array().unwrap().len(), 4);
    assert!(
        vague["matched"]["destination"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let concrete = env.json(&["goal", "check", "Become a staff engineer by Q4 2027 by leading the event-bus migration, judged by three teams adopting it"]);
    assert_eq!(concrete["verdict"], "actionable");
    assert_eq!(
        concrete["matched"]["action"][0],
        "leading the event-bus migration"
    );

    // A vague destination is refused unless forced; nothing is saved.
    let refused = env.run(&["goal", "set", "I want to grow."]);
    assert_eq!(refused.code, 2);
    assert!(
        refused.stderr.contains("? By when?"),
        "the questions come first: {}",
        refused.stderr
    );
    assert!(
        refused
            .stderr
            .contains("cairn: error: goal: that destination is vague, so it was not saved")
    );
    assert!(env.json(&["goal", "show"]).is_null());
    env.run(&[
        "goal",
        "set",
        "Become a staff engineer",
        "--target-level",
        "L9",
    ])
    .bad_input("--target-level: 'L9' is not a level");

    let set = env
        .run(&[
            "goal",
            "set",
            "Become a staff engineer",
            "--target-level",
            "L4",
            "--by",
            "2027-12-31",
        ])
        .ok();
    assert!(
        set.stderr.contains("Destination set (directional)")
            && !set.stderr.contains("By when?")
            && set.stderr.contains("What would count as evidence"),
        "{}",
        set.stderr
    );
    env.run(&["goal", "set", "Become a staff engineer by Q4 2027 by leading the event-bus migration, judged by three teams adopting it", "--reason", "sharper"]).ok();
    env.run(&["goal", "set", "Move into engineering management within a year by running 1:1s for two reports, judged by their feedback", "--pivot", "--reason", "the people side"]).ok();
    env.run(&["goal", "set", "I want to grow.", "--force"]).ok();

    let history = env.json(&["goal", "history"]);
    let changes: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["change"].as_str().unwrap())
        .collect();
    assert_eq!(changes, ["set", "revised", "pivoted", "revised"]);
    assert_eq!(history[2]["reason"], "the people side");
    let shown = env.json(&["goal", "show"]);
    assert_eq!(shown["destination"]["statement"], "I want to grow.");
    assert_eq!(shown["clarity"]["verdict"], "vague");

    env.run(&["goal", "reached", "--reason", "Promoted"]).ok();
    assert!(env.json(&["goal", "show"]).is_null());
    assert_eq!(
        env.json(&["goal", "history"])
            .as_array()
            .unwrap()
            .last()
            .unwrap()["change"],
        "reached"
    );
    env.run(&["goal", "drop"])
        .bad_input("no current destination");
}

#[test]
fn self_first_rounds_then_the_gap_between_the_two_views() {
    let env = Env::new();
    env.init(); // Ada, L3
    assert_eq!(env.json(&["gap"]), serde_json::json!([]));

    // Bad input changes nothing.
    let before = env.export();
    env.run(&["assess", "self", "--set", "cooking=L3"])
        .bad_input("--set: 'cooking' is not a competency of ladder 'software-engineer'");
    env.run(&["assess", "self", "--set", "delivery=L9"])
        .bad_input("--set: 'L9' is not a level");
    env.run(&["assess", "self", "--set", "delivery"])
        .bad_input("--set: 'delivery' is not COMPETENCY=LEVEL");
    env.run(&[
        "assess",
        "self",
        "--set",
        "delivery=L3",
        "--set",
        "delivery=L4",
    ])
    .bad_input("'delivery' is rated twice");
    env.run(&[
        "assess",
        "self",
        "--set",
        "delivery=L3",
        "--note",
        "influence=why",
    ])
    .bad_input("--note: 'influence' has no --set");
    // The prompts read answers from stdin; answers that run out record nothing.
    let short = env.run_with_input(&["assess", "self"], "L3\nshipped it\n");
    assert_eq!(short.code, 2);
    assert!(
        short.stderr.ends_with(
            "cairn: error: the answers ended before every competency was asked; nothing was recorded (use --set COMPETENCY=LEVEL in scripts)\n"
        ),
        "{}",
        short.stderr
    );
    assert_eq!(env.export(), before);

    let own = env
        .run(&[
            "--json",
            "assess",
            "self",
            "--set",
            "delivery=L3",
            "--set",
            "influence=L4",
            "--set",
            "mentoring=L2",
            "--note",
            "influence=Led the RFC process",
        ])
        .ok();
    let own: serde_json::Value = serde_json::from_str(&own.stdout).unwrap();
    assert_eq!(own["side"], "self");
    let round_name = own["round"]["name"].as_str().unwrap().to_owned();
    assert!(own["round"]["self_submitted_at"].is_string());
    env.run(&["assess", "self", "--set", "delivery=L4"])
        .bad_input("already has the self view");

    // The manager's view, typed by hand through the prompts: Enter skips a competency.
    let answers = "\n\nL3\nsolid\n\n\nL3\nnot yet beyond the team\nL3\n\n\n";
    let manager = env.run_with_input(&["assess", "manager"], answers).ok();
    assert!(
        manager.stderr.contains("Both views are in"),
        "{}",
        manager.stderr
    );

    let gap = env.json(&["gap"]);
    let row = |id: &str| {
        gap.as_array()
            .unwrap()
            .iter()
            .find(|r| r["competency"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(gap.as_array().unwrap().len(), 8);
    let influence = row("influence");
    assert_eq!(
        (
            &influence["self"],
            &influence["manager"],
            &influence["target"]
        ),
        (&"L4".into(), &"L3".into(), &"L4".into())
    );
    assert_eq!(influence["delta"], 1);
    assert_eq!(influence["label"], "over-confident");
    assert_eq!(row("mentoring")["delta"], -1);
    assert_eq!(row("mentoring")["label"], "under-confident");
    assert_eq!(row("delivery")["label"], "aligned");
    assert!(row("operations")["label"].is_null());

    let text = env.run(&["gap", "--target", "L5"]).ok().stdout;
    assert!(
        text.contains(&format!("Round {round_name}, target L5")),
        "{text}"
    );
    assert!(
        text.contains("You rate yourself higher than your manager on influence by one level: ask for the examples behind their view."),
        "{text}"
    );
    assert!(
        text.contains("Alignment: 33% (1 of 3 competencies agree"),
        "{text}"
    );
    env.run(&["gap", "--target", "L8"])
        .bad_input("--target: 'L8' is not a level");

    // The round is closed: the next view opens a new round; a closed round refuses more.
    env.run(&[
        "assess",
        "self",
        "--round",
        &round_name,
        "--set",
        "delivery=L4",
    ])
    .bad_input("this round is closed");
    env.run(&["assess", "self", "--set", "delivery=L4"]).ok();
    let rounds = env.json(&["assess", "rounds"]);
    let statuses: Vec<&str> = rounds
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["waiting for the manager", "closed"]);
    assert_eq!(rounds[1]["self_entries"], 3);
    assert_eq!(rounds[1]["manager_entries"], 3);

    // Rounds travel in the archive.
    let other = Env::new();
    std::fs::write(other.path("a.json"), env.export()).unwrap();
    other
        .run(&["import", "archive", other.path("a.json").to_str().unwrap()])
        .ok();
    assert_eq!(other.json(&["gap"]), env.json(&["gap"]));
}

#[test]
fn shape_reads_depth_and_breadth_from_area_tags() {
    let env = Env::new();
    env.init();
    for _ in 0..5 {
        env.log(&[
            "Tuned the ledger queries",
            "--skill",
            "technical-depth",
            "--area",
            "backend",
        ]);
    }
    env.log(&[
        "Fixed the deploy pipeline",
        "--skill",
        "operations",
        "--area",
        "infra",
    ]);
    env.log(&[
        "Built the refunds screen",
        "--skill",
        "delivery",
        "--area",
        "frontend",
    ]);
    let shape = env.json(&["shape", "--halves", "2"]);
    let periods = shape["periods"].as_array().unwrap();
    assert_eq!(periods.len(), 2);
    assert_eq!(periods[1]["form"], "T-shaped");
    assert_eq!(shape["areas"][0], "backend");
    assert_eq!(periods[1]["areas"][0]["deep"], true);
    let text = env.run(&["shape"]).ok().stdout;
    assert!(
        text.contains("your work was T-shaped, deep in backend"),
        "{text}"
    );
    env.run(&["shape", "--halves", "0"])
        .bad_input("--halves: give 1 to 20");
}

#[test]
fn ladder_next_sets_this_level_beside_the_next_with_examples() {
    let env = Env::new();
    // Without a profile, a level must be given; the built-in ladder answers.
    env.run(&["ladder", "next"])
        .bad_input("--level: there is no profile");
    let step = env.json(&["ladder", "next", "--level", "L1"]);
    assert_eq!(
        (step["from"]["id"].as_str(), step["to"]["id"].as_str()),
        (Some("L1"), Some("L2"))
    );
    env.init(); // Ada, L3
    let text = env.run(&["ladder", "next"]).ok().stdout;
    assert!(
        text.starts_with("From Senior Engineer (L3) to Staff Engineer (L4)"),
        "{text}"
    );
    let influence = text.split("\nInfluence\n").nth(1).unwrap();
    assert!(
        influence.contains("  Now (L3):  ") && influence.contains("  Next (L4): "),
        "{influence}"
    );
    assert!(influence.contains("\n    e.g. "), "{influence}");
    let step = env.json(&["ladder", "next"]);
    assert_eq!(step["steps"].as_array().unwrap().len(), 8);
    assert!(step["steps"].as_array().unwrap().iter().all(|s| {
        s["next"]["examples"]
            .as_array()
            .is_some_and(|x| !x.is_empty())
    }));
    env.run(&["ladder", "next", "--level", "L6"])
        .bad_input("--level: L6 is the top of the 'software-engineer' ladder");
    env.run(&["ladder", "next", "--level", "L0"])
        .bad_input("--level: 'L0' is not a level");
}

#[test]
fn suggest_works_before_init_from_the_built_in_ladder_and_says_so() {
    let env = Env::new();
    let run = env
        .run(&["suggest", "Set up cert-manager so TLS certificates renew"])
        .ok();
    assert!(run.stdout.starts_with("operations "), "{}", run.stdout);
    assert!(
        run.stderr.contains("no profile yet") && run.stderr.contains("Software Engineer"),
        "{}",
        run.stderr
    );
    assert!(!std::path::Path::new(&env.db).exists(), "no store is made");
}

#[test]
fn suggest_ranks_competencies_and_learns_from_what_was_tagged() {
    let env = Env::new();
    env.init();
    let text = env
        .run(&[
            "suggest",
            "Mentored two new hires through their first on-call rotation",
        ])
        .ok()
        .stdout;
    assert!(text.starts_with("mentoring "), "{text}");
    assert!(text.lines().next().unwrap().contains("mentored"), "{text}");
    assert!(text.lines().count() <= 3);
    let novel = "Ran the quarterly kaizen retro";
    let before = env.json(&["suggest", novel, "--limit", "8"]);
    assert!(
        before
            .as_array()
            .unwrap()
            .iter()
            .all(|s| !s["words"].to_string().contains("kaizen"))
    );
    env.log(&[
        "Kaizen session on the deploy pipeline",
        "--skill",
        "collaboration",
    ]);
    let after = env.json(&["suggest", novel, "--limit", "1"]);
    assert_eq!(after[0]["competency"], "collaboration");
    assert!(after[0]["words"].to_string().contains("kaizen"), "{after}");
    // `log` without --skill suggests the flags to add.
    let logged = env
        .run(&[
            "log",
            "Mentored two new hires through their first on-call rotation",
        ])
        .ok();
    let short = &logged.stdout.trim()[28..];
    assert!(
        logged
            .stderr
            .contains(&format!("cairn edit {short} --skill mentoring")),
        "{}",
        logged.stderr
    );
    let none = env.run(&["suggest", "zzz"]).ok().stdout;
    assert!(
        none.starts_with("No competency of Software Engineer matches"),
        "{none}"
    );
}

#[test]
fn competencies_are_typed_as_people_write_them_and_empty_results_say_so() {
    let env = Env::new();
    env.init();
    env.log(&[
        "Ran the design review",
        "--skill",
        "System design",
        "--skill",
        "Influence",
    ]);
    let listed = env.json(&["list"]);
    assert_eq!(
        listed[0]["competencies"],
        serde_json::json!(["system-design", "influence"])
    );
    let none = env.run(&["search", "zzzz-nothing"]).ok();
    assert_eq!(none.stdout, "", "standard output stays empty for scripts");
    assert_eq!(none.stderr.trim(), "No evidence matches.");
    assert_eq!(env.json(&["search", "zzzz-nothing"]), serde_json::json!([]));
    // With --json, errors are JSON too, naming the flag at fault.
    let refused = env.run(&["--json", "log", "x", "--skill", "Infuence"]);
    assert_eq!(refused.code, 2);
    let error: serde_json::Value = serde_json::from_str(refused.stderr.trim()).unwrap();
    assert_eq!(error["error"]["code"], "bad-input");
    assert_eq!(error["error"]["field"], "--skill");
    assert!(
        error["error"]["message"]
            .as_str()
            .unwrap()
            .contains("did you mean 'influence'?"),
        "{error}"
    );
}

#[test]
fn completions_and_manual_pages_come_from_the_command_definitions() {
    let env = Env::new();
    let bash = env.run(&["completions", "bash"]).ok().stdout;
    assert!(
        bash.contains("decide") && bash.contains("--revisit"),
        "every command and flag"
    );
    let script = env.path("cairn.bash");
    std::fs::write(&script, &bash).unwrap();
    let parsed = std::process::Command::new("bash")
        .arg("-n")
        .arg(&script)
        .status()
        .unwrap();
    assert!(parsed.success(), "bash reads the script");
    assert!(
        env.run(&["completions", "zsh"])
            .ok()
            .stdout
            .starts_with("#compdef cairn")
    );
    assert!(
        env.run(&["completions", "fish"])
            .ok()
            .stdout
            .contains("complete -c cairn")
    );
    assert_eq!(env.run(&["completions", "tcsh"]).code, 2);

    let page = env.run(&["man"]).ok().stdout;
    assert!(page.contains(".TH cairn 1"), "{page}");
    assert!(page.contains("decide"), "subcommands are listed");
    let dir = env.path("man1");
    env.run(&["man", "--dir", dir.to_str().unwrap()]).ok();
    let set = std::fs::read_to_string(dir.join("cairn-goal-set.1")).unwrap();
    assert!(set.contains(".TH cairn-goal-set 1"), "{set}");
    assert!(
        set.contains("\\-\\-target\\-level"),
        "its flags are documented"
    );
}

#[test]
fn help_shows_each_example_on_its_own_line_and_reached_and_drop_have_their_own() {
    let env = Env::new();
    let help = env.run(&["goal", "set", "--help"]).ok().stdout;
    assert!(help.contains("\n\nExamples:\n  cairn goal set '"), "{help}");
    let examples = help
        .lines()
        .filter(|l| l.starts_with("  cairn goal set "))
        .count();
    assert_eq!(examples, 2, "{help}");
    let reached = env.run(&["goal", "reached", "--help"]).ok().stdout;
    let dropped = env.run(&["goal", "drop", "--help"]).ok().stdout;
    assert!(reached.contains("--level") && !dropped.contains("--level"));
    assert_ne!(reached.lines().next(), dropped.lines().next());
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let env = Env::new();
    env.init();
    let piped = env.run(&["goal", "check", "I want to grow"]).ok().stdout;
    assert!(
        !piped.contains('\u{1b}'),
        "a pipe gets plain text: {piped:?}"
    );
    let forced = env
        .run(&["--color", "always", "goal", "check", "I want to grow"])
        .ok()
        .stdout;
    assert!(
        forced.starts_with("\u{1b}[1m\u{1b}[31mvague\u{1b}[0m\n"),
        "{forced:?}"
    );
    let never = env.run(&["--color", "never", "ready"]).ok().stdout;
    assert!(!never.contains('\u{1b}'));
    let refused = env.run(&["--color", "always", "log", "x", "--skill", "zz"]);
    assert!(
        refused
            .stderr
            .starts_with("\u{1b}[1m\u{1b}[31mcairn: error:"),
        "{:?}",
        refused.stderr
    );
    assert_eq!(env.run(&["--color", "sometimes", "ready"]).code, 2);
}

#[cfg(unix)]
#[test]
fn writing_to_a_pipe_or_device_writes_through_it_and_leaves_it_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let env = Env::new();
    env.init();
    let pipe = env.path("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&pipe)
        .status()
        .unwrap();
    assert!(made.success());
    let reader = {
        let pipe = pipe.clone();
        std::thread::spawn(move || std::fs::read_to_string(pipe).unwrap())
    };
    env.run(&["export", "-o", pipe.to_str().unwrap()]).ok();
    // Checked before waiting on the reader, which a replaced pipe would leave waiting.
    assert!(
        std::fs::metadata(&pipe).unwrap().file_type().is_fifo(),
        "the pipe was replaced by a file"
    );
    let read = reader.join().unwrap();
    assert!(
        read.starts_with("{\n  \"format\": \"cairn-archive\""),
        "{read}"
    );
}
