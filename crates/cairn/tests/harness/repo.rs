//! Git repositories built in a test with the real `git`, committed to with chosen authors
//! and dates.

use std::path::PathBuf;
use std::process::Command;

use super::Env;

/// A git repository in the sandbox, committed to with chosen authors and dates.
pub struct Repo {
    pub path: PathBuf,
}

impl Repo {
    pub fn new(env: &Env, name: &str) -> Self {
        let path = env.path(name);
        std::fs::create_dir_all(&path).unwrap();
        let repo = Self { path };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    pub fn git(&self, args: &[&str]) -> String {
        let out = Command::new("git")
            .arg("-C")
            .arg(&self.path)
            .args(args)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_COMMITTER_NAME", "CI")
            .env("GIT_COMMITTER_EMAIL", "ci@example.invalid")
            .output()
            .expect("run git");
        assert!(
            out.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// Commits a change to `file` (`lines` new lines) as `email` on `day`.
    pub fn commit(
        &self,
        email: &str,
        day: &str,
        message: &str,
        file: &str,
        lines: usize,
    ) -> String {
        let path = self.path.join(file);
        let mut text = std::fs::read_to_string(&path).unwrap_or_default();
        for i in 0..lines {
            text.push_str(&format!("line {i} of {message}\n"));
        }
        std::fs::write(&path, text).unwrap();
        self.git(&["add", file]);
        let date = format!("{day}T10:00:00+00:00");
        let out = Command::new("git")
            .arg("-C")
            .arg(&self.path)
            .args(["commit", "-q", "-m", message])
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_AUTHOR_NAME", email.split('@').next().unwrap())
            .env("GIT_AUTHOR_EMAIL", email)
            .env("GIT_AUTHOR_DATE", &date)
            .env("GIT_COMMITTER_NAME", "CI")
            .env("GIT_COMMITTER_EMAIL", "ci@example.invalid")
            .env("GIT_COMMITTER_DATE", &date)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self.git(&["rev-parse", "HEAD"])
    }

    pub fn shown(&self) -> &str {
        self.path.to_str().unwrap()
    }
}
