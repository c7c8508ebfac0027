//! The clarity check's rules, one test per family, on statements written for them.

use super::*;

/// Statements written for these tests (not the labelled dev set), one per rule.
#[test]
fn judges_named_in_evidence_and_roles_named_in_passing_are_no_destination() {
    let c = check("Become staff. Evidence would be my director saying so.");
    assert_eq!(c.matched.destination, vec!["become staff".to_owned()]);
    assert!(c.elements.evidence);
    let c = check("Mentor two juniors by June; my promo case gets reviewed by the staff panel.");
    assert!(c.elements.evidence, "{:?}", c.matched);
    for vague in [
        "Keep learning and not stagnate.",
        "Hoping to grow, working alongside the principal engineers.",
        "Improve my skills in the future.",
        "Be better at my job this year.",
    ] {
        assert!(!check(vague).elements.destination, "{vague}");
    }
    for aimed in [
        "Next step for her is staff engineer.",
        "Head of the data group by 2027.",
        "Distributed systems depth by next spring.",
        "I'd like to head up the payments platform.",
    ] {
        assert!(check(aimed).elements.destination, "{aimed}");
    }
}

#[test]
fn habits_history_and_labelled_lines_are_read_for_what_they_are() {
    // What one already does, and has done since a year, is neither a rep nor a horizon.
    let c = check("Everyday I review the PRs of my team and I want to grow, since 2021.");
    assert!(!c.elements.action && !c.elements.horizon, "{:?}", c.matched);
    assert!(
        !check("I want to be promoted; I was promoted in 2023 too.")
            .elements
            .horizon
    );
    assert!(check("I want to get promoted by Q2.").elements.horizon);
    for aimed in [
        "Skill: Rust (deeper)",
        "I am aiming to transit from support to SRE.",
        "EM is realistic for him within two years.",
        "Chloe wants to get deeper into Rust.",
        "goal=SRE | rep=run the on-call rota | by=Oct",
    ] {
        assert!(check(aimed).elements.destination, "{aimed}");
    }
    let c = check("goal=SRE | rep=run the on-call rota for search | by=Oct");
    assert!(c.elements.action, "{:?}", c.matched);
    assert!(
        check("Be staff before the annual planning offsite.")
            .elements
            .horizon
    );
    assert!(
        check("Become TL in Q3; my mgr decides.").elements.evidence,
        "a short judge"
    );
    // A note's shorthand and pictographs read as the words and breaks they stand for.
    let c = check("staff 🎯 h2 🗓️ lead the auth migration 🔐 skip signs off ✅");
    assert_eq!(c.verdict, Verdict::Actionable, "{:?}", c.matched);
    let c = check("solid k8s skills b4 the reorg, promo cmte approves");
    assert!(c.elements.destination && c.elements.horizon && c.elements.evidence);
}

#[test]
fn destinations_without_a_role_word() {
    for aimed in [
        "Kotlin: I'll port the settings screen by May.",
        "Observability: instrument the checkout flow.",
        "Estimation is my weak spot, so I'll estimate every ticket.",
        "I want to get onto the search team.",
        "Frontend to platform engineering. 9 months.",
        "Is it enough for staff if I run the guild?",
    ] {
        assert!(check(aimed).elements.destination, "{aimed}");
    }
    for vague in [
        "Mobile team: I'd like to be happier.",
        "Hoping to grow.",
        "Time to ship.",
        "I want to join a new team.",
    ] {
        let c = check(vague);
        assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
    }
    assert!(
        check("Frontend to platform engineering. 9 months.")
            .elements
            .horizon
    );
}

#[test]
fn introductions_moves_and_named_practitioners() {
    // Who the writer is now, with their years, is neither destination nor horizon.
    for intro in [
        "Quick intro: frontend engineer, 6 years, React + TypeScript.",
        "Hi! Senior SWE here, ~8 years, currently at a big retailer.",
        "Backend engineer (Python, 5 yrs). Looking for advice.",
    ] {
        let c = check(intro);
        assert!(
            !c.elements.destination && !c.elements.horizon,
            "{intro}: {:?}",
            c.matched
        );
    }
    // The role a move arrives in, and a named kind of practitioner, are destinations.
    for aimed in [
        "Ideally I'd end up as an ML platform engineer.",
        "Join a product company as a staff-level platform engineer.",
        "Goal: go freelance as a Shopify/React contractor.",
        "I want to become a capable technical writer.",
        "Objective is to become a Node.js core collaborator.",
    ] {
        let c = check(aimed);
        assert!(c.elements.destination, "{aimed}: {:?}", c.matched);
    }
    for vague in [
        "I want to become a team player.",
        "To be a well-rounded learner.",
    ] {
        let c = check(vague);
        assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
    }
}

