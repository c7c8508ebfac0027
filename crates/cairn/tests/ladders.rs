//! Ladder files through the real binary: import (every format), check, versions and diff,
//! tracks and the next level on an imported framework.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

mod harness;

use std::path::PathBuf;

use harness::Env;

/// A real framework from `../shared/ladders`, or `None` when the folder is absent.
fn shared(name: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/ladders")
        .join(name);
    if path.exists() {
        Some(path.display().to_string())
    } else {
        eprintln!("skipped: {} is not here", path.display());
        None
    }
}

#[test]
fn a_company_framework_is_checked_imported_versioned_and_compared() {
    let Some(ft) = shared("ft-engineering.yml") else {
        return;
    };
    let env = Env::new();
    env.init();
    let evidence = env.log(&["Ran the design review", "--skill", "system-design"]);

    let check = env.json(&["ladder", "check", &ft]);
    assert_eq!(check[0]["ok"], true);
    assert_eq!(check[0]["format"], "ft");

    let first = env.json(&["ladder", "import", &ft]);
    assert_eq!(
        (first["id"].as_str(), first["version"].as_u64()),
        (Some("ft-engineering"), Some(1))
    );
    assert_eq!(first["size"]["tracks"], 2);
    assert_eq!(first["size"]["statements"], 72);
    let again = env.json(&["ladder", "import", &ft]);
    assert_eq!(
        (again["version"].as_u64(), again["added"].as_bool()),
        (Some(1), Some(false))
    );

    // A reworded statement under the same id is version 2; moving onto it keeps old records
    // pointing at the version they were made against.
    let text = std::fs::read_to_string(&ft).unwrap();
    let changed = env.path("ft-engineering.yml");
    std::fs::write(
        &changed,
        text.replace("Presents their work clearly", "Presents their work plainly"),
    )
    .unwrap();
    let changed = changed.display().to_string();
    let second = env
        .run(&["ladder", "import", &changed, "--use", "--level", "senior-1"])
        .ok();
    assert!(
        second
            .stdout
            .contains("Imported Engineering (ft-engineering v2) as a new version"),
        "{}",
        second.stdout
    );
    assert!(
        second
            .stdout
            .contains("Your profile now uses Engineering (ft-engineering v2) at level senior-1.")
    );
    let kept = env.json(&["show", &evidence]);
    assert_eq!(kept["ladder"]["id"], "software-engineer");
    let diff = env.run(&["ladder", "diff", "ft-engineering"]).ok().stdout;
    assert_eq!(
        diff.lines().take(4).collect::<Vec<_>>(),
        [
            "ft-engineering v1 → v2: 1 change",
            "~ communication at junior: text",
            "    was: Presents their work clearly and talks about progress concisely in meetings, explaining their approach.",
            "    now: Presents their work plainly and talks about progress concisely in meetings, explaining their approach.",
        ]
    );
    let listed = env.json(&["ladder", "list"]);
    let versions: Vec<u64> = listed
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["id"] == "ft-engineering")
        .map(|l| l["version"].as_u64().unwrap())
        .collect();
    assert_eq!(versions, [1, 2]);

    // The profile's ladder now branches at senior-1: the next level names the other track.
    let next = env.run(&["ladder", "next"]).ok().stdout;
    assert!(next.starts_with("From Senior Engineer 1 (senior-1) to Senior Engineer 2 (Individual Contributor) (senior-2-ic)"), "{next}");
    assert!(next.contains("The ladder branches here: on the People Manager track (--track people-manager) the next level is Senior Engineer 2 (People Manager) (senior-2-pm)."), "{next}");
    let manager = env.json(&["ladder", "next", "--track", "people-manager"]);
    assert_eq!(manager["to"]["id"], "senior-2-pm");
    let shown = env
        .run(&["ladder", "show", "--track", "people-manager"])
        .ok()
        .stdout;
    assert!(shown.contains("People Manager (people-manager): junior → engineer → senior-1 → senior-2-pm → principal-pm → tech-director"), "{shown}");
    assert!(!shown.contains("senior-2-ic"), "{shown}");
    env.run(&["ladder", "show", "--track", "manager"])
        .bad_input("--track: 'manager' is not a track of ladder 'ft-engineering' (tracks: individual-contributor, people-manager)");
    env.run(&[
        "ladder",
        "diff",
        "ft-engineering",
        "--from",
        "1",
        "--to",
        "3",
    ])
    .bad_input("--to: 'ft-engineering' has no version 3 (stored: v1, v2)");
}

