//! Ladder maps proposed between real frameworks (`../shared/ladders` and the built-ins):
//! every competency of one finds a counterpart a reader would accept in the other, levels
//! keep their order, and a proposal read back as a file is the same map.

#![allow(clippy::unwrap_used)] // helpers outside #[test] fns: a failed unwrap is a failed test

use std::path::PathBuf;

use cairn_core::ladder::Ladder;
use cairn_core::ladder::builtin;
use cairn_core::ladder::import::import;
use cairn_core::ladder::map::{LadderMap, propose};

fn shared(name: &str) -> Option<Ladder> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/ladders")
        .join(name);
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipped: {} is not here", path.display());
        return None;
    };
    Some(import(name, &bytes, None).unwrap().ladder)
}

/// The competencies `id` of `from` maps to, as text.
fn maps(p: &cairn_core::ladder::map::Proposal, id: &str) -> Vec<String> {
    p.map.competencies[&id.parse().unwrap()]
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Levels keep their order: a more senior level never maps below a more junior one.
fn ordered(from: &Ladder, to: &Ladder, map: &LadderMap) {
    let ranks: Vec<usize> = from
        .levels
        .iter()
        .filter(|l| {
            from.rank(&l.id)
                == Some(
                    from.path(from.tracks.first().map(|t| &t.id))
                        .iter()
                        .position(|x| x.id == l.id)
                        .unwrap_or(usize::MAX),
                )
        })
        .map(|l| to.rank(&map.levels[&l.id]).unwrap())
        .collect();
    assert!(ranks.windows(2).all(|w| w[0] <= w[1]), "{ranks:?}");
    assert_eq!(map.levels.len(), from.levels.len(), "every level maps");
}

#[test]
fn the_built_in_ladder_and_the_ft_framework_find_each_others_competencies() {
    let Some(ft) = shared("ft/engineering.yml") else {
        return;
    };
    let se = builtin::find("software-engineer").unwrap();
    let there = propose(&se, &ft);
    for (ours, theirs) in [
        ("collaboration", "team-work"),
        ("mentoring", "leadership"),
        ("product-impact", "business-impact"),
        ("technical-depth", "technical"),
        ("system-design", "technical"),
        ("delivery", "planning-organising"),
    ] {
        assert!(
            maps(&there, ours).contains(&theirs.to_owned()),
            "{ours}: {:?}",
            maps(&there, ours)
        );
    }
    ordered(&se, &ft, &there.map);
    assert_eq!(
        there.map.levels[&"L3".parse().unwrap()].as_str(),
        "senior-1",
        "Senior Engineer is Senior Engineer 1"
    );
    let back = propose(&ft, &se);
    for (theirs, ours) in [
        ("leadership", "mentoring"),
        ("team-work", "collaboration"),
        ("planning-organising", "delivery"),
        ("business-impact", "product-impact"),
        ("technical", "technical-depth"),
    ] {
        assert!(
            maps(&back, theirs).contains(&ours.to_owned()),
            "{theirs}: {:?}",
            maps(&back, theirs)
        );
    }
    ordered(&ft, &se, &back.map);
}

#[test]
fn monzo_frameworks_read_the_built_in_ladder_and_back() {
    let se = builtin::find("software-engineer").unwrap();
    for name in [
        "monzo/engineering-backend.md",
        "monzo/engineering-web.md",
        "monzo/engineering-mobile.md",
    ] {
        let Some(monzo) = shared(name) else {
            return;
        };
        let back = propose(&monzo, &se);
        for (theirs, ours) in [
            ("leadership", "mentoring"),
            ("influence", "influence"),
            ("mastery", "technical-depth"),
            ("impact", "delivery"),
            ("communication", "collaboration"),
        ] {
            assert!(
                maps(&back, theirs).contains(&ours.to_owned()),
                "{name} {theirs}: {:?}",
                maps(&back, theirs)
            );
        }
        let there = propose(&se, &monzo);
        for (ours, theirs) in [
            ("technical-depth", "mastery"),
            ("influence", "influence"),
            ("collaboration", "communication"),
        ] {
            assert!(
                maps(&there, ours).contains(&theirs.to_owned()),
                "{name} {ours}: {:?}",
                maps(&there, ours)
            );
        }
        ordered(&se, &monzo, &there.map);
    }
}

#[test]
fn a_proposal_written_as_a_file_reads_back_as_the_same_map_and_edits_are_checked() {
    let se = builtin::find("software-engineer").unwrap();
    let em = builtin::find("engineering-manager").unwrap();
    let proposal = propose(&se, &em);
    let file = proposal.to_toml(&se, &em);
    assert!(file.contains("from = \"software-engineer@1\""), "{file}");
    assert!(
        file.contains("# Mentoring -> "),
        "every line explained: {file}"
    );
    assert_eq!(LadderMap::parse(&file, &se, &em).unwrap(), proposal.map);

    let edited = file.replacen("mentoring = [", "mentoring = [\"no-such-thing\", ", 1);
    let err = LadderMap::parse(&edited, &se, &em).unwrap_err();
    assert_eq!(err.field, "competencies.mentoring");
    let wrong = LadderMap::parse(&file, &em, &se).unwrap_err();
    assert_eq!(wrong.field, "from", "{wrong}");
    let broken = LadderMap::parse("from = \"software-engineer@1\"\nto = [", &se, &em).unwrap_err();
    assert_eq!(broken.field, "line 2");
}