#[test]
fn certifications_roles_taken_on_and_holidays() {
    // A certification aimed at is a destination; sitting its exam is a rep.
    for aimed in [
        "Goal: get my CKA before the March planning offsite.",
        "pass AWS SA pro, grinding the practice sets",
        "CKA by june, doing killer.sh sims 2x/wk",
        "By Q3 Elena will take on the engineering manager role for the squad.",
    ] {
        let c = check(aimed);
        assert!(c.elements.destination, "{aimed}: {:?}", c.matched);
    }
    let c = check("Move into the red team by March; I'll sit the OSCP exam in February.");
    assert_eq!(
        c.matched.destination,
        vec!["move into the red team".to_owned()]
    );
    assert!(c.elements.action, "{:?}", c.matched);
    assert!(!check("Ship the API by Q3.").elements.destination);
    // Recognition of nothing in particular names no place to arrive at.
    for vague in [
        "My objective is to be recognized for my work.",
        "KR3: Be recognised as a leader this cycle.",
        "I would like to continue growing as an engineer.",
    ] {
        let c = check(vague);
        assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
    }
    assert!(
        check("Pass the CKA exam before Tet holiday.")
            .elements
            .horizon
    );
}

#[test]
fn forms_with_fields_left_open_and_futures_that_go_nowhere() {
    // A development-plan row: labelled fields count, fields left "TBD" do not.
    let row = "Goal: QA lead for the mobile app | Actions: define the regression plan | Target date: 5.0 release (June) | Success measure: fewer than 2 escaped P1s";
    assert_eq!(
        check(row).verdict,
        Verdict::Actionable,
        "{:?}",
        check(row).matched
    );
    let open =
        check("Goal: staff engineer | Actions: TBD | Target date: TBD | Success measure: TBD");
    assert!(
        !open.elements.horizon && !open.elements.evidence,
        "{:?}",
        open.matched
    );
    for aimed in [
        "Next stop: DBA.",
        "1. Progress to Senior Developer on the benefits service.",
    ] {
        assert!(check(aimed).elements.destination, "{aimed}");
    }
    for vague in [
        "I'm not going to stick around if they keep piling tickets on me.",
        "I want to challenge many things and grow up as engineer.",
    ] {
        let c = check(vague);
        assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
    }
    assert!(
        check("Im trying to get in to security team from helpdesk")
            .elements
            .destination
    );
    assert!(
        !check("I'll say it plainly: I want senior.")
            .elements
            .evidence
    );
    assert!(
        check("so it passes the external WCAG 2.2 AA audit")
            .elements
            .evidence
    );
}

#[test]
fn reps_and_time_frames_in_a_note_s_shorthand() {
    for (text, rep) in [
        (
            "By Q4 I'd deploy at least one model to production.",
            "deploy at least one model",
        ),
        (
            "Key results: write 3 design docs in Q2.",
            "write 3 design docs",
        ),
        (
            "comfortable with design by june. do 5 mock interviews",
            "do 5 mock interviews",
        ),
        (
            "leave written feedback on 10 junior PRs a week",
            "leave written feedback on 10",
        ),
        (
            "More of the same. Maybe take on the search reindex project.",
            "take on the search",
        ),
        (
            "Get the Kafka consumer rewrite done by Friday.",
            "get the kafka consumer rewrite",
        ),
        (
            "I'll pair-review every PR from the two new hires.",
            "pair-review every pr",
        ),
        (
            "He's offered to coordinate the Q3 hackathon.",
            "coordinate the q3 hackathon",
        ),
        (
            "She'll take me onto the team if the models ship, so I'm rebuilding the pipeline.",
            "rebuilding the pipeline",
        ),
    ] {
        let c = check(text);
        assert!(
            c.matched.action.iter().any(|a| a.starts_with(rep)),
            "{text}: {:?}",
            c.matched
        );
    }
    assert!(!check("Key results: write 3 design docs.").elements.evidence);
    for no_time in [
        "Hello! Backend engineer, 6 yrs, currently at a bank in Lisbon.",
        "Hi! SRE at a mid-size SaaS company, 3 yrs.",
        "metric: my forecasts land within 10% for 3 sprints straight.",
    ] {
        let c = check(no_time);
        assert!(!c.elements.horizon, "{no_time}: {:?}", c.matched);
    }
    for text in [
        "want to level up this yr",
        "Architect for the claims domain, within the year.",
        "The target is a senior IC position by 1 March.",
    ] {
        assert!(check(text).elements.horizon, "{text}");
    }
}

