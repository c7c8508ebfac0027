//! How records look on a terminal, and the one way to print JSON.

use std::io::{self, Write};

use cairn_core::evidence::{Evidence, LevelSignal};
use cairn_core::id::CompetencyId;
use cairn_core::ladder::Ladder;
use serde::Serialize;

/// The short handle shown in lists: the id's last eight hex digits, the random part, so
/// entries logged in the same second still differ. Any unique start or end of the id works
/// wherever an id is asked for.
pub fn short_id(e: &Evidence) -> String {
    let id = e.id.to_string();
    id[id.len() - 8..].to_owned()
}

/// Writes a value as pretty JSON and a newline.
pub fn json(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

/// A new piece of evidence on stdout: the whole record with `--json`, else its id, so
/// scripts can capture it.
pub fn created(e: &Evidence, as_json: bool) -> io::Result<()> {
    let mut out = io::stdout().lock();
    if as_json {
        json(&mut out, e)?;
    } else {
        writeln!(out, "{}", e.id)?;
    }
    out.flush()
}

/// A list of evidence as JSON or as lines, as `--json` says; an empty one is said so on
/// standard error, so a script reading standard output still sees nothing.
pub fn evidence_list(out: &mut impl Write, list: &[Evidence], as_json: bool) -> io::Result<()> {
    if as_json {
        json(out, &list)
    } else if list.is_empty() {
        eprintln!("No evidence matches.");
        Ok(())
    } else {
        evidence_lines(out, list)
    }
}

/// One line per piece of evidence: date, handle, a `↑` for next-level work, title, skills.
pub fn evidence_lines(out: &mut impl Write, list: &[Evidence]) -> io::Result<()> {
    for e in list {
        let next = if e.level == LevelSignal::Next {
            "↑ "
        } else {
            ""
        };
        let skills: Vec<&str> = e.competencies.iter().map(CompetencyId::as_str).collect();
        if skills.is_empty() {
            writeln!(out, "{}  {}  {next}{}", e.date, short_id(e), e.title)?;
        } else {
            writeln!(
                out,
                "{}  {}  {next}{}  [{}]",
                e.date,
                short_id(e),
                e.title,
                skills.join(", ")
            )?;
        }
    }
    Ok(())
}

/// One entry in full, with the ladder it was made on and, when it came from a team server,
/// which one and who wrote it.
pub fn evidence_detail(
    out: &mut impl Write,
    e: &Evidence,
    ladder: &Ladder,
    from: Option<&cairn_core::sync::Origin>,
) -> io::Result<()> {
    writeln!(out, "{}", e.title)?;
    writeln!(out, "  id          {}", e.id)?;
    writeln!(out, "  date        {}", e.date)?;
    let skills: Vec<String> = e
        .competencies
        .iter()
        .map(|c| match ladder.competency(c) {
            Some(found) => format!("{} ({})", found.name, c),
            None => c.to_string(),
        })
        .collect();
    if !skills.is_empty() {
        writeln!(out, "  skills      {}", skills.join(", "))?;
    }
    let level = match e.level {
        LevelSignal::Current => "current level",
        LevelSignal::Next => "next level",
    };
    writeln!(out, "  shows       {level}")?;
    if !e.areas.is_empty() {
        writeln!(out, "  areas       {}", e.areas.join(", "))?;
    }
    writeln!(out, "  visibility  {}", e.visibility)?;
    writeln!(out, "  source      {}", e.source)?;
    writeln!(out, "  ladder      {} v{}", ladder.name, ladder.version)?;
    if let Some(o) = from {
        match &o.author {
            Some(author) => writeln!(out, "  from        {} (written by {author})", o.remote)?,
            None => writeln!(out, "  from        {} (your team server there)", o.remote)?,
        }
    }
    for link in &e.links {
        writeln!(out, "  link        {link}")?;
    }
    if !e.impact.is_empty() {
        writeln!(out, "\nImpact\n  {}", e.impact.replace('\n', "\n  "))?;
    }
    if !e.body.is_empty() {
        writeln!(out, "\n{}", e.body)?;
    }
    Ok(())
}
