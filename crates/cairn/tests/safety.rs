//! The record survives and carries nothing dangerous, through the real binary: a copy of
//! the store file after any command (or a stopped server) is a whole backup, `cairn backup`
//! takes one while the store is in use, an empty file is no store, and text and links that
//! could break a terminal, a database or a document are refused at the door.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod harness;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::Stdio;

use harness::Env;

/// The titles a copy of the store file holds, read through `--db COPY`.
fn titles_in_copy(env: &Env, name: &str) -> Vec<String> {
    let copy = env.path(name);
    std::fs::copy(&env.db, &copy).unwrap();
    let listed = Env::with_db(copy.to_str().unwrap()).json(&["list"]);
    listed
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn a_copy_of_the_file_after_a_command_exits_is_a_whole_store() {
    let env = Env::new();
    env.init();
    env.log(&["Wrote the on-call guide"]);
    assert_eq!(titles_in_copy(&env, "copy.db"), ["Wrote the on-call guide"]);
    assert!(
        !std::path::Path::new(&format!("{}-wal", env.db)).exists(),
        "the log is folded back"
    );
}

#[test]
fn a_copy_of_the_file_after_the_server_stops_is_a_whole_store() {
    let env = Env::new();
    env.init();
    let mut server = env
        .command()
        .args(["--db", &env.db, "serve", "--addr", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(server.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .unwrap()
        .split('/')
        .next()
        .unwrap()
        .to_owned();
    let body = r#"{"title": "Logged through the server"}"#;
    let mut socket = std::net::TcpStream::connect(&addr).unwrap();
    write!(
        socket,
        "POST /api/v1/evidence HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut reply = String::new();
    socket.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 201"), "{reply}");
    // Ctrl-C, as a person stops it.
    let stopped = std::process::Command::new("kill")
        .args(["-INT", &server.id().to_string()])
        .status()
        .unwrap();
    assert!(stopped.success());
    assert!(server.wait().unwrap().success(), "a clean stop exits 0");
    assert_eq!(
        titles_in_copy(&env, "copy.db"),
        ["Logged through the server"]
    );
}

#[test]
fn backup_writes_a_checked_copy_and_never_overwrites() {
    let env = Env::new();
    env.init();
    env.log(&["Ran the checkout incident review"]);
    let file = env.path("backup.db");
    let file = file.to_str().unwrap();
    env.run(&["backup", file]).ok();
    let copy = Env::with_db(file);
    assert_eq!(
        copy.json(&["list"])[0]["title"],
        "Ran the checkout incident review"
    );
    assert_eq!(copy.json(&["check"])["ok"], true);
    env.run(&["backup", file]).bad_input("exists already");
}

#[test]
fn an_empty_or_missing_file_is_no_store_for_check_or_export() {
    let env = Env::new();
    let empty = env.path("empty.db");
    std::fs::write(&empty, b"").unwrap();
    let empty = empty.to_str().unwrap();
    for command in ["check", "export"] {
        Env::with_db(empty)
            .run(&[command])
            .bad_input("is an empty file, not a Cairn store");
        Env::with_db("/nonexistent/cairn.db")
            .run(&[command])
            .bad_input("/nonexistent/cairn.db");
    }
    assert_eq!(std::fs::metadata(empty).unwrap().len(), 0, "left as it was");
}

#[test]
fn control_characters_and_script_links_are_refused_and_the_store_is_unchanged() {
    let env = Env::new();
    env.init();
    let before = env.export();
    for (args, says) in [
        (vec!["log", "bell\u{7}title"], "control character U+0007"),
        (
            vec!["log", "ok", "--body", "escape \u{1b}[2J"],
            "control character U+001B",
        ),
        (
            vec!["log", "ok", "--link", "javascript://%0aalert(1)"],
            "is not a web address",
        ),
        (
            vec!["log", "ok", "--link", "data:text/html,<script>"],
            "is not a web address",
        ),
    ] {
        env.run(&args).bad_input(says);
    }
    assert_eq!(env.export(), before);
    env.log(&[
        "Fine",
        "--link",
        "mailto:ada@work.example",
        "--link",
        "HTTPS://wiki.example/a",
    ]);
}

#[test]
fn the_packet_escapes_what_people_wrote_and_carries_its_own_policy() {
    let env = Env::new();
    env.init();
    env.log(&[
        "<script>alert(1)</script> shipped *it*",
        "--skill",
        "delivery",
        "--level",
        "next",
    ]);
    let md = env.run(&["packet"]).ok().stdout;
    assert!(!md.contains("<script>"), "{md}");
    assert!(
        md.contains(r"\<script\>alert(1)\</script\> shipped \*it\*"),
        "{md}"
    );
    let html = env.run(&["packet", "--format", "html"]).ok().stdout;
    assert!(!html.contains("<script>alert"), "escaped in HTML too");
    assert!(
        html.contains(r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none';"#),
        "a standalone document blocks scripts itself"
    );
}

/// Runs the binary so that file permissions bind it: an administrator's rights are dropped
/// in a user namespace where the system allows one (`unshare -U`), as a mounted backup
/// binds everyone.
fn as_unprivileged(env: &Env, args: &[&str]) -> harness::Run {
    let namespaced = std::process::Command::new("unshare")
        .args(["-U", "true"])
        .status()
        .is_ok_and(|s| s.success());
    let mut cmd = if namespaced {
        let mut cmd = env.sandboxed("unshare");
        cmd.args(["-U", env!("CARGO_BIN_EXE_cairn")]);
        cmd
    } else {
        env.command()
    };
    harness::Run::from(cmd.arg("--db").arg(&env.db).args(args).output().unwrap())
}

#[test]
fn a_read_only_store_is_listed_checked_and_exported_but_not_changed() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.init();
    env.log(&["Wrote the on-call guide"]);
    let folder = std::fs::Permissions::from_mode(0o555);
    std::fs::set_permissions(&env.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(env.dir.path(), folder).unwrap();

    let listed = as_unprivileged(&env, &["list"]).ok();
    assert!(
        listed.stdout.contains("Wrote the on-call guide"),
        "{listed:?}"
    );
    let checked = as_unprivileged(&env, &["check"]).ok();
    assert!(checked.stderr.contains(": ok, "), "{checked:?}");
    let exported = as_unprivileged(&env, &["export"]).ok();
    assert!(exported.stdout.contains("Wrote the on-call guide"));
    as_unprivileged(&env, &["log", "Another"]).bad_input("is read-only");
    let left: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("cairn.db"))
        .collect();
    assert_eq!(
        left,
        ["cairn.db"],
        "nothing written beside a read-only store"
    );

    std::fs::set_permissions(env.dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[test]
fn a_write_blocked_by_another_process_names_it_and_says_what_to_do() {
    let env = Env::new();
    env.init();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        use sqlx::Connection;
        let mut holder = sqlx::SqliteConnection::connect(&format!("sqlite://{}", env.db))
            .await
            .unwrap();
        sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut holder)
            .await
            .unwrap();
        let blocked = env
            .command()
            .env("CAIRN_LOCK_WAIT", "1")
            .args(["--db", &env.db, "log", "Blocked"])
            .output()
            .unwrap();
        let blocked = harness::Run::from(blocked);
        assert_eq!(blocked.code, 1, "{blocked:?}");
        let own = std::process::id();
        assert!(
            blocked.stderr.starts_with(&format!(
                "cairn: error: {} is locked: it is held open by pid {own} (",
                env.db
            )),
            "{}",
            blocked.stderr
        );
        assert!(blocked.stderr.contains("waited 1 s"), "{}", blocked.stderr);
        sqlx::query("ROLLBACK").execute(&mut holder).await.unwrap();
    });
    env.log(&["Not blocked"]);
}