#[test]
fn kinds_of_person_and_vague_doings_are_neither_place_nor_rep() {
    for vague in [
        "I want to become a leader in the next year.",
        "Be the kind of engineer people want on their team.",
        "I want to be more useful. Good sign will be if my manager gives me the bonus.",
        "Frankly I just want a manager who doesn't cancel our 1:1s.",
    ] {
        let c = check(vague);
        assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
    }
    assert!(
        check("In 6 months I see myself as a senior firmware engineer who owns the BLE stack.")
            .elements
            .destination
    );
    for no_rep in [
        "Make a bigger impact in 2025.",
        "just learn stuff, maybe take a course",
        "Improve my skills by doing a Udemy course or two.",
        "I hope maintainers will start recognising my name.",
        "Keep doing what she's doing.",
        "Long term I see myself as staff, maybe owning observability.",
        "switch from QA to dev. mgr says the bar is passing the same coding loop",
    ] {
        let c = check(no_rep);
        assert!(!c.elements.action, "{no_rep}: {:?}", c.matched);
    }
}

#[test]
fn headlines_levels_of_operation_and_compound_nouns() {
    for aimed in [
        "I'll say it plainly: I want senior by the summer promo round.",
        "EM trial for H2, running sprint planning for the new grads",
        "rust deeply by end of q3",
        "I'd want the panel to see me as someone already operating at staff level.",
    ] {
        let c = check(aimed);
        assert!(c.elements.destination, "{aimed}: {:?}", c.matched);
    }
    assert!(
        check("That's my case for L5, before the November cycle.")
            .elements
            .horizon
    );
    let c = check("Transition to EM within 12 months, with a manager-track title.");
    assert!(!c.elements.action, "{:?}", c.matched);
    assert!(check("co-lead the billing migration").elements.action);
    let row = check("Competency: Leadership | Goal: Be more senior");
    assert!(!row.elements.destination, "{:?}", row.matched);
}

#[test]
fn people_named_networks_and_feelings_are_no_destinations() {
    for vague in [
        "Wanna get the promo this time. Will make sure my manager sees my work.",
        "I just want to do more interesting work and be recognised for it.",
        "keep learning every day",
        "My aim is to build my personal brand and grow my network.",
        "I'd love to be a thought leader in the observability space.",
        "feel more confident in meetings",
        "I would like to improve myself in leadership side and be promoted.",
    ] {
        let c = check(vague);
        assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
    }
    for aimed in [
        "Goal for H2: become the DRI for our data platform's cloud cost.",
        "L5 EOY",
        "By September I'd like to be running the Berlin platform team.",
        "Own on-call for the whole ingest pipeline by Q4.",
        "I'd like Noor to develop strong written communication by spring.",
    ] {
        let c = check(aimed);
        assert!(c.elements.destination, "{aimed}: {:?}", c.matched);
    }
    for judged in [
        "billing tickets escalated to engineering should drop by half",
        "I will lead the refactor before Q2 and the CTO validates.",
        "deploy one model to prod that the ranking team uses",
        "write the design doc, which the infra architects will review",
        "publish two design docs and get both approved at architecture review",
    ] {
        assert!(check(judged).elements.evidence, "{judged}");
    }
    assert!(
        check("Plan: (1) run 1:1s for the 3 contractors")
            .elements
            .action
    );
    for vague in [
        "I want to operate at the next level of impact.",
        "Career goals:\n→ improve leadership skills\n→ increase impact",
        "I'd like to grow into a leadership role sometime in the next few years.",
    ] {
        let c = check(vague);
        assert!(!c.elements.destination, "{vague}: {:?}", c.matched);
    }
    assert!(
        !check("a leadership role sometime in the next few years")
            .elements
            .horizon
    );
    let c = check("tl;dr staff eng, 18 months");
    assert!(
        c.elements.destination && c.elements.horizon,
        "{:?}",
        c.matched
    );
}

