//! Imports into the inbox, end to end through the real binary: git repositories built in
//! the test with the real `git`, GitHub and Jira files shaped like the real exports, and the
//! inbox that turns them into evidence.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod harness;

use std::path::{Path, PathBuf};
use std::process::Command;

use harness::Env;
use harness::repo::Repo;

fn inbox(env: &Env) -> Vec<serde_json::Value> {
    env.json(&["inbox", "-n", "0"]).as_array().unwrap().clone()
}

fn group<'a>(groups: &'a [serde_json::Value], key: &str) -> &'a serde_json::Value {
    groups
        .iter()
        .find(|g| g["key"] == key)
        .unwrap_or_else(|| panic!("no group {key} in {groups:#?}"))
}

#[test]
fn git_history_lands_in_the_inbox_once_with_credit_where_due() {
    let env = Env::new();
    env.init_with(&["ada@work.example", "ada@home.example"]);
    let billing = Repo::new(&env, "billing");
    billing.git(&["remote", "add", "origin", "git@github.com:acme/billing.git"]);
    let round = billing.commit(
        "ada@work.example",
        "2026-03-02",
        "fix(ledger): round invoice totals once",
        "ledger.rs",
        12,
    );
    billing.commit(
        "ada@work.example",
        "2026-03-03",
        "fix(ledger): keep the rounding rule in one place",
        "ledger.rs",
        3,
    );
    billing.commit(
        "bob@work.example",
        "2026-03-04",
        "PAY-142 refund retries\n\nCo-authored-by: Ada Lovelace <Ada@Home.example>",
        "refund.rs",
        7,
    );
    billing.commit(
        "bob@work.example",
        "2026-03-05",
        "Bob's own work",
        "bob.rs",
        2,
    );
    // An old address, mapped to the current one by .mailmap.
    billing.commit(
        "ada@old.example",
        "2026-03-06",
        "Design doc for the ledger (#12)",
        "doc.md",
        40,
    );
    std::fs::write(
        billing.path.join(".mailmap"),
        "Ada Lovelace <ada@work.example> <ada@old.example>\n",
    )
    .unwrap();
    // A merge: skipped unless --merges.
    billing.git(&["checkout", "-q", "-b", "topic"]);
    billing.commit(
        "ada@work.example",
        "2026-03-09",
        "Topic work",
        "topic.rs",
        1,
    );
    billing.git(&["checkout", "-q", "main"]);
    billing.commit("bob@work.example", "2026-03-09", "Main work", "main.rs", 1);
    let merge = Command::new("git")
        .arg("-C")
        .arg(&billing.path)
        .args(["merge", "-q", "--no-ff", "-m", "Merge topic", "topic"])
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Ada")
        .env("GIT_AUTHOR_EMAIL", "ada@work.example")
        .env("GIT_COMMITTER_NAME", "Ada")
        .env("GIT_COMMITTER_EMAIL", "ada@work.example")
        .status()
        .unwrap();
    assert!(merge.success());
    let other = Repo::new(&env, "tools");
    other.commit(
        "ada@home.example",
        "2026-04-01",
        "Add a lint script",
        "lint.sh",
        5,
    );

    let first = env.json(&["import", "git", billing.shown(), other.shown()]);
    // Ada authored 4 in billing (one under her old, mapped address), co-authored 1, and
    // wrote 1 in tools; Bob's three commits and the merge are left out.
    assert_eq!(first["imported"], 6, "{first}");
    assert_eq!(first["skipped"], 0);
    let again = env.json(&["import", "git", billing.shown(), other.shown()]);
    assert_eq!(
        (again["imported"].as_u64(), again["skipped"].as_u64()),
        (Some(0), Some(6))
    );

    let groups = inbox(&env);
    // Same scope and week: one group of two commits, under the remote's name.
    let ledger = group(&groups, "acme/billing:ledger@2026-W10");
    assert_eq!(ledger["activities"].as_array().unwrap().len(), 2);
    assert_eq!(ledger["title"], "Round invoice totals once");
    let activity = ledger["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["external_id"] == round.as_str())
        .unwrap();
    assert_eq!(
        (activity["files"].as_u64(), activity["additions"].as_u64()),
        (Some(1), Some(12))
    );
    assert_eq!(
        activity["url"],
        format!("https://github.com/acme/billing/commit/{round}")
    );
    // The ticket key groups the co-authored commit; its trailer is not in the body.
    let ticket = group(&groups, "PAY-142");
    assert!(
        !ticket["activities"][0]["body"]
            .as_str()
            .unwrap()
            .contains("Co-authored")
    );
    group(&groups, "acme/billing#12");
    group(&groups, "tools@2026-W14");
    assert!(
        !groups
            .iter()
            .any(|g| g["title"].as_str().unwrap().contains("Bob"))
    );

    // --merges adds the merge commit.
    let merges = env.json(&["import", "git", billing.shown(), "--merges"]);
    assert_eq!(merges["imported"], 1, "{merges}");

    // A window limits what is read.
    let env2 = Env::new();
    env2.init();
    let april = env2.json(&[
        "import",
        "git",
        other.shown(),
        billing.shown(),
        "--author",
        "ada@home.example",
        "--since",
        "2026-04-01",
    ]);
    assert_eq!(april["imported"], 1, "{april}");
}

#[test]
fn git_import_refuses_what_it_cannot_read_and_writes_nothing() {
    let env = Env::new();
    env.init();
    let repo = Repo::new(&env, "app");
    repo.commit("bob@work.example", "2026-03-02", "Bob's work", "a.rs", 1);
    let before = env.export();
    let plain = env.path("plain");
    std::fs::create_dir_all(&plain).unwrap();
    env.run(&["import", "git", plain.to_str().unwrap()])
        .bad_input("plain: not a git repository");
    env.run(&["import", "git", env.path("nowhere").to_str().unwrap()])
        .bad_input("no such folder");
    // One good repository and one with no commit by Ada: nothing is imported.
    let mine = Repo::new(&env, "mine");
    mine.commit("ada@work.example", "2026-03-02", "Mine", "m.rs", 1);
    env.run(&["import", "git", mine.shown(), repo.shown()])
        .bad_input("no commit by ada@work.example in its history (its most frequent authors: bob@work.example)");
    env.run(&["import", "git", mine.shown(), "--since", "March"])
        .bad_input("--since");
    assert_eq!(env.export(), before);
}

#[test]
fn inbox_groups_become_evidence_only_when_accepted() {
    let env = Env::new();
    env.init();
    let repo = Repo::new(&env, "web");
    repo.commit(
        "ada@work.example",
        "2026-05-04",
        "Mentored Sam through the on-call runbook; pairing on the first incident (WEB-7)",
        "runbook.md",
        30,
    );
    repo.commit(
        "ada@work.example",
        "2026-05-05",
        "WEB-7 follow-up notes",
        "runbook.md",
        4,
    );
    repo.commit("ada@work.example", "2026-05-20", "tidy", "x.rs", 1);
    env.run(&["import", "git", repo.shown()]).ok();
    assert!(
        env.json(&["list"]).as_array().unwrap().is_empty(),
        "imports are not evidence"
    );

    let listed = env.run(&["inbox"]).ok();
    assert!(listed.stdout.contains("WEB-7"), "{}", listed.stdout);
    assert!(
        listed.stdout.contains("suggests: mentoring"),
        "{}",
        listed.stdout
    );

    env.run(&["inbox", "accept", "WEB-8"])
        .bad_input("no inbox group 'WEB-8'; did you mean 'WEB-7'?");
    env.run(&["inbox", "accept", "WEB-7", "--skill", "mentorship"])
        .bad_input("--skill");
    let evidence = env.json(&[
        "inbox",
        "accept",
        "WEB-7",
        "--impact",
        "Sam ran the next incident",
    ]);
    assert_eq!(evidence["competencies"][0], "mentoring", "{evidence}");
    assert_eq!(evidence["date"], "2026-05-05");
    assert_eq!(evidence["source"], "git");
    assert!(
        evidence["body"]
            .as_str()
            .unwrap()
            .contains("WEB-7 follow-up notes")
    );
    let list = env.json(&["list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["impact"], "Sam ran the next incident");

    // Accepted groups leave the inbox; dismissing takes the rest; a repeat is refused.
    let left = inbox(&env);
    assert_eq!(left.len(), 1);
    let key = left[0]["key"].as_str().unwrap().to_owned();
    env.run(&["inbox", "dismiss", &key]).ok();
    assert!(inbox(&env).is_empty());
    env.run(&["inbox", "dismiss", &key])
        .bad_input("the inbox is empty");

    // Deleting the evidence sends its activities back to the inbox.
    let id = evidence["id"].as_str().unwrap();
    env.run(&["rm", id]).ok();
    assert_eq!(
        group(&inbox(&env), "WEB-7")["activities"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // Re-importing does not resurrect dismissed work.
    let again = env.json(&["import", "git", repo.shown()]);
    assert_eq!(again["imported"], 0);
    assert_eq!(inbox(&env).len(), 1);
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn write(env: &Env, name: &str, text: &[u8]) -> PathBuf {
    let path = env.path(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn shown(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn github_git_and_jira_meet_in_one_group_per_piece_of_work() {
    let env = Env::new();
    env.init();
    let authored = fixture("github-authored.json");
    let reviewed = fixture("github-reviewed.json");
    let listed = fixture("gh-pr-list.json");
    env.run(&["import", "github", &authored])
        .bad_input("github-authored.json:1: page 1, item 1: names its author, and your GitHub login is not known");
    let first = env.json(&[
        "import", "github", &authored, &reviewed, &listed, "--login", "ada-l",
    ]);
    // 812 appears in three files and counts once; 815, 40 (authored), 41 (a review) and
    // issue 39 make five.
    assert_eq!(
        (first["imported"].as_u64(), first["skipped"].as_u64()),
        (Some(5), Some(0)),
        "{first}"
    );
    let again = env.json(&["import", "github", &reviewed, "--login", "ada-l"]);
    assert_eq!(
        (again["imported"].as_u64(), again["skipped"].as_u64()),
        (Some(0), Some(3))
    );

    let jira = env.json(&["import", "jira", &fixture("jira-export.csv")]);
    assert_eq!(
        (jira["imported"].as_u64(), jira["ignored"].as_u64()),
        (Some(2), Some(1)),
        "{jira}"
    );

    let repo = Repo::new(&env, "billing");
    repo.git(&[
        "remote",
        "add",
        "origin",
        "https://github.com/acme/billing.git",
    ]);
    repo.commit(
        "ada@work.example",
        "2026-03-02",
        "PAY-142: retry refunds once",
        "r.rs",
        9,
    );
    env.run(&["import", "git", repo.shown()]).ok();

    let groups = inbox(&env);
    let refund = group(&groups, "PAY-142");
    let kinds: Vec<&str> = refund["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["kind"].as_str().unwrap())
        .collect();
    let mut sorted = kinds.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, ["commit", "pull_request", "ticket"], "{refund:#}");
    assert_eq!(refund["title"], "PAY-142: Refund retries");
    let pr = refund["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["kind"] == "pull_request")
        .unwrap();
    assert_eq!(
        (pr["additions"].as_u64(), pr["files"].as_u64()),
        (Some(48), Some(3))
    );
    let review = group(&groups, "acme/web#41");
    assert_eq!(review["title"], "Reviewed: Cache the ladder per version");
    assert_eq!(review["activities"][0]["kind"], "review");
    assert_eq!(
        group(&groups, "acme/web#39")["activities"][0]["kind"],
        "issue"
    );
    let design = group(&groups, "PAY-150");
    let suggested: Vec<&str> = design["suggestions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["competency"].as_str().unwrap())
        .collect();
    assert!(suggested.contains(&"system-design"), "{design:#}");
}

#[test]
fn github_and_jira_files_that_are_not_theirs_are_refused_by_line_and_field() {
    let env = Env::new();
    env.run(&[
        "init",
        "--name",
        "Ada Lovelace",
        "--level",
        "L3",
        "--github",
        "ada-l",
    ])
    .ok();
    let before = env.export();
    let good = fixture("github-authored.json");
    let other = write(&env, "package.json", b"{\n  \"name\": \"web\"\n}\n");
    env.run(&["import", "github", &good, shown(&other)])
        .bad_input("package.json:1: not GitHub's JSON");
    let text = std::fs::read_to_string(&good).unwrap();
    let broken = write(
        &env,
        "broken.json",
        text.replacen("\"2026-03-09T09:00:00Z\"", "\"soon\"", 1)
            .as_bytes(),
    );
    env.run(&["import", "github", shown(&broken)])
        .bad_input("page 1, item 2: `created_at` 'soon'");
    let utf16 = write(&env, "utf16.json", b"\xFF\xFE[\0]\0");
    env.run(&["import", "github", shown(&utf16)])
        .bad_input("UTF-16");

    let csv = std::fs::read_to_string(fixture("jira-export.csv")).unwrap();
    let no_key = write(
        &env,
        "no-key.csv",
        csv.replacen("Issue key", "Key", 1).as_bytes(),
    );
    env.run(&["import", "jira", shown(&no_key)])
        .bad_input("no-key.csv:1: Issue key: missing column");
    let bad_date = write(
        &env,
        "bad-date.csv",
        csv.replacen("12/Mar/26 4:00 PM", "12 March", 1).as_bytes(),
    );
    env.run(&["import", "jira", shown(&bad_date)])
        .bad_input("bad-date.csv:6: Updated: '12 March' is not a date");
    let mut latin1 = csv
        .replacen("Refund retries", "Refund retries caf", 1)
        .into_bytes();
    let at = latin1.windows(3).position(|w| w == b"caf").unwrap() + 3;
    latin1.insert(at, 0xE9);
    let latin1 = write(&env, "latin1.csv", &latin1);
    env.run(&["import", "jira", shown(&latin1)])
        .bad_input("latin1.csv:2:");
    env.run(&[
        "import",
        "jira",
        &fixture("jira-export.csv"),
        "--assignee",
        "Carol",
    ])
    .bad_input("no issue is assigned to carol (assignees here: Ada Lovelace, Bob)");
    assert_eq!(env.export(), before, "a refused import writes nothing");
}

#[test]
fn curated_records_come_in_as_entries_or_straight_to_evidence() {
    let env = Env::new();
    env.init();
    let journal = write(
        &env,
        "journal.txt",
        b"[2026-03-02 09:15] Ran the incident review @incident.\nWrote the timeline.\n\n\
          [2026-03-04 17:00] Paired with Sam on the cache bug @mentoring *\n\n\
          [2026-03-05 08:00] Read a paper @reading.\n",
    );
    let done = env.json(&[
        "import",
        "jrnl",
        shown(&journal),
        "--accept",
        "--tag",
        "incident=operations",
    ]);
    assert_eq!(
        (done["imported"].as_u64(), done["accepted"].as_u64()),
        (Some(3), Some(3)),
        "{done}"
    );
    let ops = env.json(&["list", "--skill", "operations"]);
    assert_eq!(ops.as_array().unwrap().len(), 1);
    assert_eq!(ops[0]["body"], "Wrote the timeline.");
    assert_eq!(ops[0]["source"], "jrnl");
    assert_eq!(
        env.json(&["list", "--skill", "mentoring"])[0]["date"],
        "2026-03-04"
    );
    // Untagged stays untagged; a re-run adds nothing.
    let all = env.json(&["list"]);
    let reading = all
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["title"] == "Read a paper @reading.")
        .unwrap();
    assert!(reading["competencies"].as_array().unwrap().is_empty());
    let again = env.json(&["import", "jrnl", shown(&journal), "--accept"]);
    assert_eq!(
        (again["imported"].as_u64(), again["accepted"].as_u64()),
        (Some(0), Some(0))
    );
    assert_eq!(env.json(&["list"]).as_array().unwrap().len(), 3);

    // A brag document without --accept lands in the inbox, one group per bullet.
    let brag = write(
        &env,
        "brag.md",
        b"# 2026\n\n## April 2026\n\n### Mentoring\n- Onboarded two new hires (Apr 7)\n  - wrote the first-week plan\n- Ran interview training\n",
    );
    let landed = env.json(&["import", "markdown", shown(&brag)]);
    assert_eq!(
        (landed["imported"].as_u64(), landed["groups"].as_u64()),
        (Some(2), Some(2))
    );
    let groups = inbox(&env);
    let onboarded = groups
        .iter()
        .find(|g| g["title"] == "Onboarded two new hires (Apr 7)")
        .unwrap();
    assert_eq!(onboarded["date"], "2026-04-07");
    assert_eq!(
        onboarded["activities"][0]["body"],
        "- wrote the first-week plan"
    );

    let sheet = write(
        &env,
        "wins.csv",
        b"When,What I did,Skills,Outcome\n2026-05-02,Led the ledger design review,system-design; influence,Two teams aligned\n",
    );
    let csv = env.json(&[
        "import",
        "csv",
        shown(&sheet),
        "--column",
        "title=What I did",
        "--accept",
    ]);
    assert_eq!(csv["accepted"], 1);
    let design = env.json(&["list", "--skill", "influence"]);
    assert_eq!(design[0]["impact"], "Two teams aligned");
    assert_eq!(
        design[0]["competencies"],
        serde_json::json!(["system-design", "influence"])
    );
}

#[test]
fn curated_files_with_problems_are_refused_whole() {
    let env = Env::new();
    env.init();
    let before = env.export();
    let typo = write(
        &env,
        "wins.csv",
        b"date,title,skills\n2026-05-01,Fine,delivery\n2026-05-02,Typo,mentoing\n",
    );
    env.run(&["import", "csv", shown(&typo), "--accept"])
        .bad_input("wins.csv:3: skills: 'mentoing' is not a competency of Software Engineer; did you mean 'mentoring'?");
    let undated = write(&env, "brag.md", b"## Projects\n- Did a thing\n");
    env.run(&["import", "markdown", shown(&undated)])
        .bad_input("brag.md:2: date: no date for this entry");
    let not_jrnl = write(&env, "notes.txt", b"Just some notes\n");
    env.run(&["import", "jrnl", shown(&not_jrnl)])
        .bad_input("notes.txt:1: not a jrnl journal");
    env.run(&["import", "csv", shown(&typo), "--column", "date"])
        .bad_input("--column 'date': expected FIELD=COLUMN");
    assert_eq!(env.export(), before);
}

#[test]
fn the_monthly_review_says_what_the_month_gave_the_gap_and_what_to_do() {
    let env = Env::new();
    env.init();
    // No assessment yet: the gap is every competency the level above (L4) expects.
    env.log(&[
        "Shipped the billing retries",
        "--date",
        "2026-03-03",
        "--skill",
        "delivery",
        "--level",
        "next",
    ]);
    env.log(&[
        "Fixed the flaky deploy",
        "--date",
        "2026-03-20",
        "--skill",
        "operations",
    ]);
    env.log(&["Old work", "--date", "2026-01-05", "--skill", "mentoring"]);
    let r = env.json(&["review", "--month", "2026-03"]);
    assert_eq!(r["month"], "2026-03");
    assert_eq!(r["target"], "L4");
    assert_eq!(r["logged"].as_array().unwrap().len(), 2);
    let gap = r["gap"].as_array().unwrap();
    let row = |id: &str| gap.iter().find(|g| g["competency"] == id).unwrap().clone();
    assert_eq!(
        (
            row("delivery")["entries"].as_u64(),
            row("delivery")["next_level"].as_u64()
        ),
        (Some(1), Some(1))
    );
    assert_eq!(row("mentoring")["entries"], 0, "January is not March");
    assert_eq!(r["last_entry"], "2026-03-20");
    // Days since the last entry are counted to today, not to the end of the month reviewed.
    let since =
        chrono::Local::now().date_naive() - chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
    assert_eq!(r["days_since_last_entry"], since.num_days());
    // The first competency of the ladder with nothing this month is the nudge.
    assert!(
        r["nudge"]
            .as_str()
            .unwrap()
            .starts_with("Nothing in 2026-03 shows Technical depth"),
        "{r}"
    );

    let text = env.run(&["review", "--month", "2026-03"]).ok().stdout;
    assert!(
        text.contains("delivery           1 entry, 1 next-level"),
        "{text}"
    );
    assert!(
        text.contains("Next: Nothing in 2026-03 shows Technical depth"),
        "{text}"
    );

    // An empty month with work waiting in the inbox points at the inbox.
    let repo = Repo::new(&env, "app");
    repo.commit("ada@work.example", "2026-04-02", "Add retries", "a.rs", 3);
    let imported = env.run(&["import", "git", repo.shown()]).ok();
    assert!(
        imported
            .stderr
            .contains("Imported 1 new commit (0 already there) in 1 inbox group;"),
        "{}",
        imported.stderr
    );
    let april = env.json(&["review", "--month", "2026-04"]);
    assert_eq!(april["inbox_groups"], 1);
    assert!(
        april["nudge"]
            .as_str()
            .unwrap()
            .contains("your inbox holds 1 imported group:"),
        "{april}"
    );
    env.run(&["review", "--month", "April"])
        .bad_input("--month");
}

#[test]
fn remind_writes_a_calendar_file_with_a_monthly_event() {
    let env = Env::new();
    env.init();
    let path = env.path("review.ics");
    let summary = env.json(&[
        "remind",
        "--ics",
        "-o",
        shown(&path),
        "--weekday",
        "thu",
        "--at",
        "09:30",
    ]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"),
        "{text}"
    );
    assert!(text.contains("RRULE:FREQ=MONTHLY;BYDAY=-1TH\r\n"));
    let first = summary["first"].as_str().unwrap().replace('-', "");
    assert!(
        text.contains(&format!(
            "DTSTART:{first}T093000\r\nDTEND:{first}T100000\r\n"
        )),
        "{text}"
    );
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    // The same profile always writes the same event id, so a re-import updates it.
    let again = env.run(&["remind", "--ics"]).ok().stdout;
    let uid = |t: &str| {
        t.lines()
            .find(|l| l.starts_with("UID:"))
            .unwrap()
            .to_owned()
    };
    assert_eq!(uid(&text), uid(&again));
    env.run(&["remind", "--ics", "--weekday", "someday"])
        .bad_input("--weekday");
    env.run(&["remind", "--ics", "--at", "25:00"])
        .bad_input("--at");
}

/// Whatever a file holds, an import stores only records that `check` passes and that an
/// export brings back: over-long titles are clipped (kept whole in the body), control
/// characters dropped, script links left out.
#[test]
fn every_importer_writes_only_what_a_backup_restores() {
    let env = Env::new();
    env.init();
    let repo = Repo::new(&env, "long");
    let subject = format!("fix: {}\u{1b}[31m", "S".repeat(2_000));
    repo.commit("ada@work.example", "2026-03-02", &subject, "a.txt", 1);
    env.run(&["import", "git", repo.shown()]).ok();

    let huge = |c: &str| c.repeat(1_000_000);
    let jira = write(
        &env,
        "jira.csv",
        format!(
            "Summary,Issue key,Created\n\"{}\u{7}\",LONG-1,01/Mar/26 9:15 AM\n",
            huge("J")
        )
        .as_bytes(),
    );
    env.run(&["import", "jira", shown(&jira)]).ok();

    let mut pulls: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("gh-pr-list.json")).unwrap())
            .unwrap();
    pulls[0]["title"] = serde_json::Value::String(format!("{}\u{0}", "G".repeat(5_000)));
    let github = write(&env, "pulls.json", pulls.to_string().as_bytes());
    env.run(&["import", "github", shown(&github), "--login", "ada-l"])
        .ok();

    let markdown = write(
        &env,
        "brag.md",
        format!("## March 2026\n\n- {}\n", huge("M")).as_bytes(),
    );
    env.run(&["import", "markdown", shown(&markdown)]).ok();
    let csv = write(
        &env,
        "brag.csv",
        format!(
            "date,title,link\n2026-03-03,{},javascript://%0aalert(1)\n",
            huge("C")
        )
        .as_bytes(),
    );
    env.run(&["import", "csv", shown(&csv), "--accept"]).ok();
    let jrnl = write(
        &env,
        "journal.txt",
        format!("[2026-03-04 09:15] {}\n", huge("R")).as_bytes(),
    );
    env.run(&["import", "jrnl", shown(&jrnl), "--accept"]).ok();
    env.run(&["inbox", "accept", "LONG-1"]).ok();

    let checked = env.json(&["check"]);
    assert_eq!(checked["ok"], true, "{checked}");
    let archive: serde_json::Value = serde_json::from_str(&env.export()).unwrap();
    let titles: Vec<&str> = archive["activities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(titles.len() >= 6, "{}", titles.len());
    assert!(
        titles
            .iter()
            .all(|t| t.chars().count() <= 1_000 && !t.contains(['\u{0}', '\u{7}', '\u{1b}']))
    );
    assert!(!archive.to_string().contains("javascript:"));
    let git = &archive["activities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["source"] == "git")
        .unwrap();
    assert!(git["title"].as_str().unwrap().ends_with('…'));
    assert!(
        git["body"].as_str().unwrap().contains(&"S".repeat(2_000)),
        "the subject is kept whole"
    );

    let file = env.path("backup.json");
    env.run(&["export", "-o", file.to_str().unwrap()]).ok();
    let restored = Env::new();
    restored
        .run(&["import", "archive", file.to_str().unwrap()])
        .ok();
    assert_eq!(restored.export(), env.export());
}