#[test]
fn a_broken_file_imports_nothing_and_every_problem_names_its_line() {
    let env = Env::new();
    env.init();
    let before = env.export();
    let file = env.path("platform.yml");
    std::fs::write(
        &file,
        "id: platform\nname: Platform\nlevels:\n  - id: P1\n    title: Engineer\n  - id: P2\n    titel: Senior\ncompetencies:\n  - id: craft\n    name: Craft\n    expectations:\n      - level: P1\n        text: Builds features.\n      - level: P3\n        text: Leads.\n",
    )
    .unwrap();
    let file = file.display().to_string();
    let run = env.run(&["ladder", "import", &file]);
    let run = run.bad_input(&format!("{file}: 4 problems; nothing imported"));
    let lines: Vec<&str> = run.stderr.lines().skip(1).collect();
    assert_eq!(
        lines,
        [
            format!("{file}:6:5: levels[1].title: is missing"),
            format!("{file}:7:5: levels[1].titel: unknown field; did you mean 'title'?"),
            format!("{file}:9:5: competencies[0].expectations: no expectation for level 'P2'"),
            format!(
                "{file}:14:16: competencies[0].expectations[1].level: 'P3' is not a level of this ladder (levels: P1, P2)"
            ),
        ]
    );
    assert_eq!(env.export(), before, "nothing was written");
    let check = env
        .run(&["ladder", "check", &file])
        .bad_input("4 problems in 1 of 1 ladder file");
    assert_eq!(check.stdout.lines().count(), 4);
    let run = env.run(&["--json", "ladder", "check", &file, "--format", "yaml"]);
    assert_eq!(run.code, 2);
    let error: serde_json::Value = serde_json::from_str(run.stderr.trim()).unwrap();
    assert_eq!(
        error["error"]["message"],
        "4 problems in 1 of 1 ladder file"
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json[0]["problems"][1]["line"], 7);
    assert_eq!(json[0]["problems"][1]["field"], "levels[1].titel");
}

#[test]
fn spreadsheets_and_wrong_files_get_clear_answers() {
    let env = Env::new();
    env.init();
    let wide = env.path("levels.csv");
    std::fs::write(
        &wide,
        "Competency,Junior,Senior\nDelivery,Ships tasks.,Ships projects.\nMentoring,,Mentors two people.\n",
    )
    .unwrap();
    let wide = wide.display().to_string();
    let imported = env.json(&[
        "ladder", "import", &wide, "--id", "platform", "--name", "Platform",
    ]);
    assert_eq!(imported["format"], "csv-wide");
    assert_eq!(
        (imported["id"].as_str(), imported["name"].as_str()),
        (Some("platform"), Some("Platform"))
    );
    let shown = env.run(&["ladder", "show", "platform"]).ok().stdout;
    assert!(
        shown.contains("Mentoring (mentoring)\n  Expected from senior; not expected below."),
        "{shown}"
    );

    let empty = env.path("empty.toml");
    std::fs::write(&empty, "").unwrap();
    env.run(&["ladder", "check", &empty.display().to_string()])
        .bad_input("1 problem");
    let latin1 = env.path("latin1.csv");
    std::fs::write(&latin1, b"Competency,Junior\nCaf\xE9,Serves\n").unwrap();
    let out = env.run(&["ladder", "import", &latin1.display().to_string()]);
    out.bad_input("latin1.csv:2:4: the file is not UTF-8 text (byte 0xE9 here); save it as UTF-8");
    env.run(&["ladder", "import", "nowhere.yml"])
        .bad_input("nowhere.yml: cannot read the file");
    env.run(&["ladder", "check", &wide, "--format", "pdf"])
        .bad_input("'pdf' is not a ladder format");
}

