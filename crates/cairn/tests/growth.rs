//! Readiness, reps, growth conversations, constraints and the strategic signal, through the
//! real binary on hand-built records and on the demo store.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a failed unwrap is a failed test

mod harness;

use harness::Env;
use serde_json::Value;

/// A date this many days before today, as the CLI takes it.
fn ago(days: u64) -> String {
    let out = std::process::Command::new("date")
        .args(["-u", "-d", &format!("{days} days ago"), "+%Y-%m-%d"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

fn competency<'a>(ready: &'a Value, id: &str) -> &'a Value {
    ready["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["competency"] == id)
        .unwrap_or_else(|| panic!("no {id} in {ready:#}"))
}

#[test]
fn readiness_tells_useful_from_ready_and_says_why() {
    let env = Env::new();
    env.init(); // L3 on the built-in ladder: the target is L4
    // Lots of current-level work, and next-level work in two competencies.
    for i in 0..7 {
        env.log(&[
            &format!("Shipped release {i}"),
            "--date",
            &ago(20 + i * 30),
            "--skill",
            "delivery",
        ]);
    }
    env.log(&[
        "Led the cross-team launch",
        "--date",
        &ago(15),
        "--skill",
        "delivery",
        "--level",
        "next",
    ]);
    env.log(&[
        "Wrote the RFC others adopted",
        "--date",
        &ago(40),
        "--skill",
        "influence",
        "--level",
        "next",
    ]);
    env.log(&[
        "Chaired the design forum",
        "--date",
        &ago(200),
        "--skill",
        "influence",
        "--level",
        "next",
    ]);
    env.run(&[
        "assess",
        "self",
        "--set",
        "delivery=L4",
        "--set",
        "influence=L4",
    ])
    .ok();
    env.run(&[
        "assess",
        "manager",
        "--set",
        "delivery=L4",
        "--set",
        "influence=L3",
    ])
    .ok();

    let r = env.json(&["ready"]);
    assert_eq!(r["target"], "L4");
    assert_eq!(r["overall"], "useful-not-ready", "{r:#}");
    assert_eq!(competency(&r, "delivery")["verdict"], "ready");
    let influence = competency(&r, "influence");
    assert_eq!(influence["verdict"], "emerging");
    assert!(
        influence["reason"]
            .as_str()
            .unwrap()
            .starts_with("your manager's view is L3, below L4; two L4 examples in twelve months"),
        "{influence}"
    );
    // Never rated: unknown, not met and not "not yet".
    assert_eq!(competency(&r, "operations")["verdict"], "unknown");
    assert_eq!(r["blockers"][0]["competency"], "influence");
    assert_eq!(r["blockers"][0]["kind"], "below-target");
    let summary = r["summary"].as_str().unwrap();
    assert!(summary.starts_with("Useful, not yet ready for L4: seven entries at your current level in twelve months, three at L4. Strong in delivery. The blocker for L4 is influence: your manager's view is L3, below L4"), "{summary}");

    let text = env.run(&["ready"]).ok().stdout;
    assert!(
        text.starts_with(
            "Readiness for L4 (from L3): useful, not yet ready\n\nUseful, not yet ready"
        ),
        "{text}"
    );
    assert!(text.contains("In the way, most serious first:"), "{text}");
    assert!(
        text.contains("operations         L4 lever    unknown   —       —     0"),
        "{text}"
    );
    // A shorter window drops the old example; a level outside the ladder is refused.
    let short = env.json(&["ready", "--window", "3"]);
    assert!(
        competency(&short, "influence")["reason"]
            .as_str()
            .unwrap()
            .ends_with(&format!(
                "one L4 example in three months, the latest on {}",
                ago(40)
            )),
        "{short:#}"
    );
    env.run(&["ready", "--target", "L9"]).bad_input("--target");
    env.run(&["ready", "--window", "0"]).bad_input("--window");
}

#[test]
fn the_rep_plan_ranks_by_the_gap_and_names_visible_dead_ends() {
    let env = Env::new();
    env.init();
    env.log(&[
        "Led the cross-team launch",
        "--date",
        &ago(15),
        "--skill",
        "delivery",
        "--level",
        "next",
    ]);
    env.run(&["assess", "self", "--set", "delivery=L4"]).ok();
    env.run(&["assess", "manager", "--set", "delivery=L4"]).ok();
    env.run(&[
        "rep",
        "add",
        "Demo the launch at the all-hands",
        "--skill",
        "delivery",
        "--exposure",
        "high",
    ])
    .ok();
    env.run(&[
        "rep",
        "add",
        "Mentor the new hires",
        "--skill",
        "mentoring",
        "--exposure",
        "low",
    ])
    .ok();
    let chair = env
        .run(&[
            "rep",
            "add",
            "Chair the architecture review",
            "--skill",
            "influence",
            "--skill",
            "system-design",
        ])
        .ok()
        .stdout;
    let plan = env.json(&["rep", "plan"]);
    let titles: Vec<&str> = plan
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["rep"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Chair the architecture review",
            "Mentor the new hires",
            "Demo the launch at the all-hands"
        ]
    );
    // Two missing levers at 1.5 each, over the square root of two tags, at medium exposure.
    assert_eq!(plan[0]["score"], 1.7);
    assert!(
        plan[2]["note"]
            .as_str()
            .unwrap()
            .starts_with("visible (high exposure), but builds nothing missing")
    );
    // Done reps leave the plan; readiness names the best open one.
    let r = env.json(&["ready"]);
    assert!(
        r["summary"].as_str().unwrap().ends_with(
            "Next rep: Chair the architecture review (builds influence, system-design)."
        ),
        "{}",
        r["summary"]
    );
    let focus: Vec<&str> = r["focus"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["rep"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        focus,
        ["Chair the architecture review", "Mentor the new hires"]
    );
    env.run(&["rep", "set", &chair.trim()[28..], "--status", "done"])
        .ok();
    assert_eq!(env.json(&["rep", "plan"]).as_array().unwrap().len(), 2);
    env.run(&["rep", "add", "Nothing", "--exposure", "high"])
        .bad_input("--skill");
    env.run(&["rep", "add", "Typo", "--skill", "mentorng"])
        .bad_input("--skill");
    env.run(&["rep", "set", "zz", "--status", "done"])
        .bad_input("too short");
    // A rep recorded by mistake is deleted; the others stay.
    let typo = env
        .run(&["rep", "add", "Mentor teh new hires", "--skill", "mentoring"])
        .ok()
        .stdout;
    assert_eq!(env.json(&["rep", "list"]).as_array().unwrap().len(), 4);
    let removed = env.json(&["rep", "rm", &typo.trim()[28..]]);
    assert_eq!(removed["title"], "Mentor teh new hires");
    let left: Vec<String> = env
        .json(&["rep", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["title"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(left.len(), 3, "{left:?}");
    assert!(!left.iter().any(|t| t.contains("teh")), "{left:?}");
    env.run(&["rep", "rm", &typo.trim()[28..]])
        .bad_input("no rep");
}

#[test]
fn clear_asks_that_produce_nothing_raise_the_signal() {
    let env = Env::new();
    env.init();
    let before = env.export();
    env.run(&["convo", "add", "--ask", "Lead the design review"])
        .bad_input("--date: a conversation needs the day it happened");
    env.run(&[
        "convo",
        "add",
        "--date",
        &ago(10),
        "--ask",
        "Lead the design review",
        "--commit",
        &format!("Intro|Grace|{}", ago(20)),
    ])
    .bad_input("--commit 1: due:");
    env.run(&[
        "convo",
        "add",
        "--date",
        &ago(10),
        "--ask",
        "Lead the design review",
        "--commit",
        "just words",
    ])
    .bad_input("give WHAT|WHO or WHAT|WHO|DUE");
    assert_eq!(env.export(), before, "nothing half-saved");

    env.run(&[
        "convo",
        "add",
        "--date",
        &ago(150),
        "--ask",
        "Lead the payments design review next quarter",
    ])
    .ok();
    let overdue = env
        .run(&[
            "convo",
            "add",
            "--date",
            &ago(120),
            "--ask",
            "Run the next incident review",
            "--commit",
            &format!("Put you on the rota|Grace|{}", ago(100)),
        ])
        .ok();
    assert!(
        overdue.stderr.contains("(1 commitment)"),
        "{}",
        overdue.stderr
    );
    let vague = env
        .run(&[
            "convo",
            "add",
            "--date",
            &ago(90),
            "--ask",
            "I want to grow",
        ])
        .ok();
    assert!(
        vague.stderr.contains("The ask is vague"),
        "{}",
        vague.stderr
    );
    let s = env.json(&["signal"]);
    assert_eq!(
        (
            s["raised"].as_bool(),
            s["asks"].as_u64(),
            s["delivered"].as_u64()
        ),
        (Some(false), Some(2), Some(0))
    );

    let dropped = env
        .run(&[
            "convo",
            "add",
            "--date",
            &ago(60),
            "--ask",
            "Present the roadmap at the all-hands",
            "--commit",
            "Ask the VP|Grace|",
        ])
        .ok();
    let handle = dropped
        .stderr
        .lines()
        .find(|l| l.contains("Ask the VP"))
        .unwrap()
        .trim()[..8]
        .to_owned();
    // The conversation's handle where a commitment's belongs points at the commitment.
    let talk = dropped.stdout.trim();
    env.run(&[
        "convo",
        "resolve",
        &talk[talk.len() - 8..],
        "--outcome",
        "dropped",
    ])
    .bad_input(&format!(
        "resolve one of its commitments: {handle} (Ask the VP)"
    ));
    env.run(&["convo", "resolve", &handle, "--outcome", "dropped"])
        .ok();
    let s = env.json(&["signal"]);
    assert_eq!(s["raised"], true, "{s:#}");
    assert_eq!(s["reasons"].as_array().unwrap().len(), 3);
    assert!(
        s["reasons"][2]
            .as_str()
            .unwrap()
            .ends_with("Ask the VP (Grace) was dropped")
    );
    assert!(s["note"].as_str().unwrap().contains("not a verdict"));
    let text = env.run(&["signal"]).ok().stdout;
    assert!(
        text.starts_with("Signal raised: 3 of 3 clear asks in 6 months produced no opportunity."),
        "{text}"
    );
    assert!(text.contains("(1 vague ask left out)"));

    // Delivering one of them lowers it; constraints are listed beside it.
    env.run(&["convo", "resolve", &handle, "--outcome", "delivered"])
        .ok();
    env.run(&[
        "constraint",
        "add",
        "Promotions frozen until April",
        "--kind",
        "level_movement",
        "--since",
        &ago(200),
    ])
    .ok();
    let s = env.json(&["signal"]);
    assert_eq!(
        (s["raised"].as_bool(), s["delivered"].as_u64()),
        (Some(false), Some(1))
    );
    assert_eq!(s["constraints"].as_array().unwrap().len(), 1);
    let listed = env.run(&["constraint", "list"]).ok().stdout;
    assert!(
        listed.contains("no level movement") && listed.contains("in force"),
        "{listed}"
    );
    env.run(&[
        "constraint",
        "add",
        "x",
        "--since",
        &ago(1),
        "--until",
        &ago(5),
    ])
    .bad_input("--until");
    env.run(&["constraint", "add", "x", "--kind", "weather"])
        .bad_input("--kind");
    env.run(&["signal", "--window", "0"]).bad_input("--window");
}

#[test]
fn the_demo_store_reads_as_a_manager_would_read_it() {
    let env = Env::new();
    env.run(&["demo"]).ok();
    // A newcomer sees imports at work: three groups wait in the inbox, two commits as one.
    let inbox = env.json(&["inbox"]);
    let keys: Vec<&str> = inbox
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        ["LEDGER-212", "payments/payments#1602", "PAY-930"],
        "{inbox:#}"
    );
    let r = env.json(&["ready"]);
    assert_eq!(r["overall"], "useful-not-ready", "{r:#}");
    let verdicts: Vec<&str> = r["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["verdict"].as_str().unwrap())
        .collect();
    assert!(
        verdicts.contains(&"ready") && verdicts.contains(&"emerging"),
        "{verdicts:?}"
    );
    // The destination's words (a design doc, mentoring a joiner) name the levers.
    assert_eq!(
        r["levers"],
        serde_json::json!(["system-design", "mentoring"])
    );
    assert_eq!(r["blockers"][0]["competency"], "system-design");
    // The packet is for others: third person, and held competencies say "holds".
    let packet = env.run(&["packet"]).ok().stdout;
    assert!(packet.contains("### Delivery (holds at L2)"), "{packet}");
    assert!(packet.contains("### System design (emerging)"), "{packet}");
    assert!(
        packet.contains("the manager's view is L2, below L3"),
        "{packet}"
    );
    assert!(!packet.contains("your manager"), "{packet}");
    // The case for a committee: levers first, outcomes up front, no coaching, and the
    // engineer's reasons for each change of direction only when they include them.
    assert!(
        packet.find("### System design").unwrap() < packet.find("### Delivery").unwrap(),
        "the levers lead"
    );
    assert!(
        packet.contains("## Impact\n\n- Refund completion up from 70% to 84%"),
        "{packet}"
    );
    assert!(
        !packet.contains("Next rep") && !packet.contains("next reps should be"),
        "{packet}"
    );
    assert!(!packet.contains("First go at writing it down"), "{packet}");
    let with = env
        .run(&[
            "packet",
            "--with-reasons",
            "--summary",
            "Sam has carried the ledger migration.",
        ])
        .ok()
        .stdout;
    assert!(with.contains("(First go at writing it down.)"), "{with}");
    assert!(
        with.contains("## Summary\n\nSam has carried the ledger migration.\n\nReadiness for L3: useful, not yet ready."),
        "{with}"
    );
    // The coaching report is the engineer's own: addressed to them, with the next steps.
    let coaching = env.run(&["packet", "--coaching"]).ok().stdout;
    assert!(
        coaching.starts_with("# Coaching report for Sam Rivera: L3\n\nPrivate, for you."),
        "{coaching}"
    );
    assert!(
        coaching.contains("Next rep: Write and defend the ledger design doc"),
        "{coaching}"
    );
    assert!(
        coaching.contains("- System design: your manager's view is L2"),
        "{coaching}"
    );
    assert!(
        coaching.contains("| System design | L3 lever | emerging | L2 | L3 |"),
        "{coaching}"
    );
    let refused = env.run(&["packet", "--coaching", "--summary", "x"]);
    assert_eq!(refused.code, 2, "a coaching report has no case summary");
    assert!(refused.stderr.contains("--summary"), "{}", refused.stderr);
    let s = env.json(&["signal"]);
    assert_eq!(s["raised"], false);
    assert_eq!(
        (s["asks"].as_u64(), s["delivered"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(s["reasons"].as_array().unwrap().len(), 2);
    assert_eq!(s["constraints"].as_array().unwrap().len(), 1);
    let plan = env.json(&["rep", "plan"]);
    // The destination's own rep that builds the blocker comes first, then the recorded one.
    assert_eq!(
        plan[0]["rep"]["title"],
        "Write and defend the ledger design doc"
    );
    assert_eq!(plan[0]["on_destination"], true);
    assert!(
        plan[1]["rep"]["title"]
            .as_str()
            .unwrap()
            .starts_with("Chair the Q1 architecture review")
    );
    let last = &plan.as_array().unwrap()[2];
    assert_eq!(last["score"], 0.0);
    assert!(
        last["note"]
            .as_str()
            .unwrap()
            .contains("builds nothing missing"),
        "{last}"
    );
}

#[test]
fn the_team_view_lists_a_managers_direct_reports() {
    let env = Env::new();
    let pw = "correct horse battery staple\n";
    let add = |name: &str, email: &str, extra: &[&str]| {
        let mut args = vec![
            "user", "add", "--name", name, "--email", email, "--level", "L3",
        ];
        args.extend_from_slice(extra);
        env.run_with_input(&args, pw).ok();
    };
    add("Grace", "grace@work.example", &["--role", "manager"]);
    add(
        "Ada",
        "ada@work.example",
        &["--manager", "grace@work.example"],
    );
    add(
        "Bo",
        "bo@work.example",
        &["--manager", "grace@work.example"],
    );
    add("Cy", "cy@work.example", &[]);
    let rows = env.json(&["team", "--manager", "grace@work.example", "--sort", "quiet"]);
    let names: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Ada", "Bo"]);
    assert_eq!(rows[0]["readiness"], "not-yet");
    assert_eq!(rows[0]["days_since_evidence"], Value::Null);
    let text = env
        .run(&["team", "--manager", "grace@work.example"])
        .ok()
        .stdout;
    assert!(
        text.contains("destination: not shared") && text.contains("last evidence: none shared"),
        "{text}"
    );
    let none = env
        .run(&["team", "--manager", "cy@work.example"])
        .ok()
        .stdout;
    assert!(none.starts_with("No one reports to cy@work.example"));
    env.run(&["team", "--manager", "nobody@work.example"])
        .bad_input("no account");
    env.run(&[
        "team",
        "--manager",
        "grace@work.example",
        "--sort",
        "loudest",
    ])
    .bad_input("sort");
}

#[test]
fn reaching_a_destination_moves_the_level_and_the_profile_keeps_its_history() {
    let env = Env::new();
    env.init();
    env.run(&[
        "goal",
        "set",
        "Reach L4 by leading the payments design review",
        "--target-level",
        "L4",
    ])
    .ok();
    // Without --level the profile stays, and Cairn says how to move it.
    env.run(&["goal", "reached", "--reason", "Led it"])
        .ok()
        .stderr
        .contains("profile set --level L4")
        .then_some(())
        .expect("the hint to move the level");
    assert_eq!(env.json(&["profile", "show"])["level"], "L3");
    env.run(&[
        "goal",
        "set",
        "Reach L5 by owning the ledger",
        "--target-level",
        "L5",
    ])
    .ok();
    env.run(&[
        "goal",
        "reached",
        "--reason",
        "Promoted in May",
        "--level",
        "L4",
    ])
    .ok();
    assert_eq!(env.json(&["profile", "show"])["level"], "L4");
    // Readiness now aims past the new level.
    assert_eq!(env.json(&["ready"])["target"], "L5");
    env.run(&["profile", "set", "--level", "L4"])
        .bad_input("nothing to change");
    env.run(&["profile", "set", "--level", "L9"])
        .bad_input("--level");
    env.run(&[
        "profile",
        "set",
        "--add-email",
        "ada@home.example",
        "--github",
        "ada-l",
    ])
    .ok();
    let history = env.json(&["profile", "history"]);
    let moved: Vec<(&str, &str, &str, &str)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["field"].as_str().unwrap(),
                c["from"].as_str().unwrap(),
                c["to"].as_str().unwrap(),
                c["reason"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        moved,
        [
            ("level", "L3", "L4", "Promoted in May"),
            (
                "emails",
                "ada@work.example",
                "ada@work.example, ada@home.example",
                ""
            ),
            ("github", "", "ada-l", ""),
        ]
    );
    // The history travels in the archive and back.
    let archive: Value = serde_json::from_str(&env.export()).unwrap();
    assert_eq!(archive["profile_changes"].as_array().unwrap().len(), 3);
}

#[test]
fn a_decision_is_recorded_with_the_reading_of_the_day() {
    let env = Env::new();
    env.init();
    env.run(&[
        "constraint",
        "add",
        "Promotions frozen until April",
        "--kind",
        "level_movement",
    ])
    .ok();
    let limits = env.run(&["constraint", "list"]).ok().stdout;
    assert!(
        limits
            .contains("  no level movement  Promotions frozen until April  (no end set; in force)"),
        "people read the kind in words: {limits}"
    );
    let d = env.json(&[
        "decide",
        "wait",
        "--because",
        "Promotions are frozen until April",
        "--revisit",
        "in 3 months",
    ]);
    assert_eq!(d["choice"], "wait");
    assert_eq!(d["visibility"], "private");
    assert!(
        d["context"]["readiness"]
            .as_str()
            .unwrap()
            .contains("ready for L4"),
        "{d:#}"
    );
    assert_eq!(
        d["context"]["constraints"][0],
        "Promotions frozen until April"
    );
    assert!(
        d["context"]["signal"]
            .as_str()
            .unwrap()
            .starts_with("No signal: 0 clear asks")
    );
    let listed = env.run(&["decide"]).ok().stdout;
    assert!(
        listed.contains("wait   Promotions are frozen until April"),
        "{listed}"
    );
    assert!(
        listed.contains("constraint: Promotions frozen until April"),
        "{listed}"
    );
    env.run(&["decide", "push", "--because", "Ready", "--revisit", &ago(3)])
        .bad_input("--revisit");
    env.run(&[
        "decide",
        "maybe",
        "--because",
        "x",
        "--revisit",
        "in 1 month",
    ])
    .bad_input("push, wait, change");
    env.run(&["decide", "push", "--revisit", "in 1 month"]);
    assert_eq!(
        env.json(&["decide"]).as_array().unwrap().len(),
        1,
        "refusals wrote nothing"
    );
}
