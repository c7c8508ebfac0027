//! Crash safety and concurrency through the real binary: imports killed with SIGKILL at
//! random points leave the store whole and the import wholly there or wholly absent, and
//! many processes writing at once each land exactly once.
//!
//! `CAIRN_KILLS=N` sets how many kills each test makes (default 12, quick enough for CI).

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod harness;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use cairn_core::archive::Archive;
use cairn_core::evidence::Evidence;
use cairn_store::test_support::records;
use harness::{Env, Served};

fn kills() -> usize {
    std::env::var("CAIRN_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(12)
}

/// A tiny deterministic generator, so a failing run can be repeated.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n.max(1)
    }
}

/// Copies a closed store file with its WAL, so each attempt starts from the same state.
fn copy_store(from: &str, to: &str) {
    for suffix in ["", "-wal", "-shm"] {
        let target = format!("{to}{suffix}");
        let _ = std::fs::remove_file(&target);
        let source = format!("{from}{suffix}");
        if std::path::Path::new(&source).exists() {
            std::fs::copy(&source, &target).unwrap();
        }
    }
}

fn count(env: &Env, key: &str) -> usize {
    let archive: serde_json::Value = serde_json::from_str(&env.export()).unwrap();
    archive[key].as_array().unwrap().len()
}

/// Runs `args` and kills it after `after`; true when it had already finished.
fn run_and_kill(env: &Env, args: &[&str], after: Duration) -> bool {
    let mut child = env
        .command()
        .arg("--db")
        .arg(&env.db)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + after;
    while Instant::now() < deadline {
        if child.try_wait().unwrap().is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    false
}

#[test]
fn an_archive_import_killed_anywhere_is_all_or_nothing() {
    let env = Env::new();
    env.init();
    let template: Archive = serde_json::from_str(&env.export()).unwrap();
    let me = template.people[0].clone();
    let evidence: Vec<Evidence> = (0..6_000)
        .map(|i| {
            let date = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                + chrono::Duration::days(i % 300);
            let title = format!("Entry {i} about the ledger");
            Evidence {
                body: "Some detail ".repeat(10),
                ..records::evidence(&me, date, &title, &["delivery"])
            }
        })
        .collect();
    let big = Archive::new(
        Some(me.id),
        template.ladders.clone(),
        template.people.clone(),
        vec![],
        vec![],
        evidence,
    );
    let file = env.path("big.json");
    std::fs::write(&file, big.to_json()).unwrap();
    let base = env.path("base.db").display().to_string();
    copy_store(&env.db, &base);

    // How long an uninterrupted import takes, to kill at random points within it.
    let started = Instant::now();
    env.run(&["import", "archive", file.to_str().unwrap()]).ok();
    let whole = started.elapsed();
    assert_eq!(count(&env, "evidence"), 6_000);

    let mut rng = Lcg(20_261_124);
    let (mut absent, mut present) = (0, 0);
    for _ in 0..kills() {
        copy_store(&base, &env.db);
        let at = Duration::from_micros(rng.below(whole.as_micros() as u64 * 11 / 10));
        run_and_kill(&env, &["import", "archive", file.to_str().unwrap()], at);
        env.run(&["check"]).ok();
        match count(&env, "evidence") {
            0 => absent += 1,
            6_000 => present += 1,
            n => panic!("a killed import left {n} of 6000 entries"),
        }
        // Re-running gives exactly the complete result.
        env.run(&["import", "archive", file.to_str().unwrap()]).ok();
        assert_eq!(count(&env, "evidence"), 6_000);
    }
    eprintln!(
        "archive import: {} kills, {absent} left nothing, {present} had finished; import takes {whole:?}",
        kills()
    );
    assert!(absent > 0, "no kill landed inside the import: {whole:?}");
}

/// A repository of `n` commits by ada@work.example, written with `git fast-import`.
fn repository(env: &Env, n: usize) -> std::path::PathBuf {
    let path = env.path("repo");
    std::fs::create_dir_all(&path).unwrap();
    let git = |args: &[&str]| {
        assert!(
            Command::new("git")
                .arg("-C")
                .arg(&path)
                .args(args)
                .status()
                .unwrap()
                .success()
        );
    };
    git(&["init", "-q", "-b", "main"]);
    let mut stream = String::new();
    for i in 0..n {
        let when = 1_700_000_000 + i * 3_600;
        let message = format!("fix(ledger): change {i}\n");
        let content = format!("line {i}\n");
        stream.push_str(&format!(
            "commit refs/heads/main\nauthor Ada <ada@work.example> {when} +0000\ncommitter Ada <ada@work.example> {when} +0000\ndata {}\n{message}M 100644 inline f{}.txt\ndata {}\n{content}\n",
            message.len(),
            i % 50,
            content.len()
        ));
    }
    let mut child = Command::new("git")
        .arg("-C")
        .arg(&path)
        .args(["fast-import", "--quiet"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stream.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    path
}

#[test]
fn a_git_import_killed_anywhere_is_all_or_nothing() {
    let env = Env::new();
    env.init();
    let repo = repository(&env, 3_000);
    let shown = repo.to_str().unwrap();
    let base = env.path("base.db").display().to_string();
    copy_store(&env.db, &base);
    let started = Instant::now();
    env.run(&["import", "git", shown]).ok();
    let whole = started.elapsed();
    assert_eq!(count(&env, "activities"), 3_000);

    let mut rng = Lcg(7);
    let mut absent = 0;
    for _ in 0..kills() {
        copy_store(&base, &env.db);
        let at = Duration::from_micros(rng.below(whole.as_micros() as u64 * 11 / 10));
        run_and_kill(&env, &["import", "git", shown], at);
        env.run(&["check"]).ok();
        match count(&env, "activities") {
            0 => absent += 1,
            3_000 => {}
            n => panic!("a killed git import left {n} of 3000 commits"),
        }
        let again = env.json(&["import", "git", shown]);
        assert_eq!(
            again["imported"].as_u64().unwrap() + again["skipped"].as_u64().unwrap(),
            3_000
        );
        assert_eq!(count(&env, "activities"), 3_000);
    }
    eprintln!(
        "git import: {} kills, {absent} left nothing; import takes {whole:?}",
        kills()
    );
    assert!(absent > 0, "no kill landed inside the import: {whole:?}");
}

#[test]
fn many_processes_logging_at_once_each_land_once() {
    let env = Env::new();
    env.init();
    let writers = 16;
    let each = 10;
    let children = spawn_writers(&env, writers, each, "writer", Some("delivery"));
    for mut c in children {
        assert!(c.wait().unwrap().success(), "a writer failed");
    }
    let archive: serde_json::Value = serde_json::from_str(&env.export()).unwrap();
    let mut titles: Vec<&str> = archive["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles.len(), writers * each);
    titles.sort_unstable();
    titles.dedup();
    assert_eq!(
        titles.len(),
        writers * each,
        "every write landed exactly once"
    );
    env.run(&["check"]).ok();
}

#[test]
fn check_finds_a_damaged_store() {
    let env = Env::new();
    env.init();
    for i in 0..300 {
        env.log(&[
            &format!("Entry {i} with enough words to fill pages"),
            "--body",
            &"detail ".repeat(40),
        ]);
    }
    env.run(&["check"]).ok();
    // Overwrite part of the file's middle with garbage, as a failing disk might.
    let mut bytes = std::fs::read(&env.db).unwrap();
    let middle = bytes.len() / 2;
    for b in &mut bytes[middle..middle + 8_192] {
        *b = 0xA5;
    }
    std::fs::write(&env.db, &bytes).unwrap();
    let r = env.run(&["check"]);
    assert_ne!(r.code, 0, "a damaged store checks as ok: {}", r.stderr);
    assert!(r.stderr.contains("cairn"), "{}", r.stderr);
}

/// Exports taken while other processes write are each a consistent snapshot: they read
/// back as valid archives, and each holds at least as much as the one before.
fn exports_while_writing(env: &Env) {
    env.init();
    let writers = spawn_writers(env, 4, 15, "writer", Some("mentoring"));
    let mut sizes = Vec::new();
    let today = chrono::Local::now().date_naive();
    for _ in 0..8 {
        let text = env.export();
        let archive = Archive::parse(&text, today).expect("an export taken mid-write reads back");
        sizes.push(archive.evidence.len());
    }
    for mut w in writers {
        assert!(w.wait().unwrap().success());
    }
    assert!(sizes.windows(2).all(|p| p[0] <= p[1]), "{sizes:?}");
    assert_eq!(count(env, "evidence"), 60);
    // The round trip stays byte-identical.
    let text = env.export();
    let copy = Env::new();
    let file = copy.path("backup.json");
    std::fs::write(&file, &text).unwrap();
    copy.run(&["import", "archive", file.to_str().unwrap()])
        .ok();
    copy.run(&["check"]).ok();
    assert_eq!(copy.export(), text);
}

#[test]
fn exports_taken_while_writing_are_consistent_on_sqlite() {
    exports_while_writing(&Env::new());
}

#[tokio::test]
async fn exports_taken_while_writing_are_consistent_on_postgres() {
    on_postgres(exports_while_writing).await;
}

/// `count` shell processes, each running `cairn log` `each` times against the store, all
/// at once; each entry's title is unique ("LABEL W entry I").
fn spawn_writers(
    env: &Env,
    count: usize,
    each: usize,
    label: &str,
    skill: Option<&str>,
) -> Vec<std::process::Child> {
    let skill = skill.map_or(String::new(), |s| format!(" --skill {s}"));
    (0..count)
        .map(|w| {
            let script = (0..each)
                .map(|i| format!("\"$CAIRN\" --db \"$DB\" log '{label} {w} entry {i}'{skill} >/dev/null 2>&1 || exit 1"))
                .collect::<Vec<_>>()
                .join("\n");
            env.sandboxed("sh")
                .arg("-c")
                .arg(script)
                .env("CAIRN", env!("CARGO_BIN_EXE_cairn"))
                .env("DB", &env.db)
                .spawn()
                .unwrap()
        })
        .collect()
}

fn start_server(env: &Env) -> Served {
    env.serve(&["--db", &env.db, "serve", "--addr", "127.0.0.1:0"])
}

/// POSTs a JSON body and returns the status code.
fn post(addr: &str, path: &str, body: &str) -> u16 {
    exchange(
        addr,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

/// Sends one raw HTTP/1.1 request on a new connection and returns the reply's status code.
fn exchange(addr: &str, request: &str) -> u16 {
    use std::io::Read;
    let mut socket = std::net::TcpStream::connect(addr).unwrap();
    socket.write_all(request.as_bytes()).unwrap();
    let mut reply = String::new();
    socket.read_to_string(&mut reply).unwrap();
    reply
        .split(' ')
        .nth(1)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

/// Two servers and four CLI processes write at once; every write lands exactly once.
fn servers_and_processes_write_at_once(env: &Env) {
    env.init();
    let servers = [start_server(env), start_server(env)];
    let http: Vec<_> = (0..4)
        .map(|t| {
            let addr = servers[t % 2].addr.clone();
            std::thread::spawn(move || {
                for i in 0..25 {
                    let body = format!(
                        "{{\"title\": \"http {t} entry {i}\", \"competencies\": [\"delivery\"]}}"
                    );
                    assert_eq!(post(&addr, "/api/v1/evidence", &body), 201, "http {t} {i}");
                }
            })
        })
        .collect();
    let cli = spawn_writers(env, 4, 10, "cli", None);
    for t in http {
        t.join().unwrap();
    }
    for mut c in cli {
        assert!(c.wait().unwrap().success(), "a CLI writer failed");
    }
    let archive: serde_json::Value = serde_json::from_str(&env.export()).unwrap();
    let mut titles: Vec<&str> = archive["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    titles.sort_unstable();
    let all = titles.len();
    titles.dedup();
    assert_eq!(
        (all, titles.len()),
        (140, 140),
        "100 over HTTP and 40 from the CLI, once each"
    );
    env.run(&["check"]).ok();
}

#[test]
fn servers_and_processes_writing_at_once_on_sqlite_each_land_once() {
    servers_and_processes_write_at_once(&Env::new());
}

#[tokio::test]
async fn servers_sharing_one_postgres_database_each_write_lands_once() {
    on_postgres(servers_and_processes_write_at_once).await;
}

/// Runs `story` against a scratch PostgreSQL database, or says why it was skipped.
async fn on_postgres(story: fn(&Env)) {
    let Some(db) = cairn_store::test_support::scratch_postgres().await else {
        eprintln!("skipped: set CAIRN_TEST_POSTGRES_URL to run this on PostgreSQL");
        return;
    };
    let env = Env::with_db(&db.url);
    tokio::task::spawn_blocking(move || story(&env))
        .await
        .unwrap();
}

/// Sends a GET and returns the status code.
fn get_status(addr: &str, path: &str) -> u16 {
    exchange(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"),
    )
}

/// Resident memory of a process, in KiB.
fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// A bounded soak: mixed reads and writes from four clients for `CAIRN_SOAK_SECONDS`
/// (default 6): no errors, memory flat after warm-up, every write readable afterwards.
fn soak(env: &Env) {
    env.init();
    let seconds: u64 = std::env::var("CAIRN_SOAK_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(6);
    let server = start_server(env);
    let pid = server.pid();
    // Warm up, so caches and pools are full before memory is measured.
    for i in 0..50 {
        let body =
            format!("{{\"title\": \"warm-up {i} ledger\", \"competencies\": [\"delivery\"]}}");
        assert_eq!(post(&server.addr, "/api/v1/evidence", &body), 201);
        assert_eq!(get_status(&server.addr, "/"), 200);
    }
    let before = rss_kib(pid);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let clients: Vec<_> = (0..4)
        .map(|c| {
            let addr = server.addr.clone();
            std::thread::spawn(move || {
                let (mut requests, mut errors, mut written) = (0u64, 0u64, Vec::new());
                let mut i = 0;
                while Instant::now() < deadline {
                    let status = match i % 5 {
                        0 => {
                            let title = format!("soak {c} entry {i}");
                            let body = format!(
                                "{{\"title\": \"{title}\", \"competencies\": [\"operations\"]}}"
                            );
                            let s = post(&addr, "/api/v1/evidence", &body);
                            if s == 201 {
                                written.push(title);
                            }
                            s
                        }
                        1 => get_status(&addr, "/api/v1/evidence?q=ledger&limit=20"),
                        2 => get_status(&addr, "/"),
                        3 => get_status(&addr, "/api/v1/ready"),
                        _ => get_status(&addr, "/evidence?skill=operations"),
                    };
                    requests += 1;
                    if !(200..300).contains(&status) {
                        errors += 1;
                    }
                    i += 1;
                }
                (requests, errors, written)
            })
        })
        .collect();
    let (mut requests, mut errors, mut written) = (0, 0, Vec::new());
    for c in clients {
        let (r, e, w) = c.join().unwrap();
        requests += r;
        errors += e;
        written.extend(w);
    }
    let after = rss_kib(pid);
    drop(server);
    let archive: serde_json::Value = serde_json::from_str(&env.export()).unwrap();
    let stored: std::collections::HashSet<&str> = archive["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    let missing = written
        .iter()
        .filter(|t| !stored.contains(t.as_str()))
        .count();
    eprintln!(
        "soak on {}: {requests} requests in {seconds} s, {errors} errors, {} writes ({missing} missing), RSS {before} -> {after} KiB",
        if env.db.starts_with("postgres") {
            "PostgreSQL"
        } else {
            "SQLite"
        },
        written.len()
    );
    assert_eq!(errors, 0);
    assert_eq!(missing, 0);
    assert!(
        after < before + before / 2 + 16 * 1024,
        "memory grew from {before} to {after} KiB"
    );
    env.run(&["check"]).ok();
}

#[test]
fn a_bounded_soak_on_sqlite_has_no_errors_and_no_growth() {
    soak(&Env::new());
}

#[tokio::test]
async fn a_bounded_soak_on_postgres_has_no_errors_and_no_growth() {
    on_postgres(soak).await;
}