#[test]
fn a_framework_with_quirks_imports_with_warnings_and_strict_refuses_it() {
    let Some(mobile) = shared("monzo/engineering-mobile.md") else {
        return;
    };
    let strict = Env::new();
    strict.init();
    strict
        .run(&["ladder", "import", &mobile, "--strict"])
        .bad_input("engineering-mobile.md:164:5");
    let listed = strict.json(&["ladder", "list"]).to_string();
    assert!(
        !listed.contains("engineering-mobile"),
        "nothing imported: {listed}"
    );

    let env = Env::new();
    env.init();
    let run = env.run(&["ladder", "import", &mobile]).ok();
    assert!(
        run.stderr.contains("warning: ") && run.stderr.contains("no content for level 6"),
        "{}",
        run.stderr
    );
    let report = env.json(&["ladder", "import", &mobile, "--id", "mobile-2", "--json"]);
    assert!(
        report["warnings"].as_array().is_some_and(|w| !w.is_empty()),
        "{report}"
    );
    // `ladder check` tells the same: ok with warnings, refused with --strict.
    let checked = env.run(&["ladder", "check", &mobile]).ok().stdout;
    assert!(
        checked.contains(": ok, read as")
            && checked.contains("warning: ")
            && checked.contains("no content for level 6"),
        "{checked}"
    );
    let report = env.json(&["ladder", "check", &mobile, "--json"]);
    assert!(
        report[0]["warnings"]
            .as_array()
            .is_some_and(|w| !w.is_empty()),
        "{report}"
    );
    let refused = env
        .run(&["ladder", "check", &mobile, "--strict"])
        .bad_input("1 problem in 1 of 1 ladder file");
    assert!(
        refused.stdout.contains("engineering-mobile.md:164:5"),
        "{}",
        refused.stdout
    );
}