#[test]
fn a_success_criterion_must_observe_something() {
    for hollow in [
        "Senior by end of year. I'll write two RFCs for the caching layer. Success is writing the RFCs.",
        "EM by spring. Success measure: feeling ready to operate at that level.",
        "Plan: lead the migration. Evidence: we'll have a conversation about it in my 1:1.",
        "Fix the 20 slowest queries in Q3. Success: the reporting queries get fixed.",
    ] {
        let c = check(hollow);
        assert!(!c.elements.evidence, "{hollow}: {:?}", c.matched);
    }
    for observed in [
        "How will we know? At least five product teams use it.",
        "ill know its working when the finance team stops pinging me",
        "The signal: the DevRel team invites me to join.",
        "Ready meaning: my manager lists me as a TL candidate.",
        "I'll have succeeded if I'm added to the web on-call rotation.",
        "They only count if they're approved in architecture review.",
        "slow query log should go from ~300/day to under 50/day",
        "Target is fewer than 20, tracked on the dashboard.",
        "Success is passing the CKA on the first try.",
    ] {
        assert!(check(observed).elements.evidence, "{observed}");
    }
    assert!(
        check("Be a strong mentor to the two juniors this year.")
            .elements
            .destination
    );
    assert!(
        !check("Improve my skills. Writing two RFCs before the offsite.")
            .elements
            .destination
    );
}

#[test]
fn a_note_keeps_its_lines_and_its_items() {
    // Each line of a note is an item: a labelled judge on its own line is evidence.
    let c =
        check("- goal: senior\n- how: lead the Postgres 16 upgrade\n- when: H1\n- judge: TL + EM");
    assert_eq!(c.verdict, Verdict::Actionable, "{:?}", c.matched);
    // "lead" with an object is the rep, and a comma opens the next item after a judge.
    let c = check("tech lead by eoy, lead the checkout rewrite, my mgr signs off");
    assert_eq!(
        c.matched.action,
        vec!["lead the checkout rewrite".to_owned()]
    );
    let c = check("principal, promo committee signs off, lead the multi-region migration");
    assert!(c.elements.action, "{:?}", c.matched);
    // A typo is one slip of the keys, not a real word near a key word.
    assert!(
        !check("I'm not sure in which direction to grow.")
            .elements
            .destination
    );
    assert!(check("archtekt by eoy").elements.destination);
}

#[test]
fn a_span_of_time_counts_in_any_number_written_out() {
    for (span, words) in [
        ("within fifteen months", "within fifteen months"),
        ("within thirty days", "within thirty days"),
        ("in twenty-one weeks", "in twenty-one weeks"),
        ("within 14 months", "within 14 months"),
    ] {
        let c = check(&format!("Become a staff engineer {span}."));
        assert!(c.elements.horizon, "{span}");
        assert_eq!(c.matched.horizon, vec![words.to_owned()], "{span}");
    }
    assert!(
        !check("Become a staff engineer, fifteen of us.")
            .elements
            .horizon
    );
}

