//! jrnl's plain-text journal: entries headed `[YYYY-MM-DD HH:MM] Title`, an optional ` *`
//! star, then body lines until the next heading. `@tags` anywhere are kept.

use chrono::NaiveDate;

use super::SourceError;
use super::entries::{Entry, blank, tags};

/// Reads a jrnl journal, oldest first as written.
pub fn read(text: &str) -> Result<Vec<Entry>, SourceError> {
    let mut entries: Vec<Entry> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some((date, title)) = heading(line) {
            let date = date.ok_or_else(|| {
                SourceError::new(
                    Some(i + 1),
                    "date",
                    format!("'{}' is not a date", &line[1..11.min(line.len())]),
                )
            })?;
            entries.push(Entry {
                line: i + 1,
                date,
                title: title.trim_end_matches(" *").trim().to_owned(),
                ..Entry::default()
            });
        } else if let Some(entry) = entries.last_mut() {
            if !entry.body.is_empty() || !line.trim().is_empty() {
                entry.body.push_str(line);
                entry.body.push('\n');
            }
        } else if !line.trim().is_empty() {
            return Err(SourceError::new(
                Some(i + 1),
                "",
                "not a jrnl journal: entries start with [YYYY-MM-DD HH:MM]",
            ));
        }
    }
    if entries.is_empty() {
        return Err(SourceError::new(
            None,
            "",
            "no jrnl entries ([YYYY-MM-DD HH:MM] Title) in the file",
        ));
    }
    for e in &mut entries {
        e.body = e.body.trim().to_owned();
        e.tags = tags(&format!("{} {}", e.title, e.body));
        if blank(&e.title) {
            return Err(SourceError::new(
                Some(e.line),
                "title",
                "the entry has no title",
            ));
        }
    }
    Ok(entries)
}

/// `[YYYY-MM-DD HH:MM] rest` → the date (None when the brackets hold no valid date) and
/// the rest.
fn heading(line: &str) -> Option<(Option<NaiveDate>, &str)> {
    let inner = line.strip_prefix('[')?;
    let (stamp, rest) = inner.split_once(']')?;
    let looks = stamp.len() >= 10
        && stamp.as_bytes()[4] == b'-'
        && stamp[..4].chars().all(|c| c.is_ascii_digit());
    if !looks {
        return None;
    }
    Some((
        NaiveDate::parse_from_str(&stamp[..10], "%Y-%m-%d").ok(),
        rest,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries_bodies_stars_and_tags() {
        let text = "[2026-03-02 09:15] Ran the incident review @incident.\nWrote it up.\n\n[2026-03-04 17:00] Paired with Sam @mentoring *\n\n[2026-03-05 08:00] Short one.\n";
        let list = read(text).unwrap();
        assert_eq!(list.len(), 3);
        assert_eq!(list[0].title, "Ran the incident review @incident.");
        assert_eq!(list[0].body, "Wrote it up.");
        assert_eq!(list[0].tags, ["@incident"]);
        assert_eq!(list[1].title, "Paired with Sam @mentoring");
        let blank = read("[2026-03-02 09:15] \u{0}\u{0}\nBody only\n").unwrap_err();
        assert_eq!(
            (blank.line, blank.field.as_str()),
            (Some(1), "title"),
            "{blank}"
        );
        assert_eq!((list[2].line, list[2].body.as_str()), (6, ""));
    }

    #[test]
    fn other_text_is_refused_at_its_line() {
        assert_eq!(read("hello\n").unwrap_err().line, Some(1));
        let bad = read("[2026-02-30 10:00] x\n").unwrap_err();
        assert_eq!((bad.line, bad.field.as_str()), (Some(1), "date"));
    }
}