#[test]
fn a_new_ladder_reads_the_record_through_a_map_the_engineer_can_edit() {
    let env = Env::new();
    env.init();
    env.log(&[
        "Mentored two new joiners through their first on-call",
        "--skill",
        "mentoring",
        "--level",
        "next",
    ]);
    env.run(&[
        "assess",
        "self",
        "--set",
        "mentoring=L4",
        "--set",
        "delivery=L3",
    ])
    .ok();
    env.run(&[
        "assess",
        "manager",
        "--set",
        "mentoring=L3",
        "--set",
        "delivery=L3",
    ])
    .ok();
    let map = env.path("to-em.toml");
    let wrote = env
        .run(&[
            "ladder",
            "map",
            "software-engineer",
            "engineering-manager",
            "-o",
            map.to_str().unwrap(),
        ])
        .ok();
    assert!(
        wrote.stderr.contains("8 of 8 competencies matched"),
        "{}",
        wrote.stderr
    );
    let text = std::fs::read_to_string(&map).unwrap();
    assert!(text.contains("from = \"software-engineer@1\""), "{text}");
    assert!(text.contains("mentoring = [\"people-growth\"]"), "{text}");

    // The engineer says where L3 lands, and reads their record there.
    let edited = text.replace("L3 = \"M2\"", "L3 = \"M1\"");
    std::fs::write(&map, &edited).unwrap();
    let ready = env.json(&[
        "ready",
        "--ladder",
        "engineering-manager",
        "--map",
        map.to_str().unwrap(),
    ]);
    assert_eq!(ready["current"], "M1", "{ready}");
    assert_eq!(ready["target"], "M2");
    let growth = ready["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["competency"] == "people-growth")
        .unwrap();
    assert_eq!(growth["evidence"].as_array().unwrap().len(), 1, "{growth}");
    assert_eq!(growth["self"], "M3", "L4 read as the map says: {growth}");
    let gap = env.json(&[
        "gap",
        "--ladder",
        "engineering-manager",
        "--map",
        map.to_str().unwrap(),
    ]);
    assert!(
        gap.as_array()
            .unwrap()
            .iter()
            .any(|row| row["competency"] == "people-growth" && row["manager"] == "M1"),
        "{gap}"
    );
    // Nothing in the record changed.
    assert!(env.export().contains("\"mentoring\""));

    // A map that names what the ladders do not have is refused with its place.
    std::fs::write(
        &map,
        edited.replace("mentoring = [", "mentoring = [\"coaching\", "),
    )
    .unwrap();
    env.run(&[
        "ready",
        "--ladder",
        "engineering-manager",
        "--map",
        map.to_str().unwrap(),
    ])
    .bad_input("to-em.toml: competencies.mentoring: 'coaching'");
    // Without a map the proposal is used, and said so.
    let proposed = env.run(&["ready", "--ladder", "engineering-manager"]).ok();
    assert!(
        proposed.stderr.contains("Read through the proposed map"),
        "{}",
        proposed.stderr
    );
    assert!(
        proposed.stderr.contains("lands at M2"),
        "{}",
        proposed.stderr
    );

    // Moving: the profile goes to M1, the map is kept, and plain `ready` reads through it.
    std::fs::write(&map, &edited).unwrap();
    let moved = env
        .run(&[
            "ladder",
            "switch",
            "engineering-manager",
            "--map",
            map.to_str().unwrap(),
            "--reason",
            "Became a manager",
        ])
        .ok();
    assert!(moved.stderr.contains("at M1"), "{}", moved.stderr);
    let history = env.run(&["profile", "history"]).ok().stdout;
    assert!(history.contains("Became a manager"), "{history}");
    let now = env.json(&["ready"]);
    assert_eq!(
        (now["current"].as_str(), now["target"].as_str()),
        (Some("M1"), Some("M2"))
    );
    let growth = now["competencies"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["competency"] == "people-growth")
        .unwrap()
        .clone();
    assert_eq!(growth["evidence"].as_array().unwrap().len(), 1, "{growth}");
    let exported = env.export();
    let archive: serde_json::Value = serde_json::from_str(&exported).unwrap();
    assert_eq!(
        archive["evidence"][0]["competencies"][0], "mentoring",
        "the entry keeps its tag"
    );
    assert_eq!(archive["ladder_maps"].as_array().unwrap().len(), 1);
    env.run(&[
        "ladder",
        "switch",
        "engineering-manager",
        "--map",
        map.to_str().unwrap(),
    ])
    .bad_input("already");

    // The map travels in the archive: a store restored from it reads the same.
    let file = env.path("whole.json");
    std::fs::write(&file, &exported).unwrap();
    let restored = Env::new();
    restored
        .run(&["import", "archive", file.to_str().unwrap()])
        .ok();
    assert_eq!(restored.export(), exported, "byte for byte");
    assert_eq!(
        restored.json(&["ready"])["competencies"],
        now["competencies"]
    );
}

#[test]
fn a_folder_of_markdown_pages_imports_as_one_ladder_and_problems_name_their_file() {
    let env = Env::new();
    env.init();
    let grades = env.path("grades");
    std::fs::create_dir_all(&grades).unwrap();
    for (file, title, craft) in [
        ("L1.md", "L1 Engineer", "Fixes small bugs with help."),
        ("L2.md", "L2 Engineer", "Builds features alone."),
        ("L10.md", "L10 Fellow", "Sets the direction of the company."),
    ] {
        std::fs::write(
            grades.join(file),
            format!(
                "---\ntitle: {title}\n---\n\n## Craft\n\n{craft}\n\n## Care\n\nHelps others.\n"
            ),
        )
        .unwrap();
    }
    let dir = grades.display().to_string();
    let checked = env.json(&["ladder", "check", &dir, "--json"]);
    assert_eq!(checked[0]["ok"], true, "{checked}");
    let imported = env.json(&["ladder", "import", &dir, "--json"]);
    assert_eq!(imported["id"], "grades", "{imported}");
    let shown = env.json(&["ladder", "show", "grades", "--json"]);
    let titles: Vec<&str> = shown["levels"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["L1 Engineer", "L2 Engineer", "L10 Fellow"],
        "{shown}"
    );
    // A problem is placed in the page and line it comes from: the competency's first
    // heading, in L1.md, says L2 has nothing for it.
    std::fs::write(
        grades.join("L2.md"),
        "---\ntitle: L2 Engineer\n---\n\n## Craft\n\n\n",
    )
    .unwrap();
    let refused = env
        .run(&["ladder", "check", &dir, "--strict"])
        .bad_input("2 problems in 1 of 1 ladder file");
    assert!(
        refused
            .stdout
            .contains("L1.md:5:1: Craft: 'craft' has no content for level l2-engineer"),
        "{}",
        refused.stdout
    );
    let empty = env.path("empty");
    std::fs::create_dir_all(&empty).unwrap();
    env.run(&["ladder", "import", &empty.display().to_string()])
        .bad_input("holds no Markdown files");
}