#[test]
fn each_element_is_recognised_from_its_phrasing() {
    type Case = (&'static str, [bool; 4], Verdict);
    let cases: [Case; 13] = [
        (
            "I want to get promoted.",
            [false, false, false, false],
            Verdict::Vague,
        ),
        (
            "I'd like more responsibility soon.",
            [false, false, false, false],
            Verdict::Vague,
        ),
        (
            "Help me be more successful next year.",
            [false, false, true, false],
            Verdict::Vague,
        ),
        (
            "I'll run the incident review rota in March.",
            [false, true, true, false],
            Verdict::Vague,
        ),
        (
            "I want to become an engineering manager.",
            [true, false, false, false],
            Verdict::Directional,
        ),
        (
            "I want to get stronger at distributed systems debugging within a year.",
            [true, false, true, false],
            Verdict::Directional,
        ),
        (
            "I want to move into security engineering; I'll shadow the appsec team's reviews.",
            [true, true, false, false],
            Verdict::Directional,
        ),
        (
            "I want to reach L4 by end of 2027, shown by leading the storage migration.",
            [true, false, true, true],
            Verdict::Directional,
        ),
        (
            "By Q3 I want to be the tech lead for payments: I'll run design reviews and write the roadmap, and approval by the director is the bar.",
            [true, true, true, true],
            Verdict::Actionable,
        ),
        (
            "Over the next nine months I want to become known for API design by publishing three RFCs, judged by two teams adopting them.",
            [true, true, true, true],
            Verdict::Actionable,
        ),
        (
            "I want to give a talk every month.",
            [false, true, false, false],
            Verdict::Vague,
        ),
        (
            "I want technical leadership of our data platform, but I won't rush it.",
            [true, false, false, false],
            Verdict::Directional,
        ),
        (
            "I want to be trusted with our design reviews and our build tooling.",
            [false, false, false, false],
            Verdict::Vague,
        ),
    ];
    for (text, [d, a, h, e], verdict) in cases {
        let c = check(text);
        let got = [
            c.elements.destination,
            c.elements.action,
            c.elements.horizon,
            c.elements.evidence,
        ];
        assert_eq!(got, [d, a, h, e], "{text}\n{:?}", c.matched);
        assert_eq!(c.verdict, verdict, "{text}");
    }
}

/// Each family of phrasing a new user brings: a transition, a capability, a level and
/// scope without a verb, recognised ownership, an action after a colon, a rep after "by".
#[test]
fn destinations_come_in_many_grammatical_shapes() {
    type Case = (&'static str, Verdict);
    let cases: [Case; 9] = [
        (
            "I'd like to switch from QA automation into backend development.",
            Verdict::Directional,
        ),
        (
            "I want to improve at technical writing.",
            Verdict::Directional,
        ),
        (
            "Aim: principal scope in developer experience.",
            Verdict::Directional,
        ),
        (
            "I want to be the person people call when the database is on fire.",
            Verdict::Directional,
        ),
        (
            "In 2027 I want to be ready for engineering management: I'll run 1:1s for two interns, and my manager's review will be the evidence.",
            Verdict::Actionable,
        ),
        (
            "By June I want to move into system design depth by writing two RFCs that pass architecture review.",
            Verdict::Actionable,
        ),
        ("Staff by 2027.", Verdict::Directional),
        ("becom a tech lead by end of yaer", Verdict::Directional),
        ("Make me more visible to leadership.", Verdict::Vague),
    ];
    for (text, verdict) in cases {
        let c = check(text);
        assert_eq!(c.verdict, verdict, "{text}\n{:?}", c.matched);
    }
}

#[test]
fn roles_are_read_in_the_shapes_people_write_them() {
    let destination = |text: &str| check(text).elements.destination;
    for text in [
        "Me: staff engineer by next cycle.",
        "Tech lead or EM by Q3.",
        "AppSec lead by the next promo round.",
        "Become a DevRel lead.",
        "Open to Senior Backend Engineer roles (Go, Postgres).",
        "Aspire to be principal-level in cryptography.",
    ] {
        assert!(destination(text), "{text}: {:?}", check(text).matched);
    }
    for text in [
        "I will lead.",
        "Stakeholders: VP Eng, platform EMs",
        "My goal is to eventually lead.",
    ] {
        assert!(!destination(text), "{text}: {:?}", check(text).matched);
    }
    // A scope taken on after the destination is a rep towards it; a word glued on by
    // a hyphen ends no phrase ("org-wide").
    let c = check("VP Engineering by 2028; I'll run the org-wide planning process.");
    assert!(c.elements.action, "{:?}", c.matched);
    assert!(
        !c.matched
            .destination
            .iter()
            .any(|d| d.contains("run the org"))
    );
    let c = check("Reach L4 next cycle. I'll own the settings page end to end.");
    assert!(c.elements.action, "{:?}", c.matched);
    assert!(
        !check("I want to own the payments platform.")
            .elements
            .action
    );
}

#[test]
fn what_is_past_undecided_or_already_held_names_no_destination() {
    let destination = |text: &str| check(text).elements.destination;
    for text in [
        "I was promoted to senior in 2023. Now I want to keep growing.",
        "Not sure if I want IC or management, I just want to keep progressing.",
        "Hello! I'm Dev, data engineer at a fintech. I want more impact.",
        "want to be good at coding lol",
        "I'd like to be better at 'the soft stuff'.",
    ] {
        assert!(!destination(text), "{text}: {:?}", check(text).matched);
    }
    for text in [
        "I joined in 2022 as a junior iOS dev and I want to reach mid-level.",
        "I want to own the payments API's reliability by Q4.",
    ] {
        assert!(destination(text), "{text}: {:?}", check(text).matched);
    }
    // Running a team's ritual or volunteering to own a task is a rep, not a scope.
    let c = check("Grow as an engineer by running the team's retro.");
    assert!(
        !c.elements.destination && c.elements.action,
        "{:?}",
        c.matched
    );
    assert!(!destination(
        "Goal: more ownership. I'll volunteer to own the release train."
    ));
}

#[test]
fn measures_and_judges_are_told_from_reports_of_today() {
    let evidence = |text: &str| check(text).elements.evidence;
    for text in [
        "Port the solver to GPU; at least 10x speedup on the benchmark case.",
        "Land three passes, each showing \u{2265}5% speedup on the suite.",
        "Lead the sharding, zero-downtime cutover.",
        "Acceptance at a NeurIPS workshop counts as success.",
        "The release-health dashboard is my scorecard.",
        "- role: staff\n- signoff: VP eng",
        "Both say in their feedback that it helped.",
    ] {
        assert!(evidence(text), "{text}: {:?}", check(text).matched);
    }
    for text in [
        "My skip says I'm 'on a track'.",
        "mgr keeps saying im close",
        "People say I'm already there.",
    ] {
        assert!(!evidence(text), "{text}: {:?}", check(text).matched);
    }
}

#[test]
fn named_events_and_festivals_are_horizons_and_the_past_gives_way_to_a_want() {
    let horizon = |text: &str| check(text).elements.horizon;
    for text in [
        "Engine programmer role by next milestone.",
        "Senior Flutter engineer before Chinese New Year.",
        "Walk the leads through it at the June staff meeting.",
        "Good at code review by the end of my first year.",
        "I've been an SDET for 3 years and want to move, ideally before my next review in October.",
    ] {
        assert!(horizon(text), "{text}: {:?}", check(text).matched);
    }
    assert!(!horizon("I've been an SDET since 2021."));
}

#[test]
fn levels_hedges_and_go_tos_are_read_as_people_write_them() {
    let destination = |text: &str| check(text).elements.destination;
    for text in [
        "Become SDE3 this year.",
        "TPM transition by H1 next year.",
        "Senior iOS engineer (IC3\u{2192}IC4) in the next review cycle.",
        "i guess tech lead for the android app by EOY?",
        "be the postgres go-to by eoy",
        "Be the go-to person for Kafka.",
    ] {
        assert!(destination(text), "{text}: {:?}", check(text).matched);
    }
    for text in [
        "Be the go-to person.",
        "be more of a go-to person generally",
        "I already lead the mobile guild meetings weekly.",
        "Keep improving, read more books, maybe go to a conference",
    ] {
        assert!(!destination(text), "{text}: {:?}", check(text).matched);
    }
    for text in [
        "SDE2 promo by the next perf cycle.",
        "Switch from frontend to backend in ~9 months.",
    ] {
        assert!(check(text).elements.horizon, "{text}");
    }
    for text in [
        "Ship 3 PRs and get the infra TL's ok that I can take tickets solo.",
        "My lead will give the evaluation.",
        "Take coverage from 40% to 80%, my mentor will review.",
        "If people stop pinging the DBA and come to me instead, that's success.",
        "Bar raiser feedback in the promo doc.",
    ] {
        assert!(
            check(text).elements.evidence,
            "{text}: {:?}",
            check(text).matched
        );
    }
    // What a criterion names is not a rep.
    let c = check("Become an ML engineer; my criteria is passing an ML interview loop.");
    assert!(!c.elements.action, "{:?}", c.matched);
}

#[test]
fn fields_authorities_and_labels_name_destinations() {
    let destination = |text: &str| check(text).elements.destination;
    for text in [
        "Research software engineer lead, by next grant renewal.",
        "design systems lead by Q3",
        "Distinguished engineer nomination this cycle.",
        "I'd like to have a go at being the incident review lead next quarter.",
        "Want to be the recognised authority on data privacy by next year.",
        "Open to: Engineering Manager roles (teams of 5-10).",
        "Me: EM track please.",
        "Going deep on Zig over the summer.",
        "Public speaking is the capability I want to get good at this year.",
    ] {
        assert!(destination(text), "{text}: {:?}", check(text).matched);
    }
    // A doing word with people after it is a rep, not a role.
    let c = check("Mentor two senior engineers this half.");
    assert!(
        !c.elements.destination && c.elements.action,
        "{:?}",
        c.matched
    );
}

#[test]
fn reports_written_by_managers_and_pasted_forms_are_read() {
    let destination = |text: &str| check(text).elements.destination;
    for text in [
        "For Priya: she becomes a senior engineer this review cycle.",
        "Karen moves from EM to Senior EM by the end of the fiscal year.",
        "Become the payments-risk domain's tech lead by the end of next year.",
        "Become our first ML engineer before the summer launch.",
        "Be the freelance Next.js performance person clients call first.",
        "want to be who everyone pings when Kafka falls over",
        "Foundation goal: join the Technical Steering Committee.",
        "Goal: land a permanent spot on the ML platform team by August.",
    ] {
        assert!(destination(text), "{text}: {:?}", check(text).matched);
    }
    for text in [
        "I want to get into tech.",
        "intern goal: learn as much as possible this summer",
        "Broaden my experience across the research computing team this year.",
        "O: Improve my skills | KR: Complete 3 Udemy courses | Q: Q2",
        "increase my impact, I'll join the architecture guild next quarter",
    ] {
        assert!(!destination(text), "{text}: {:?}", check(text).matched);
    }
    for text in [
        "Get to SWE II by my 18-month mark.",
        "Release manager by the 4.0 release.",
        "Own the data platform by the time our Series B closes.",
        "Head of Engineering before we hire engineer #10.",
        "Get better at code review by the end of my internship.",
        "Lead Developer at the next promotion board.",
        "Technical lead in time for the new grant (starts October).",
    ] {
        assert!(
            check(text).elements.horizon,
            "{text}: {:?}",
            check(text).matched
        );
    }
    let c = check("By next autumn I'll have built a shift-swap app with a hospital team.");
    assert!(c.elements.action, "{:?}", c.matched);
}

#[test]
fn languages_contributions_and_first_steps_are_read() {
    let destination = |text: &str| check(text).elements.destination;
    for text in [
        "Become fluent in Go by writing the new rate limiter in it.",
        "Goal: become a contributor to the tokio project.",
        "Looking ahead, I want to take over as owner of the design system.",
        "I'd really like to run our on-call process end to end.",
        "Goal: backend role in climate tech by March.",
        "Title: Frontend Guild Lead",
    ] {
        assert!(destination(text), "{text}: {:?}", check(text).matched);
    }
    // "go" the verb stays no capability.
    assert!(!destination("want to get better at go and do stuff"));
    for text in [
        "Staff by Q3. First step is the cross-org auth RFC by end of Q1.",
        "Principal-level scope: consolidate our three tracing stacks into one.",
    ] {
        assert!(
            check(text).elements.action,
            "{text}: {:?}",
            check(text).matched
        );
    }
}

#[test]
fn passive_reps_engineering_verbs_and_thresholds_are_read() {
    for text in [
        "The incident review for the checkout outage will be facilitated by me next week.",
        "The release checklist will be rewritten by me.",
        "Senior backend engineer in Q3; plan: shard the user table.",
    ] {
        assert!(
            check(text).elements.action,
            "{text}: {:?}",
            check(text).matched
        );
    }
    for text in [
        "Build the presence service; it has to handle 50k concurrent connections.",
        "Acceptance of the proposal is the first milestone.",
    ] {
        assert!(
            check(text).elements.evidence,
            "{text}: {:?}",
            check(text).matched
        );
    }
}

#[test]
fn answers_to_a_form_are_read_line_by_line() {
    // A line break ends a clause even before a letter: "Where: tech lead\nWhat: …".
    let c = check(
        "Where: tech lead\nWhat: lead the migration\nKnow: my EM gives me the TL role\nElse: Q1",
    );
    assert_eq!(c.verdict, Verdict::Actionable, "{:?}", c.matched);
    // A label is shown with what it labels, so the reason reads on its own.
    assert!(
        c.matched
            .evidence
            .contains(&"know: my em gives me the tl role".to_owned()),
        "{:?}",
        c.matched
    );
    let c = check(
        "Q: Where do you want to be? A: Engineering manager of my current team\nQ: What? A: run 1:1s for the grads",
    );
    assert!(
        c.elements.destination && c.elements.action,
        "{:?}",
        c.matched
    );
    for text in [
        "Own the CI/CD platform.\nJenkins turned off, deploy lead time < 15 min.",
        "Own releases. Release day goes from 2 days to 2 hours.",
        "Staff eng. Know: 3 teams actually running on it in prod.",
        "Tech lead role. EM + PM feedback in my 360 by H2.",
        "Get good at incident command. The SRE lead certifies me as IC.",
        "Senior data scientist. Head of data says I'm at senior level in the Feb calibration.",
        "learn Rust deeply. pass = sidecar in prod.",
    ] {
        assert!(
            check(text).elements.evidence,
            "{text}: {:?}",
            check(text).matched
        );
    }
}

#[test]
fn it_asks_the_question_for_each_missing_element_and_shows_its_reasons() {
    let c = check("I want to become a staff engineer by next summer.");
    assert_eq!(c.verdict, Verdict::Directional);
    assert_eq!(c.questions, [ASK_ACTION, ASK_EVIDENCE]);
    assert_eq!(c.matched.destination, ["become a staff engineer"]);
    assert_eq!(c.matched.horizon, ["by next summer"]);
    let vague = check("I want to grow.");
    assert_eq!(vague.questions.len(), 4);
    assert_eq!(vague.questions[2], "By when?");
}

#[test]
fn frequencies_and_someday_are_not_horizons() {
    for text in [
        "I'll write one post per quarter.",
        "I'll get there eventually.",
        "I run the retro every sprint.",
    ] {
        assert!(!check(text).elements.horizon, "{text}");
    }
    assert!(check("in the next six months").elements.horizon);
    assert_eq!(
        check("I'll be done by June 2027.").matched.horizon,
        ["by june 2027"]
    );
}

#[test]
fn fields_filled_in_beside_the_statement_count() {
    let text = "I want to become a staff engineer.";
    assert_eq!(check(text).verdict, Verdict::Directional);
    let reps = ["Lead the storage migration".to_owned()];
    let c = check_with(
        text,
        Fields {
            target_level: Some("L4"),
            horizon: chrono::NaiveDate::from_ymd_opt(2027, 6, 30),
            reps: &reps,
            evidence: "Two teams adopt the design",
        },
    );
    assert_eq!(c.verdict, Verdict::Actionable, "{:?}", c.matched);
    assert!(c.questions.is_empty());
    assert_eq!(c.matched.horizon, ["by 2027-06-30"]);
    let vague = check_with(
        "I want to grow.",
        Fields {
            target_level: Some("L4"),
            ..Fields::default()
        },
    );
    assert_eq!(
        vague.verdict,
        Verdict::Directional,
        "a target level is a destination"
    );
}

#[test]
fn verdicts_parse_and_print() {
    assert_eq!(
        "actionable".parse::<Verdict>().unwrap(),
        Verdict::Actionable
    );
    assert_eq!(serde_json::to_string(&Verdict::Vague).unwrap(), "\"vague\"");
}
