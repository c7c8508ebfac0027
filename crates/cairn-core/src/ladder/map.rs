//! Moving a record from one ladder to another (a new employer's framework): a map of
//! competencies and levels, proposed from the two ladders' own words and edited by the
//! engineer as a TOML file, then used to read records made on the old ladder as the new one
//! would. The records themselves are never rewritten: an entry tagged "system-design" stays
//! so, and reads on the new ladder as the competencies that tag maps to.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::{Deserialize, Serialize};

use super::{Ladder, LadderRef};
use crate::Invalid;
use crate::assessment::{Assessment, AssessmentRound};
use crate::destination::Destination;
use crate::evidence::Evidence;
use crate::id::{CompetencyId, LevelId};
use crate::rep::Rep;
use crate::suggest::Suggester;

/// How far below the best match a second competency may score and still be proposed.
const RUNNER_UP: f64 = 0.8;

/// Title words that name a seniority: two levels whose titles use the same ones are the
/// same step, whatever their place on the path.
const SENIORITY: [&str; 9] = [
    "junior",
    "graduate",
    "senior",
    "staff",
    "principal",
    "distinguished",
    "lead",
    "director",
    "fellow",
];

/// Competencies and levels of one ladder version, as another reads them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LadderMap {
    /// The ladder records were made on.
    pub from: LadderRef,
    /// The ladder they are read on.
    pub to: LadderRef,
    /// Each old competency's new ones (none: it has no counterpart).
    pub competencies: BTreeMap<CompetencyId, Vec<CompetencyId>>,
    /// Each old level's new one.
    pub levels: BTreeMap<LevelId, LevelId>,
}

/// A proposed map with its reasons, for the engineer to edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The map.
    pub map: LadderMap,
    /// The words that drove each competency's match, by old competency.
    pub words: BTreeMap<CompetencyId, Vec<String>>,
}

/// The file as typed: references and ids as text, checked against the ladders after.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Typed {
    from: String,
    to: String,
    #[serde(default)]
    competencies: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    levels: BTreeMap<String, String>,
}

/// Everything a ladder says of one competency, as one text.
fn said(c: &super::Competency) -> String {
    let mut text = format!("{}\n{}\n{}", c.name, c.name, c.description);
    for e in &c.expectations {
        text.push('\n');
        text.push_str(&e.text);
        for criterion in &e.criteria {
            text.push('\n');
            text.push_str(&criterion.text);
        }
    }
    text
}

/// A competency, how strongly it answers (a share of the strongest), and the words why.
type Answer = (CompetencyId, f64, Vec<String>);

/// How strongly each competency of `to` answers what `from` says of `c`, as a share of the
/// strongest (1.0), with the words that drove it.
fn answers(suggester: &Suggester, c: &super::Competency) -> Vec<Answer> {
    let ranked = suggester.suggest(&said(c));
    let best = ranked.first().map_or(1.0, |s| s.score.max(f64::EPSILON));
    ranked
        .into_iter()
        .map(|s| (s.competency, s.score / best, s.words))
        .collect()
}

/// Proposes how `to` reads records made on `from`. Competencies match both ways: what the
/// suggestion engine finds in `to` for everything `from` says of one, and what it finds in
/// `from` for everything `to` says of each of its own, so a pair each side picks wins over
/// a word shared by chance (the runner-up is kept when it scores nearly as well). A name
/// the two share decides. Each level goes to the step of `to` with the same seniority words
/// in its title, else the one at the same height on `to`'s first track.
pub fn propose(from: &Ladder, to: &Ladder) -> Proposal {
    let forward = Suggester::new(to, &[]);
    let backward = Suggester::new(from, &[]);
    let back: Vec<(CompetencyId, Vec<Answer>)> = to
        .competencies
        .iter()
        .map(|t| (t.id.clone(), answers(&backward, t)))
        .collect();
    let mut competencies = BTreeMap::new();
    let mut words = BTreeMap::new();
    for c in &from.competencies {
        let mut scored: Vec<Answer> = answers(&forward, c)
            .into_iter()
            .map(|(t, share, w)| {
                let returned = back
                    .iter()
                    .find(|(id, _)| *id == t)
                    .and_then(|(_, ranked)| ranked.iter().find(|(id, _, _)| id == &c.id))
                    .map_or(0.0, |(_, s, _)| *s);
                (t, share + returned, w)
            })
            .collect();
        scored.sort_by(|a, b| b.1.total_cmp(&a.1));
        let same_name = to
            .competencies
            .iter()
            .find(|t| t.name.eq_ignore_ascii_case(&c.name));
        let chosen: Vec<&Answer> = match (same_name, scored.first()) {
            (Some(t), _) => scored.iter().filter(|s| s.0 == t.id).take(1).collect(),
            (None, Some(best)) => scored
                .iter()
                .take(2)
                .filter(|s| s.1 >= best.1 * RUNNER_UP)
                .collect(),
            (None, None) => Vec::new(),
        };
        let mut ids: Vec<CompetencyId> = chosen.iter().map(|s| s.0.clone()).collect();
        if ids.is_empty()
            && let Some(t) = same_name
        {
            ids.push(t.id.clone());
        }
        words.insert(
            c.id.clone(),
            chosen
                .first()
                .map(|s| s.2.iter().take(6).cloned().collect())
                .unwrap_or_default(),
        );
        competencies.insert(c.id.clone(), ids);
    }
    let levels = from
        .levels
        .iter()
        .filter_map(|l| Some((l.id.clone(), level_for(from, to, &l.id)?)))
        .collect();
    Proposal {
        map: LadderMap {
            from: from.reference(),
            to: to.reference(),
            competencies,
            levels,
        },
        words,
    }
}

