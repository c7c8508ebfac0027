//! A builder harness for running the real `cairn` binary in a sandbox, so tests read like
//! specifications: `env.run(&["log", "x"]).ok()`.

#![allow(dead_code)] // each test binary uses part of the harness
#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap here is a failed test

pub mod repo;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

/// A sandbox: its own home, data and config folders, and a store path inside it.
pub struct Env {
    pub dir: tempfile::TempDir,
    pub db: String,
}

/// What a run printed and how it exited.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A child process killed when the test ends, however it ends.
pub struct Running(pub Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A running `cairn serve`, stopped when dropped.
pub struct Served {
    process: Running,
    /// Where it listens, `host:port`.
    pub addr: String,
    /// What it said on stderr before that.
    pub said: Vec<String>,
}

impl Served {
    /// Its process id.
    pub fn pid(&self) -> u32 {
        self.process.0.id()
    }

    /// Its base URL, without a trailing slash.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }
}

impl Env {
    /// Starts `cairn ARGS` (a `serve` on port 0) and returns once it says where it listens.
    pub fn serve(&self, args: &[&str]) -> Served {
        let mut child = self
            .command()
            .args(args)
            .stderr(Stdio::piped())
            .spawn()
            .expect("cairn serve starts");
        // Lines before the address (the demo team's logins, the sign-on) are skipped.
        let mut reader = BufReader::new(child.stderr.take().expect("its stderr"));
        let mut line = String::new();
        let mut said = Vec::new();
        while !line.contains(" is serving ") {
            said.push(std::mem::take(&mut line));
            if reader.read_line(&mut line).expect("a line") == 0 {
                panic!("cairn serve stopped before saying where it listens: {said:?}");
            }
        }
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_owned();
        Served {
            process: Running(child),
            addr,
            said,
        }
    }

    /// A sandbox whose store is a SQLite file in it.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("cairn.db").display().to_string();
        Self { dir, db }
    }

    /// A sandbox whose store is somewhere else, such as a PostgreSQL URL.
    pub fn with_db(db: &str) -> Self {
        Self {
            db: db.to_owned(),
            ..Self::new()
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The binary with the sandbox's environment and no `--db`.
    pub fn command(&self) -> Command {
        self.sandboxed(env!("CARGO_BIN_EXE_cairn"))
    }

    /// Any program, with the sandbox's environment.
    pub fn sandboxed(&self, program: &str) -> Command {
        let mut cmd = Command::new(program);
        cmd.env_remove("CAIRN_DB")
            .env_remove("CAIRN_CONFIG")
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .stdin(Stdio::null());
        cmd
    }

    /// Runs `cairn --db STORE ARGS...`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut cmd = self.command();
        cmd.arg("--db").arg(&self.db).args(args);
        Run::from(cmd.output().expect("run cairn"))
    }

    /// Runs `cairn --db STORE ARGS...` with `input` on standard input.
    pub fn run_with_input(&self, args: &[&str], input: &str) -> Run {
        use std::io::Write;
        let mut cmd = self.command();
        cmd.arg("--db")
            .arg(&self.db)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("run cairn");
        // A command that refuses its arguments exits before reading: a closed pipe is fine.
        let written = child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes());
        if let Err(e) = written {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "write stdin: {e}");
        }
        Run::from(child.wait_with_output().expect("wait for cairn"))
    }

    /// Runs with `--json` and parses stdout.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let run = self.run(&all).ok();
        serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", run.stdout))
    }

    /// A profile at L3 on the built-in ladder.
    pub fn init(&self) -> &Self {
        self.init_with(&["ada@work.example"])
    }

    /// A profile at L3 on the built-in ladder with these emails.
    pub fn init_with(&self, emails: &[&str]) -> &Self {
        let mut args = vec!["init", "--name", "Ada Lovelace", "--level", "L3"];
        for email in emails {
            args.extend(["--email", email]);
        }
        self.run(&args).ok();
        self
    }

    /// Logs an entry and returns its full id.
    pub fn log(&self, args: &[&str]) -> String {
        let mut all = vec!["log"];
        all.extend_from_slice(args);
        self.run(&all).ok().stdout.trim().to_owned()
    }

    /// The store as exported, for before/after comparisons.
    pub fn export(&self) -> String {
        self.run(&["export"]).ok().stdout
    }
}

impl From<Output> for Run {
    fn from(output: Output) -> Self {
        Self {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

impl Run {
    /// Asserts success.
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    /// Asserts exit code 2 with one error line containing `text`.
    #[track_caller]
    pub fn bad_input(self, text: &str) -> Self {
        assert_eq!(
            self.code, 2,
            "expected exit 2\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        assert!(
            self.stderr.starts_with("cairn: error: "),
            "stderr: {}",
            self.stderr
        );
        assert!(
            self.stderr.contains(text),
            "stderr lacks {text:?}: {}",
            self.stderr
        );
        self
    }

    pub fn lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

/// True when `path` exists.
pub fn exists(path: &Path) -> bool {
    path.exists()
}