/// The level of `to` for `id` on `from`: the same seniority words, else the same height.
fn level_for(from: &Ladder, to: &Ladder, id: &LevelId) -> Option<LevelId> {
    let level = from.level(id)?;
    let path = to.path(to.tracks.first().map(|t| &t.id));
    let seniority = |title: &str| -> Vec<&'static str> {
        let lower = title.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).collect();
        SENIORITY
            .iter()
            .copied()
            .filter(|s| words.contains(s))
            .collect()
    };
    let wanted = seniority(&level.title);
    if !wanted.is_empty()
        && let Some(same) = path.iter().find(|l| seniority(&l.title) == wanted)
    {
        return Some(same.id.clone());
    }
    let rank = from.rank(id)?;
    let (height, steps) = (from.height().max(2) - 1, path.len().checked_sub(1)?);
    let at = (rank * steps + height / 2) / height;
    path.get(at.min(steps)).map(|l| l.id.clone())
}

impl Proposal {
    /// The map as a TOML file to edit, every line explained.
    pub fn to_toml(&self, from: &Ladder, to: &Ladder) -> String {
        let map = &self.map;
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# How {} (v{}) reads records made on {} (v{}).\n\
             # Proposed from the two ladders' words: check every line, edit, then run\n\
             # `cairn ready --ladder {} --map THIS_FILE` or `cairn ladder switch {} --map THIS_FILE`.\n\
             # A competency maps to a list of the new ladder's (empty: no counterpart).\n",
            to.name, to.version, from.name, from.version, to.id, to.id
        );
        let _ = writeln!(out, "from = \"{}@{}\"", from.id, from.version);
        let _ = writeln!(out, "to = \"{}@{}\"\n", to.id, to.version);
        out.push_str("[competencies]\n");
        for c in &from.competencies {
            let targets = map.competencies.get(&c.id).cloned().unwrap_or_default();
            let names: Vec<&str> = targets
                .iter()
                .filter_map(|t| to.competency(t).map(|x| x.name.as_str()))
                .collect();
            let why = self.words.get(&c.id).filter(|w| !w.is_empty());
            let _ = match (names.is_empty(), why) {
                (true, _) => writeln!(out, "# {}: nothing in {} matches", c.name, to.name),
                (false, Some(w)) => writeln!(
                    out,
                    "# {} -> {} (from: {})",
                    c.name,
                    names.join(", "),
                    w.join(", ")
                ),
                (false, None) => writeln!(out, "# {} -> {}", c.name, names.join(", ")),
            };
            let list: Vec<String> = targets.iter().map(|t| format!("\"{t}\"")).collect();
            let _ = writeln!(out, "{} = [{}]", key(c.id.as_str()), list.join(", "));
        }
        let unmatched: Vec<&str> = to
            .competencies
            .iter()
            .filter(|t| !map.competencies.values().flatten().any(|x| x == &t.id))
            .map(|t| t.name.as_str())
            .collect();
        if !unmatched.is_empty() {
            let _ = writeln!(
                out,
                "# Nothing maps to: {} (no evidence carries over there)",
                unmatched.join(", ")
            );
        }
        out.push_str("\n[levels]\n");
        for l in &from.levels {
            let Some(t) = map.levels.get(&l.id) else {
                continue;
            };
            let title = to.level(t).map_or("", |x| x.title.as_str());
            let _ = writeln!(
                out,
                "{} = \"{t}\"  # {} -> {title}",
                key(l.id.as_str()),
                l.title
            );
        }
        out
    }
}

/// A TOML key: bare when it can be, else quoted.
fn key(id: &str) -> String {
    if id
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        id.to_owned()
    } else {
        format!("\"{id}\"")
    }
}

/// `id@version` as a reference.
fn reference(field: &str, text: &str) -> Result<LadderRef, Invalid> {
    let (id, version) = text.rsplit_once('@').ok_or_else(|| {
        Invalid::new(
            field,
            format!("'{text}' is not ID@VERSION, as in software-engineer@1"),
        )
    })?;
    Ok(LadderRef {
        id: id
            .parse()
            .map_err(|e: Invalid| Invalid::new(field, e.message))?,
        version: version
            .parse()
            .map_err(|_| Invalid::new(field, format!("'{version}' is not a version number")))?,
    })
}

impl LadderMap {
    /// Reads a map file and checks it against the two ladders it names: every key one of
    /// `from`'s, every value one of `to`'s. Errors name the field (`competencies.delivery`).
    pub fn parse(text: &str, from: &Ladder, to: &Ladder) -> Result<Self, Invalid> {
        let typed: Typed = toml::from_str(text).map_err(|e| {
            let at = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
            let message = e.message().to_owned();
            Invalid::new(
                at.map_or_else(|| "map".to_owned(), |l| format!("line {l}")),
                message,
            )
        })?;
        let (map_from, map_to) = (reference("from", &typed.from)?, reference("to", &typed.to)?);
        for (field, named, ladder) in [("from", &map_from, from), ("to", &map_to, to)] {
            if *named != ladder.reference() {
                return Err(Invalid::new(
                    field,
                    format!(
                        "the map's {field} is {}@{}, not {}@{}",
                        named.id, named.version, ladder.id, ladder.version
                    ),
                ));
            }
        }
        let map = Self {
            from: map_from,
            to: map_to,
            competencies: typed
                .competencies
                .into_iter()
                .map(|(k, v)| {
                    let field = format!("competencies.{k}");
                    let old = from.find_competency(&field, &k)?;
                    let new = v
                        .iter()
                        .map(|t| to.find_competency(&field, t))
                        .collect::<Result<Vec<_>, _>>()?;
                    Ok((old, new))
                })
                .collect::<Result<_, Invalid>>()?,
            levels: typed
                .levels
                .into_iter()
                .map(|(k, v)| {
                    let field = format!("levels.{k}");
                    let old: LevelId = k
                        .parse()
                        .map_err(|e: Invalid| Invalid::new(&field, e.message))?;
                    from.require_level(&field, &old)?;
                    let new: LevelId = v
                        .parse()
                        .map_err(|e: Invalid| Invalid::new(&field, e.message))?;
                    to.require_level(&field, &new)?;
                    Ok((old, new))
                })
                .collect::<Result<_, Invalid>>()?,
        };
        Ok(map)
    }

    /// The new competencies `old` reads as; with `keep`, an id the map does not name stays
    /// (a rep's tags may already be the new ladder's).
    fn competencies_for(&self, old: &[CompetencyId], keep: bool) -> Vec<CompetencyId> {
        let mut new: Vec<CompetencyId> = Vec::new();
        for c in old {
            let mapped: Vec<&CompetencyId> = match self.competencies.get(c) {
                Some(targets) => targets.iter().collect(),
                None if keep => vec![c],
                None => Vec::new(),
            };
            for t in mapped {
                if !new.contains(t) {
                    new.push(t.clone());
                }
            }
        }
        new
    }

    /// The new level for `old`, when the map has one.
    pub fn level(&self, old: &LevelId) -> Option<&LevelId> {
        self.levels.get(old)
    }

    /// The entry as the new ladder reads it, when it was made on the old one; its tags
    /// become the mapped ones.
    pub fn evidence(&self, mut e: Evidence) -> Evidence {
        if e.ladder == self.from {
            e.competencies = self.competencies_for(&e.competencies, false);
            e.ladder = self.to.clone();
        }
        e
    }

    /// The rep as the new ladder reads it (reps name no ladder: tags the map does not
    /// name stay as they are).
    pub fn rep(&self, mut r: Rep) -> Rep {
        r.competencies = self.competencies_for(&r.competencies, true);
        r
    }

    /// The destination as the new ladder reads it: its target level mapped when the map
    /// names it.
    pub fn destination(&self, mut d: Destination) -> Destination {
        d.target_level = d.target_level.map(|l| self.level(&l).cloned().unwrap_or(l));
        d
    }

    /// Rounds made on the old ladder, and their entries, as the new one reads them: each
    /// entry once per new competency its old one maps to (the first old competency
    /// speaking for a new one wins), its level mapped; entries with no counterpart go.
    pub fn rounds(
        &self,
        rounds: Vec<AssessmentRound>,
        entries: Vec<Assessment>,
    ) -> (Vec<AssessmentRound>, Vec<Assessment>) {
        let mapped: Vec<_> = rounds
            .iter()
            .filter(|r| r.ladder == self.from)
            .map(|r| r.id)
            .collect();
        let mut out: Vec<Assessment> = Vec::new();
        for a in entries {
            if !mapped.contains(&a.round) {
                out.push(a);
                continue;
            }
            let Some(level) = self.level(&a.level).cloned() else {
                continue;
            };
            for c in self.competencies.get(&a.competency).into_iter().flatten() {
                let taken = out
                    .iter()
                    .any(|x| x.round == a.round && x.assessor == a.assessor && &x.competency == c);
                if !taken {
                    out.push(Assessment {
                        competency: c.clone(),
                        level: level.clone(),
                        ..a.clone()
                    });
                }
            }
        }
        let rounds = rounds
            .into_iter()
            .map(|mut r| {
                if r.ladder == self.from {
                    r.ladder = self.to.clone();
                }
                r
            })
            .collect();
        (rounds, out)
    }
}
